package se.esam.lifecycle.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.LIST;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.util.UriComponentsBuilder;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;

import se.esam.lifecycle.feedback.FeedbackType;
import se.esam.lifecycle.feedback.Submission;
import se.esam.lifecycle.identity.Roles;
import se.esam.lifecycle.support.PostgresDatabase;
import se.esam.lifecycle.support.TestEnvironment;
import se.esam.lifecycle.support.TestOidcProvider;
import se.esam.lifecycle.support.TestSmtp;

/**
 * The {@code oidc} profile against a real OpenID Connect provider running in the test: bearer tokens for
 * our API and Camunda's, the sign-in of browsers (authorization code flow, here without a browser), the
 * accounts made just in time in Camunda's identity store, and the tokens that must be refused.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestEnvironment
// the demo's organisations and groups, but people sign in at the provider: PasswordSignIn is not active
@ActiveProfiles({"demo", "oidc"})
@DirtiesContext // closes the application before the JVM's shutdown drops its database
class OidcSignInIT {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {};
    private static final ParameterizedTypeReference<List<Map<String, Object>>> JSON_LIST =
            new ParameterizedTypeReference<>() {};

    @RegisterExtension
    static final TestOidcProvider oidc = TestOidcProvider.started();

    static final TestSmtp smtp = new TestSmtp();

    @RegisterExtension
    static GreenMailExtension mail = smtp.server();

    @DynamicPropertySource
    static void environment(DynamicPropertyRegistry registry) {
        PostgresDatabase.createFor(OidcSignInIT.class, registry);
        smtp.configure(registry);
        oidc.configure(registry);
    }

    @Autowired
    TestRestTemplate http;

    @Autowired
    IdentityService identity;

    @LocalServerPort
    int port;

    // --- bearer tokens for API clients

    @Test
    void submitterWithABearerTokenSubmitsFeedbackForTheOrganisationInTheToken() {
        String sara = oidc.token("sara")
                .with("groups", List.of(Roles.SUBMITTERS))
                .with("organisation", "org-skatteverket")
                .serialize();

        ResponseEntity<Map<String, Object>> submitted = submit(sara, "Exempel från Skatteverket saknas.");

        assertThat(submitted.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(submitted.getBody()).containsEntry("organisation", "Skatteverket");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> history =
                (List<Map<String, Object>>) submitted.getBody().get("history");
        assertThat(history)
                .extracting(h -> h.get("action") + " by " + h.get("by"))
                .containsExactly("SUBMITTED by sara");
        assertThat(getList(sara, "/api/feedback").getBody())
                .extracting(f -> f.get("reference"))
                .contains(submitted.getBody().get("reference"));
    }

    @Test
    void bearerTokensWorkOnCamundasRestApiWithTheGroupsFromTheToken() {
        String sven = oidc.token("sven")
                .with("groups", List.of(Roles.SUBMITTERS))
                .with("organisation", "org-csn")
                .serialize();
        String reference = (String)
                submit(sven, "Kansliet ska få en triageringsuppgift.").getBody().get("reference");
        String kim = oidc.token("kim")
                .with("groups", List.of(Roles.KANSLI))
                .with("organisation", "org-esam")
                .serialize();

        ResponseEntity<List<Map<String, Object>>> kimsTasks =
                getList(kim, "/engine-rest/task?taskDefinitionKey=TriageFeedback");

        assertThat(kimsTasks.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(kimsTasks.getBody()).extracting(t -> businessKeyOf(kim, t)).contains(reference);
        // the submitter's group may not read the kansli's tasks
        assertThat(getList(sven, "/engine-rest/task?taskDefinitionKey=TriageFeedback")
                        .getBody())
                .isEmpty();
    }

    @Test
    void theFirstTokenCreatesTheAccountWithNameMailAndMemberships() {
        assertThat(identity.createUserQuery().userId("tove").count()).isZero();
        String tove = oidc.token("tove")
                .with("given_name", "Tove")
                .with("family_name", "Tegnér")
                .with("email", "tove@kronofogden.example")
                .with("groups", List.of("expert-law", Roles.SUBMITTERS))
                .with("organisation", "org-kronofogden")
                .serialize();

        assertThat(get(tove, "/api/feedback").getStatusCode()).isEqualTo(HttpStatus.OK);

        User account = identity.createUserQuery().userId("tove").singleResult();
        assertThat(account.getFirstName()).isEqualTo("Tove");
        assertThat(account.getLastName()).isEqualTo("Tegnér");
        assertThat(account.getEmail()).isEqualTo("tove@kronofogden.example");
        assertThat(membershipsOf("tove")).containsExactlyInAnyOrder("expert-law", Roles.SUBMITTERS, "org-kronofogden");
        // nobody knows its password, and passwords are not how anyone signs in here
        assertThat(identity.checkPassword("tove", "tove")).isFalse();
    }

    @Test
    void aLaterTokenWithFewerGroupsOrAnotherOrganisationRemovesTheStaleMemberships() {
        get(
                oidc.token("ture")
                        .with("groups", List.of("expert-law", "chief-architect"))
                        .with("organisation", "org-domstolsverket")
                        .serialize(),
                "/api/feedback");
        assertThat(membershipsOf("ture"))
                .containsExactlyInAnyOrder("expert-law", "chief-architect", "org-domstolsverket");

        get(
                oidc.token("ture")
                        .with("groups", List.of("expert-law"))
                        .with("organisation", "org-lantmateriet")
                        .serialize(),
                "/api/feedback");

        assertThat(membershipsOf("ture")).containsExactlyInAnyOrder("expert-law", "org-lantmateriet");
    }

    @Test
    void aTokenWithoutTheGroupsClaimSignsInButGivesNoRole() {
        String submitter = oidc.token("siv")
                .with("groups", List.of(Roles.SUBMITTERS))
                .with("organisation", "org-bolagsverket")
                .serialize();
        assertThat(submit(submitter, "Siv har rollen och får lämna synpunkter.").getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        String noGroups =
                oidc.token("siv").with("organisation", "org-bolagsverket").serialize();

        assertThat(get(noGroups, "/api/feedback").getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(submit(noGroups, "Utan roll får Siv inte lämna synpunkter.").getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(getList(noGroups, "/engine-rest/task").getBody()).isEmpty();
        assertThat(membershipsOf("siv")).containsExactly("org-bolagsverket");
    }

    @Test
    void aGroupsClaimWithTheAdministratorsDoesNotMakeAnAdministrator() {
        String token = oidc.token("mallory")
                .with("groups", List.of(Roles.KANSLI, Roles.ADMINS))
                .with("organisation", "org-esam")
                .serialize();

        assertThat(mayCreateGroups(token)).isFalse();
        assertThat(membershipsOf("mallory")).containsExactlyInAnyOrder(Roles.KANSLI, "org-esam");
    }

    @Test
    void membershipsGivenByHandOutsideTheAllowedGroupsAreKept() {
        // the demo's admin is in camunda-admin in the identity store; the token does not decide that
        String admin = oidc.token("admin").with("organisation", "org-esam").serialize();

        assertThat(mayCreateGroups(admin)).isTrue();
        assertThat(membershipsOf("admin")).contains(Roles.ADMINS);
    }

    @Test
    void anOrganisationClaimThatNamesNoMemberOrganisationIsIgnored() {
        String token = oidc.token("okand")
                .with("groups", List.of(Roles.SUBMITTERS))
                .with("organisation", Roles.KANSLI)
                .serialize();

        assertThat(get(token, "/api/feedback").getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(membershipsOf("okand")).containsExactly(Roles.SUBMITTERS);
    }

    @Test
    void parallelFirstRequestsOfANewPersonAllSucceed() throws Exception {
        String token = oidc.token("parallell")
                .with("groups", List.of(Roles.SUBMITTERS))
                .with("organisation", "org-digg")
                .serialize();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Callable<HttpStatus>> requests = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                requests.add(() -> HttpStatus.valueOf(
                        get(token, "/api/feedback").getStatusCode().value()));
            }
            List<HttpStatus> answers = new ArrayList<>();
            for (Future<HttpStatus> answer : pool.invokeAll(requests)) {
                answers.add(answer.get());
            }
            assertThat(answers).containsOnly(HttpStatus.OK);
        } finally {
            pool.shutdownNow();
        }
        assertThat(membershipsOf("parallell")).containsExactlyInAnyOrder(Roles.SUBMITTERS, "org-digg");
    }

    // --- tokens that must be refused

    @Test
    void passwordsAreNotAcceptedInThisProfile() {
        ResponseEntity<String> response =
                http.withBasicAuth("anna", "anna").getForEntity("/api/feedback", String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void aTokenWithATamperedPayloadIsRefused() {
        String genuine = oidc.token("tilda")
                .with("groups", List.of(Roles.SUBMITTERS))
                .with("organisation", "org-esam")
                .serialize();
        String[] parts = genuine.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String tampered =
                parts[0] + "." + base64Url(payload.replace("\"submitters\"", "\"camunda-admin\"")) + "." + parts[2];
        assertThat(tampered).isNotEqualTo(genuine);

        assertThat(get(tampered, "/api/feedback").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(get(tampered, "/engine-rest/task").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(identity.createUserQuery().userId("tilda").count()).isZero();
        // the same token untouched is accepted
        assertThat(get(genuine, "/api/feedback").getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void anUnsignedTokenIsRefused() {
        String genuine =
                oidc.token("ulrik").with("groups", List.of(Roles.KANSLI)).serialize();
        String unsigned = base64Url("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + genuine.split("\\.")[1] + ".";

        assertThat(get(unsigned, "/api/feedback").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(identity.createUserQuery().userId("ulrik").count()).isZero();
    }

    @Test
    void anExpiredTokenIsRefused() {
        String expired = oidc.token("elsa")
                .with("groups", List.of(Roles.KANSLI))
                .expiredAnHourAgo()
                .serialize();

        ResponseEntity<String> refused = get(expired, "/api/feedback");
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        // a client learns that its token, not its request, is at fault (RFC 6750)
        assertThat(refused.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE))
                .startsWith("Bearer")
                .contains("error=\"invalid_token\"");
        assertThat(get(expired, "/engine-rest/task").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(identity.createUserQuery().userId("elsa").count()).isZero();
    }

    @Test
    void aTokenFromAnotherIssuerIsRefusedEvenWithTheProvidersSignature() {
        String otherIssuer = oidc.token("igor")
                .with("groups", List.of(Roles.KANSLI))
                .issuedAs(oidc.issuerByAddress())
                .serialize();
        String sameIssuer = oidc.token("igor")
                .with("groups", List.of(Roles.KANSLI))
                .issuedAs(oidc.issuer())
                .serialize();

        assertThat(get(otherIssuer, "/api/feedback").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(identity.createUserQuery().userId("igor").count()).isZero();
        // made the same way but naming our issuer: accepted, so the issuer alone made the difference
        assertThat(get(sameIssuer, "/api/feedback").getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void aTokenForAnotherAudienceIsRefused() {
        String forAnotherApplication = oidc.token("axel")
                .with("groups", List.of(Roles.KANSLI))
                .audience("another-application")
                .serialize();

        assertThat(get(forAnotherApplication, "/api/feedback").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(identity.createUserQuery().userId("axel").count()).isZero();
    }

    @Test
    void aTokenThatNamesNoUsableUserIsRefused() {
        String noUserId = oidc.token("nils")
                .without("preferred_username")
                .with("groups", List.of(Roles.KANSLI))
                .serialize();
        String invalidUserId = oidc.token("nils.nilsson@example.se")
                .with("groups", List.of(Roles.KANSLI))
                .serialize();

        assertThat(get(noUserId, "/api/feedback").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(get(invalidUserId, "/api/feedback").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    // --- browsers: the authorization code flow, followed here by a plain HTTP client

    @Test
    void aBrowserSignedInAtTheProviderIsTrustedByTheWebapps() throws Exception {
        oidc.token("klara")
                .with("given_name", "Klara")
                .with("family_name", "Kvist")
                .with("groups", List.of(Roles.KANSLI))
                .with("organisation", "org-esam")
                .forNextSignIn();
        BrowserSession browser = new BrowserSession();

        HttpResponse<String> tasklist = browser.get("/camunda/app/tasklist/default/");

        assertThat(browser.visited).anySatisfy(uri -> assertThat(uri).startsWith(oidc.issuer() + "/authorize"));
        assertThat(tasklist.statusCode()).isEqualTo(200);
        assertThat(tasklist.uri().getPath()).isEqualTo("/camunda/app/tasklist/default/");
        Map<String, Object> webappUser = browser.json("/camunda/api/admin/auth/user/default");
        assertThat(webappUser).containsEntry("userId", "klara");
        assertThat(webappUser.get("authorizedApps")).asInstanceOf(LIST).contains("tasklist", "cockpit");
        assertThat(membershipsOf("klara")).containsExactlyInAnyOrder(Roles.KANSLI, "org-esam");
        assertThat(identity.createUserQuery().userId("klara").singleResult().getLastName())
                .isEqualTo("Kvist");
    }

    @Test
    void signingOutEndsOurSessionAndTheProvidersToo() throws Exception {
        oidc.token("sune")
                .with("groups", List.of(Roles.SUBMITTERS))
                .with("organisation", "org-esam")
                .forNextSignIn();
        BrowserSession browser = new BrowserSession();
        HttpResponse<String> page = browser.get("/feedback");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(browser.get("/api/feedback").statusCode()).isEqualTo(200);
        // the sign-out form's redirect leaves our origin: browsers follow it only if form-action allows it
        URI provider = URI.create(oidc.endSessionEndpoint());
        assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("form-action 'self' " + provider.getScheme() + "://" + provider.getRawAuthority() + ";");

        HttpResponse<String> signOut = browser.signOut();

        assertThat(signOut.statusCode()).isEqualTo(302);
        String location = signOut.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(oidc.endSessionEndpoint() + "?");
        var query = UriComponentsBuilder.fromUriString(location).build().getQueryParams();
        assertThat(query.getFirst("id_token_hint")).isNotBlank();
        assertThat(URLDecoder.decode(query.getFirst("post_logout_redirect_uri"), StandardCharsets.UTF_8))
                .isEqualTo(baseUrl() + "/");
        assertThat(browser.getWithoutRedirects("/api/feedback").statusCode()).isEqualTo(401);
    }

    // --- helpers

    private ResponseEntity<Map<String, Object>> submit(String token, String description) {
        Submission submission = new Submission("digital-samverkan", "4.1", "2.1", FeedbackType.GAP, description);
        return http.exchange("/api/feedback", HttpMethod.POST, new HttpEntity<>(submission, bearer(token)), JSON);
    }

    private ResponseEntity<String> get(String token, String path) {
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(bearer(token)), String.class);
    }

    private ResponseEntity<List<Map<String, Object>>> getList(String token, String path) {
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(bearer(token)), JSON_LIST);
    }

    private String businessKeyOf(String token, Map<String, Object> task) {
        return (String) http.exchange(
                        "/engine-rest/process-instance/" + task.get("processInstanceId"),
                        HttpMethod.GET,
                        new HttpEntity<>(bearer(token)),
                        JSON)
                .getBody()
                .get("businessKey");
    }

    /** Only administrators may create groups: Camunda's own check of the caller's authorizations. */
    private boolean mayCreateGroups(String token) {
        ResponseEntity<Map<String, Object>> check = http.exchange(
                "/engine-rest/authorization/check?permissionName=CREATE&resourceName=Group&resourceType=2",
                HttpMethod.GET,
                new HttpEntity<>(bearer(token)),
                JSON);
        assertThat(check.getStatusCode()).isEqualTo(HttpStatus.OK);
        return Boolean.TRUE.equals(check.getBody().get("authorized"));
    }

    private static HttpHeaders bearer(String token) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(token);
        return headers;
    }

    private Set<String> membershipsOf(String user) {
        return identity.createGroupQuery().groupMember(user).list().stream()
                .map(Group::getId)
                .collect(Collectors.toSet());
    }

    private static String base64Url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private String baseUrl() {
        return "http://localhost:" + port;
    }

    /** What a browser does over HTTP: keeps cookies, follows redirects, posts forms with their CSRF token. */
    private final class BrowserSession {

        private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
        /** What a browser asks for when it opens a page; Spring sends only such requests to the login. */
        private static final String PAGE = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

        final List<String> visited = new ArrayList<>();
        private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        private final HttpClient client =
                HttpClient.newBuilder().cookieHandler(cookies).build();

        /** Follows redirects one by one, so that every address on the way is recorded. */
        HttpResponse<String> get(String path) throws IOException, InterruptedException {
            URI uri = URI.create(baseUrl() + path);
            for (int hops = 0; hops < 10; hops++) {
                visited.add(uri.toString());
                HttpResponse<String> response = client.send(
                        HttpRequest.newBuilder(uri).header("Accept", PAGE).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() / 100 != 3) {
                    return response;
                }
                uri = uri.resolve(response.headers().firstValue("Location").orElseThrow());
            }
            throw new AssertionError("more than 10 redirects: " + visited);
        }

        HttpResponse<String> getWithoutRedirects(String path) throws IOException, InterruptedException {
            return client.send(
                    HttpRequest.newBuilder(URI.create(baseUrl() + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        Map<String, Object> json(String path) throws IOException, InterruptedException {
            HttpResponse<String> response = getWithoutRedirects(path);
            assertThat(response.statusCode())
                    .as("%s: %s", path, response.body())
                    .isEqualTo(200);
            @SuppressWarnings("unchecked")
            Map<String, Object> body = new ObjectMapper().readValue(response.body(), Map.class);
            return body;
        }

        /** "Logga ut" on our pages: a form post with the page's CSRF token. */
        HttpResponse<String> signOut() throws IOException, InterruptedException {
            HttpResponse<String> page = get("/feedback");
            Matcher csrf = CSRF.matcher(page.body());
            assertThat(csrf.find()).as("a CSRF token on %s", page.uri()).isTrue();
            return client.send(
                    HttpRequest.newBuilder(URI.create(baseUrl() + "/logout"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(
                                    "_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8)))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }
}
