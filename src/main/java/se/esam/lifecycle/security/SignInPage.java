package se.esam.lifecycle.security;

import jakarta.servlet.http.HttpSession;

import org.springframework.context.annotation.Profile;
import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Our own sign-in page for passwords, in Swedish and with the product's name, instead of Spring's
 * generated one. Spring Security still handles the form's POST; it sends a failure back here with
 * {@code ?error} and a sign-out with {@code ?logout}.
 */
@Controller
@Profile("!oidc")
class SignInPage {

    static final String PATH = "/login";

    @GetMapping(PATH)
    String show(HttpSession session, Model model) {
        // only our provider's refusals are written for people; anything else gets the plain sentence
        Object failure = session == null ? null : session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
        model.addAttribute(
                "failure",
                failure instanceof CamundaIdentityAuthenticationProvider.TooManyAttemptsException tooMany
                        ? tooMany.getMessage()
                        : "Fel användarnamn eller lösenord.");
        return "security/login";
    }
}
