package se.esam.lifecycle.security;

import static org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher.withDefaults;

import java.io.IOException;
import java.util.Map;
import java.util.stream.Collectors;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.annotation.web.configurers.HttpBasicConfigurer;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.resource.OAuth2ResourceServerConfigurer;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import se.esam.lifecycle.identity.Roles;
import se.esam.lifecycle.system.SecurityErrors;

/**
 * Spring Security stands in front of everything; the Camunda webapps and REST API trust the user it
 * signed in ({@link SpringSecurityUserProvider}), and so does the engine when our own code calls it
 * ({@link EngineAuthenticationFilter}). How people sign in is a {@link SignIn}.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableConfigurationProperties(RequestLimits.class)
class SecurityConfiguration {

    private static final RequestMatcher API = new OrRequestMatcher(
            withDefaults().matcher("/api/**"),
            withDefaults().matcher("/engine-rest/**"),
            withDefaults().matcher("/actuator/**"));
    private static final RequestMatcher SENDS_CREDENTIALS = request -> request.getHeader("Authorization") != null;
    private static final RequestMatcher WEBAPPS = withDefaults().matcher("/camunda/**");
    private static final RequestMatcher WEBAPPS_API = withDefaults().matcher("/camunda/api/**");
    private static final RequestMatcher SWAGGER_UI = withDefaults().matcher("/swagger-ui/**");
    private static final AuthenticationEntryPoint UNAUTHORIZED =
            SecurityErrors.unauthorized(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED));

    /**
     * Our pages use no inline script or style; the webapps and Swagger UI send or need their own. Our forms
     * post to us, though one may go on from there ({@link SignIn#formTargets()}).
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'%s; frame-ancestors 'none'";

    private static final String SWAGGER_UI_POLICY = "default-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, SignIn signIn) throws Exception {
        http.securityMatcher(API)
                .authorizeHttpRequests(auth -> auth
                        // published guidance is for everyone to read
                        .requestMatchers(HttpMethod.GET, "/api/public/**")
                        .permitAll()
                        .requestMatchers("/api/reports/**")
                        .hasAnyAuthority(Roles.MANAGERS, Roles.ADMINS)
                        // the register names every sender: it is the kansli's record, not the members'
                        .requestMatchers("/api/register", "/api/register/**")
                        .hasAnyAuthority(Roles.KANSLI, Roles.ADMINS)
                        .requestMatchers("/api/mail/**")
                        .hasAuthority(Roles.ADMINS)
                        // disposal, legal holds and a person's data: the kansli, which handles records requests;
                        // archive packages hold every record of a case, names and mails included
                        .requestMatchers(
                                "/api/retention/**",
                                "/api/cases/*/legal-hold",
                                "/api/people/**",
                                "/api/archive",
                                "/api/archive/**")
                        .hasAnyAuthority(Roles.KANSLI, Roles.ADMINS)
                        .requestMatchers("/actuator/health", "/actuator/health/**")
                        .permitAll()
                        .requestMatchers("/actuator/**")
                        .hasAuthority(Roles.ADMINS)
                        .anyRequest()
                        .authenticated())
                // API clients authenticate each request; browsers on their session must send the token
                .csrf(csrf -> csrf.ignoringRequestMatchers(SENDS_CREDENTIALS))
                .exceptionHandling(e -> e.authenticationEntryPoint(UNAUTHORIZED)
                        // the CSRF check comes before authentication: nobody signed in is told so, not refused
                        .accessDeniedHandler(SecurityErrors.forbidden()))
                .headers(headers -> headers(headers, signIn));
        signIn.forApiClients(http);
        answerFailedSignInWithABody(http);
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain browser(HttpSecurity http, SignIn signIn) throws Exception {
        http.authorizeHttpRequests(auth -> auth.requestMatchers("/login", "/error", "/favicon.ico", "/assets/css/**")
                        .permitAll()
                        // the accessibility statement is for everyone: reporting a problem must not need a login
                        .requestMatchers(HttpMethod.GET, "/guidance", "/guidance/**", "/accessibility")
                        .permitAll()
                        .requestMatchers("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html")
                        .permitAll()
                        .requestMatchers("/reports", "/reports/**")
                        .hasAnyAuthority(Roles.MANAGERS, Roles.ADMINS)
                        .requestMatchers("/retention", "/retention/**", "/register", "/register/**")
                        .hasAnyAuthority(Roles.KANSLI, Roles.ADMINS)
                        // Camunda guards its apps' pages but not their plugin APIs: Cockpit's statistics would
                        // count every organisation's feedback for anyone signed in
                        .requestMatchers("/camunda/api/cockpit/**")
                        .hasAnyAuthority(Roles.KANSLI, Roles.MANAGERS, Roles.ADMINS)
                        .requestMatchers("/camunda/api/admin/auth/**")
                        .authenticated()
                        .requestMatchers("/camunda/api/admin/**")
                        .hasAuthority(Roles.ADMINS)
                        .anyRequest()
                        .authenticated())
                // the webapps' scripts need a status they understand, not a login page, once the session ends
                .exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(UNAUTHORIZED, WEBAPPS_API)
                        .defaultAccessDeniedHandlerFor(SecurityErrors.forbidden(), WEBAPPS_API)
                        // a single default would serve every request; our pages need the error page instead
                        .defaultAccessDeniedHandlerFor(
                                SecurityConfiguration::refuseOnOurPages, AnyRequestMatcher.INSTANCE))
                .logout(logout -> logout.logoutRequestMatcher(new OrRequestMatcher(
                                withDefaults().matcher(HttpMethod.POST, "/logout"), WebappSignOut.REQUEST))
                        .logoutSuccessHandler(new WebappSignOut(signIn.afterSignOut())))
                // the webapps' API has Camunda's own CSRF token; Spring's would break Tasklist. Camunda ends
                // the whole session on a wrong token, so a forged request is refused here, before it can
                .csrf(csrf -> csrf.ignoringRequestMatchers(WEBAPPS_API))
                .addFilterBefore(new WebappCsrfGuard(), CsrfFilter.class)
                .headers(headers -> headers(headers, signIn));
        signIn.forBrowsers(http);
        return http.build();
    }

    /**
     * Wrong credentials are answered by the sign-in's own entry point, which gives the status alone: the
     * same 401 with a body, and a bearer token's {@code WWW-Authenticate} kept.
     */
    @SuppressWarnings("unchecked")
    private static void answerFailedSignInWithABody(HttpSecurity http) {
        HttpBasicConfigurer<HttpSecurity> basic = http.getConfigurer(HttpBasicConfigurer.class);
        if (basic != null) {
            basic.authenticationEntryPoint(UNAUTHORIZED);
        }
        OAuth2ResourceServerConfigurer<HttpSecurity> bearer = http.getConfigurer(OAuth2ResourceServerConfigurer.class);
        if (bearer != null) {
            bearer.authenticationEntryPoint(SecurityErrors.unauthorized(new BearerTokenAuthenticationEntryPoint()));
        }
    }

    /**
     * A signed-in person refused on our pages gets the error page in what their browser asks for: our
     * Swedish HTML page, or the problem detail for a script ({@code ErrorPage}). Nobody signed in is told
     * so in the surface's dialect, as before.
     */
    private static void refuseOnOurPages(
            HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException, ServletException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null
                || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            SecurityErrors.forbidden().handle(request, response, denied);
            return;
        }
        // the message only tells the error page that it was the CSRF token; it is never shown
        response.sendError(HttpServletResponse.SC_FORBIDDEN, denied instanceof CsrfException ? "CSRF" : null);
    }

    /** Spring Security's firewall refuses odd paths (a {@code //}, a {@code ;}); the refusal in the surface's dialect. */
    @Bean
    RequestRejectedHandler requestRejectedHandler() {
        return SecurityErrors.rejected();
    }

    private static void headers(HeadersConfigurer<HttpSecurity> headers, SignIn signIn) {
        String policy = String.format(
                CONTENT_SECURITY_POLICY,
                signIn.formTargets().stream().map(target -> " " + target).collect(Collectors.joining()));
        // Spring writes HSTS only on secure requests: behind a TLS proxy that is X-Forwarded-Proto: https
        headers.cacheControl(cache -> cache.disable())
                .addHeaderWriter(new CachePolicy())
                .httpStrictTransportSecurity(
                        hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000))
                // Cockpit and Tasklist frame their own pages
                .frameOptions(frame -> frame.sameOrigin())
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                        new AndRequestMatcher(
                                new NegatedRequestMatcher(WEBAPPS), new NegatedRequestMatcher(SWAGGER_UI)),
                        new ContentSecurityPolicyHeaderWriter(policy)))
                .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                        SWAGGER_UI, new ContentSecurityPolicyHeaderWriter(SWAGGER_UI_POLICY)));
    }

    @Bean
    FilterRegistrationBean<RequestSizeLimitFilter> requestSizeLimit(RequestLimits limits) {
        var registration = new FilterRegistrationBean<>(
                new RequestSizeLimitFilter(limits.maxBody().toBytes()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    FilterRegistrationBean<ContainerBasedAuthenticationFilter> camundaWebappsTrustSpringSecurity(
            ObjectProvider<ProcessEngine> engine) {
        var registration = new FilterRegistrationBean<>(AddressedEngine.forWebapps(engine::getIfAvailable));
        registration.setInitParameters(Map.of("authentication-provider", SpringSecurityUserProvider.class.getName()));
        registration.addUrlPatterns("/camunda/app/*", "/camunda/api/*");
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
        return registration;
    }

    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> camundaRestTrustsSpringSecurity(
            ObjectProvider<ProcessEngine> engine) {
        var registration = new FilterRegistrationBean<>(AddressedEngine.forRestApi(engine::getIfAvailable));
        registration.setInitParameters(Map.of("authentication-provider", SpringSecurityUserProvider.class.getName()));
        registration.addUrlPatterns("/engine-rest/*");
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
        return registration;
    }

    @Bean
    FilterRegistrationBean<EngineAuthenticationFilter> engineTrustsSpringSecurity(IdentityService identity) {
        var registration = new FilterRegistrationBean<>(new EngineAuthenticationFilter(identity));
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
        return registration;
    }
}
