package se.esam.lifecycle.guidance;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

@ApiResponse(responseCode = "401", ref = "#/components/responses/Unauthorized")
@RestController
@RequestMapping("/api/guidance")
class GuidanceController {

    private final GuidanceCatalogue catalogue;

    GuidanceController(GuidanceCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @GetMapping
    @Operation(summary = "The guidance catalogue: documents, published versions and sections")
    @ApiResponse(responseCode = "200", description = "Katalogen", useReturnTypeSchema = true)
    List<GuidanceDocument> list() {
        return catalogue.documents();
    }
}
