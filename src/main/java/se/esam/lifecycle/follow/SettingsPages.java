package se.esam.lifecycle.follow;

import java.util.List;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import se.esam.lifecycle.system.InvalidInputException;

/**
 * /settings: the digest's frequency and what one follows, for every signed-in person; and the "Följ" buttons of
 * the guidance pages, which post here. Forms with CSRF tokens, as every page of ours.
 */
@Controller
class SettingsPages {

    private final FollowService service;

    SettingsPages(FollowService service) {
        this.service = service;
    }

    @GetMapping("/settings")
    String page(@RequestParam(required = false) Long followed, Authentication authentication, Model model) {
        String person = authentication.getName();
        List<Follows.Follow> follows = service.of(person);
        model.addAttribute("follows", follows);
        model.addAttribute("frequency", service.frequency(person));
        model.addAttribute("frequencies", Frequency.values());
        model.addAttribute(
                "justFollowed",
                followed == null
                        ? null
                        : follows.stream()
                                .filter(f -> f.id() == followed)
                                .findFirst()
                                .orElse(null));
        return "follow/settings";
    }

    @PostMapping("/settings/digest")
    String setFrequency(
            @RequestParam(required = false) String frequency,
            Authentication authentication,
            Model model,
            HttpServletResponse response) {
        try {
            service.setFrequency(authentication.getName(), frequency);
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("error", e.getMessage());
            return page(null, authentication, model);
        }
        return "redirect:/settings?saved";
    }

    /** From a guidance page: the version it showed, so that a section is checked against what the person saw. */
    @PostMapping("/settings/follows")
    String follow(
            @RequestParam(required = false) String guidanceId,
            @RequestParam(required = false) String version,
            @RequestParam(required = false) String sectionId,
            Authentication authentication,
            Model model,
            HttpServletResponse response) {
        FollowService.Followed followed;
        try {
            followed = service.follow(authentication.getName(), guidanceId, version, sectionId);
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("error", e.getMessage());
            return page(null, authentication, model);
        }
        return "redirect:/settings?followed=" + followed.follow().id();
    }

    @PostMapping("/settings/follows/{id}/delete")
    String unfollow(@PathVariable long id, Authentication authentication) {
        service.unfollow(authentication.getName(), id);
        return "redirect:/settings?unfollowed";
    }
}
