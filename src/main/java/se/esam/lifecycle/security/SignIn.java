package se.esam.lifecycle.security;

import java.util.List;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;

/**
 * How people prove who they are. By default with a password checked against Camunda's identity store
 * ({@link PasswordSignIn}); in the {@code oidc} profile at an OpenID Connect provider.
 */
interface SignIn {

    /** Browsers sign in interactively and keep a session. */
    void forBrowsers(HttpSecurity http) throws Exception;

    /** API clients send credentials with every request. */
    void forApiClients(HttpSecurity http) throws Exception;

    /** Where a browser goes once our session has ended (Spring's /logout, not the webapps' own). */
    LogoutSuccessHandler afterSignOut();

    /**
     * Origins besides our own that a form on our pages may lead to (sign-out ending at the provider); the
     * Content-Security-Policy's form-action must allow them, or browsers stop the form's redirect there.
     */
    default List<String> formTargets() {
        return List.of();
    }
}
