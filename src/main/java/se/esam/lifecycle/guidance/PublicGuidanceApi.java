package se.esam.lifecycle.guidance;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

/** The public pages' data as JSON, no login. Unknown documents and versions answer 404, bad comparisons 400. */
@RestController
@RequestMapping("/api/public/guidance")
class PublicGuidanceApi {

    private final PublicGuidanceReading reading;

    PublicGuidanceApi(PublicGuidanceReading reading) {
        this.reading = reading;
    }

    @GetMapping
    @Operation(summary = "Published guidance: each document with its owning expert group and current version")
    @ApiResponse(responseCode = "200", description = "Katalogen", useReturnTypeSchema = true)
    List<PublishedGuidance.DocumentSummary> catalogue() {
        return reading.catalogue();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One document with all its published versions, newest first")
    @ApiResponse(responseCode = "200", description = "Dokumentet", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "404", ref = "#/components/responses/NotFound")
    PublishedGuidance.Document document(@PathVariable String id) {
        return reading.document(id);
    }

    @GetMapping("/{id}/compare")
    @Operation(
            summary = "Two versions compared section by section: ADDED, REMOVED, CHANGED (with word-level "
                    + "differences) or UNCHANGED")
    @ApiResponse(responseCode = "200", description = "Jämförelsen", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "400", ref = "#/components/responses/BadRequest")
    @ApiResponse(responseCode = "404", ref = "#/components/responses/NotFound")
    VersionComparison compare(
            @PathVariable String id,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        return reading.compare(id, from, to);
    }

    @GetMapping("/{id}/{version}")
    @Operation(summary = "One published version: sections with their text, change class and change notes")
    @ApiResponse(responseCode = "200", description = "Versionen", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "404", ref = "#/components/responses/NotFound")
    PublishedGuidance.Version version(@PathVariable String id, @PathVariable String version) {
        return reading.version(id, version);
    }

    @GetMapping("/{id}/{version}/dispositions")
    @Operation(
            summary = "The version's disposition of comments: each feedback item's type, organisation, "
                    + "disposition, how the revision handled it, and the reason")
    @ApiResponse(responseCode = "200", description = "Dispositionerna", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "404", ref = "#/components/responses/NotFound")
    List<PublishedGuidance.DispositionItem> dispositions(@PathVariable String id, @PathVariable String version) {
        return reading.dispositions(id, version);
    }
}
