package se.esam.lifecycle.revision;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import se.esam.lifecycle.revision.RevisionProcess.Vars;
import se.esam.lifecycle.security.CurrentUser;
import se.esam.lifecycle.security.Directory;
import se.esam.lifecycle.system.InvalidInputException;
import se.esam.lifecycle.system.ForbiddenException;
import se.esam.lifecycle.system.NotFoundException;

@RestController
@RequestMapping("/api/revisions")
class RevisionController {

    private final RevisionService revisions;
    private final Directory directory;
    private final TaskService tasks;
    private final RevisionReading reading;

    RevisionController(RevisionService revisions, Directory directory, TaskService tasks, RevisionReading reading) {
        this.revisions = revisions;
        this.directory = directory;
        this.tasks = tasks;
        this.reading = reading;
    }

    record RevisionView(String id, String guidanceId, String baseVersion, RevisionStatus status, String statusLabel,
            String changeClass, String changeNotes, String newVersion, List<String> draftedBy, String approvedBy,
            Instant consultationEnds, List<Revision.Item> items, List<Revision.ConsultationResponse> responses) {
    }

    record ConsultationResponseRequest(@NotBlank @Size(max = 10000) String response) {
    }

    record ApprovalRequest(@NotBlank @Pattern(regexp = "approve|return") String decision,
            @Size(max = 4000) String comments) {
    }

    @GetMapping
    @Operation(summary = "Open revisions")
    List<RevisionView> open(Authentication authentication) {
        CurrentUser reader = CurrentUser.of(authentication);
        return revisions.open().stream().filter(r -> reading.of(r, reader) != RevisionReading.Level.NONE)
                .map(r -> view(r, reader)).toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One revision: status, feedback items with their traces, consultation responses")
    RevisionView get(@PathVariable String id, Authentication authentication) {
        return view(revisions.get(parse(id)), CurrentUser.of(authentication));
    }

    record AuditEntry(Instant at, RevisionStatus stage, String stageLabel, RevisionEvent.Action action, String by,
            String detail) {
    }

    @GetMapping("/{id}/audit")
    @Operation(summary = "Audit trail: who did what to the revision, when and at which stage (kansli and administrators)")
    List<AuditEntry> audit(@PathVariable String id, Authentication authentication) {
        if (!CurrentUser.of(authentication).readsAuditTrail()) {
            throw new ForbiddenException("Bara kansliet och administratörer läser revisionens logg.");
        }
        return revisions.events(parse(id)).stream().map(e -> new AuditEntry(e.occurredAt(), e.stage(),
                e.stage().label(), e.action(), e.actor(), e.detail())).toList();
    }

    @PostMapping("/{id}/consultation-responses")
    @Operation(summary = "A member organisation's response to a revision on consultation")
    ResponseEntity<RevisionView> respond(@PathVariable String id,
            @Valid @RequestBody ConsultationResponseRequest request, Authentication authentication) {
        CurrentUser user = CurrentUser.of(authentication);
        Directory.Organisation organisation = directory.organisationOf(user.id()).orElseThrow(
                () -> new InvalidInputException("organisation", "Du hör inte till någon medlemsorganisation."));
        long revision = parse(id);
        revisions.respondToConsultation(revision, organisation.name(), user.id(), request.response());
        return ResponseEntity.created(URI.create("/api/revisions/" + id)).body(view(revisions.get(revision), user));
    }

    /**
     * The approver's decision, taken as the caller (see the security module's engine authentication):
     * the engine checks that the caller may do the task, and the four-eyes rule refuses whoever
     * drafted the revision (403).
     */
    @PostMapping("/{id}/approval")
    @Operation(summary = "Approve a revision for publication, or return it to drafting with comments")
    RevisionView approve(@PathVariable String id, @Valid @RequestBody ApprovalRequest request,
            Authentication authentication) {
        long revision = parse(id);
        Revision current = revisions.get(revision);
        Task task = tasks.createTaskQuery().processInstanceId(current.processInstanceId())
                .taskDefinitionKey(RevisionProcess.Elements.APPROVE).singleResult();
        if (task == null && current.status() == RevisionStatus.AWAITING_APPROVAL) {
            // the engine shows the approval task only to those who may decide it
            throw new ForbiddenException("Du får inte fastställa " + current.label() + ".");
        }
        if (task == null) {
            throw new NotFoundException(current.label() + " väntar inte på fastställelse.");
        }
        CurrentUser user = CurrentUser.of(authentication);
        revisions.mayApprove(revision, user.id());
        if (task.getAssignee() == null) {
            tasks.claim(task.getId(), user.id());
        }
        tasks.complete(task.getId(), Map.of(Vars.APPROVAL_DECISION, request.decision(),
                Vars.APPROVAL_COMMENTS, request.comments() == null ? "" : request.comments()));
        return view(revisions.get(revision), user);
    }

    /** As much of the revision as the reader may see ({@link RevisionReading}); nothing at all is a 404. */
    private RevisionView view(Revision r, CurrentUser reader) {
        RevisionReading.Level level = reading.of(r, reader);
        if (level == RevisionReading.Level.NONE) {
            throw new NotFoundException("Ingen revision " + r.label());
        }
        boolean working = level == RevisionReading.Level.WORKING;
        return new RevisionView(r.label(), r.guidanceId(), r.baseVersion(), r.status(), r.status().label(),
                r.changeClass(), r.changeNotes(), r.newVersion(), working ? r.draftedBy() : List.of(),
                working ? r.approvedBy() : null, r.consultationEnds(),
                working || r.status() == RevisionStatus.PUBLISHED ? revisions.items(r.id()) : List.of(),
                reading.responses(level, revisions.responses(r.id()), reader));
    }

    private static long parse(String id) {
        try {
            return Revision.idOf(id.startsWith("REV-") ? id : "REV-" + id);
        } catch (NumberFormatException e) {
            throw new NotFoundException("Ingen revision " + id);
        }
    }
}
