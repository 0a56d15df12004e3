package se.esam.lifecycle.feedback;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import se.esam.lifecycle.identity.CurrentUser;
import se.esam.lifecycle.system.PlainText;

@ApiResponse(responseCode = "401", ref = "#/components/responses/Unauthorized")
@RestController
@RequestMapping("/api/feedback")
class EndorsementController {

    private final EndorsementService endorsements;
    private final EndorsablePage.Items items;

    EndorsementController(EndorsementService endorsements, EndorsablePage.Items items) {
        this.endorsements = endorsements;
        this.items = items;
    }

    /** What an organisation sends to endorse an item; the organisation itself comes from the signed-in user. */
    record EndorsementRequest(
            @Schema(description = "Optional, up to 1,000 characters; the kansli and the expert group read it")
            @Size(max = Endorsement.MAX_COMMENT)
            @PlainText
            String comment) {}

    /** An endorsement as stored: whose, with what comment, and when. */
    record EndorsementView(String reference, String organisation, String comment, Instant endorsedAt) {}

    @PostMapping(path = "/{reference}/endorsements", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Endorse another organisation's open feedback item (\"vi har samma problem\")",
            description = "The caller's organisation stands behind the item, once. Only members' submitters "
                    + "endorse, only open items whose text the publishing review published (others answer 404), "
                    + "never the own organisation's (400); a second endorsement or a closed item answers 409.")
    @ApiResponse(responseCode = "201", description = "Endorsed", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "400", ref = "#/components/responses/BadRequest")
    @ApiResponse(responseCode = "403", ref = "#/components/responses/Forbidden")
    @ApiResponse(responseCode = "404", ref = "#/components/responses/NotFound")
    @ApiResponse(responseCode = "409", ref = "#/components/responses/Conflict")
    ResponseEntity<EndorsementView> endorse(
            @PathVariable String reference,
            @Valid @RequestBody(required = false) EndorsementRequest request,
            Authentication authentication) {
        Endorsement e = endorsements.endorse(
                ReferenceGenerator.wellFormed("reference", reference),
                CurrentUser.of(authentication),
                request == null ? null : request.comment());
        URI location = ServletUriComponentsBuilder.fromCurrentContextPath()
                .path("/api/feedback/{reference}")
                .buildAndExpand(e.reference())
                .toUri();
        return ResponseEntity.created(location)
                .body(new EndorsementView(
                        e.reference(), items.organisationName(e.organisation()), e.comment(), e.createdAt()));
    }

    @GetMapping("/endorsable")
    @Operation(
            summary = "Other organisations' open feedback the caller's organisation may endorse",
            description = "Only items whose text the publishing review published, with that text only; never the "
                    + "submitting person. Newest first, at most 200.")
    @ApiResponse(responseCode = "200", description = "The items", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "400", ref = "#/components/responses/BadRequest")
    @ApiResponse(responseCode = "403", ref = "#/components/responses/Forbidden")
    List<EndorsablePage.Item> endorsable(
            @Parameter(description = "A guidance document's id, e.g. digital-samverkan") @RequestParam(required = false)
                    String guidanceId,
            Authentication authentication) {
        return items.list(guidanceId, CurrentUser.of(authentication));
    }
}
