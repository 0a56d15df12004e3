package se.esam.lifecycle.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.LIST;

import java.net.URI;
import java.net.URLDecoder;
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
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.util.UriComponentsBuilder;

import com.icegreen.greenmail.junit5.GreenMailExtension;

import se.esam.lifecycle.feedback.FeedbackType;
import se.esam.lifecycle.feedback.Submission;
import se.esam.lifecycle.identity.Roles;
import se.esam.lifecycle.support.HttpAgent;
import se.esam.lifecycle.support.HttpAgent.Response;
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

        Response submitted = submit(sara, "Exempel från Skatteverket saknas.");

        assertThat(submitted.status()).as("%s", submitted).isEqualTo(201);
        Map<String, Object> feedback = submitted.json();
        assertThat(feedback).containsEntry("organisation", "Skatteverket");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> history = (List<Map<String, Object>>) feedback.get("history");
        assertThat(history)
                .extracting(h -> h.get("action") + " by " + h.get("by"))
                .containsExactly("SUBMITTED by sara");
        assertThat(get(sara, "/api/feedback").jsonList())
                .extracting(f -> f.get("reference"))
                .contains(feedback.get("reference"));
    }

    @Test
    void bearerTokensWorkOnCamundasRestApiWithTheGroupsFromTheToken() {
        String sven = oidc.token("sven")
                .with("groups", List.of(Roles.SUBMITTERS))
                .with("organisation", "org-csn")
                .serialize();
        String reference = (String)
                submit(sven, "Kansliet ska få en triageringsuppgift.").json().get("reference");
        String kim = oidc.token("kim")
                .with("groups", List.of(Roles.KANSLI))
                .with("organisation", "org-esam")
                .serialize();

        Response kimsTasks = get(kim, "/engine-rest/task?taskDefinitionKey=TriageFeedback");

        assertThat(kimsTasks.status()).as("%s", kimsTasks).isEqualTo(200);
        assertThat(kimsTasks.jsonList()).extracting(t -> businessKeyOf(kim, t)).contains(reference);
        // the submitter's group may not read the kansli's tasks
        assertThat(get(sven, "/engine-rest/task?taskDefinitionKey=TriageFeedback")
                        .jsonList())
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

        assertThat(get(tove, "/api/feedback").status()).isEqualTo(200);

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
        assertThat(submit(submitter, "Siv har rollen och får lämna synpunkter.").status())
                .isEqualTo(201);
        String noGroups =
                oidc.token("siv").with("organisation", "org-bolagsverket").serialize();

        assertThat(get(noGroups, "/api/feedback").status()).isEqualTo(200);
        assertThat(submit(noGroups, "Utan roll får Siv inte lämna synpunkter.").status())
                .isEqualTo(403);
        assertThat(get(noGroups, "/engine-rest/task").jsonList()).isEmpty();
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

        assertThat(get(token, "/api/feedback").status()).isEqualTo(200);
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
            List<Callable<Integer>> requests = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                requests.add(() -> get(token, "/api/feedback").status());
            }
            List<Integer> answers = new ArrayList<>();
            for (Future<Integer> answer : pool.invokeAll(requests)) {
                answers.add(answer.get());
            }
            assertThat(answers).containsOnly(200);
        } finally {
            pool.shutdownNow();
        }
        assertThat(membershipsOf("parallell")).containsExactlyInAnyOrder(Roles.SUBMITTERS, "org-digg");
    }

    // --- tokens that must be refused

    @Test
    void passwordsAreNotAcceptedInThisProfile() {
        Response response = HttpAgent.basic(baseUrl(), "anna", "anna").get("/api/feedback");

        assertThat(response.status()).isEqualTo(401);
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

        assertThat(get(tampered, "/api/feedback").status()).isEqualTo(401);
        assertThat(get(tampered, "/engine-rest/task").status()).isEqualTo(401);
        assertThat(identity.createUserQuery().userId("tilda").count()).isZero();
        // the same token untouched is accepted
        assertThat(get(genuine, "/api/feedback").status()).isEqualTo(200);
    }

    @Test
    void anUnsignedTokenIsRefused() {
        String genuine =
                oidc.token("ulrik").with("groups", List.of(Roles.KANSLI)).serialize();
        String unsigned = base64Url("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + genuine.split("\\.")[1] + ".";

        assertThat(get(unsigned, "/api/feedback").status()).isEqualTo(401);
        assertThat(identity.createUserQuery().userId("ulrik").count()).isZero();
    }

    @Test
    void anExpiredTokenIsRefused() {
        String expired = oidc.token("elsa")
                .with("groups", List.of(Roles.KANSLI))
                .expiredAnHourAgo()
                .serialize();

        Response refused = get(expired, "/api/feedback");
        assertThat(refused.status()).isEqualTo(401);
        // a client learns that its token, not its request, is at fault (RFC 6750)
        assertThat(refused.header("WWW-Authenticate").orElseThrow())
                .startsWith("Bearer")
                .contains("error=\"invalid_token\"");
        assertThat(get(expired, "/engine-rest/task").status()).isEqualTo(401);
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

        assertThat(get(otherIssuer, "/api/feedback").status()).isEqualTo(401);
        assertThat(identity.createUserQuery().userId("igor").count()).isZero();
        // made the same way but naming our issuer: accepted, so the issuer alone made the difference
        assertThat(get(sameIssuer, "/api/feedback").status()).isEqualTo(200);
    }

    @Test
    void aTokenForAnotherAudienceIsRefused() {
        String forAnotherApplication = oidc.token("axel")
                .with("groups", List.of(Roles.KANSLI))
                .audience("another-application")
                .serialize();

        assertThat(get(forAnotherApplication, "/api/feedback").status()).isEqualTo(401);
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

        assertThat(get(noUserId, "/api/feedback").status()).isEqualTo(401);
        assertThat(get(invalidUserId, "/api/feedback").status()).isEqualTo(401);
    }

    // --- browsers: the authorization code flow, followed here by a plain HTTP client

    @Test
    void theSignInPageIsOursInSwedishSendingAVisitorOnToTheProviderAndSayingSoAfterASignOut() {
        HttpAgent visitor = HttpAgent.anonymous(baseUrl());

        Response login = visitor.get("/login");
        assertThat(login.status()).isEqualTo(302);
        assertThat(login.location()).endsWith("/oauth2/authorization/oidc");

        Response signedOut = visitor.get("/login?logout");
        assertThat(signedOut.status()).isEqualTo(200);
        assertThat(signedOut.body())
                .contains("<html lang=\"sv\"", "Logga in på eSam Synpunkter och revisioner", "Du är nu utloggad.")
                .contains("href=\"/oauth2/authorization/oidc\"")
                .doesNotContain("You have been signed out", "Login with OAuth 2.0");

        Response refused = visitor.get("/login?error");
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body()).contains("Inloggningen gick inte igenom.").doesNotContain("Du är nu utloggad.");
    }

    @Test
    void aBrowserSignedInAtTheProviderIsTrustedByTheWebapps() {
        oidc.token("klara")
                .with("given_name", "Klara")
                .with("family_name", "Kvist")
                .with("groups", List.of(Roles.KANSLI))
                .with("organisation", "org-esam")
                .forNextSignIn();
        HttpAgent browser = HttpAgent.anonymous(baseUrl());
        List<String> visited = new ArrayList<>();

        Response tasklist = browser.follow("/camunda/app/tasklist/default/", visited);

        assertThat(visited).anySatisfy(uri -> assertThat(uri).startsWith(oidc.issuer() + "/authorize"));
        assertThat(tasklist.status()).as("%s", tasklist).isEqualTo(200);
        // back at our origin (follow() names addresses there by path and query alone), on Tasklist's page;
        // the query is Spring's mark of a request resumed after the sign-in
        URI landed = URI.create(tasklist.path());
        assertThat(landed.isAbsolute()).as("%s", landed).isFalse();
        assertThat(landed.getPath()).isEqualTo("/camunda/app/tasklist/default/");
        Response user = browser.get("/camunda/api/admin/auth/user/default");
        assertThat(user.status()).as("%s", user).isEqualTo(200);
        Map<String, Object> webappUser = user.json();
        assertThat(webappUser).containsEntry("userId", "klara");
        assertThat(webappUser.get("authorizedApps")).asInstanceOf(LIST).contains("tasklist", "cockpit");
        assertThat(membershipsOf("klara")).containsExactlyInAnyOrder(Roles.KANSLI, "org-esam");
        assertThat(identity.createUserQuery().userId("klara").singleResult().getLastName())
                .isEqualTo("Kvist");
    }

    @Test
    void signingOutEndsOurSessionAndTheProvidersToo() {
        oidc.token("sune")
                .with("groups", List.of(Roles.SUBMITTERS))
                .with("organisation", "org-esam")
                .forNextSignIn();
        HttpAgent browser = HttpAgent.anonymous(baseUrl());
        Response page = browser.follow("/feedback", new ArrayList<>());
        assertThat(page.status()).as("%s", page).isEqualTo(200);
        assertThat(browser.follow("/api/feedback", new ArrayList<>()).status()).isEqualTo(200);
        // the sign-out form's redirect leaves our origin: browsers follow it only if form-action allows it
        URI provider = URI.create(oidc.endSessionEndpoint());
        assertThat(page.header("Content-Security-Policy").orElseThrow())
                .contains("form-action 'self' " + provider.getScheme() + "://" + provider.getRawAuthority() + ";");

        // "Logga ut" on our pages: a form post with the page's CSRF token
        Response signOut = browser.postForm("/logout", Map.of("_csrf", browser.csrfTokenOn("/feedback")));

        assertThat(signOut.status()).as("%s", signOut).isEqualTo(302);
        String location = signOut.header("Location").orElseThrow();
        assertThat(location).startsWith(oidc.endSessionEndpoint() + "?");
        var query = UriComponentsBuilder.fromUriString(location).build().getQueryParams();
        assertThat(query.getFirst("id_token_hint")).isNotBlank();
        assertThat(URLDecoder.decode(query.getFirst("post_logout_redirect_uri"), StandardCharsets.UTF_8))
                .isEqualTo(baseUrl() + "/");
        assertThat(browser.get("/api/feedback").status()).isEqualTo(401);
    }

    // --- helpers

    /** The API client of whoever holds the token; a new one for each request, as a token is all it has. */
    private HttpAgent api(String token) {
        return HttpAgent.bearer(baseUrl(), token);
    }

    private Response submit(String token, String description) {
        Submission submission = new Submission("digital-samverkan", "4.1", "2.1", FeedbackType.GAP, description);
        return api(token).json("POST", "/api/feedback", submission);
    }

    private Response get(String token, String path) {
        return api(token).get(path);
    }

    private String businessKeyOf(String token, Map<String, Object> task) {
        return (String) get(token, "/engine-rest/process-instance/" + task.get("processInstanceId"))
                .json()
                .get("businessKey");
    }

    /** Only administrators may create groups: Camunda's own check of the caller's authorizations. */
    private boolean mayCreateGroups(String token) {
        Response check =
                get(token, "/engine-rest/authorization/check?permissionName=CREATE&resourceName=Group&resourceType=2");
        assertThat(check.status()).as("%s", check).isEqualTo(200);
        return Boolean.TRUE.equals(check.json().get("authorized"));
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
        return HttpAgent.local(port);
    }
}
