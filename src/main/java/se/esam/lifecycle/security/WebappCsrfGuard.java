package se.esam.lifecycle.security;

import static org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher.withDefaults;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.camunda.bpm.webapp.impl.security.filter.util.CsrfConstants;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Checks the webapps' CSRF token (Camunda's, in the session) on every changing request to their API,
 * as Camunda's own filter does, but answers a missing or wrong token with 403 alone: Camunda's filter
 * would also end the session, so any forged request from another site could sign people out.
 */
final class WebappCsrfGuard extends OncePerRequestFilter {

    private static final RequestMatcher WEBAPPS_API = withDefaults().matcher("/camunda/api/**");
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    /** Whether the request carries the token Camunda issued to this session. */
    static boolean carriesWebappCsrfToken(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        String sent = request.getHeader(CsrfConstants.CSRF_TOKEN_HEADER_NAME);
        Object expected = session == null ? null : session.getAttribute(CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME);
        return sent != null
                && expected instanceof String token
                && MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8), sent.getBytes(StandardCharsets.UTF_8));
    }

    /** Only a signed-in session can be forged; the anonymous are answered 401 by the authorization rules. */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        boolean signedIn = authentication != null
                && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken);
        return !signedIn || SAFE_METHODS.contains(request.getMethod()) || !WEBAPPS_API.matches(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!carriesWebappCsrfToken(request)) {
            response.setHeader(CsrfConstants.CSRF_TOKEN_HEADER_NAME, CsrfConstants.CSRF_TOKEN_HEADER_REQUIRED);
            response.sendError(HttpServletResponse.SC_FORBIDDEN, "CSRF Token does not match");
            return;
        }
        chain.doFilter(request, response);
    }
}
