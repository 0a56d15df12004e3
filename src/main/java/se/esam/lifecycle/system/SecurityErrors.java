package se.esam.lifecycle.system;

import java.io.IOException;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.NamedInterface;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Spring Security's refusals with a body in the surface's dialect ({@link ErrorDialect}); its own
 * answer the status alone (401, 403) or Spring Boot's error map (the firewall's 400).
 */
@NamedInterface("errors")
public final class SecurityErrors {

    private static final Logger log = LoggerFactory.getLogger(SecurityErrors.class);

    private SecurityErrors() {}

    /**
     * 401 with a body; {@code challenge} still writes its status and headers ({@code WWW-Authenticate}
     * for bearer tokens) first.
     */
    public static AuthenticationEntryPoint unauthorized(AuthenticationEntryPoint challenge) {
        return (request, response, exception) -> {
            challenge.commence(request, response, exception);
            ErrorDialect.write(request, response, HttpServletResponse.SC_UNAUTHORIZED, unauthorizedDetail(exception));
        };
    }

    /**
     * 403, or 401 for nobody signed in: the CSRF check runs before authentication, so a request
     * without credentials is told to sign in, not refused.
     */
    public static AccessDeniedHandler forbidden() {
        return SecurityErrors::deny;
    }

    /** The firewall's refusal (for example {@code //} or {@code ;} in the path), 400 in the surface's dialect. */
    public static RequestRejectedHandler rejected() {
        return SecurityErrors::reject;
    }

    private static void deny(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException, ServletException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        boolean signedIn = authentication != null
                && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken);
        if (!signedIn) {
            ErrorDialect.write(
                    request,
                    response,
                    HttpServletResponse.SC_UNAUTHORIZED,
                    ErrorDialect.detail(HttpServletResponse.SC_UNAUTHORIZED));
            return;
        }
        ErrorDialect.write(
                request,
                response,
                HttpServletResponse.SC_FORBIDDEN,
                denied instanceof CsrfException
                        ? "Begäran saknar giltig CSRF-token. Ladda om sidan och försök igen."
                        : ErrorDialect.detail(HttpServletResponse.SC_FORBIDDEN));
    }

    private static void reject(
            HttpServletRequest request, HttpServletResponse response, RequestRejectedException rejected)
            throws IOException {
        log.info("Request refused by the firewall: {}", rejected.getMessage());
        ErrorDialect.write(
                request,
                response,
                HttpServletResponse.SC_BAD_REQUEST,
                "Adressen är inte tillåten (till exempel // eller ; i sökvägen, eller tecken som inte hör hemma där).");
    }

    /** Spring's own messages are English; ours (the sign-in throttle's, for one) are Swedish and for people. */
    private static String unauthorizedDetail(AuthenticationException exception) {
        if (exception instanceof org.springframework.security.authentication.BadCredentialsException) {
            return "Fel användarnamn eller lösenord.";
        }
        return exception != null
                        && exception.getClass().getName().startsWith("se.esam.")
                        && exception.getMessage() != null
                ? exception.getMessage()
                : ErrorDialect.detail(HttpServletResponse.SC_UNAUTHORIZED);
    }
}
