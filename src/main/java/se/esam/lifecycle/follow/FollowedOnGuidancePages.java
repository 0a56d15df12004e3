package se.esam.lifecycle.follow;

import java.util.HashSet;
import java.util.Set;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Tells the public guidance pages what the signed-in person already follows, so they say "Du följer ..." instead
 * of offering the button again. An advice of this module because guidance may not know about follows; the pages
 * read the {@code followed} attribute if it is there.
 */
@ControllerAdvice(basePackages = "se.esam.lifecycle.guidance")
class FollowedOnGuidancePages {

    // a provider, because web slices (@WebMvcTest) load every controller advice but no repositories
    private final ObjectProvider<Follows> follows;

    FollowedOnGuidancePages(ObjectProvider<Follows> follows) {
        this.follows = follows;
    }

    @ModelAttribute("followed")
    Followed followed(Authentication authentication) {
        boolean signedIn = authentication != null
                && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken);
        Follows store = follows.getIfAvailable();
        return new Followed(signedIn && store != null ? authentication.getName() : null, store);
    }

    /**
     * Read on first use only: the same controllers answer the JSON API, which never asks. Public because the
     * templates call it.
     */
    public static final class Followed {

        private final String person;
        private final Follows follows;
        private Set<String> keys;

        Followed(String person, Follows follows) {
            this.person = person;
            this.follows = follows;
        }

        public boolean document(String guidanceId) {
            return keys().contains(guidanceId + "/");
        }

        public boolean section(String guidanceId, String sectionId) {
            return keys().contains(guidanceId + "/" + sectionId);
        }

        private Set<String> keys() {
            if (keys == null) {
                keys = new HashSet<>();
                if (person != null) {
                    follows.of(person)
                            .forEach(
                                    f -> keys.add(f.guidanceId() + "/" + (f.sectionId() == null ? "" : f.sectionId())));
                }
            }
            return keys;
        }
    }
}
