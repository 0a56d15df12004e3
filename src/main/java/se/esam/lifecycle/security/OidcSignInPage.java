package se.esam.lifecycle.security;

import java.util.ArrayList;
import java.util.List;

import org.springframework.context.annotation.Profile;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The sign-in page of the {@code oidc} profile, in Swedish and with the product's name like the password one. A visitor
 * who needs to sign in goes straight on to the provider (with one provider, as Spring's own page did); after a sign-out
 * ({@code ?logout}) or a sign-in the provider refused ({@code ?error}) the page says so and offers to sign in again.
 */
@Controller
@Profile("oidc")
class OidcSignInPage {

    /** Where Spring Security starts the authorization code flow for a registration. */
    static final String AUTHORIZATION = "/oauth2/authorization/";

    private final ClientRegistrationRepository registrations;

    OidcSignInPage(ClientRegistrationRepository registrations) {
        this.registrations = registrations;
    }

    record Provider(String name, String href) {}

    @GetMapping(SignInPage.PATH)
    String show(
            @RequestParam(required = false) String logout, @RequestParam(required = false) String error, Model model) {
        List<Provider> providers = providers();
        if (logout == null && error == null && providers.size() == 1) {
            return "redirect:" + providers.get(0).href();
        }
        // the password page's template, with the provider's link in place of the form
        model.addAttribute("providers", providers);
        model.addAttribute(
                "failure", "Inloggningen gick inte igenom. Försök igen, eller kontakta kansliet om det inte hjälper.");
        return "security/login";
    }

    private List<Provider> providers() {
        List<Provider> providers = new ArrayList<>();
        if (registrations instanceof Iterable<?> all) {
            for (Object registration : all) {
                ClientRegistration client = (ClientRegistration) registration;
                providers.add(new Provider(client.getClientName(), AUTHORIZATION + client.getRegistrationId()));
            }
        }
        return providers;
    }
}
