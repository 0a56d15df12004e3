package se.esam.lifecycle.feedback;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import io.swagger.v3.oas.annotations.Operation;
import se.esam.lifecycle.security.CurrentUser;

@RestController
@RequestMapping("/api/feedback")
class FeedbackController {

    private final FeedbackIntake intake;
    private final FeedbackQueries queries;

    FeedbackController(FeedbackIntake intake, FeedbackQueries queries) {
        this.intake = intake;
        this.queries = queries;
    }

    @PostMapping
    @Operation(summary = "Submit feedback on a published guidance version; answers with its tracking reference")
    ResponseEntity<FeedbackView> submit(@Valid @RequestBody Submission submission, Authentication authentication) {
        CurrentUser user = CurrentUser.of(authentication);
        String reference = intake.submit(submission, user);
        URI location = ServletUriComponentsBuilder.fromCurrentRequest().path("/{reference}").buildAndExpand(reference)
                .toUri();
        return ResponseEntity.created(location).body(queries.view(reference, user));
    }

    @GetMapping("/{reference}")
    @Operation(summary = "Status and history of one feedback item")
    FeedbackView get(@PathVariable String reference, Authentication authentication) {
        return queries.view(reference, CurrentUser.of(authentication));
    }

    @GetMapping
    @Operation(summary = "Feedback submitted by the caller's organisation, newest first")
    List<FeedbackView> mine(Authentication authentication) {
        return queries.ofMyOrganisation(CurrentUser.of(authentication));
    }
}
