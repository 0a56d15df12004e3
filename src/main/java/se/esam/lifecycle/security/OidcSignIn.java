package se.esam.lifecycle.security;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;

/**
 * Sign-in at an OpenID Connect provider (the {@code oidc} profile): browsers through the provider's
 * login page (authorization code flow), API clients with the provider's JWTs as bearer tokens. Either way
 * the person's account in Camunda's identity store is brought in line with the token first
 * ({@link OidcAccounts}), so that the webapps and the engine know them and their groups.
 */
@Configuration(proxyBeanMethods = false)
@Profile("oidc")
@EnableConfigurationProperties(OidcProperties.class)
class OidcSignIn implements SignIn {

    private final ClientRegistrationRepository registrations;
    private final OidcAccounts accounts;
    private final OidcProperties properties;
    private final OidcUserService provider = new OidcUserService();

    OidcSignIn(ClientRegistrationRepository registrations, OidcAccounts accounts, OidcProperties properties) {
        this.registrations = registrations;
        this.accounts = accounts;
        this.properties = properties;
    }

    @Override
    public void forBrowsers(HttpSecurity http) throws Exception {
        // our Swedish page at /login instead of Spring's generated English one; it sends a visitor straight on to the
        // provider, as Spring's did, and speaks only after a sign-out or a refused sign-in (OidcSignInPage)
        http.oauth2Login(login -> login.loginPage(SignInPage.PATH)
                .permitAll()
                .userInfoEndpoint(userInfo -> userInfo.oidcUserService(this::signInAtProvider)));
    }

    @Override
    public void forApiClients(HttpSecurity http) throws Exception {
        // signature, issuer, audience and expiry are checked by the JwtDecoder Boot builds from
        // spring.security.oauth2.resourceserver.jwt (config/application-oidc.yaml)
        http.oauth2ResourceServer(
                resourceServer -> resourceServer.jwt(jwt -> jwt.jwtAuthenticationConverter(this::signInWithToken)));
    }

    /** Ends the session at the provider too, if it offers that, so the next visit asks for a login again. */
    @Override
    public LogoutSuccessHandler afterSignOut() {
        var handler = new OidcClientInitiatedLogoutSuccessHandler(registrations);
        handler.setPostLogoutRedirectUri("{baseUrl}/");
        // a provider without an end_session_endpoint: back to our start page
        handler.setDefaultTargetUrl("/");
        return handler;
    }

    /** "Logga ut" on our pages posts to us, and we send the browser on to the provider's end_session_endpoint. */
    @Override
    public List<String> formTargets() {
        if (!(registrations instanceof Iterable<?> all)) {
            return List.of();
        }
        List<String> origins = new ArrayList<>();
        for (Object registration : all) {
            Object endSession = ((ClientRegistration) registration)
                    .getProviderDetails()
                    .getConfigurationMetadata()
                    .get("end_session_endpoint");
            if (endSession != null) {
                URI uri = URI.create(endSession.toString());
                origins.add(uri.getScheme() + "://" + uri.getRawAuthority());
            }
        }
        return origins;
    }

    private OidcUser signInAtProvider(OidcUserRequest request) {
        OidcUser user = provider.loadUser(request);
        OidcAccounts.Account account = accounts.signIn(user.getClaims());
        // the user id claim names the principal, as the identity store and the webapps know it
        return new DefaultOidcUser(account.groups(), user.getIdToken(), user.getUserInfo(), properties.userIdClaim());
    }

    private AbstractAuthenticationToken signInWithToken(Jwt token) {
        OidcAccounts.Account account = accounts.signIn(token.getClaims());
        return new JwtAuthenticationToken(token, account.groups(), account.userId());
    }
}
