package se.esam.lifecycle.revision;

import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import se.esam.lifecycle.guidance.GuidancePublisher;
import se.esam.lifecycle.revision.internal.RevisionProcess;
import se.esam.lifecycle.revision.internal.RevisionProcess.Vars;
import se.esam.lifecycle.system.ConflictException;
import se.esam.lifecycle.system.ForbiddenException;
import se.esam.lifecycle.system.InvalidInputException;

/**
 * The approver's decision through our API, taken as the caller (see the security module's engine
 * authentication): the engine checks that the caller may do the task, and the four-eyes rule refuses
 * whoever drafted the revision (403).
 *
 * <p>Claim and completion are one transaction, so a refused decision leaves the task as it was (not
 * claimed by the refused caller). Decisions on one revision queue on its document's row: the first
 * decides, the others then find the task gone and get 409, instead of claiming and completing the same
 * task at once (which made the engine fail with a missing task or a duplicate authorization).
 */
@Component
class RevisionApproval {

    static final String APPROVE = "approve";
    static final String RETURN = "return";

    private final RevisionService revisions;
    private final GuidancePublisher documents;
    private final TaskService tasks;

    RevisionApproval(RevisionService revisions, GuidancePublisher documents, TaskService tasks) {
        this.revisions = revisions;
        this.documents = documents;
        this.tasks = tasks;
    }

    @Transactional
    void decide(long revision, String person, String decision, String comments) {
        if (RETURN.equals(decision) && (comments == null || comments.isBlank())) {
            throw new InvalidInputException("comments", "Skriv vad expertgruppen ska ändra.");
        }
        documents.lock(revisions.get(revision).guidanceId());
        Revision current = revisions.get(revision);
        Task task = tasks.createTaskQuery()
                .processInstanceId(current.processInstanceId())
                .taskDefinitionKey(RevisionProcess.Elements.APPROVE)
                .singleResult();
        if (task == null && current.status() == RevisionStatus.AWAITING_APPROVAL) {
            // the engine shows the approval task only to those who may decide it
            throw new ForbiddenException("Du får inte fastställa " + current.label() + ".");
        }
        if (task == null) {
            throw new ConflictException(current.label() + " väntar inte på fastställelse (status: "
                    + current.status().label() + ").");
        }
        revisions.mayApprove(revision, person);
        if (task.getAssignee() == null) {
            tasks.claim(task.getId(), person);
        }
        tasks.complete(
                task.getId(),
                Map.of(Vars.APPROVAL_DECISION, decision, Vars.APPROVAL_COMMENTS, comments == null ? "" : comments));
    }
}
