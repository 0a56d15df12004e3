package se.esam.lifecycle.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One person's HTTP client, as a browser or an API client would be: its own cookie jar (so a browser
 * session), redirects not followed unless asked for ({@link #follow}, so a test sees them), HTTP Basic
 * when made with a password or a bearer token when made with one, and the two CSRF tokens a browser
 * carries: Spring's from a page's hidden {@code _csrf} field, the webapps' from their {@code XSRF-TOKEN}
 * cookie. Nothing is shared between agents.
 */
public final class HttpAgent {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern HIDDEN_CSRF = Pattern.compile(
            "<input[^>]*name=\"_csrf\"[^>]*value=\"([^\"]+)\"|<input[^>]*value=\"([^\"]+)\"[^>]*name=\"_csrf\"");
    /** What a browser asks for when it opens a page; Spring sends only such requests on to a sign-in. */
    private static final String PAGE = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
    /** A browser's limit too: a loop of redirects fails the test instead of running on. */
    private static final int MAX_REDIRECTS = 10;

    private final String base;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient client;
    private final String authorization;

    private HttpAgent(String base, String authorization) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.authorization = authorization;
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .cookieHandler(cookies)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    /** Nobody signed in: no credentials, an empty cookie jar. */
    public static HttpAgent anonymous(String base) {
        return new HttpAgent(base, null);
    }

    /** An API client sending HTTP Basic credentials with every request. */
    public static HttpAgent basic(String base, String user, String password) {
        return new HttpAgent(
                base,
                "Basic "
                        + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    /** An API client sending an OAuth 2 bearer token ({@code Authorization: Bearer ...}) with every request. */
    public static HttpAgent bearer(String base, String token) {
        return new HttpAgent(base, "Bearer " + token);
    }

    /** A demo person's API client: HTTP Basic with their demo password. */
    public static HttpAgent basic(String base, People.Person person) {
        return basic(base, person.id(), person.password());
    }

    /** A demo person's browser, signed in with the login form. */
    public static HttpAgent signedIn(String base, People.Person person) {
        return signedIn(base, person.id(), person.password());
    }

    /** The base address of the application a {@code RANDOM_PORT} test started ({@code @LocalServerPort}). */
    public static String local(int port) {
        return "http://localhost:" + port;
    }

    /** A browser that has signed in with the login form; fails unless the login succeeded. */
    public static HttpAgent signedIn(String base, String user, String password) {
        HttpAgent browser = anonymous(base);
        Response login = browser.signIn(user, password);
        if (login.status() != 302 || login.location().startsWith("/login")) {
            throw new IllegalStateException("Login of " + user + " failed: " + login.status() + " " + login.location());
        }
        return browser;
    }

    /** Percent-encodes one path segment or query value (spaces as %20). */
    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    public String base() {
        return base;
    }

    // --- what a browser does

    /** The login form: loads the page for its CSRF token, then posts user name and password. */
    public Response signIn(String user, String password) {
        String token = csrfTokenOn("/login");
        return postForm("/login", Map.of("username", user, "password", password, "_csrf", token));
    }

    /** Spring's CSRF token from the hidden field of a page's form (every page of ours has the sign-out form). */
    public String csrfTokenOn(String page) {
        Response response = get(page);
        return csrfTokenIn(response.body())
                .orElseThrow(
                        () -> new IllegalStateException("No _csrf field on " + page + " (" + response.status() + ")"));
    }

    /** The value of a page's hidden {@code _csrf} field. */
    public static Optional<String> csrfTokenIn(String html) {
        Matcher matcher = HIDDEN_CSRF.matcher(html == null ? "" : html);
        if (!matcher.find()) {
            return Optional.empty();
        }
        return Optional.of(matcher.group(1) != null ? matcher.group(1) : matcher.group(2));
    }

    /**
     * Opens a page as a browser does: asks for HTML and follows each redirect, to other origins too (an
     * identity provider's sign-in), adding every address it requests, absolute, to {@code visited} in
     * order. The cookie jar keeps what each answer sets on the way; credentials go to this agent's own
     * origin only. Returns the first answer that is not a redirect; its {@code path()} is absolute when it
     * came from another origin.
     */
    public Response follow(String path, List<String> visited) {
        URI address = URI.create(base + path);
        for (int hops = 0; hops <= MAX_REDIRECTS; hops++) {
            visited.add(address.toString());
            String[] asksForAPage = {"Accept", PAGE};
            Response response =
                    send(address, shown(address), "GET", HttpRequest.BodyPublishers.noBody(), null, asksForAPage);
            if (response.status() / 100 != 3) {
                return response;
            }
            address = address.resolve(response.header("Location")
                    .orElseThrow(() -> new IllegalStateException("A redirect without Location: " + response)));
        }
        throw new IllegalStateException("More than " + MAX_REDIRECTS + " redirects: " + visited);
    }

    /** Loads Tasklist as a browser would, which gives the session the webapps' CSRF token; returns it. */
    public String openWebapps() {
        Response app = get("/camunda/app/tasklist/default/");
        if (app.status() != 200) {
            throw new IllegalStateException("Tasklist did not load: " + app.status() + " " + app.location());
        }
        return cookie("XSRF-TOKEN")
                .orElseThrow(
                        () -> new IllegalStateException("No XSRF-TOKEN cookie after " + "loading Tasklist; cookies: "
                                + cookies.getCookieStore().getCookies()));
    }

    public Optional<String> cookie(String name) {
        return cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals(name))
                .map(HttpCookie::getValue)
                .findFirst();
    }

    // --- requests

    public Response get(String path, String... headers) {
        return send("GET", path, HttpRequest.BodyPublishers.noBody(), null, headers);
    }

    /** A JSON request; the body is sent as is when a String, else serialised; null sends no body. */
    public Response json(String method, String path, Object body, String... headers) {
        if (body == null) {
            return send(method, path, HttpRequest.BodyPublishers.noBody(), null, headers);
        }
        try {
            String text = body instanceof String s ? s : JSON.writeValueAsString(body);
            return send(method, path, HttpRequest.BodyPublishers.ofString(text), "application/json", headers);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Response postForm(String path, Map<String, String> fields, String... headers) {
        String form = fields.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(
                "POST", path, HttpRequest.BodyPublishers.ofString(form), "application/x-www-form-urlencoded", headers);
    }

    /**
     * Any request. {@code headers} are name, value pairs. The path must already be encoded; a body
     * publisher of unknown length is sent chunked.
     */
    public Response send(
            String method, String path, HttpRequest.BodyPublisher body, String contentType, String... headers) {
        return send(URI.create(base + path), path, method, body, contentType, headers);
    }

    private Response send(
            URI address,
            String path,
            String method,
            HttpRequest.BodyPublisher body,
            String contentType,
            String[] headers) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(address).method(method, body).timeout(Duration.ofSeconds(60));
        // a browser never hands one site's credentials to another (the identity provider, when following)
        if (authorization != null && ownOrigin(address)) {
            request.header("Authorization", authorization);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        request.header("Accept", "application/json, text/html;q=0.9, */*;q=0.8");
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.setHeader(headers[i], headers[i + 1]);
        }
        HttpResponse<String> response =
                exchange(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8), method, path);
        return new Response(method, path, response.statusCode(), response.headers(), response.body());
    }

    /** A GET whose answer is a file (a ZIP, say): its bytes as they came. */
    public Download download(String path) {
        URI address = URI.create(base + path);
        HttpRequest.Builder request = HttpRequest.newBuilder(address).GET().timeout(Duration.ofSeconds(60));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        HttpResponse<byte[]> response = exchange(request, HttpResponse.BodyHandlers.ofByteArray(), "GET", path);
        return new Download(path, response.statusCode(), response.headers(), response.body());
    }

    private <T> HttpResponse<T> exchange(
            HttpRequest.Builder request, HttpResponse.BodyHandler<T> body, String method, String path) {
        try {
            return client.send(request.build(), body);
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private boolean ownOrigin(URI address) {
        URI own = URI.create(base);
        return own.getScheme().equalsIgnoreCase(address.getScheme())
                && own.getHost().equalsIgnoreCase(address.getHost())
                && own.getPort() == address.getPort();
    }

    /** The path and query on this agent's origin, as tests name them; the whole address elsewhere. */
    private String shown(URI address) {
        if (!ownOrigin(address)) {
            return address.toString();
        }
        String path = address.getRawPath() == null ? "" : address.getRawPath();
        return address.getRawQuery() == null ? path : path + "?" + address.getRawQuery();
    }

    /** A file that came back: status, headers and the bytes; {@link #text()} for a refusal's problem detail. */
    public record Download(String path, int status, HttpHeaders headers, byte[] body) {

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        public Optional<String> header(String name) {
            return headers.firstValue(name);
        }
    }

    /** What came back, with the readings tests need. */
    public record Response(String method, String path, int status, HttpHeaders headers, String body) {

        public Optional<String> header(String name) {
            return headers.firstValue(name);
        }

        public List<String> allHeaders(String name) {
            return headers.allValues(name);
        }

        /** The Location's path and query, relative to the server ("" when there is none). */
        public String location() {
            return header("Location")
                    .map(value -> {
                        URI uri = URI.create(value);
                        String rest = uri.getRawPath() == null ? "" : uri.getRawPath();
                        return uri.getRawQuery() == null ? rest : rest + "?" + uri.getRawQuery();
                    })
                    .orElse("");
        }

        public String contentType() {
            return header("Content-Type").orElse("");
        }

        public boolean isJson() {
            return contentType().startsWith("application/json") || contentType().startsWith("application/problem+json");
        }

        public Map<String, Object> json() {
            try {
                return JSON.readValue(body, new TypeReference<Map<String, Object>>() {});
            } catch (IOException e) {
                throw new IllegalStateException("Not a JSON object from " + this, e);
            }
        }

        public List<Map<String, Object>> jsonList() {
            try {
                return JSON.readValue(body, new TypeReference<List<Map<String, Object>>>() {});
            } catch (IOException e) {
                throw new IllegalStateException("Not a JSON list from " + this, e);
            }
        }

        /** Values of one field of each element of a JSON list answer. */
        public List<String> listOf(String field) {
            List<String> values = new ArrayList<>();
            for (Map<String, Object> element : jsonList()) {
                values.add(String.valueOf(element.get(field)));
            }
            return values;
        }

        @Override
        public String toString() {
            String shown = body == null ? "" : body.length() > 600 ? body.substring(0, 600) + "…" : body;
            return method + " " + path + " -> " + status + (location().isEmpty() ? "" : " Location: " + location())
                    + " " + shown.replaceAll("\\s+", " ");
        }
    }
}
