package se.esam.lifecycle.revision;

import java.util.Optional;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import se.esam.lifecycle.guidance.GuidancePublisher;
import se.esam.lifecycle.revision.internal.RevisionProcess;
import se.esam.lifecycle.revision.internal.RevisionProcess.Vars;

/**
 * The one way to ask for a revision: accepted feedback opens the document's revision, or joins the one
 * being drafted. The document's row is locked first, so two acceptances at the same moment queue: the
 * first opens the revision, the second joins it. Feedback accepted after drafting waits for the next
 * revision, which takes it up when it opens, like feedback held for the next revision; when a version
 * is published with such feedback waiting, the publication asks here for the next revision.
 */
@Component
public class RevisionIntake {

    private final RevisionService revisions;
    private final GuidancePublisher publisher;
    private final RuntimeService runtime;

    RevisionIntake(RevisionService revisions, GuidancePublisher publisher, RuntimeService runtime) {
        this.revisions = revisions;
        this.publisher = publisher;
        this.runtime = runtime;
    }

    /**
     * In the caller's transaction, so that the request stands or falls with what accepted the feedback. Without
     * feedback (a periodic review asks for a revision) an open revision already answers the request.
     */
    @Transactional
    public void request(String guidanceId, String feedbackReference) {
        publisher.lock(guidanceId);
        Optional<Revision> open = revisions.openFor(guidanceId);
        if (open.isEmpty()) {
            runtime.createMessageCorrelation(RevisionProcess.MESSAGE_REVISION_REQUESTED)
                    .setVariable(Vars.GUIDANCE_ID, guidanceId)
                    .setVariable(Vars.FEEDBACK_REFERENCE, feedbackReference)
                    .correlateStartMessage();
        } else if (feedbackReference != null && open.get().status() == RevisionStatus.DRAFTING) {
            runtime.createMessageCorrelation(RevisionProcess.MESSAGE_FEEDBACK_JOINED)
                    .processInstanceBusinessKey(open.get().label())
                    .setVariable(Vars.FEEDBACK_REFERENCE, feedbackReference)
                    .correlate();
        }
    }
}
