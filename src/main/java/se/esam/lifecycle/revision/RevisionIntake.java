package se.esam.lifecycle.revision;

import java.util.Optional;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import se.esam.lifecycle.feedback.FeedbackAccepted;
import se.esam.lifecycle.guidance.GuidancePublisher;
import se.esam.lifecycle.revision.RevisionProcess.Vars;

/**
 * Accepted feedback opens the document's revision, or joins the one being drafted. The document's row
 * is locked first, so two acceptances at the same moment queue: the first opens the revision, the
 * second joins it. Feedback accepted after drafting waits for the next revision, which takes it up
 * when it opens, like feedback held for the next revision.
 */
@Component
class RevisionIntake {

    private final RevisionService revisions;
    private final GuidancePublisher publisher;
    private final RuntimeService runtime;

    RevisionIntake(RevisionService revisions, GuidancePublisher publisher, RuntimeService runtime) {
        this.revisions = revisions;
        this.publisher = publisher;
        this.runtime = runtime;
    }

    @EventListener
    @Transactional
    void accepted(FeedbackAccepted accepted) {
        publisher.lock(accepted.guidanceId());
        Optional<Revision> open = revisions.openFor(accepted.guidanceId());
        if (open.isEmpty()) {
            runtime.createMessageCorrelation(RevisionProcess.MESSAGE_REVISION_REQUESTED)
                    .setVariable(Vars.GUIDANCE_ID, accepted.guidanceId())
                    .setVariable(Vars.FEEDBACK_REFERENCE, accepted.reference())
                    .correlateStartMessage();
        } else if (open.get().status() == RevisionStatus.DRAFTING) {
            runtime.createMessageCorrelation(RevisionProcess.MESSAGE_FEEDBACK_JOINED)
                    .processInstanceBusinessKey(open.get().label())
                    .setVariable(Vars.FEEDBACK_REFERENCE, accepted.reference())
                    .correlate();
        }
    }
}
