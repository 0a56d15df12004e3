package se.esam.lifecycle.reporting;

import java.util.List;

import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import se.esam.lifecycle.system.Csv;

/** The manager reports as JSON, and every table as CSV. Managers and administrators only. */
@ApiResponse(responseCode = "401", ref = "#/components/responses/Unauthorized")
@ApiResponse(responseCode = "403", ref = "#/components/responses/Forbidden")
@RestController
@RequestMapping("/api/reports")
class ReportController {

    private final ReportService reports;

    ReportController(ReportService reports) {
        this.reports = reports;
    }

    /** The filter every report takes; months as YYYY-MM. */
    record FilterParams(String from, String to, String expertGroup, String guidanceId, String organisation) {}

    @GetMapping("/backlog")
    @Operation(summary = "Open feedback now, by stage and expert group, with how many are overdue")
    @ApiResponse(responseCode = "200", description = "Rapporten", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "400", ref = "#/components/responses/BadRequest")
    Reports.Backlog backlog(@ParameterObject @ModelAttribute FilterParams params) {
        return reports.backlog(filter(params));
    }

    @GetMapping("/lead-times")
    @Operation(summary = "Median and 90th percentile days to disposition and to publication, and per stage")
    @ApiResponse(responseCode = "200", description = "Rapporten", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "400", ref = "#/components/responses/BadRequest")
    Reports.LeadTimes leadTimes(@ParameterObject @ModelAttribute FilterParams params) {
        return reports.leadTimes(filter(params));
    }

    @GetMapping("/outcomes")
    @Operation(summary = "Dispositions by feedback type, guidance document and organisation")
    @ApiResponse(responseCode = "200", description = "Rapporten", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "400", ref = "#/components/responses/BadRequest")
    Reports.Outcomes outcomes(@ParameterObject @ModelAttribute FilterParams params) {
        return reports.outcomes(filter(params));
    }

    @GetMapping("/throughput")
    @Operation(summary = "Submitted, decided and published per month; revisions' cycle time")
    @ApiResponse(responseCode = "200", description = "Rapporten", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "400", ref = "#/components/responses/BadRequest")
    List<Reports.ThroughputRow> throughput(@ParameterObject @ModelAttribute FilterParams params) {
        return reports.throughput(filter(params));
    }

    @GetMapping("/deadlines")
    @Operation(summary = "Reviews due per expert group and month, and how many passed their due date")
    @ApiResponse(responseCode = "200", description = "Rapporten", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "400", ref = "#/components/responses/BadRequest")
    List<Reports.DeadlineRow> deadlines(@ParameterObject @ModelAttribute FilterParams params) {
        return reports.deadlines(filter(params));
    }

    @GetMapping("/overdue-reviews")
    @Operation(summary = "Published versions whose periodic review is past its date, oldest first")
    @ApiResponse(responseCode = "200", description = "Rapporten", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "400", ref = "#/components/responses/BadRequest")
    List<Reports.OverdueReview> overdueReviews(@ParameterObject @ModelAttribute FilterParams params) {
        return reports.overdueReviews(filter(params));
    }

    @GetMapping("/most-endorsed")
    @Operation(
            summary = "Open feedback most organisations stand behind (\"Mest stödda öppna synpunkter\"), top 10",
            description = "Endorsements ('vi har samma problem') per open item, most first; organisations counts the "
                    + "submitting one too. The filter's group, document and organisation apply, its months do not.")
    @ApiResponse(responseCode = "200", description = "Rapporten", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "400", ref = "#/components/responses/BadRequest")
    List<Reports.MostEndorsed> mostEndorsed(@ParameterObject @ModelAttribute FilterParams params) {
        return reports.mostEndorsed(filter(params));
    }

    @GetMapping("/feedback")
    @Operation(summary = "The feedback behind a figure (first 1000, oldest first)")
    @ApiResponse(responseCode = "200", description = "Rapporten", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "400", ref = "#/components/responses/BadRequest")
    Reports.FeedbackList feedback(
            @ParameterObject @ModelAttribute FilterParams params,
            @RequestParam(required = false) String figure,
            @RequestParam(required = false) String month,
            @RequestParam(required = false) String stage,
            @RequestParam(required = false) String outcome,
            @RequestParam(required = false) String type) {
        return reports.feedback(filter(params), Drill.of(figure, month, stage, outcome, type));
    }

    @GetMapping(value = "/csv/{table}", produces = "text/csv")
    @Operation(summary = "One table of the reports as CSV")
    @ApiResponse(responseCode = "200", description = "Rapporten", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "400", ref = "#/components/responses/BadRequest")
    ResponseEntity<String> csv(@PathVariable String table, @ParameterObject @ModelAttribute FilterParams params) {
        String body = reports.csv(table, filter(params));
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + table + ".csv\"")
                .body(body);
    }

    @GetMapping(value = "/csv/feedback", produces = "text/csv")
    @Operation(summary = "The feedback behind a figure as CSV")
    @ApiResponse(responseCode = "200", description = "Rapporten", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "400", ref = "#/components/responses/BadRequest")
    ResponseEntity<String> feedbackCsv(
            @ParameterObject @ModelAttribute FilterParams params,
            @RequestParam String figure,
            @RequestParam(required = false) String month,
            @RequestParam(required = false) String stage,
            @RequestParam(required = false) String outcome,
            @RequestParam(required = false) String type) {
        Reports.FeedbackList list = reports.feedback(filter(params), Drill.of(figure, month, stage, outcome, type));
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"feedback.csv\"")
                .body(Csv.of(list.items(), Reports.FeedbackRow.class));
    }

    private ReportFilter filter(FilterParams p) {
        return reports.filter(p.from(), p.to(), p.expertGroup(), p.guidanceId(), p.organisation());
    }
}
