package se.esam.lifecycle.review;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import se.esam.lifecycle.guidance.GuidancePublisher;
import se.esam.lifecycle.guidance.GuidanceReviews;
import se.esam.lifecycle.guidance.GuidanceReviews.ReviewedVersion;
import se.esam.lifecycle.review.internal.PeriodicReviewProcess;
import se.esam.lifecycle.review.internal.PeriodicReviewProcess.Vars;
import se.esam.lifecycle.revision.RevisionPublished;
import se.esam.lifecycle.system.AsApplication;

/**
 * Starts the periodic review of every current version: when a revision publishes one, and at start-up for
 * versions published before (the catalogue). One review process per version ever (its business key), so
 * starting again, on any node, changes nothing; a newer version ends the review of the one it replaces.
 */
@Component
@Order(10)
public class PeriodicReviewStarter implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(PeriodicReviewStarter.class);

    private final GuidanceReviews reviews;
    private final GuidancePublisher publisher;
    private final RuntimeService runtime;
    private final HistoryService history;
    private final IdentityService identity;
    private final TransactionTemplate transaction;

    private final boolean atStartUp;

    PeriodicReviewStarter(
            PeriodicReviewProperties properties,
            GuidanceReviews reviews,
            GuidancePublisher publisher,
            RuntimeService runtime,
            HistoryService history,
            IdentityService identity,
            TransactionTemplate transaction) {
        this.reviews = reviews;
        this.publisher = publisher;
        this.runtime = runtime;
        this.history = history;
        this.identity = identity;
        this.transaction = transaction;
        this.atStartUp = properties.scheduleAtStartUp();
    }

    @Override
    public void run(ApplicationArguments args) {
        if (atStartUp) {
            scheduleCurrentVersions();
        }
    }

    /** Starts the review of every current version that never had one; public for tests that drive it. */
    public int scheduleCurrentVersions() {
        int started = 0;
        for (ReviewedVersion version : reviews.currentVersions()) {
            Boolean began = transaction.execute(status -> startIfNew(version.documentId(), version.number()));
            started += Boolean.TRUE.equals(began) ? 1 : 0;
        }
        if (started > 0) {
            log.info("Periodic review: {} published versions scheduled", started);
        }
        return started;
    }

    /** Synchronous, in the publishing transaction: the new version's review stands or falls with it. */
    @EventListener
    void on(RevisionPublished published) {
        startIfNew(published.guidanceId(), published.version());
    }

    /** @return whether a review was started */
    boolean startIfNew(String guidanceId, String number) {
        // the system starts reviews, not the person whose approval published the version
        return AsApplication.query(identity, () -> {
            // one at a time per document, across nodes: the check below and the start are then one step
            publisher.lock(guidanceId);
            ReviewedVersion version = reviews.version(guidanceId, number).orElse(null);
            if (version == null || !version.current() || version.withdrawn()) {
                return false;
            }
            for (ReviewedVersion older : reviews.versions(guidanceId)) {
                if (!older.number().equals(number)) {
                    runtime.createMessageCorrelation(PeriodicReviewProcess.MESSAGE_SUPERSEDED)
                            .processInstanceBusinessKey(PeriodicReviewProcess.businessKey(guidanceId, older.number()))
                            .correlateAll();
                    if (older.reviewDue() != null) {
                        reviews.superseded(guidanceId, older.number());
                    }
                }
            }
            if (version.reviewDue() == null && version.lastReviewedOn() != null) {
                // reviewed and a revision asked for: the revision's version gets the next review. Our table says so
                // even when the engine's history of that review has been disposed of
                return false;
            }
            String key = PeriodicReviewProcess.businessKey(guidanceId, number);
            boolean known = history.createHistoricProcessInstanceQuery()
                            .processDefinitionKey(PeriodicReviewProcess.KEY)
                            .processInstanceBusinessKey(key)
                            .count()
                    > 0;
            if (known) {
                return false;
            }
            runtime.startProcessInstanceByKey(
                    PeriodicReviewProcess.KEY,
                    key,
                    java.util.Map.of(Vars.GUIDANCE_ID, guidanceId, Vars.GUIDANCE_VERSION, number));
            return true;
        });
    }
}
