package se.esam.lifecycle.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.icegreen.greenmail.junit5.GreenMailExtension;

import se.esam.lifecycle.support.ApplicationOnPostgres;
import se.esam.lifecycle.support.HttpAgent;
import se.esam.lifecycle.support.PostgresDatabase;
import se.esam.lifecycle.support.ProcessDriver;
import se.esam.lifecycle.support.TestSmtp;

/**
 * What an attacker would try, over real HTTP on a fresh PostgreSQL database with the real engine:
 * cross-site requests, script and SQL in what people type, a reviewer with a conflict of interest,
 * framing and sniffing, oversized bodies and guessing passwords.
 */
@ApplicationOnPostgres
class AttackIT {

    static final TestSmtp smtp = new TestSmtp();

    @RegisterExtension
    static GreenMailExtension mail = smtp.server();

    @DynamicPropertySource
    static void environment(DynamicPropertyRegistry registry) {
        PostgresDatabase.createFor(AttackIT.class, registry);
        smtp.configure(registry);
    }

    private static final String SCRIPT = "<script>alert(1)</script>";
    private static final String IMAGE = "\"><img src=x onerror=alert(1)>";
    private static final String SCRIPT_ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;";
    private static final String IMAGE_ESCAPED = "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;";
    private static final List<String> SQL = List.of("' OR '1'='1", "'; drop table feedback; --", "%", "_", "\\");
    private static final Pattern REFERENCE = Pattern.compile("FB-\\d{4}-\\d{4}");

    @LocalServerPort
    int port;

    private String base;
    private ProcessDriver driver;

    @BeforeAll
    void clients() {
        base = "http://localhost:" + port;
        driver = new ProcessDriver(base);
    }

    // --- (1) cross-site requests

    @Test
    void feedbackPostedOnABrowserSessionWithoutTheCsrfTokenIsRefused() {
        HttpAgent browser = HttpAgent.signedIn(base, "anna", "anna");
        int before = feedbackOf("anna").size();

        HttpAgent.Response forged = browser.json(
                "POST", "/api/feedback", submission("Förfalskad synpunkt."), "Origin", "https://evil.example");

        assertThat(forged.status()).as("%s", forged).isEqualTo(403);
        assertThat(feedbackOf("anna")).hasSize(before);
        // the same session with the token its pages carry is let through: it was the token that was missing
        HttpAgent.Response genuine = browser.json(
                "POST",
                "/api/feedback",
                submission("Äkta synpunkt."),
                "X-CSRF-TOKEN",
                browser.csrfTokenOn("/feedback"));
        assertThat(genuine.status()).as("%s", genuine).isEqualTo(201);
    }

    @Test
    void signOutWithoutTheCsrfTokenIsRefusedAndTheSessionLivesOn() {
        HttpAgent browser = HttpAgent.signedIn(base, "olof", "olof");

        HttpAgent.Response forged = browser.postForm("/logout", Map.of(), "Origin", "https://evil.example");

        assertThat(forged.status()).as("%s", forged).isEqualTo(403);
        assertThat(browser.get("/feedback").status()).isEqualTo(200);
        HttpAgent.Response genuine = browser.postForm("/logout", Map.of("_csrf", browser.csrfTokenOn("/feedback")));
        assertThat(genuine.status()).isEqualTo(302);
        assertThat(browser.get("/feedback").location()).startsWith("/login");
    }

    @Test
    void webappApiPostWithoutTheXsrfHeaderIsRefused() {
        HttpAgent browser = HttpAgent.signedIn(base, "karin", "karin");
        String token = browser.openWebapps();
        // Tasklist's task query is a POST; with the header it is answered
        assertThat(browser.json("POST", "/camunda/api/engine/engine/default/task", Map.of(), "X-XSRF-TOKEN", token)
                        .status())
                .isEqualTo(200);

        HttpAgent.Response forged = browser.json(
                "POST", "/camunda/api/engine/engine/default/task", Map.of(), "Origin", "https://evil.example");

        assertThat(forged.status()).as("%s", forged).isEqualTo(403);
    }

