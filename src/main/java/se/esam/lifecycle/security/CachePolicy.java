package se.esam.lifecycle.security;

import java.util.Set;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.header.HeaderWriter;

/**
 * What a browser may keep. The webapps' scripts, style sheets, fonts, images and translations are the same for
 * everyone who may open the webapps and are sent with {@code Last-Modified}: a browser may keep them but must ask
 * before each use whether they changed ({@code no-cache}, answered 304 while they did not), and a shared cache may
 * not keep them ({@code private}: only signed-in people get them). Under Spring Security's default ({@code no-store})
 * a reviewer's browser fetched Tasklist's 4.3 MB of scripts and compiled them again at every load.
 * <p>
 * Everything else is never stored: pages and API answers hold people's data, and each app's page names the app's
 * paths. That is written over what a surface sets itself, because Camunda's REST API sends its answers with
 * {@code no-cache} alone, which lets a browser store them.
 */
final class CachePolicy implements HeaderWriter {

    private static final Set<String> FILE_TYPES =
            Set.of("js", "css", "json", "woff", "woff2", "ttf", "eot", "svg", "png", "gif", "jpg", "ico");

    @Override
    public void writeHeaders(HttpServletRequest request, HttpServletResponse response) {
        // nobody signed in gets the sign-in instead of the file (written before the redirect's status is set)
        if (isWebappFile(request) && signedIn()) {
            response.setHeader("Cache-Control", "private, no-cache");
            return;
        }
        response.setHeader("Cache-Control", "no-cache, no-store, max-age=0, must-revalidate");
        response.setHeader("Pragma", "no-cache");
        response.setHeader("Expires", "0");
    }

    private static boolean signedIn() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null
                && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken);
    }

    /** A file of the webapps, read: outside the webapps' API, which answers with data. */
    private static boolean isWebappFile(HttpServletRequest request) {
        if (!"GET".equals(request.getMethod())) {
            return false;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!path.startsWith("/camunda/") || path.startsWith("/camunda/api/")) {
            return false;
        }
        String name = path.substring(path.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        return dot > 0 && FILE_TYPES.contains(name.substring(dot + 1));
    }
}
