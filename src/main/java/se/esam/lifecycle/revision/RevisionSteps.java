package se.esam.lifecycle.revision;

import static se.esam.lifecycle.revision.internal.RevisionProcess.Vars.*;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import se.esam.lifecycle.identity.AuthorizationSetup;
import se.esam.lifecycle.revision.RevisionFeedback.FeedbackItem;
import se.esam.lifecycle.revision.RevisionVariables.ItemRow;
import se.esam.lifecycle.revision.internal.RevisionProcess.Decisions;
import se.esam.lifecycle.system.InvalidInputException;

/**
 * The glue between {@code guidance-revision.bpmn} and {@link RevisionService}: one method per step.
 * Public because the engine's expression language only calls methods of public classes.
 */
@Component("revisionSteps")
public class RevisionSteps {

    private final RevisionService service;
    private final AuthorizationSetup authorizations;
    private final RevisionIntake intake;
    private final ApplicationEventPublisher events;

    RevisionSteps(
            RevisionService service,
            AuthorizationSetup authorizations,
            RevisionIntake intake,
            ApplicationEventPublisher events) {
        this.service = service;
        this.authorizations = authorizations;
        this.intake = intake;
        this.events = events;
    }

    public void open(DelegateExecution execution) {
        // the engine sets the initiator on message starts too: only a start without feedback is one by hand
        String startedByHand = string(execution, FEEDBACK_REFERENCE) == null ? string(execution, STARTED_BY) : null;
        RevisionService.Opened opened =
                service.open(string(execution, GUIDANCE_ID), startedByHand, execution.getProcessInstanceId());
        execution.setProcessBusinessKey(opened.label());
        execution.setVariable(REVISION_ID, opened.label());
        execution.setVariable(GUIDANCE_TITLE, opened.document().title());
        execution.setVariable(BASE_VERSION, opened.baseVersion());
        execution.setVariable(OWNING_GROUP, opened.document().owningGroup());
        authorizations.grant(
                opened.document().owningGroup(),
                Resources.PROCESS_INSTANCE,
                execution.getProcessInstanceId(),
                Permissions.READ);
        execution.setVariable(CONSULTATION_HELD, false);
        execution.setVariable(SECTIONS, RevisionVariables.sections(opened.sections()));
        execution.setVariable(
                ITEMS,
                RevisionVariables.items(opened.items().stream().map(ItemRow::of).toList()));
    }

    public void addFeedback(DelegateExecution execution) {
        FeedbackItem item = service.join(id(execution), string(execution, FEEDBACK_REFERENCE));
        List<ItemRow> rows = RevisionVariables.readItems(execution.getVariable(ITEMS));
        if (rows.stream().noneMatch(row -> item.reference().equals(row.reference()))) {
            // the rows as the form left them, so that what the drafting group wrote so far stays as it was
            List<ItemRow> items = new ArrayList<>(rows);
            items.add(ItemRow.of(item));
            execution.setVariable(ITEMS, RevisionVariables.items(items));
        }
    }

    public void drafted(DelegateTask task) {
        DelegateExecution execution = task.getExecution();
        List<Revision.Section> sections = RevisionVariables.readSections(execution.getVariable(SECTIONS));
        List<Revision.Item> traces = RevisionVariables.readItems(execution.getVariable(ITEMS)).stream()
                .map(ItemRow::item)
                .toList();
        service.recordDraft(
                id(execution),
                actor(task),
                sections,
                traces,
                string(execution, CHANGE_NOTES),
                string(execution, CHANGE_CLASS));
        execution.setVariable(RETURN_COMMENTS, null);
        // a new draft is decided afresh: an earlier "return" must neither repeat itself nor show pre-filled
        execution.removeVariables(List.of(QUALITY_DECISION, QUALITY_COMMENTS, APPROVAL_DECISION, APPROVAL_COMMENTS));
    }

    public void openConsultation(DelegateExecution execution) {
        execution.setVariable(CONSULTATION_ENDS, Date.from(service.openConsultation(id(execution))));
    }

