package se.esam.lifecycle.feedback;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** Submissions and decisions as Prometheus counters, counted once their transaction has committed. */
@Component
class FeedbackMetrics {

    private final MeterRegistry registry;

    FeedbackMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void submitted(FeedbackType type) {
        afterCommit(Counter.builder("guidance.feedback.submitted")
                .description("Feedback submitted")
                .tag("type", type.name())
                .register(registry));
    }

    /** @param outcome the disposition, or how it was closed without one */
    void decided(String outcome) {
        afterCommit(Counter.builder("guidance.feedback.decided")
                .description("Feedback given its outcome")
                .tag("outcome", outcome)
                .register(registry));
    }

    private static void afterCommit(Counter counter) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            counter.increment();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                counter.increment();
            }
        });
    }
}
