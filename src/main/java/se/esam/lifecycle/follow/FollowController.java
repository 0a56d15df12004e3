package se.esam.lifecycle.follow;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import se.esam.lifecycle.follow.Follows.Follow;

/**
 * The signed-in person's own follows and digest setting. Whose they are comes from the session or the Basic
 * credentials, never from the body; another person's follow answers 404 as one that does not exist.
 */
@ApiResponse(responseCode = "401", ref = "#/components/responses/Unauthorized")
@RestController
class FollowController {

    private final FollowService service;

    FollowController(FollowService service) {
        this.service = service;
    }

    /** @param sectionId absent for the whole document */
    record FollowView(long id, String guidanceId, String guidanceTitle, String sectionId, Instant createdAt) {
        static FollowView of(Follow follow) {
            return new FollowView(
                    follow.id(), follow.guidanceId(), follow.guidanceTitle(), follow.sectionId(), follow.createdAt());
        }
    }

    /** @param sectionId absent or blank to follow the whole document; a section of its current version */
    record FollowRequest(String guidanceId, String sectionId) {}

    record DigestSetting(String frequency) {}

    @GetMapping("/api/follows")
    @Operation(summary = "What the signed-in person follows")
    @ApiResponse(responseCode = "200", description = "Det du följer", useReturnTypeSchema = true)
    List<FollowView> follows(Authentication authentication) {
        return service.of(authentication.getName()).stream().map(FollowView::of).toList();
    }

    @PostMapping(path = "/api/follows", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Follow a guidance document or one of its sections",
            description = "Idempotent: following what one already follows answers 200 with the existing follow.")
    @ApiResponse(
            responseCode = "201",
            description = "Du följer nu; Location pekar på bevakningen",
            useReturnTypeSchema = true)
    @ApiResponse(responseCode = "200", description = "Du följde det redan", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "400", ref = "#/components/responses/BadRequest")
    ResponseEntity<FollowView> follow(@RequestBody FollowRequest request, Authentication authentication) {
        FollowService.Followed followed = service.follow(
                authentication.getName(),
                request == null ? null : request.guidanceId(),
                null,
                request == null ? null : request.sectionId());
        FollowView view = FollowView.of(followed.follow());
        return followed.created()
                ? ResponseEntity.created(URI.create("/api/follows/" + view.id()))
                        .body(view)
                : ResponseEntity.ok(view);
    }

    @GetMapping("/api/follows/{id}")
    @Operation(summary = "One of the signed-in person's follows")
    @ApiResponse(responseCode = "200", description = "Bevakningen", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "404", ref = "#/components/responses/NotFound")
    FollowView follow(@PathVariable long id, Authentication authentication) {
        return FollowView.of(service.get(authentication.getName(), id));
    }

    @DeleteMapping("/api/follows/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Stop following")
    @ApiResponse(responseCode = "204", description = "Du följer det inte längre")
    @ApiResponse(responseCode = "404", ref = "#/components/responses/NotFound")
    void unfollow(@PathVariable long id, Authentication authentication) {
        service.unfollow(authentication.getName(), id);
    }

    @GetMapping("/api/settings/digest")
    @Operation(summary = "How often the signed-in person gets the digest: DAILY, WEEKLY (default) or OFF")
    @ApiResponse(responseCode = "200", description = "Inställningen", useReturnTypeSchema = true)
    DigestSetting digest(Authentication authentication) {
        return new DigestSetting(service.frequency(authentication.getName()).name());
    }

    @PutMapping(path = "/api/settings/digest", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Set how often the signed-in person gets the digest: DAILY, WEEKLY or OFF")
    @ApiResponse(responseCode = "200", description = "Inställningen", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "400", ref = "#/components/responses/BadRequest")
    DigestSetting setDigest(@RequestBody DigestSetting setting, Authentication authentication) {
        return new DigestSetting(
                service.setFrequency(authentication.getName(), setting == null ? null : setting.frequency())
                        .name());
    }
}
