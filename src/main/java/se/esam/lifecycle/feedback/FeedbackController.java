package se.esam.lifecycle.feedback;

import java.net.URI;
import java.util.ArrayList;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
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

    // the answer's format is settled before the feedback is stored: an Accept the API cannot answer was a 406
    // after the feedback had been created
    @PostMapping(produces = org.springframework.http.MediaType.APPLICATION_JSON_VALUE)
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
    @Operation(
            summary = "Feedback the caller may list, newest first, filtered and paged",
            description = "The kansli, managers and administrators list all feedback; everyone else the own "
                    + "organisation's, whatever the filter says. Filters combine (and). The page's items are "
                    + "the body; X-Total-Count says how many match in all, Link the first, previous, next and "
                    + "last pages (RFC 8288). A filter naming an unknown status, stage, group, document or "
                    + "organisation is refused with 400 naming it.")
    @ApiResponse(
            responseCode = "200",
            description = "Synpunkterna på sidan",
            useReturnTypeSchema = true,
            headers = {
                @Header(name = TOTAL_COUNT, description = "How many items match the filter in all"),
                @Header(name = "Link", description = "first, prev, next and last pages")
            })
    @ApiResponse(responseCode = "400", ref = "#/components/responses/BadRequest")
    ResponseEntity<List<FeedbackView>> overview(
            @Parameter(description = "A status, e.g. IN_REVIEW") @RequestParam(required = false) String status,
            @Parameter(description = "A stage of open feedback: TRIAGE, CLARIFICATION, REVIEW or REVISION")
                    @RequestParam(required = false)
                    String stage,
            @Parameter(description = "An expert group's id, e.g. expert-architecture") @RequestParam(required = false)
                    String expertGroup,
            @Parameter(description = "A guidance document's id, e.g. digital-samverkan") @RequestParam(required = false)
                    String guidanceId,
            @Parameter(description = "A member organisation's id, e.g. org-pensionsmyndigheten")
                    @RequestParam(required = false)
                    String organisation,
            @Parameter(description = "true: only reviews past their due date and clarifications past their deadline")
                    @RequestParam(required = false)
                    String overdue,
            @Parameter(description = "A reference (FB-2026-0042), or words in the description (up to 200 characters)")
                    @RequestParam(required = false)
                    String q,
            @Parameter(description = "Page from 1 (default 1, at most 10000)") @RequestParam(required = false)
                    String page,
            @Parameter(description = "Items per page (default 25, at most 100)") @RequestParam(required = false)
                    String size,
            Authentication authentication) {
        FeedbackFilter filter =
                FeedbackFilter.of(status, stage, expertGroup, guidanceId, organisation, overdue, q, page, size);
        FeedbackQueries.Page found = queries.overview(filter, CurrentUser.of(authentication));
        ResponseEntity.BodyBuilder answer = ResponseEntity.ok().header(TOTAL_COUNT, String.valueOf(found.total()));
        List<String> links = new ArrayList<>();
        links.add(link(filter.onPage(1), "first"));
        if (found.hasPrevious()) {
            links.add(link(filter.onPage(Math.min(filter.page() - 1, found.pages())), "prev"));
        }
        if (found.hasNext()) {
            links.add(link(filter.onPage(filter.page() + 1), "next"));
        }
        links.add(link(filter.onPage(found.pages()), "last"));
        return answer.header("Link", String.join(", ", links)).body(found.items());
    }

    static final String TOTAL_COUNT = "X-Total-Count";

    private static String link(FeedbackFilter filter, String relation) {
        String path = ServletUriComponentsBuilder.fromCurrentRequestUri()
                .replaceQuery(null)
                .build()
                .getPath();
        return "<" + path + FeedbackLinks.query(filter) + ">; rel=\"" + relation + "\"";
    }
}
