package se.esam.lifecycle.security;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.AbstractUserDetailsAuthenticationProvider;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * Checks passwords against Camunda's identity store (where they are hashed), so that people, groups
 * and organisations have one home. A user's groups become their authorities.
 */
class CamundaIdentityAuthenticationProvider extends AbstractUserDetailsAuthenticationProvider {

    private final IdentityService identity;

    CamundaIdentityAuthenticationProvider(IdentityService identity) {
        this.identity = identity;
    }

    @Override
    protected UserDetails retrieveUser(String username, UsernamePasswordAuthenticationToken authentication)
            throws AuthenticationException {
        Object credentials = authentication.getCredentials();
        if (credentials == null || !identity.checkPassword(username, credentials.toString())) {
            throw new BadCredentialsException("Fel användarnamn eller lösenord");
        }
        List<SimpleGrantedAuthority> groups = identity.createGroupQuery().groupMember(username).list().stream()
                .map(group -> new SimpleGrantedAuthority(group.getId())).toList();
        return User.withUsername(username).password("").authorities(groups).build();
    }

    @Override
    protected void additionalAuthenticationChecks(UserDetails userDetails,
            UsernamePasswordAuthenticationToken authentication) {
        // the password was checked by the identity service in retrieveUser
    }
}
