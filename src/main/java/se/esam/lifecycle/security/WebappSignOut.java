package se.esam.lifecycle.security;

import static org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher.withDefaults;

import java.io.IOException;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpMethod;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The webapps' own "Sign out" ends our session too, so that one sign-out ends everything. Their
 * request is answered here, before Camunda sees it, so it must carry the webapps' CSRF token, as
 * Camunda itself would demand; the webapps' script then shows our login page
 * ({@code webjars/camunda/app/sign-out.js}).
 */
final class WebappSignOut implements LogoutSuccessHandler {

    static final RequestMatcher REQUEST = new AndRequestMatcher(
            withDefaults().matcher(HttpMethod.POST, "/camunda/api/admin/auth/user/{engine}/logout"),
            WebappCsrfGuard::carriesWebappCsrfToken);

    private final LogoutSuccessHandler forOurPages;

    WebappSignOut(LogoutSuccessHandler forOurPages) {
        this.forOurPages = forOurPages;
    }

    @Override
    public void onLogoutSuccess(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws IOException, ServletException {
        if (request.getRequestURI().startsWith(request.getContextPath() + "/camunda/")) {
            response.setStatus(HttpServletResponse.SC_OK);
        } else {
            forOurPages.onLogoutSuccess(request, response, authentication);
        }
    }
}
