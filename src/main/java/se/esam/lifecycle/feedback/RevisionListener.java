package se.esam.lifecycle.feedback;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import se.esam.lifecycle.feedback.internal.FeedbackProcess;
import se.esam.lifecycle.feedback.internal.FeedbackProcess.Vars;
import se.esam.lifecycle.revision.FeedbackTakenUp;
import se.esam.lifecycle.revision.RevisionPublished;

/**
 * Feedback's side of the revision work. Synchronous listeners, so that feedback's status and process
 * move in the revision's transaction: a published version and the answers it gives stand or fall
 * together.
 */
@Component
class RevisionListener {

    private final FeedbackService service;
    private final RuntimeService runtime;

    RevisionListener(FeedbackService service, RuntimeService runtime) {
        this.service = service;
        this.runtime = runtime;
    }

    @EventListener
    void on(FeedbackTakenUp takenUp) {
        service.joinedRevision(takenUp.reference(), takenUp.revision());
    }

    /** Resumes every feedback process waiting for the version, each exactly once. */
    @EventListener
    void on(RevisionPublished published) {
        for (RevisionPublished.Answer answer : published.answers()) {
            runtime.createMessageCorrelation(FeedbackProcess.MESSAGE_REVISION_PUBLISHED)
                    .processInstanceBusinessKey(answer.reference())
                    .setVariable(Vars.PUBLISHED_VERSION, published.version())
                    .setVariable(Vars.ANSWER, answer.text())
                    .correlateAll();
        }
    }
}
