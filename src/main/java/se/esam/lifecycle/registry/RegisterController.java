package se.esam.lifecycle.registry;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import se.esam.lifecycle.system.Csv;
import se.esam.lifecycle.system.InvalidInputException;

/** The register as JSON or CSV, and its feed for an agency's own diarium. The kansli and administrators only. */
@ApiResponse(responseCode = "401", ref = "#/components/responses/Unauthorized")
@ApiResponse(responseCode = "403", ref = "#/components/responses/Forbidden")
@RestController
@RequestMapping("/api/register")
class RegisterController {

    static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final RegisterQueries queries;

    RegisterController(RegisterQueries queries) {
        this.queries = queries;
    }

    @GetMapping(produces = {MediaType.APPLICATION_JSON_VALUE, "text/csv"})
    @Operation(
            summary = "The register of incoming documents, oldest first, filtered",
            description = "Every registered feedback item, clarification answer and consultation response "
                    + "(at most " + RegisterQueries.MAX_ROWS + "; narrow the period for more). CSV with "
                    + "Accept: text/csv or format=csv. A filter naming an unknown organisation or document, or "
                    + "a date not written YYYY-MM-DD, is refused with 400 naming it.")
    @ApiResponse(
            responseCode = "200",
            description = "Registret",
            content = {
                @Content(
                        mediaType = MediaType.APPLICATION_JSON_VALUE,
                        array = @ArraySchema(schema = @Schema(implementation = RegisterEntry.class))),
                @Content(mediaType = "text/csv", schema = @Schema(type = "string"))
            })
    @ApiResponse(responseCode = "400", ref = "#/components/responses/BadRequest")
    ResponseEntity<?> register(
            @Parameter(description = "Received on or after this day (YYYY-MM-DD, Swedish time)")
                    @RequestParam(required = false)
                    String from,
            @Parameter(description = "Received on or before this day (YYYY-MM-DD, Swedish time)")
                    @RequestParam(required = false)
                    String to,
            @Parameter(description = "The sending organisation's id, e.g. org-pensionsmyndigheten")
                    @RequestParam(required = false)
                    String organisation,
            @Parameter(description = "A guidance document's id, e.g. digital-samverkan") @RequestParam(required = false)
                    String document,
            @Parameter(description = "csv for CSV whatever Accept says; json or absent: by Accept")
                    @RequestParam(required = false)
                    String format,
            // OpenAPI ignores an Accept parameter: the two content types of the 200 say it
            @Parameter(hidden = true) @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
        boolean csv = csv(format, accept);
        List<RegisterEntry> entries = queries.list(RegisterFilter.of(from, to, organisation, document));
        if (csv) {
            return ResponseEntity.ok()
                    .contentType(CSV)
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"register.csv\"")
                    .body(Csv.of(entries, RegisterEntry.class));
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(entries);
    }

    @GetMapping(value = "/feed", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "New register entries for an agency's own diarium, after a cursor",
            description = "Entries with an entry id above after, in order, at most limit. Ask again with the "
                    + "answer's next as after: entries are numbered in the order they are committed, so "
                    + "following next misses none and reads none twice. An empty page keeps next as it was.")
    @ApiResponse(responseCode = "200", description = "Nya poster", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "400", ref = "#/components/responses/BadRequest")
    RegisterQueries.FeedPage feed(
            @Parameter(description = "The cursor: 0 (or absent) from the start, else the previous page's next")
                    @RequestParam(required = false)
                    String after,
            @Parameter(description = "Entries per page (default 100, at most 1000)") @RequestParam(required = false)
                    String limit) {
        return queries.feed(RegisterQueries.cursor(after), RegisterQueries.limit(limit));
    }

    /** CSV when asked for and JSON is not: a client that takes both (or anything) gets JSON. */
    private static boolean acceptsCsvRatherThanJson(String accept) {
        List<MediaType> types;
        try {
            types = MediaType.parseMediaTypes(accept);
        } catch (InvalidMediaTypeException unreadable) {
            return false;
        }
        return types.stream()
                        .anyMatch(type -> type.getType().equals("text")
                                && type.getSubtype().equals("csv"))
                && types.stream().noneMatch(MediaType.APPLICATION_JSON::includes);
    }

    private static boolean csv(String format, String accept) {
        if (format == null || format.isBlank()) {
            return accept != null && acceptsCsvRatherThanJson(accept);
        }
        return switch (format.strip()) {
            case "csv" -> true;
            case "json" -> false;
            default -> throw new InvalidInputException("format", "Ange format som csv eller json.");
        };
    }
}
