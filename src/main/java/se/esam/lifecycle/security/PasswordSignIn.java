package se.esam.lifecycle.security;

import java.time.Clock;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.security.web.authentication.logout.SimpleUrlLogoutSuccessHandler;

/**
 * Passwords checked against Camunda's identity store, where they are hashed: a login form for
 * browsers, HTTP Basic for API clients. Wrong passwords are slowed per source and account
 * ({@link SignInThrottle}), never locked for good.
 */
@Configuration(proxyBeanMethods = false)
@Profile("!oidc")
class PasswordSignIn implements SignIn {

    private final IdentityService identity;
    private final Clock clock;

    PasswordSignIn(IdentityService identity, Clock clock) {
        this.identity = identity;
        this.clock = clock;
    }

    @Bean
    AuthenticationManager authenticationManager() {
        return new ProviderManager(new CamundaIdentityAuthenticationProvider(identity, new SignInThrottle(clock)));
    }

    @Override
    public void forBrowsers(HttpSecurity http) throws Exception {
        http.formLogin(form -> form.loginPage(SignInPage.PATH).permitAll());
    }

    @Override
    public void forApiClients(HttpSecurity http) throws Exception {
        http.httpBasic(basic -> basic.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)));
    }

    @Override
    public LogoutSuccessHandler afterSignOut() {
        var handler = new SimpleUrlLogoutSuccessHandler();
        handler.setDefaultTargetUrl(SignInPage.PATH + "?logout");
        return handler;
    }
}
