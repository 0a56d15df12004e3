package se.esam.lifecycle.revision;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import se.esam.lifecycle.identity.CurrentUser;
import se.esam.lifecycle.identity.Directory;
import se.esam.lifecycle.privacy.PersonalData;
import se.esam.lifecycle.system.ForbiddenException;
import se.esam.lifecycle.system.InvalidInputException;
import se.esam.lifecycle.system.NotFoundException;
import se.esam.lifecycle.system.PlainText;

@ApiResponse(responseCode = "401", ref = "#/components/responses/Unauthorized")
@RestController
@RequestMapping("/api/revisions")
class RevisionController {

    private final RevisionService revisions;
    private final Directory directory;
    private final RevisionApproval approval;
    private final RevisionReading reading;

    RevisionController(
            RevisionService revisions, Directory directory, RevisionApproval approval, RevisionReading reading) {
        this.revisions = revisions;
        this.directory = directory;
        this.approval = approval;
        this.reading = reading;
    }

    record RevisionView(
            String id,
            String guidanceId,
            String baseVersion,
            RevisionStatus status,
            String statusLabel,
            String changeClass,
            String changeNotes,
            String newVersion,
            List<String> draftedBy,
            String approvedBy,
            Instant consultationEnds,
            List<Revision.Item> items,
            List<Revision.ConsultationResponse> responses) {}

    record ConsultationResponseRequest(
            @NotBlank @Size(max = 10000) @PlainText String response) {}

    record ApprovalRequest(
            @NotBlank @Pattern(regexp = "approve|return") String decision,
            @Size(max = 4000) @PlainText String comments) {}

    @GetMapping
    @Operation(summary = "Open revisions")
    @ApiResponse(responseCode = "200", description = "De öppna revisionerna", useReturnTypeSchema = true)
    List<RevisionView> open(Authentication authentication) {
        CurrentUser reader = CurrentUser.of(authentication);
        return revisions.open().stream()
                .filter(r -> reading.of(r, reader) != RevisionReading.Level.NONE)
                .map(r -> view(r, reader))
                .toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One revision: status, feedback items with their traces, consultation responses")
    @ApiResponse(responseCode = "200", description = "Revisionen", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "404", ref = "#/components/responses/NotFound")
    RevisionView get(@PathVariable String id, Authentication authentication) {
        return view(revisions.get(parse(id)), CurrentUser.of(authentication));
    }

    record AuditEntry(
            Instant at,
            RevisionStatus stage,
            String stageLabel,
            RevisionEvent.Action action,
            String by,
            String detail) {}

    @GetMapping("/{id}/audit")
    @Operation(
            summary = "Audit trail: who did what to the revision, when and at which stage (kansli and administrators)")
    @ApiResponse(responseCode = "200", description = "Loggen", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "403", ref = "#/components/responses/Forbidden")
    @ApiResponse(responseCode = "404", ref = "#/components/responses/NotFound")
    List<AuditEntry> audit(@PathVariable String id, Authentication authentication) {
        if (!CurrentUser.of(authentication).readsAuditTrail()) {
            throw new ForbiddenException("Bara kansliet och administratörer läser revisionens logg.");
        }
        return revisions.events(parse(id)).stream()
                .map(e ->
                        new AuditEntry(e.occurredAt(), e.stage(), e.stage().label(), e.action(), e.actor(), e.detail()))
                .toList();
    }

    // JSON only, decided before the response is stored and registered (see FeedbackController's submit)
    @PostMapping(value = "/{id}/consultation-responses", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "A member organisation's response to a revision on consultation")
    @ApiResponse(responseCode = "201", description = "Remissvaret är mottaget", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "400", ref = "#/components/responses/BadRequest")
    @ApiResponse(responseCode = "404", ref = "#/components/responses/NotFound")
    ResponseEntity<RevisionView> respond(
            @PathVariable String id,
            @Valid @RequestBody ConsultationResponseRequest request,
            Authentication authentication) {
        CurrentUser user = CurrentUser.of(authentication);
        long revision = parse(id);
        // a revision the person may not read is not there for them, whether or not they may respond
        if (reading.of(revisions.get(revision), user) == RevisionReading.Level.NONE) {
            throw new NotFoundException("Ingen revision " + id);
        }
        Directory.Organisation organisation = directory
                .organisationOf(user.id())
                .orElseThrow(
                        () -> new InvalidInputException("organisation", "Du hör inte till någon medlemsorganisation."));
        revisions.respondToConsultation(revision, organisation.name(), user.id(), request.response());
        return ResponseEntity.created(URI.create("/api/revisions/" + id)).body(view(revisions.get(revision), user));
    }

    /** See {@link RevisionApproval}: four eyes, one decision at a time, a refusal changes nothing. */
    @PostMapping(path = "/{id}/approval", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Approve a revision for publication, or return it to drafting with comments")
    @ApiResponse(responseCode = "200", description = "Beslutet är fattat", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "400", ref = "#/components/responses/BadRequest")
    @ApiResponse(responseCode = "403", ref = "#/components/responses/Forbidden")
    @ApiResponse(responseCode = "404", ref = "#/components/responses/NotFound")
    @ApiResponse(responseCode = "409", ref = "#/components/responses/Conflict")
    RevisionView approve(
            @PathVariable String id, @Valid @RequestBody ApprovalRequest request, Authentication authentication) {
        long revision = parse(id);
        CurrentUser user = CurrentUser.of(authentication);
        approval.decide(revision, user.id(), request.decision(), request.comments());
        return view(revisions.get(revision), user);
    }

    /** As much of the revision as the reader may see ({@link RevisionReading}); nothing at all is a 404. */
    private RevisionView view(Revision r, CurrentUser reader) {
        RevisionReading.Level level = reading.of(r, reader);
        if (level == RevisionReading.Level.NONE) {
            throw new NotFoundException("Ingen revision " + r.label());
        }
        boolean working = level == RevisionReading.Level.WORKING;
        return new RevisionView(
                r.label(),
                r.guidanceId(),
                r.baseVersion(),
                r.status(),
                r.status().label(),
                r.changeClass() == null ? null : r.changeClass().name(),
                // other members read what the drafters wrote as the public does: a consultation response they
                // quote is masked (their own organisation's responses they read in full below)
                working ? r.changeNotes() : PersonalData.mask(r.changeNotes()),
                r.newVersion(),
                working ? r.draftedBy() : List.of(),
                working ? r.approvedBy() : null,
                r.consultationEnds(),
                working
                        ? revisions.items(r.id())
                        : r.status() == RevisionStatus.PUBLISHED
                                ? revisions.items(r.id()).stream()
                                        .map(i -> new Revision.Item(
                                                i.reference(),
                                                i.trace(),
                                                i.traceSection(),
                                                PersonalData.mask(i.traceReason())))
                                        .toList()
                                : List.of(),
                reading.responses(level, revisions.responses(r.id()), reader));
    }

    /**
     * A revision as people name it, {@code REV-12}, or its number alone; the number without sign or
     * leading zero, as {@link Revision#label} writes it.
     */
    private static final java.util.regex.Pattern ID = java.util.regex.Pattern.compile("(?:REV-)?([1-9][0-9]{0,17})");

    /** {@code REV-N} or {@code N}, N without sign or leading zero: the grammar of pages and API alike. */
    static long parse(String id) {
        java.util.regex.Matcher matcher = ID.matcher(id);
        if (!matcher.matches()) {
            throw new InvalidInputException("id", "Ange revisionen som REV-N, till exempel REV-12.");
        }
        return Long.parseLong(matcher.group(1));
    }
}