    public void closeConsultation(DelegateExecution execution) {
        execution.setVariable(RESPONSES_SUMMARY, service.closeConsultation(id(execution)));
        execution.setVariable(CONSULTATION_HELD, true);
    }

    /** Task create listener of the quality review: the draft is final, so its version number is known. */
    public void toQualityReview(DelegateTask task) {
        DelegateExecution execution = task.getExecution();
        // the approvers are known now (classification): they read the revision they will decide
        authorizations.grant(
                string(execution, APPROVER_GROUP),
                Resources.PROCESS_INSTANCE,
                execution.getProcessInstanceId(),
                Permissions.READ);
        RevisionService.ForReview review =
                service.toQualityReview(id(execution), VersionBump.of(string(execution, VERSION_BUMP)));
        execution.setVariable(NEW_VERSION, review.newVersion());
        // set by the process from the stored draft, shown by the forms, written by none
        execution.setVariable(SECTION_CHANGES, RevisionVariables.sectionChanges(review.changes()));
        execution.setVariable(DRAFTED_BY, review.draftedBy());
    }

    public void qualityReviewed(DelegateTask task) {
        DelegateExecution execution = task.getExecution();
        String decision = decision(execution, QUALITY_DECISION);
        String comments = string(execution, QUALITY_COMMENTS);
        service.qualityReviewed(id(execution), actor(task), Decisions.APPROVE.equals(decision), comments);
        if (Decisions.RETURN.equals(decision)) {
            execution.setVariable(RETURN_COMMENTS, "Kansliet: " + comments);
        }
    }

    /** Refuses the claim at once when the person drafted the revision, not only at completion. */
    public void approverAssigned(DelegateTask task) {
        String assignee = task.getAssignee();
        if (assignee != null && !assignee.equals(actor(task))) {
            service.mayBeGivenApproval(id(task.getExecution()), assignee);
        } else {
            service.mayApprove(id(task.getExecution()), assignee);
        }
    }

    public void approved(DelegateTask task) {
        DelegateExecution execution = task.getExecution();
        // who decides comes before what is decided: a drafter learns of four eyes, not of a missing choice
        service.mayApprove(id(execution), actor(task));
        String decision = decision(execution, APPROVAL_DECISION);
        String comments = string(execution, APPROVAL_COMMENTS);
        service.approvalDecided(id(execution), actor(task), Decisions.APPROVE.equals(decision), comments);
        if (Decisions.RETURN.equals(decision)) {
            execution.setVariable(RETURN_COMMENTS, "Beslutsfattaren: " + comments);
        }
    }

    /**
     * Stores the new version and announces it, in this transaction, to the feedback it answers.
     * Feedback accepted after this revision's drafting then opens the next revision.
     */
    public void publish(DelegateExecution execution) {
        RevisionService.Publication publication = service.publish(id(execution));
        publication.acceptedWaiting().ifPresent(reference -> intake.request(publication.guidanceId(), reference));
        events.publishEvent(new RevisionPublished(
                publication.label(), publication.guidanceId(), publication.version(), publication.answers()));
    }

    /** From the business key, set once when the revision opens: no task holder can point a step elsewhere. */
    private static long id(DelegateExecution execution) {
        return Revision.idOf(execution.getProcessBusinessKey());
    }

    private static String actor(DelegateTask task) {
        Authentication authentication =
                task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        return authentication != null ? authentication.getUserId() : task.getAssignee();
    }

    private static String decision(DelegateExecution execution, String name) {
        String value = string(execution, name);
        if (!Decisions.APPROVE.equals(value) && !Decisions.RETURN.equals(value)) {
            throw new InvalidInputException(name, "Välj ett beslut.");
        }
        return value;
    }

    private static String string(DelegateExecution execution, String name) {
        Object value = execution.getVariable(name);
        return value == null || value.toString().isBlank() ? null : value.toString();
    }
}
