package se.esam.lifecycle.feedback;

import static se.esam.lifecycle.feedback.internal.FeedbackProcess.Vars.*;

import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

import se.esam.lifecycle.feedback.internal.FeedbackProcess.TriageDecisions;
import se.esam.lifecycle.identity.AuthorizationSetup;
import se.esam.lifecycle.privacy.PersonalData;
import se.esam.lifecycle.system.InvalidInputException;

/**
 * The glue between {@code guidance-feedback.bpmn} and {@link FeedbackService}: each method is one step
 * of the diagram, turning process variables into a service call and its result back into variables.
 * Public because the engine's expression language only calls methods of public classes.
 */
@Component("feedbackSteps")
public class FeedbackSteps {

    private final FeedbackService service;
    private final AuthorizationSetup access;
    private final String endorsementText;

    FeedbackSteps(FeedbackService service, EndorsementVariables endorsements, AuthorizationSetup access) {
        this.service = service;
        this.access = access;
        this.endorsementText = endorsements.text(List.of());
    }

    public void register(DelegateExecution execution) {
        // someone signed in (Tasklist, engine REST) submits as themselves, whatever variables they sent
        Authentication authentication =
                execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        String submitter = authentication != null ? authentication.getUserId() : string(execution, SUBMITTER);
        if (submitter == null) {
            throw new InvalidInputException(SUBMITTER, "Synpunkten saknar inlämnare.");
        }
        String description = string(execution, DESCRIPTION_IN_FULL) != null
                ? string(execution, DESCRIPTION_IN_FULL)
                : string(execution, DESCRIPTION);
        Submission submission = new Submission(
                string(execution, GUIDANCE_ID),
                string(execution, GUIDANCE_VERSION),
                string(execution, SECTION_ID),
                type(string(execution, FEEDBACK_TYPE)),
                description);
        FeedbackService.Registered registered =
                service.register(submission, submitter, execution.getProcessInstanceId());
        execution.setProcessBusinessKey(registered.reference());
        execution.setVariables(Map.of(
                SUBMITTER, submitter,
                REFERENCE, registered.reference(),
                GUIDANCE_VERSION, registered.guidance().version(),
                GUIDANCE_TITLE, registered.guidance().title(),
                FEEDBACK_TYPE_LABEL, registered.type().label(),
                SUBMITTER_ORGANISATION, registered.organisationName(),
                OWNING_GROUP, registered.guidance().owningGroup()));
        execution.removeVariable(DESCRIPTION_IN_FULL);
        execution.setVariable(DESCRIPTION, FeedbackText.forForms(registered.description(), registered.reference()));
        // the publishing review's proposal, on the triage form; shortened as the description is for the engine
        execution.setVariable(
                PUBLIC_TEXT, FeedbackService.proposedPublicText(registered.description(), registered.reference()));
        String found = PersonalData.describe(registered.description());
        execution.setVariable(
                PERSONAL_DATA_FOUND,
                found.isEmpty()
                        ? "Inga personnummer, e-postadresser eller telefonnummer hittades."
                        : "Hittades: " + found + ".");
        // a new item has no endorsements yet; the routing table reads the breadth, the forms the text
        execution.setVariable(BREADTH, 1);
        execution.setVariable(ENDORSEMENTS, endorsementText);
        execution.setVariable(SECTION_ID, registered.guidance().sectionId());
        execution.setVariable(SECTION_TITLE, registered.guidance().sectionTitle());
        // the submitter reads this one feedback process (Tasklist shows its variables on her task cards), not every
        // organisation's
        access.grantToUser(submitter, Resources.PROCESS_INSTANCE, execution.getProcessInstanceId(), Permissions.READ);
    }

    public void triaged(DelegateTask task) {
        String reference = reference(task.getExecution());
        String actor = actor(task);
        boolean personalData = Boolean.TRUE.equals(task.getVariable(CONTAINS_PERSONAL_DATA));
        String decision = String.valueOf(task.getVariable(TRIAGE_DECISION));
        switch (decision) {
            case TriageDecisions.ROUTE -> {
                service.reviewPublication(
                        reference,
                        actor,
                        publication(string(task.getExecution(), PUBLICATION)),
                        string(task.getExecution(), PUBLIC_TEXT),
                        string(task.getExecution(), PUBLICATION_GROUND),
                        personalData);
                service.route(
                        reference,
                        actor,
                        string(task.getExecution(), EXPERT_GROUP),
                        priority(string(task.getExecution(), PRIORITY)),
                        personalData);
            }
            case TriageDecisions.DUPLICATE ->
                service.markDuplicate(reference, actor, string(task.getExecution(), DUPLICATE_OF), personalData);
            case TriageDecisions.OUT_OF_SCOPE ->
                service.markOutOfScope(
                        reference, actor, string(task.getExecution(), OUT_OF_SCOPE_REASON), personalData);
            case TriageDecisions.CLARIFY -> {
                task.setVariable(
                        CLARIFICATION_DUE,
                        Date.from(service.requestClarification(
                                reference, actor, string(task.getExecution(), CLARIFICATION_QUESTION), personalData)));
                // a new question is answered afresh: the submitter's form must not come pre-filled with the last answer
                task.getExecution().removeVariables(List.of(CLARIFICATION_ANSWER, CLARIFICATION_ASKED));
            }
            default -> throw new InvalidInputException(TRIAGE_DECISION, "Välj ett beslut.");
        }
    }

