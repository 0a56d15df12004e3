package se.esam.lifecycle.feedback;

import java.net.URI;
import java.util.List;
import java.util.regex.Pattern;
import jakarta.validation.Valid;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import se.esam.lifecycle.identity.CurrentUser;
import se.esam.lifecycle.system.InvalidInputException;

@ApiResponse(responseCode = "401", ref = "#/components/responses/Unauthorized")
@RestController
@RequestMapping("/api/feedback")
class FeedbackController {

    private final FeedbackIntake intake;
    private final FeedbackQueries queries;

    FeedbackController(FeedbackIntake intake, FeedbackQueries queries) {
        this.intake = intake;
        this.queries = queries;
    }

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    @PostMapping
    @Operation(
            summary = "Submit feedback on a published guidance version; answers with its tracking reference",
            description = "With an Idempotency-Key header a repeated request (a retry after a lost answer) "
                    + "returns the first one's feedback instead of creating another; the same key with other "
                    + "content is refused with 409.")
    @ApiResponse(
            responseCode = "201",
            description = "Mottagen; Location pekar på synpunkten",
            useReturnTypeSchema = true)
    @ApiResponse(responseCode = "400", ref = "#/components/responses/BadRequest")
    @ApiResponse(responseCode = "409", ref = "#/components/responses/Conflict")
    @ApiResponse(responseCode = "413", ref = "#/components/responses/PayloadTooLarge")
    ResponseEntity<FeedbackView> submit(
            @Valid @RequestBody Submission submission,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey,
            Authentication authentication) {
        CurrentUser user = CurrentUser.of(authentication);
        if (idempotencyKey != null && !KEY.matcher(idempotencyKey).matches()) {
            throw new InvalidInputException(IDEMPOTENCY_KEY, "Högst 100 tecken: bokstäver, siffror och . _ : -");
        }
        FeedbackIntake.Submitted submitted = intake.submit(submission, user, idempotencyKey);
        URI location = ServletUriComponentsBuilder.fromCurrentRequestUri()
                .path("/{reference}")
                .buildAndExpand(submitted.reference())
                .toUri();
        return ResponseEntity.created(location)
                .header("Idempotent-Replayed", String.valueOf(submitted.replayed()))
                .body(queries.view(submitted.reference(), user));
    }

    @GetMapping("/{reference}")
    @Operation(summary = "Status and history of one feedback item")
    @ApiResponse(responseCode = "200", description = "Synpunkten", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "404", ref = "#/components/responses/NotFound")
    FeedbackView get(@PathVariable String reference, Authentication authentication) {
        return queries.view(ReferenceGenerator.wellFormed("reference", reference), CurrentUser.of(authentication));
    }

    @GetMapping
    @Operation(summary = "Feedback submitted by the caller's organisation, newest first")
    @ApiResponse(responseCode = "200", description = "Organisationens synpunkter", useReturnTypeSchema = true)
    List<FeedbackView> mine(Authentication authentication) {
        return queries.ofMyOrganisation(CurrentUser.of(authentication));
    }
}
