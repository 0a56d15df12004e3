package se.esam.lifecycle.security;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.AbstractUserDetailsAuthenticationProvider;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Checks passwords against Camunda's identity store (where they are hashed), so that people, groups
 * and organisations have one home. A user's groups become their authorities.
 */
class CamundaIdentityAuthenticationProvider extends AbstractUserDetailsAuthenticationProvider {

    private final IdentityService identity;
    private final SignInThrottle throttle;

    CamundaIdentityAuthenticationProvider(IdentityService identity, SignInThrottle throttle) {
        this.identity = identity;
        this.throttle = throttle;
    }

    @Override
    protected UserDetails retrieveUser(String username, UsernamePasswordAuthenticationToken authentication)
            throws AuthenticationException {
        String source = authentication.getDetails() instanceof WebAuthenticationDetails details
                        && details.getRemoteAddress() != null
                ? details.getRemoteAddress()
                : "okänd";
        Optional<Duration> wait = throttle.waitBefore(source, username);
        if (wait.isPresent()) {
            throw new TooManyAttemptsException("För många felaktiga inloggningar. Försök igen om "
                    + Math.max(1, wait.get().toSeconds()) + " sekunder.");
        }
        Object credentials = authentication.getCredentials();
        if (credentials == null || !identity.checkPassword(username, credentials.toString())) {
            throttle.failed(source, username);
            throw new BadCredentialsException("Fel användarnamn eller lösenord");
        }
        throttle.succeeded(source, username);
        List<SimpleGrantedAuthority> groups = identity.createGroupQuery().groupMember(username).list().stream()
                .map(group -> new SimpleGrantedAuthority(group.getId()))
                .toList();
        return User.withUsername(username).password("").authorities(groups).build();
    }

    /** Refused before the password is even checked: the source must wait. */
    static final class TooManyAttemptsException extends AuthenticationException {

        TooManyAttemptsException(String message) {
            super(message);
        }
    }

    @Override
    protected void additionalAuthenticationChecks(
            UserDetails userDetails, UsernamePasswordAuthenticationToken authentication) {
        // the password was checked by the identity service in retrieveUser
    }
}
