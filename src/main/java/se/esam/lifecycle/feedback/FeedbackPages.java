package se.esam.lifecycle.feedback;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseStatus;

import se.esam.lifecycle.identity.CurrentUser;
import se.esam.lifecycle.system.InvalidInputException;
import se.esam.lifecycle.system.NotFoundException;

/** The submitter's view: what the organisation has sent and what became of it. */
@Controller
class FeedbackPages {

    private final FeedbackQueries queries;

    FeedbackPages(FeedbackQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/")
    String home() {
        return "home";
    }

    @GetMapping("/feedback")
    String list(Authentication authentication, Model model) {
        model.addAttribute("feedback", queries.ofMyOrganisation(CurrentUser.of(authentication)));
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