    public void clarificationAnswered(DelegateTask task) {
        DelegateExecution execution = task.getExecution();
        service.clarified(reference(execution), actor(task), string(execution, CLARIFICATION_ANSWER));
        // the question moves to a field no form writes, so re-triage shows it beside the answer ...
        execution.setVariable(CLARIFICATION_ASKED, string(execution, CLARIFICATION_QUESTION));
        // ... and the triage is decided afresh: an old "clarify" and its question pre-selected would send
        // the same question again with one click
        execution.removeVariables(List.of(TRIAGE_DECISION, CLARIFICATION_QUESTION, DUPLICATE_OF, OUT_OF_SCOPE_REASON));
    }

    public void closeAsUnanswered(DelegateExecution execution) {
        service.closeAsUnanswered(reference(execution));
    }

    public void closeAsDuplicate(DelegateExecution execution) {
        service.closeAsDuplicate(reference(execution));
    }

    public void closeAsOutOfScope(DelegateExecution execution) {
        service.closeAsOutOfScope(reference(execution));
    }

    public void assignToExpertGroup(DelegateExecution execution) {
        FeedbackService.ReviewPlan plan = service.sendToReview(reference(execution));
        // the routed group reads this one feedback process, as the submitter does
        access.grant(
                string(execution, EXPERT_GROUP),
                Resources.PROCESS_INSTANCE,
                execution.getProcessInstanceId(),
                Permissions.READ);
        execution.setVariable(REVIEW_DUE, Date.from(plan.due()));
        execution.setVariable(REVIEW_REMINDER, Date.from(plan.reminder()));
    }

    public void reviewerAssigned(DelegateTask task) {
        String assignee = task.getAssignee();
        if (assignee != null && !assignee.equals(actor(task))) {
            service.mayBeGivenReview(reference(task.getExecution()), assignee);
        } else {
            service.mayReview(reference(task.getExecution()), assignee);
        }
    }

    public void reviewed(DelegateTask task) {
        String disposition = string(task.getExecution(), DISPOSITION);
        service.decide(
                reference(task.getExecution()),
                actor(task),
                disposition(disposition),
                string(task.getExecution(), DISPOSITION_REASON));
    }

    public void remindReviewers(DelegateExecution execution) {
        service.remindReviewers(reference(execution));
    }

    public void escalate(DelegateExecution execution) {
        service.escalate(reference(execution));
    }

    public void notifyDisposition(DelegateExecution execution) {
        service.notifyDisposition(reference(execution));
    }

    public void handOverToRevision(DelegateExecution execution) {
        service.handOverToRevision(reference(execution));
    }

    public void notifyPublication(DelegateExecution execution) {
        service.answeredInVersion(
                reference(execution), string(execution, PUBLISHED_VERSION), string(execution, ANSWER));
    }

    /** Who completed the task: the signed-in user, else (engine API without one) its assignee. */
    private static String actor(DelegateTask task) {
        Authentication authentication =
                task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        return authentication != null ? authentication.getUserId() : task.getAssignee();
    }

    /**
     * The business key, set once at registration: unlike the {@code reference} variable (kept for the forms to
     * show), nobody holding a task can change which feedback a step acts on.
     */
    private static String reference(DelegateExecution execution) {
        return execution.getProcessBusinessKey();
    }

    private static String string(DelegateExecution execution, String name) {
        Object value = execution.getVariable(name);
        return value == null || value.toString().isBlank() ? null : value.toString();
    }

    private static FeedbackType type(String value) {
        return parse(FeedbackType.class, FEEDBACK_TYPE, value);
    }

    private static Priority priority(String value) {
        return parse(Priority.class, PRIORITY, value);
    }

    private static Publication.Decision publication(String value) {
        return parse(Publication.Decision.class, PUBLICATION, value);
    }

    private static Disposition disposition(String value) {
        return parse(Disposition.class, DISPOSITION, value);
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String field, String value) {
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, "Okänt värde '" + value + "'.");
        }
    }
}
