package se.esam.lifecycle.system;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;
import org.springframework.modulith.NamedInterface;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Each surface answers errors in one shape its clients can read: our API (and anything else of ours)
 * with RFC 9457 problem details, Camunda's REST API and the webapps' API with Camunda's documented
 * {@code ExceptionDto} ({@code type}, {@code message}, {@code code}). For the places that answer
 * before any controller runs: security, the firewall, the size limit and the error page.
 */
@NamedInterface("errors")
public final class ErrorDialect {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ErrorDialect() {}

    /** Whether the request (or, on the error page, the request that failed) is for a Camunda surface. */
    public static boolean isCamunda(HttpServletRequest request) {
        String path = pathOf(request);
        return under(path, "/engine-rest") || under(path, "/camunda/api");
    }

    /** Whether the request is for our JSON API. */
    public static boolean isApi(HttpServletRequest request) {
        String path = pathOf(request);
        return under(path, "/api") || under(path, "/actuator");
    }

    /** Writes the error in the request's dialect; the detail is Swedish and for people. */
    public static void write(HttpServletRequest request, HttpServletResponse response, int status, String detail)
            throws IOException {
        Map<String, Object> body =
                isCamunda(request) ? exceptionDto(camundaType(status), detail) : problem(request, status, detail);
        response.setStatus(status);
        response.setContentType(
                isCamunda(request) ? MediaType.APPLICATION_JSON_VALUE : MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(JSON.writeValueAsString(body));
        response.getWriter().flush();
    }

    /**
     * Camunda's {@code ExceptionDto}. Its {@code code} is a number in Camunda's contract, never null: 0 is
     * Camunda's own code for an error without a more specific one.
     */
    public static Map<String, Object> exceptionDto(String type, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type);
        body.put("message", message);
        body.put("code", 0);
        return body;
    }

    static Map<String, Object> problem(HttpServletRequest request, int status, String detail) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", title(status));
        body.put("status", status);
        body.put("detail", detail);
        body.put("instance", pathOf(request));
        return body;
    }

    /** The Swedish title of a status, as our problem details carry it. */
    public static String title(int status) {
        return switch (status) {
            case 400 -> "Ogiltig begäran";
            case 401 -> "Inte inloggad";
            case 403 -> "Inte tillåtet";
            case 404 -> "Hittades inte";
            case 405 -> "Metoden stöds inte";
            case 406 -> "Svarsformatet stöds inte";
            case 409 -> "Krock";
            case 413 -> "För stor begäran";
            case 415 -> "Innehållstypen stöds inte";
            case 429 -> "För många försök";
            default -> status >= 500 ? "Internt fel" : "Fel i begäran";
        };
    }

    /** A Swedish sentence for a status when nothing more specific is known. */
    public static String detail(int status) {
        return switch (status) {
            case 400 -> "Begäran kan inte tolkas.";
            case 401 -> "Logga in för att fortsätta.";
            case 403 -> "Du har inte behörighet att göra detta.";
            case 404 -> "Det finns inget här.";
            case 405 -> "Adressen tar inte emot den här metoden.";
            case 406 -> "Svaret kan inte ges i det format som begärdes.";
            case 413 -> "Begäran är för stor.";
            case 415 -> "Innehållstypen stöds inte här.";
            default ->
                status >= 500
                        ? "Ett oväntat fel inträffade. Det är loggat; försök igen senare."
                        : "Begäran kunde inte utföras.";
        };
    }

    /** The exception class a Camunda client would see for a status the REST layer gives. */
    static String camundaType(int status) {
        return switch (status) {
            case 401 -> "AuthenticationException";
            case 403 -> "AuthorizationException";
            case 404 -> "NotFoundException";
            case 405 -> "NotAllowedException";
            case 406 -> "NotAcceptableException";
            case 413 -> "RequestTooLargeException";
            case 415 -> "NotSupportedException";
            default -> status >= 500 ? "ProcessEngineException" : "InvalidRequestException";
        };
    }

    /**
     * The path within the application of the request, or on the error page of the request that failed;
     * matrix parameters and doubled slashes (which the firewall refuses) do not hide which surface it was.
     */
    static String pathOf(HttpServletRequest request) {
        Object failed = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String uri = failed instanceof String s ? s : request.getRequestURI();
        String context = request.getContextPath();
        if (uri == null) {
            return "";
        }
        if (context != null && !context.isEmpty() && uri.startsWith(context)) {
            uri = uri.substring(context.length());
        }
        return uri.replaceAll(";[^/]*", "").replaceAll("/{2,}", "/");
    }

    private static boolean under(String path, String prefix) {
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }
}
