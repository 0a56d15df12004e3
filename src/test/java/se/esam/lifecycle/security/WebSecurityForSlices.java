package se.esam.lifecycle.security;

import java.time.Clock;

import org.camunda.bpm.engine.IdentityService;
import org.mockito.Mockito;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.UserRequestPostProcessor;

import se.esam.lifecycle.support.People.Person;

/**
 * The application's own web security for {@code @WebMvcTest} slices: the real filter chains of
 * {@link SecurityConfiguration} with password sign-in, so a slice sees the same 401, 403 and CSRF rules as
 * the running application. The engine is not part of a slice; its {@link IdentityService}, which the sign-in
 * and the engine filter are built with, is an inert stand-in. Slices sign people in with spring-security-test
 * ({@code user(...).authorities(...)}), which never asks it; passwords are the integration tests' concern.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import({SecurityConfiguration.class, PasswordSignIn.class})
public class WebSecurityForSlices {

    @Bean
    IdentityService identityService() {
        return Mockito.mock(IdentityService.class);
    }

    /** A request by a signed-in demo person, with the authorities a sign-in gives them: groups and organisation. */
    public static UserRequestPostProcessor signedIn(Person person) {
        return SecurityMockMvcRequestPostProcessors.user(person.id())
                .authorities(person.authorities().stream()
                        .map(SimpleGrantedAuthority::new)
                        .toList());
    }

    /** The sign-in throttle's clock, and the reports' "now". */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