    @Test
    void webappSignOutWithoutTheXsrfTokenDoesNotEndTheSession() {
        HttpAgent browser = HttpAgent.signedIn(base, "erik", "erik");
        browser.openWebapps();

        HttpAgent.Response forged = browser.json(
                "POST", "/camunda/api/admin/auth/user/default/logout", null, "Origin", "https://evil.example");

        assertThat(forged.status()).as("%s", forged).isEqualTo(403);
        assertStillSignedIn(browser, "erik");
    }

    @Test
    void webappSignOutWithAWrongXsrfTokenDoesNotEndTheSession() {
        HttpAgent browser = HttpAgent.signedIn(base, "lena", "lena");
        browser.openWebapps();

        HttpAgent.Response forged = browser.json(
                "POST",
                "/camunda/api/admin/auth/user/default/logout",
                null,
                "X-XSRF-TOKEN",
                "0123456789ABCDEF0123456789ABCDEF",
                "Origin",
                "https://evil.example");

        assertThat(forged.status()).as("%s", forged).isEqualTo(403);
        assertStillSignedIn(browser, "lena");
    }

    @Test
    void webappSignOutWithTheXsrfTokenEndsTheWholeSession() {
        HttpAgent browser = HttpAgent.signedIn(base, "maria", "maria");
        String token = browser.openWebapps();
        assertStillSignedIn(browser, "maria");

        HttpAgent.Response signOut =
                browser.json("POST", "/camunda/api/admin/auth/user/default/logout", null, "X-XSRF-TOKEN", token);

        assertThat(signOut.status()).as("%s", signOut).isEqualTo(200);
        HttpAgent.Response page = browser.get("/feedback");
        assertThat(page.status()).isEqualTo(302);
        assertThat(page.location()).startsWith("/login");
        assertThat(browser.get("/camunda/api/admin/auth/user/default").status()).isEqualTo(401);
    }

    private static void assertStillSignedIn(HttpAgent browser, String user) {
        HttpAgent.Response page = browser.get("/feedback");
        assertThat(page.status()).as("our pages still know %s: %s", user, page).isEqualTo(200);
        HttpAgent.Response webapps = browser.get("/camunda/api/admin/auth/user/default");
        assertThat(webapps.status())
                .as("the webapps still know %s: %s", user, webapps)
                .isEqualTo(200);
        assertThat(webapps.json()).containsEntry("userId", user);
    }

    // --- (2) script in what people type

    /** Feedback whose text and disposition reason carry script, decided by erik; made once for the class. */
    private String scripted;

    private String scriptedFeedback() {
        if (scripted == null) {
            String reference = driver.submit(
                    "anna", "digital-samverkan", "4.1", "2.1", "GAP", "Skript i texten: " + SCRIPT + " och " + IMAGE);
            driver.route(reference, "expert-architecture");
            driver.review("erik", reference, "REJECTED", "Motivering med skript: " + SCRIPT + " och " + IMAGE);
            scripted = reference;
        }
        return scripted;
    }

