package se.esam.lifecycle.notification;

import java.time.Clock;
import java.util.Collection;
import java.util.List;

import org.camunda.bpm.engine.impl.context.BpmnExecutionContext;
import org.camunda.bpm.engine.impl.context.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The one place that sends mail. Plain text only, so nothing a submitter wrote can become markup. A mail
 * is stored in the outbox within the caller's transaction and sent once that has committed
 * ({@link MailDelivery}): a step that rolls back mails nothing, and a mail server that is down never
 * fails the step.
 */
@Service
public class Mailer {

    private static final Logger log = LoggerFactory.getLogger(Mailer.class);

    private final MailOutbox outbox;
    private final MailDelivery delivery;
    private final Clock clock;

    Mailer(MailOutbox outbox, MailDelivery delivery, Clock clock) {
        this.outbox = outbox;
        this.delivery = delivery;
        this.clock = clock;
    }

    public void send(String to, String subject, String body) {
        send(List.of(to), subject, body);
    }

    public void send(Collection<String> to, String subject, String body) {
        if (to.isEmpty()) {
            log.warn("Mail '{}' has no recipient and is not sent", subject);
            return;
        }
        long id = outbox.add(List.copyOf(to), subject, body, processInstance(), clock.instant());
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    try {
                        delivery.deliverAfterCommit(id);
                    } catch (RuntimeException e) {
                        // committed is committed: the scheduled retry takes the mail from here
                        log.error("Mail {} not delivered after commit; retried later", id, e);
                    }
                }
            });
        } else {
            delivery.deliver(id);
        }
    }

    /** One mail of a batch ({@link #queue}). */
    public record Outgoing(String to, String subject, String body) {}

    /**
     * Many mails at once (a digest run): stored in the caller's transaction in one batch, and sent by
     * {@link #deliverQueued} once that has committed, or by the scheduled retry if the node stops first. Not
     * sent from the commit itself as {@link #send} does: thousands of mails would each hold the committing
     * connection in turn.
     */
    public void queue(List<Outgoing> mails) {
        if (!mails.isEmpty()) {
            outbox.addAll(mails, clock.instant());
        }
    }

    /** Sends what is due in the outbox now; call outside a transaction. */
    public int deliverQueued() {
        return delivery.deliverDue();
    }

    /** The process a step that mails belongs to, so that a mail that cannot be sent shows there. */
    private static String processInstance() {
        BpmnExecutionContext context = Context.getBpmnExecutionContext();
        return context == null || context.getExecution() == null
                ? null
                : context.getExecution().getProcessInstanceId();
    }
}
