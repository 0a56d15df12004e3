package se.esam.lifecycle.feedback;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;

import se.esam.lifecycle.identity.CurrentUser;
import se.esam.lifecycle.system.InvalidInputException;
import se.esam.lifecycle.system.NotFoundException;

/**
 * Feedback's pages: the overview (the kansli's and managers' of all feedback, a member's of the own
 * organisation's) and one item with what became of it.
 */
@Controller
class FeedbackPages {

    private final FeedbackQueries queries;
    private final FeedbackChoices choices;

    FeedbackPages(FeedbackQueries queries, FeedbackChoices choices) {
        this.queries = queries;
        this.choices = choices;
    }

    @GetMapping("/")
    String home() {
        return "home";
    }

    /**
     * The overview: every item for the kansli, managers and administrators, the own organisation's for
     * everyone else; the filter form sends its values back here in the address (GET), as the API takes them.
     */
    @GetMapping("/feedback")
    String list(
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String stage,
            @RequestParam(required = false) String expertGroup,
            @RequestParam(required = false) String guidanceId,
            @RequestParam(required = false) String organisation,
            @RequestParam(required = false) String overdue,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String page,
            @RequestParam(required = false) String size,
            Authentication authentication,
            Model model) {
        CurrentUser user = CurrentUser.of(authentication);
        FeedbackFilter filter =
                FeedbackFilter.of(status, stage, expertGroup, guidanceId, organisation, overdue, q, page, size);
        FeedbackQueries.Page found = queries.overview(filter, user);
        model.addAttribute("found", found);
        model.addAttribute("filter", filter);
        model.addAttribute("feedback", found.items());
        model.addAttribute("all", user.overseesAllFeedback());
        model.addAttribute("statuses", FeedbackStatus.values());
        model.addAttribute("stages", Stage.values());
        model.addAttribute("groups", choices.expertGroups());
        model.addAttribute("documents", choices.documents());
        model.addAttribute("organisations", user.overseesAllFeedback() ? choices.organisations() : List.of());
        if (found.hasPrevious()) {
            model.addAttribute(
                    "previous",
                    "/feedback" + FeedbackLinks.query(filter.onPage(Math.min(filter.page() - 1, found.pages()))));
        }
        if (found.hasNext()) {
            model.addAttribute("next", "/feedback" + FeedbackLinks.query(filter.onPage(filter.page() + 1)));
        }
        return "feedback/list";
    }

    @GetMapping("/feedback/{reference}")
    String detail(@PathVariable String reference, Authentication authentication, Model model) {
        model.addAttribute(
                "f",
                queries.view(ReferenceGenerator.wellFormed("reference", reference), CurrentUser.of(authentication)));
        return "feedback/detail";
    }

    @ExceptionHandler(InvalidInputException.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    String invalid(InvalidInputException e, Model model) {
        model.addAttribute("field", e.field());
        model.addAttribute("message", e.getMessage());
        return "feedback/invalid";
    }

    @ExceptionHandler(NotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound() {
        return "error/404";
    }
}
