package se.esam.lifecycle.retention;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import se.esam.lifecycle.retention.RetentionRepository.Hold;
import se.esam.lifecycle.retention.RetentionRepository.LogEntry;

/** Disposal, legal holds and a person's data, for the kansli and administrators (SecurityConfiguration). */
@ApiResponse(responseCode = "401", ref = "#/components/responses/Unauthorized")
@ApiResponse(responseCode = "403", ref = "#/components/responses/Forbidden")
@RestController
class RetentionController {

    private static final int LOG_LIMIT = 1000;

    private final Disposal disposal;
    private final LegalHolds holds;
    private final PersonalData personalData;

    RetentionController(Disposal disposal, LegalHolds holds, PersonalData personalData) {
        this.disposal = disposal;
        this.holds = holds;
        this.personalData = personalData;
    }

    @PostMapping(path = "/api/retention/run", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Disposes now of what has passed its retention period; returns the run's log rows")
    @ApiResponse(responseCode = "200", description = "Körningens gallringslogg", useReturnTypeSchema = true)
    List<LogEntry> run(Authentication authentication) {
        return disposal.runNow(authentication.getName());
    }

    @GetMapping("/api/retention/log")
    @Operation(summary = "The disposal log, newest first (at most 1000 rows)")
    @ApiResponse(responseCode = "200", description = "Gallringsloggen", useReturnTypeSchema = true)
    List<LogEntry> log() {
        return disposal.log(LOG_LIMIT);
    }

    @GetMapping("/api/retention/legal-holds")
    @Operation(summary = "The cases under a legal hold")
    @ApiResponse(responseCode = "200", description = "Spärrade ärenden", useReturnTypeSchema = true)
    List<Hold> legalHolds() {
        return holds.all();
    }

    record HoldRequest(String reason) {}

    @PostMapping(path = "/api/cases/{reference}/legal-hold", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Places a legal hold on a case (FB-... or REV-...): nothing in it is disposed of")
    @ApiResponse(responseCode = "201", description = "Spärren", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "400", ref = "#/components/responses/BadRequest")
    @ApiResponse(responseCode = "404", ref = "#/components/responses/NotFound")
    @ApiResponse(responseCode = "409", ref = "#/components/responses/Conflict")
    Hold placeHold(@PathVariable String reference, @RequestBody HoldRequest request, Authentication authentication) {
        return holds.place(reference, request == null ? null : request.reason(), authentication.getName());
    }

    @DeleteMapping("/api/cases/{reference}/legal-hold")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Lifts a case's legal hold")
    @ApiResponse(responseCode = "204", description = "Spärren är hävd")
    @ApiResponse(responseCode = "400", ref = "#/components/responses/BadRequest")
    @ApiResponse(responseCode = "404", ref = "#/components/responses/NotFound")
    void liftHold(@PathVariable String reference, Authentication authentication) {
        holds.lift(reference, authentication.getName());
    }

    @GetMapping("/api/people/{userId}/personal-data")
    @Operation(summary = "Everything held about a person (data subject access report)")
    @ApiResponse(responseCode = "200", description = "Registerutdraget", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "400", ref = "#/components/responses/BadRequest")
    @ApiResponse(responseCode = "404", ref = "#/components/responses/NotFound")
    PersonalData.AccessReport personalData(@PathVariable String userId, Authentication authentication) {
        return personalData.report(userId, authentication.getName());
    }

    @PostMapping(path = "/api/people/{userId}/erasure", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Erases a person's data where no retention rule requires keeping it; says what was kept")
    @ApiResponse(
            responseCode = "200",
            description = "Vad som raderades och vad som bevaras",
            useReturnTypeSchema = true)
    @ApiResponse(responseCode = "400", ref = "#/components/responses/BadRequest")
    @ApiResponse(responseCode = "404", ref = "#/components/responses/NotFound")
    PersonalData.ErasureReport erase(@PathVariable String userId, Authentication authentication) {
        return personalData.erase(userId, authentication.getName());
    }
}
