package se.esam.lifecycle.review;

import static se.esam.lifecycle.review.internal.PeriodicReviewProcess.Vars.*;

import java.time.LocalDate;
import java.util.Date;

import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

import se.esam.lifecycle.guidance.GuidanceReviews.ReviewedVersion;
import se.esam.lifecycle.identity.AuthorizationSetup;
import se.esam.lifecycle.review.internal.PeriodicReviewProcess.Outcomes;
import se.esam.lifecycle.revision.RevisionIntake;
import se.esam.lifecycle.system.ForbiddenException;
import se.esam.lifecycle.system.InvalidInputException;
import se.esam.lifecycle.system.SwedishTime;

/**
 * The glue between {@code guidance-periodic-review.bpmn} and {@link PeriodicReviewService}: one method per
 * step. Which version a step acts on comes from the business key, never from a variable a person can write.
 * Public because the engine's expression language only calls methods of public classes.
 */
@Component("periodicReviewSteps")
public class PeriodicReviewSteps {

    private final PeriodicReviewService service;
    private final RevisionIntake revisions;
    private final AuthorizationSetup authorizations;

    PeriodicReviewSteps(PeriodicReviewService service, RevisionIntake revisions, AuthorizationSetup authorizations) {
        this.service = service;
        this.revisions = revisions;
        this.authorizations = authorizations;
    }

    public void schedule(DelegateExecution execution) {
        // the system starts a review when a version is published; a person (administrators included) cannot
        Authentication person =
                execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        if (person != null || execution.getBusinessKey() == null) {
            throw new ForbiddenException(
                    "En periodisk översyn startas av systemet när en version publiceras, " + "inte av en person.");
        }
        ReviewedVersion version = version(execution);
        execution.setVariable(GUIDANCE_ID, version.documentId());
        execution.setVariable(GUIDANCE_VERSION, version.number());
        execution.setVariable(GUIDANCE_TITLE, version.documentTitle());
        execution.setVariable(OWNING_GROUP, version.owningGroup());
        plan(execution, service.schedule(version.documentId(), version.number()));
    }

    public void prepare(DelegateExecution execution) {
        ReviewedVersion version = version(execution);
        LocalDate due = version.reviewDue() != null ? version.reviewDue() : service.today();
        // Tasklist reads a card's variables from the process instance, not the task: without this the
        // owning group's cards show no title or version and several reviews look alike. Each round, before
        // the task: reviews started by an earlier version of the application get it at their next round.
        authorizations.grant(
                version.owningGroup(), Resources.PROCESS_INSTANCE, execution.getProcessInstanceId(), Permissions.READ);
        execution.setVariable(PUBLISHED_ON, version.publishedOn().toString());
        execution.setVariable(AGE, service.age(version.publishedOn()));
        execution.setVariable(REVIEW_DUE_TEXT, due.toString());
        execution.setVariable(
                LAST_REVIEWED,
                version.lastReviewedOn() == null
                        ? "Aldrig"
                        : version.lastReviewedOn().toString());
        execution.setVariable(OPEN_FEEDBACK, service.openFeedback(version.documentId()));
        execution.setVariable(HELD_FEEDBACK, service.heldFeedback(version.documentId()));
        execution.setVariable(ENDORSEMENTS, service.endorsements(version.documentId()));
        // what the group chose in an earlier round is not this round's answer
        execution.setVariable(OUTCOME, null);
        execution.setVariable(WITHDRAW_REASON, null);
        execution.setVariable(
                NEXT_REVIEW_DATE, service.proposedNext(version, due).toString());
    }

    /** Checks the group's answer before anything is recorded: a refusal leaves the task open and unchanged. */
    public void reviewed(DelegateTask task) {
        DelegateExecution execution = task.getExecution();
        ReviewedVersion version = version(execution);
        Authentication person =
                task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        if (person != null) {
            service.mayReview(version, person.getUserId());
        }
        switch (outcome(execution)) {
            case Outcomes.STILL_VALID -> service.nextReviewDate(execution.getVariable(NEXT_REVIEW_DATE));
            case Outcomes.WITHDRAW -> {
                if (string(execution, WITHDRAW_REASON) == null) {
                    throw new InvalidInputException(WITHDRAW_REASON, "Ange varför versionen dras tillbaka.");
                }
            }
            default -> {}
        }
    }

    public void recordStillValid(DelegateExecution execution) {
        ReviewedVersion version = version(execution);
        LocalDate next = service.nextReviewDate(execution.getVariable(NEXT_REVIEW_DATE));
        service.stillValid(version.documentId(), version.number(), next);
        plan(execution, service.plan(next));
    }

    public void requestRevision(DelegateExecution execution) {
        ReviewedVersion version = version(execution);
        service.revisionOpened(version.documentId(), version.number());
        revisions.request(version.documentId(), null);
    }

    public void withdraw(DelegateExecution execution) {
        ReviewedVersion version = version(execution);
        service.withdraw(version.documentId(), version.number(), string(execution, WITHDRAW_REASON));
    }

    public void remind(DelegateExecution execution) {
        ReviewedVersion version = version(execution);
        service.remind(version, dueOf(version));
    }

    public void escalate(DelegateExecution execution) {
        ReviewedVersion version = version(execution);
        service.escalate(version, dueOf(version));
    }

    private LocalDate dueOf(ReviewedVersion version) {
        return version.reviewDue() != null ? version.reviewDue() : service.today();
    }

    private static void plan(DelegateExecution execution, PeriodicReviewService.Plan plan) {
        execution.setVariable(REVIEW_DUE, start(plan.due()));
        execution.setVariable(REVIEW_STARTS, start(plan.starts()));
        execution.setVariable(REVIEW_REMINDER, start(plan.reminder()));
    }

    private static Date start(LocalDate day) {
        return Date.from(SwedishTime.startOfDay(day));
    }

    private ReviewedVersion version(DelegateExecution execution) {
        String key = execution.getProcessBusinessKey();
        int slash = key == null ? -1 : key.lastIndexOf('/');
        if (slash <= 0) {
            throw new IllegalStateException("A periodic review without a document/version business key: " + key);
        }
        return service.version(key.substring(0, slash), key.substring(slash + 1));
    }

    private static String outcome(DelegateExecution execution) {
        String value = string(execution, OUTCOME);
        if (!Outcomes.STILL_VALID.equals(value)
                && !Outcomes.OPEN_REVISION.equals(value)
                && !Outcomes.WITHDRAW.equals(value)) {
            throw new InvalidInputException(OUTCOME, "Välj utfall av översynen.");
        }
        return value;
    }

    private static String string(DelegateExecution execution, String name) {
        Object value = execution.getVariable(name);
        return value == null || value.toString().isBlank() ? null : value.toString();
    }
}
