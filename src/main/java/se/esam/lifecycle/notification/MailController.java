package se.esam.lifecycle.notification;

import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

/** For administrators, once the mail server works again. */
@RestController
@RequestMapping("/api/mail")
class MailController {

    private final MailDelivery delivery;

    MailController(MailDelivery delivery) {
        this.delivery = delivery;
    }

    @PostMapping(path = "/failed/retry", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Send every mail that failed again and resolve its incident (administrators)")
    @ApiResponse(responseCode = "200", description = "Så många skickades igen", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "401", ref = "#/components/responses/Unauthorized")
    @ApiResponse(responseCode = "403", ref = "#/components/responses/Forbidden")
    Map<String, Integer> retryFailed() {
        return Map.of("retried", delivery.retryFailed());
    }
}
