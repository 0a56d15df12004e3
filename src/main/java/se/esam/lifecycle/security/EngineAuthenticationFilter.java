package se.esam.lifecycle.security;

import java.io.IOException;
import java.util.List;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import se.esam.lifecycle.identity.CurrentUser;

/**
 * Our own pages and API call the engine as the signed-in person, so Camunda's authorization checks
 * apply to them as they do to Tasklist and /engine-rest (which Camunda's own filters authenticate).
 */
final class EngineAuthenticationFilter extends OncePerRequestFilter {

    private final IdentityService identity;

    EngineAuthenticationFilter(IdentityService identity) {
        this.identity = identity;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/camunda/") || path.startsWith("/engine-rest/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null
                || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            chain.doFilter(request, response);
            return;
        }
        CurrentUser user = CurrentUser.of(authentication);
        identity.setAuthentication(user.id(), List.copyOf(user.groups()));
        try {
            chain.doFilter(request, response);
        } finally {
            identity.clearAuthentication();
        }
    }
}