    @Test
    void scriptInFeedbackTextComesBackEscapedOnTheFeedbackPage() {
        String reference = scriptedFeedback();
        HttpAgent.Response page = HttpAgent.signedIn(base, "anna", "anna").get("/feedback/" + reference);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).doesNotContain(SCRIPT).doesNotContain("<img src=x");
        // the description, the reason and the history each show it as text
        assertThat(occurrences(page.body(), SCRIPT_ESCAPED)).isGreaterThanOrEqualTo(2);
        assertThat(occurrences(page.body(), IMAGE_ESCAPED)).isGreaterThanOrEqualTo(2);
    }

    @Test
    void scriptInFeedbackTextDoesNotComeBackRawOnTheFeedbackList() {
        String reference = scriptedFeedback();
        HttpAgent.Response page = HttpAgent.signedIn(base, "anna", "anna").get("/feedback");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains(reference).doesNotContain(SCRIPT).doesNotContain("<img src=x");
    }

    @Test
    void scriptInAnAddressIsNotEchoedOnTheErrorPage() {
        HttpAgent browser = HttpAgent.signedIn(base, "anna", "anna");
        HttpAgent.Response page = browser.get("/feedback/" + HttpAgent.encode("<img src=x onerror=alert(1)>"));
        HttpAgent.Response guidance = browser.get("/guidance/" + HttpAgent.encode("<img src=x onerror=alert(1)>"));

        // not a reference (FB-YYYY-NNNN) at all: refused as such
        assertThat(page.status()).isEqualTo(400);
        assertThat(page.body()).doesNotContain("<img src=x");
        assertThat(guidance.status()).isEqualTo(404);
        assertThat(guidance.body()).doesNotContain("<img src=x");
    }

    @Test
    void scriptInFeedbackTextIsInertInJson() {
        String reference = scriptedFeedback();
        HttpAgent.Response answer = driver.as("anna").get("/api/feedback/" + reference);

        assertThat(answer.status()).isEqualTo(200);
        // served as JSON that browsers may not sniff into HTML, and given back exactly as typed
        assertThat(answer.contentType()).startsWith("application/json");
        assertThat(answer.header("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(answer.json())
                .containsEntry("description", "Skript i texten: " + SCRIPT + " och " + IMAGE)
                .containsEntry("reason", "Motivering med skript: " + SCRIPT + " och " + IMAGE);
        // not a reference at all (FB-YYYY-NNNN): refused as such, naming the parameter
        HttpAgent.Response notFound =
                driver.as("anna").get("/api/feedback/" + HttpAgent.encode("<img src=x onerror=alert(1)>"));
        assertThat(notFound.status()).isEqualTo(400);
        assertThat(notFound.contentType()).startsWith("application/problem+json");
    }

    @Test
    void scriptInADispositionReachesTheSubmittersMailAsPlainTextOnly() throws Exception {
        String reference = scriptedFeedback();

        List<MimeMessage> carrying = new ArrayList<>();
        for (MimeMessage message : mail.getReceivedMessages()) {
            if (Arrays.stream(message.getAllRecipients())
                            .anyMatch(r -> r.toString().equals("anna@pensionsmyndigheten.example"))
                    && textOf(message).contains(reference)
                    && textOf(message).contains(SCRIPT)) {
                carrying.add(message);
            }
        }
        assertThat(carrying).as("the decision mail carries the reason as typed").isNotEmpty();
        for (MimeMessage message : carrying) {
            assertThat(message.getContentType().toLowerCase(Locale.ROOT)).startsWith("text/plain");
            assertThat(htmlPartsOf(message))
                    .as("no part a mail reader would render as HTML")
                    .isZero();
        }
    }

    @Test
    void scriptInFeedbackTextIsEscapedOnThePublicDispositionPage() throws Exception {
        String reference = driver.submit(
                "olof", "behovsdriven-utveckling", "1.0", "2", "GAP", "Publik text: " + SCRIPT + " och " + IMAGE);
        // only text the kansli has reviewed for publication reaches the public page
        driver.routeAndPublishAsIs(reference, "expert-architecture");
        driver.review("erik", reference, "ACCEPTED", "Godtas: " + SCRIPT);
        String revision = driver.openRevision("behovsdriven-utveckling");
        driver.draftEditorially("erik", revision, List.of(reference), "Åtgärdas inte: " + IMAGE);
        driver.approveQuality(revision);
        HttpAgent.Response approved = driver.as("maria")
                .json("POST", "/api/revisions/" + revision + "/approval", Map.of("decision", "approve"));
        assertThat(approved.status()).as("%s", approved).isEqualTo(200);
        String version = (String) approved.json().get("newVersion");

        HttpAgent.Response page =
                HttpAgent.anonymous(base).get("/guidance/behovsdriven-utveckling/" + version + "/dispositions");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body())
                .contains(reference)
                .doesNotContain(SCRIPT)
                .doesNotContain("<img src=x")
                .contains(SCRIPT_ESCAPED)
                .contains(IMAGE_ESCAPED);
        List<MimeMessage> published = new ArrayList<>();
        for (MimeMessage message : mail.getReceivedMessages()) {
            if (textOf(message).contains(reference) && textOf(message).contains("<img src=x")) {
                published.add(message);
            }
        }
        assertThat(published)
                .as("the publication mail carries the reason as typed")
                .isNotEmpty();
        for (MimeMessage message : published) {
            assertThat(message.getContentType().toLowerCase(Locale.ROOT)).startsWith("text/plain");
            assertThat(htmlPartsOf(message)).isZero();
        }
    }

    private static int occurrences(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }

    private static String textOf(Part part) throws Exception {
        Object content = part.getContent();
        if (content instanceof String text) {
            return text;
        }
        if (content instanceof Multipart multipart) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < multipart.getCount(); i++) {
                text.append(textOf(multipart.getBodyPart(i)));
            }
            return text.toString();
        }
        return "";
    }

    private static int htmlPartsOf(Part part) throws Exception {
        if (part.isMimeType("text/html")) {
            return 1;
        }
        int count = 0;
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                count += htmlPartsOf(multipart.getBodyPart(i));
            }
        }
        return count;
    }

    // --- (3) SQL metacharacters

    /**
     * Every path variable and query parameter of our API and pages, with each SQL metacharacter: never
     * a server error, never more data (no feedback reference or text in the answer), and afterwards the
     * data is as it was.
     */
    @TestFactory
    Stream<DynamicNode> sqlMetacharactersAreOnlyEverData() {
        String annas = driver.submit("anna", "digital-samverkan", "4.1", "3", "GAP", "SQL-prov: annas synpunkt.");
        String olofs = driver.submit("olof", "digital-samverkan", "4.1", "4", "ERROR", "SQL-prov: olofs synpunkt.");
        Map<String, String> before = snapshot(annas, olofs);
        List<String> annasList = references(driver.as("anna").get("/api/feedback"));
        HttpAgent browser = HttpAgent.signedIn(base, "anna", "anna");

        List<DynamicNode> nodes = new ArrayList<>();
        for (String payload : SQL) {
            String p = HttpAgent.encode(payload);
            List<DynamicNode> probes = new ArrayList<>();
            for (String user : List.of("anna", "karin")) {
                HttpAgent api = driver.as(user);
                probes.add(probe(user + " GET /api/feedback/{x}", () -> api.get("/api/feedback/" + p)));
                probes.add(probe(user + " GET /api/revisions/{x}", () -> api.get("/api/revisions/" + p)));
            }
            HttpAgent anna = driver.as("anna");
            probes.add(probe(
                    "POST /api/revisions/{x}/consultation-responses",
                    () -> anna.json(
                            "POST",
                            "/api/revisions/" + p + "/consultation-responses",
                            Map.of("response", "Vi tillstyrker."))));
            probes.add(probe(
                    "POST /api/revisions/{x}/approval",
                    () -> driver.as("maria")
                            .json("POST", "/api/revisions/" + p + "/approval", Map.of("decision", "approve"))));
            probes.add(probe("GET /api/public/guidance/{x}", () -> anna.get("/api/public/guidance/" + p)));
            probes.add(probe(
                    "GET /api/public/guidance/digital-samverkan/{x}",
                    () -> anna.get("/api/public/guidance/digital-samverkan/" + p)));
            probes.add(
                    probe("GET /api/public/guidance/{x}/{x}", () -> anna.get("/api/public/guidance/" + p + "/" + p)));
            probes.add(probe(
                    "GET /api/public/guidance/{x}/4.1/dispositions",
                    () -> anna.get("/api/public/guidance/" + p + "/4.1/dispositions")));
            probes.add(probe(
                    "GET /api/public/guidance/digital-samverkan/{x}/dispositions",
                    () -> anna.get("/api/public/guidance/digital-samverkan/" + p + "/dispositions")));
            probes.add(probe(
                    "GET /api/public/guidance/digital-samverkan/compare?from={x}&to={x}",
                    () -> anna.get("/api/public/guidance/digital-samverkan/compare?from=" + p + "&to=" + p)));
            probes.add(probe(
                    "GET /api/public/guidance/{x}/compare?from=4.0&to=4.1",
                    () -> anna.get("/api/public/guidance/" + p + "/compare?from=4.0&to=4.1")));
            probes.add(probe("GET /feedback/{x}", () -> browser.get("/feedback/" + p)));
            probes.add(probe("GET /revisions/{x}", () -> browser.get("/revisions/" + p)));
            probes.add(probe(
                    "POST /revisions/{x}/consultation-responses",
                    () -> browser.postForm(
                            "/revisions/" + p + "/consultation-responses",
                            Map.of("response", "Vi tillstyrker.", "_csrf", browser.csrfTokenOn("/feedback")))));
            probes.add(probe("GET /guidance/{x}", () -> browser.get("/guidance/" + p)));
            probes.add(probe(
                    "GET /guidance/digital-samverkan/{x}", () -> browser.get("/guidance/digital-samverkan/" + p)));
            probes.add(probe(
                    "GET /guidance/digital-samverkan/{x}/dispositions",
                    () -> browser.get("/guidance/digital-samverkan/" + p + "/dispositions")));
            probes.add(probe(
                    "GET /guidance/digital-samverkan/compare?from={x}&to={x}",
                    () -> browser.get("/guidance/digital-samverkan/compare?from=" + p + "&to=" + p)));
            // parameters our lists do not take change nothing
            probes.add(dynamicTest("GET /api/feedback?reference={x} lists what it lists without it", () -> {
                HttpAgent.Response list = anna.get("/api/feedback?reference=" + p);
                assertThat(list.status()).isEqualTo(200);
                assertThat(references(list)).containsExactlyElementsOf(annasList);
            }));
            // the overview's filters take ids: anything else is refused naming the filter, and text is searched as
            // typed
            probes.add(dynamicTest("GET /api/feedback?organisation={x} is refused, naming the filter", () -> {
                HttpAgent.Response list = anna.get("/api/feedback?organisation=" + p);
                assertThat(list.status()).as("%s", list).isEqualTo(400);
                assertThat(list.body()).contains("organisation");
            }));
            probes.add(dynamicTest("GET /api/feedback?q={x} as the kansli finds only texts containing it", () -> {
                HttpAgent.Response list = driver.as("karin").get("/api/feedback?q=" + p + "&size=100");
                assertThat(list.status()).as("%s", list).isEqualTo(200);
                assertThat(list.jsonList())
                        .allSatisfy(item ->
                                assertThat(item.get("description").toString()).containsIgnoringCase(payload));
            }));
            // in submitted fields: refused where it is not a valid value, stored as typed where it is text
            for (String field : List.of("guidanceId", "guidanceVersion", "sectionId")) {
                probes.add(
                        dynamicTest("POST /api/feedback with " + field + " = {x} is refused, naming the field", () -> {
                            Map<String, Object> submission = submission("SQL-prov i fältet " + field);
                            submission.put(field, payload);
                            HttpAgent.Response refused = anna.json("POST", "/api/feedback", submission);
                            assertThat(refused.status()).as("%s", refused).isEqualTo(400);
                            assertThat(refused.body()).contains(field);
                        }));
            }
            probes.add(dynamicTest("POST /api/feedback with description = {x} stores it as typed", () -> {
                HttpAgent.Response stored = anna.json("POST", "/api/feedback", submission(payload));
                assertThat(stored.status()).as("%s", stored).isEqualTo(201);
                String reference = (String) stored.json().get("reference");
                assertThat(anna.get("/api/feedback/" + reference).json()).containsEntry("description", payload);
                annasList.add(0, reference);
            }));
            nodes.add(dynamicContainer(payload, probes));
        }
        nodes.add(dynamicTest("the data is intact afterwards", () -> {
            assertThat(snapshot(annas, olofs)).isEqualTo(before);
            assertThat(references(driver.as("anna").get("/api/feedback"))).containsExactlyElementsOf(annasList);
        }));
        return nodes.stream();
    }

    private DynamicNode probe(String name, java.util.function.Supplier<HttpAgent.Response> request) {
        return dynamicTest(name + " is refused without an error or data", () -> {
            HttpAgent.Response response = request.get();
            assertThat(response.status()).as("%s", response).isBetween(400, 499);
            assertThat(REFERENCE.matcher(response.body()).find())
                    .as("a feedback reference in %s", response)
                    .isFalse();
            assertThat(response.body()).as("%s", response).doesNotContain("SQL-prov");
        });
    }

    /** What karin (who sees all feedback) and everyone read of the data the probes could touch. */
    private Map<String, String> snapshot(String... references) {
        Map<String, String> state = new LinkedHashMap<>();
        for (String reference : references) {
            state.put(
                    reference,
                    driver.as("karin").get("/api/feedback/" + reference).body());
        }
        state.put("olof's list", driver.as("olof").get("/api/feedback").body());
        state.put("revisions", driver.as("karin").get("/api/revisions").body());
        state.put("catalogue", driver.as("anna").get("/api/guidance").body());
        state.put(
                "published",
                HttpAgent.anonymous(base).get("/api/public/guidance").body());
        return state;
    }

    private static List<String> references(HttpAgent.Response list) {
        return new ArrayList<>(list.listOf("reference"));
    }

    // --- (4) conflict of interest

    @Test
    void reviewerFromTheSubmittingOrganisationIsRefusedTheReviewAndAnotherMemberOfTheGroupMayDoIt() {
        String reference = driver.submit("anna", "digital-samverkan", "4.1", "2", "ERROR", "Jävsprov: figur 2 är fel.");
        driver.route(reference, "expert-architecture");
        String review = driver.task("hanna", "ReviewFeedback", reference);
        HttpAgent hanna = driver.as("hanna");

        assertRefusedForConflictOfInterest(
                hanna.json("POST", "/engine-rest/task/" + review + "/claim", Map.of("userId", "hanna")));
        assertRefusedForConflictOfInterest(hanna.json(
                "POST",
                "/engine-rest/task/" + review + "/complete",
                decision("REJECTED", "Jag avslår min egen organisations synpunkt.")));
        assertRefusedForConflictOfInterest(hanna.json(
                "POST",
                "/engine-rest/task/" + review + "/submit-form",
                decision("REJECTED", "Jag avslår min egen organisations synpunkt.")));
        HttpAgent.Response task = driver.as("admin").get("/engine-rest/task/" + review);
        assertThat(task.status()).isEqualTo(200);
        assertThat(task.json().get("assignee")).isNull();

        HttpAgent erik = driver.as("erik");
        assertThat(erik.json("POST", "/engine-rest/task/" + review + "/claim", Map.of("userId", "erik"))
                        .status())
                .isEqualTo(204);
        // nor may she finish the review erik has taken
        assertRefusedForConflictOfInterest(hanna.json(
                "POST",
                "/engine-rest/task/" + review + "/complete",
                decision("REJECTED", "Jag avslår min egen organisations synpunkt.")));
        HttpAgent.Response done =
                erik.json("POST", "/engine-rest/task/" + review + "/complete", decision("ACCEPTED", "Figuren rättas."));
        assertThat(done.status()).as("%s", done).isEqualTo(204);
        assertThat(driver.as("anna").get("/api/feedback/" + reference).json())
                .containsEntry("disposition", "ACCEPTED")
                .containsEntry("reason", "Figuren rättas.");
    }

    private static void assertRefusedForConflictOfInterest(HttpAgent.Response response) {
        assertThat(response.status()).as("%s", response).isEqualTo(403);
        // Camunda's REST API: Camunda's error shape, our reason in its message
        assertThat(response.contentType()).startsWith("application/json");
        assertThat(response.json()).containsEntry("type", "ForbiddenException");
        assertThat(String.valueOf(response.json().get("message"))).contains("jäv");
    }

    private static Map<String, Object> decision(String disposition, String reason) {
        return Map.of(
                "variables",
                Map.of("disposition", Map.of("value", disposition), "dispositionReason", Map.of("value", reason)));
    }

    // --- (5) security headers

    @Test
    void ourPagesForbidFramingAndInlineScript() {
        String reference = driver.submit("anna", "digital-samverkan", "4.1", "1", "GAP", "Rubrikprov.");
        HttpAgent browser = HttpAgent.signedIn(base, "anna", "anna");
        for (String page : List.of(
                "/",
                "/feedback",
                "/feedback/" + reference,
                "/guidance",
                "/guidance/digital-samverkan",
                "/guidance/digital-samverkan/4.1")) {
            assertForbidsFramingAndInlineScript(browser.get(page));
        }
        assertForbidsFramingAndInlineScript(HttpAgent.anonymous(base).get("/login"));
        assertForbidsFramingAndInlineScript(HttpAgent.anonymous(base).get("/guidance"));
    }

    private static void assertForbidsFramingAndInlineScript(HttpAgent.Response page) {
        assertThat(page.status()).as("%s", page).isEqualTo(200);
        String policy = page.header("Content-Security-Policy").orElse("");
        Map<String, String> directives = new LinkedHashMap<>();
        for (String directive : policy.split(";")) {
            String[] parts = directive.strip().split("\\s+", 2);
            if (!parts[0].isEmpty()) {
                directives.put(parts[0], parts.length > 1 ? parts[1] : "");
            }
        }
        assertThat(directives).as("CSP of %s: %s", page.path(), policy).containsEntry("frame-ancestors", "'none'");
        String scripts = directives.getOrDefault("script-src", directives.get("default-src"));
        assertThat(scripts)
                .as("scripts allowed on %s: %s", page.path(), policy)
                .isNotNull()
                .doesNotContain("'unsafe-inline'")
                .doesNotContain("'unsafe-eval'")
                .doesNotContain("*");
    }

    @Test
    void strictTransportSecurityOnlyWhenTheRequestArrivedOverTls() {
        HttpAgent browser = HttpAgent.anonymous(base);
        for (String path : List.of("/guidance", "/login", "/api/public/guidance")) {
            assertThat(browser.get(path).header("Strict-Transport-Security"))
                    .as(path)
                    .isEmpty();
            assertThat(browser.get(path, "X-Forwarded-Proto", "https").header("Strict-Transport-Security"))
                    .as(path)
                    .hasValueSatisfying(hsts -> assertThat(hsts).containsPattern("max-age=[1-9]"));
        }
    }

    @Test
    void sessionCookieIsHttpOnlyAndSameSiteLax() {
        HttpAgent browser = HttpAgent.anonymous(base);
        HttpAgent.Response page = browser.get("/login");
        HttpAgent.Response login = browser.postForm(
                "/login",
                Map.of(
                        "username",
                        "stina",
                        "password",
                        "stina",
                        "_csrf",
                        HttpAgent.csrfTokenIn(page.body()).orElseThrow()));
        assertThat(login.location()).doesNotStartWith("/login");

        List<String> sessionCookies = new ArrayList<>();
        for (HttpAgent.Response response : List.of(page, login)) {
            response.allHeaders("Set-Cookie").stream()
                    .filter(c -> c.startsWith("GLSESSION="))
                    .forEach(sessionCookies::add);
        }
        assertThat(sessionCookies).as("the login gives a session cookie").isNotEmpty();
        assertThat(sessionCookies)
                .allSatisfy(cookie -> assertThat(cookie.toLowerCase(Locale.ROOT))
                        .contains("httponly")
                        .contains("samesite=lax"));
    }

    @Test
    void sessionCookieIsSecureBehindTls() {
        HttpAgent.Response page = HttpAgent.anonymous(base).get("/login", "X-Forwarded-Proto", "https");

        List<String> sessionCookies = page.allHeaders("Set-Cookie").stream()
                .filter(c -> c.startsWith("GLSESSION="))
                .toList();
        assertThat(sessionCookies)
                .isNotEmpty()
                .allSatisfy(
                        cookie -> assertThat(cookie.toLowerCase(Locale.ROOT)).contains("secure"));
    }

    @Test
    void browsersAreToldNotToSniffContentTypes() {
        HttpAgent browser = HttpAgent.signedIn(base, "anna", "anna");
        List<HttpAgent.Response> answers = List.of(
                browser.get("/"),
                browser.get("/feedback"),
                browser.get("/guidance"),
                HttpAgent.anonymous(base).get("/login"),
                driver.as("anna").get("/api/feedback"),
                driver.as("anna").get("/api/feedback/FB-1999-9999"),
                HttpAgent.anonymous(base).get("/api/public/guidance"),
                HttpAgent.anonymous(base).get("/api/feedback"),
                driver.as("anna").get("/engine-rest/task"));
        assertThat(answers)
                .allSatisfy(answer -> assertThat(answer.header("X-Content-Type-Options"))
                        .as("%s", answer)
                        .hasValue("nosniff"));
    }

    // --- (6) request size

    @Test
    void aRequestBodyOverTheLimitIsRefusedWith413() {
        int before = feedbackOf("anna").size();
        // under the limit the body is read and judged on its content
        HttpAgent.Response underLimit = driver.as("anna").json("POST", "/api/feedback", body(900_000));
        assertThat(underLimit.status()).as("%s", underLimit).isEqualTo(400);

        HttpAgent.Response tooLarge = driver.as("anna").json("POST", "/api/feedback", body(2_000_000));

        assertThat(tooLarge.status()).as("%s", tooLarge).isEqualTo(413);
        assertThat(feedbackOf("anna")).hasSize(before);
    }

    @Test
    void aChunkedRequestBodyOverTheLimitIsRefusedWith413() {
        int before = feedbackOf("anna").size();
        byte[] bytes = body(2_000_000).getBytes(StandardCharsets.UTF_8);

        // a stream of unknown length goes out chunked, without Content-Length
        HttpAgent.Response tooLarge = driver.as("anna")
                .send(
                        "POST",
                        "/api/feedback",
                        HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes)),
                        "application/json");

        assertThat(tooLarge.status()).as("%s", tooLarge).isEqualTo(413);
        assertThat(feedbackOf("anna")).hasSize(before);
    }

    /** A valid submission whose description makes the JSON about this many bytes. */
    private static String body(int bytes) {
        String start = "{\"guidanceId\":\"digital-samverkan\",\"type\":\"GAP\",\"description\":\"";
        return start + "x".repeat(bytes - start.length() - 2) + "\"}";
    }

    // --- (7) guessing passwords

    @Test
    void wrongPasswordsSlowTheirSourceDownButNeverLockTheOwnerOut() {
        // mats only: nothing else in this class signs in as mats
        String attacker = "203.0.113.7";
        assertThat(matsFrom(attacker, "mats")).isEqualTo(200);

        for (int i = 0; i < SignInThrottle.FREE_FAILURES; i++) {
            assertThat(matsFrom(attacker, "gissning" + i)).isEqualTo(401);
        }
        assertThat(matsFrom(attacker, "mats"))
                .as("the right password from the guessing address must wait")
                .isEqualTo(401);
        assertThat(matsFrom("198.51.100.4", "mats"))
                .as("mats from his own address is not kept out")
                .isEqualTo(200);

        // more wrong passwords than Camunda's permanent lock allows (10), each from a new address
        for (int i = 0; i < 12; i++) {
            assertThat(matsFrom("192.0.2." + (10 + i), "gissning")).isEqualTo(401);
        }
        assertThat(matsFrom("198.51.100.4", "mats")).as("no permanent lock").isEqualTo(200);
    }

    private int matsFrom(String address, String password) {
        return HttpAgent.basic(base, "mats", password)
                .get("/api/guidance", "X-Forwarded-For", address)
                .status();
    }

    // --- helpers

    private List<String> feedbackOf(String user) {
        HttpAgent.Response list = driver.as(user).get("/api/feedback");
        assertThat(list.status()).isEqualTo(200);
        return references(list);
    }

    private static Map<String, Object> submission(String text) {
        Map<String, Object> submission = new LinkedHashMap<>();
        submission.put("guidanceId", "digital-samverkan");
        submission.put("guidanceVersion", "4.1");
        submission.put("sectionId", "2.1");
        submission.put("type", "GAP");
        submission.put("description", text);
        return submission;
    }
}
