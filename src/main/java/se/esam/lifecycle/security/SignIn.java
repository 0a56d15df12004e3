package se.esam.lifecycle.security;

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
}
