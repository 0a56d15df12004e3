package se.esam.lifecycle.feedback;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import se.esam.lifecycle.feedback.FeedbackProcess.Vars;
import se.esam.lifecycle.security.CurrentUser;

/**
 * Submission through the API: the same process as a start from Tasklist, with the input checked
 * first so that a mistake is answered with the field at fault. Feedback and process are stored in one
 * transaction: either both exist or neither.
 */
@Component
class FeedbackIntake {

    private final FeedbackService feedback;
    private final RuntimeService runtime;
    private final FeedbackRepository repository;

    FeedbackIntake(FeedbackService feedback, RuntimeService runtime, FeedbackRepository repository) {
        this.feedback = feedback;
        this.runtime = runtime;
        this.repository = repository;
    }

    @Transactional
    String submit(Submission submission, CurrentUser submitter) {
        feedback.check(submission, submitter.id());
        Map<String, Object> variables = new HashMap<>();
        variables.put(Vars.GUIDANCE_ID, submission.guidanceId());
        variables.put(Vars.GUIDANCE_VERSION, submission.guidanceVersion());
        variables.put(Vars.SECTION_ID, submission.sectionId());
        variables.put(Vars.FEEDBACK_TYPE, submission.type().name());
        variables.put(Vars.DESCRIPTION, submission.description());
        variables.put(Vars.SUBMITTER, submitter.id());
        ProcessInstance instance = runtime.startProcessInstanceByKey(FeedbackProcess.KEY, variables);
        return repository.referenceOfProcess(instance.getId());
    }
}
