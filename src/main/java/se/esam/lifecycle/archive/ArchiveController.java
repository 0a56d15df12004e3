package se.esam.lifecycle.archive;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.zip.ZipOutputStream;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import se.esam.lifecycle.system.InvalidInputException;

/**
 * Archive packages over the API, for the kansli and administrators (the security chain refuses everyone
 * else before any case is looked up, so a refusal tells nothing about which cases exist).
 */
@ApiResponse(responseCode = "401", ref = "#/components/responses/Unauthorized")
@ApiResponse(responseCode = "403", ref = "#/components/responses/Forbidden")
@RestController
@RequestMapping("/api/archive")
class ArchiveController {

    static final String ZIP = "application/zip";

    private final ArchivePackages packages;

    ArchiveController(ArchivePackages packages) {
        this.packages = packages;
    }

    @GetMapping(value = "/{reference}", produces = ZIP)
    @Operation(summary = "A closed case (FB-… or REV-…) as an E-ARK SIP in a ZIP (kansli and administrators)")
    @ApiResponse(responseCode = "200", description = "Arkivpaketet")
    @ApiResponse(responseCode = "400", ref = "#/components/responses/BadRequest")
    @ApiResponse(responseCode = "404", ref = "#/components/responses/NotFound")
    @ApiResponse(responseCode = "409", ref = "#/components/responses/Conflict")
    ResponseEntity<byte[]> one(@PathVariable String reference) {
        ArchivePackages.Package sip = packages.of(reference);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            SipPackage.zip(sip.objid(), sip.files(), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return zip(sip.objid() + ".zip", out.toByteArray());
    }

    /**
     * Every case closed in a period, one package folder each in one ZIP. Built in memory: for long periods
     * the export command writes one file per package instead.
     */
    @GetMapping(produces = ZIP)
    @Operation(summary = "The cases closed in a period (dates in Swedish time, both included) as E-ARK SIPs in a ZIP")
    @ApiResponse(responseCode = "200", description = "Arkivpaketen")
    @ApiResponse(responseCode = "400", ref = "#/components/responses/BadRequest")
    ResponseEntity<byte[]> period(
            @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        LocalDate start = date("from", from);
        LocalDate end = date("to", to);
        List<String> references = packages.closedBetween(start, end);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (String reference : references) {
                ArchivePackages.Package sip = packages.of(reference);
                SipPackage.zip(sip.objid(), sip.files(), zip);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return zip("arkivpaket-" + start + "-" + end + ".zip", out.toByteArray());
    }

    static LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, "Ange ett datum som ÅÅÅÅ-MM-DD.");
        }
        LocalDate date;
        try {
            date = LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "Ange ett datum som ÅÅÅÅ-MM-DD.");
        }
        // far-off years parse, but are no period of records and overflow the database's timestamps
        if (date.getYear() < 1900 || date.getYear() > 9999) {
            throw new InvalidInputException(field, "Ange ett datum mellan 1900-01-01 och 9999-12-31.");
        }
        return date;
    }

    private static ResponseEntity<byte[]> zip(String filename, byte[] body) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_TYPE, ZIP)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + filename + "\"")
                .body(body);
    }
}
