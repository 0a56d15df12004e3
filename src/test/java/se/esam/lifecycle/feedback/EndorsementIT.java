package se.esam.lifecycle.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.icegreen.greenmail.junit5.GreenMailExtension;

import se.esam.lifecycle.support.HttpAgent;
import se.esam.lifecycle.support.Problems;
import se.esam.lifecycle.support.ProcessDriver;
import se.esam.lifecycle.support.SharedApplication;
import se.esam.lifecycle.support.TestSmtp;

/**
 * Endorsements ("vi har samma problem", issue 15 point 1) over real HTTP on PostgreSQL: who may endorse what,
 * once, also when ten requests race; that nobody forges an endorsement or the forms' endorsements through
 * Camunda's APIs; that a duplicate at triage makes its organisation an endorser and tells its submitter; and that
 * the item's API view, status page and the endorsable list show it.
 */
@SharedApplication
class EndorsementIT {

    static final TestSmtp smtp = TestSmtp.shared();

    @RegisterExtension
    static GreenMailExtension mail = smtp.server();

    private static final String GUIDANCE = "digital-samverkan";
    private static final String ARCHITECTURE = "expert-architecture";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    FeedbackEndorsements feedbackEndorsements;

    ProcessDriver driver;

    @BeforeAll
    void clients() {
        driver = new ProcessDriver(HttpAgent.local(port));
    }

    /** Anna's (Pensionsmyndigheten) item, routed with its text published as is: others can see and endorse it. */
    private String published(String text) {
        String reference = driver.submit("anna", GUIDANCE, "4.1", "2.1", "GAP", text);
        driver.routeAndPublishAsIs(reference, ARCHITECTURE);
        return reference;
    }

    private HttpAgent.Response endorse(String user, String reference, Object body) {
        return driver.as(user).json("POST", "/api/feedback/" + reference + "/endorsements", body);
    }

    private long stored(String reference) {
        return jdbc.sql("select count(*) from feedback_endorsement where reference = ?")
                .param(reference)
                .query(Long.class)
                .single();
    }

    @Test
    void anotherOrganisationEndorsesOnceAndTheItemShowsIt() {
        String reference = published("Avsnitt 2.1 saknar exempel för kommuner. [ENDORSE-1]");

        HttpAgent.Response first = endorse("olof", reference, Map.of("comment", "Samma sak hos oss i utmätningen."));
        assertThat(first.status()).as("%s", first).isEqualTo(201);
        assertThat(first.json())
                .containsEntry("reference", reference)
                .containsEntry("organisation", "Kronofogden")
                .containsEntry("comment", "Samma sak hos oss i utmätningen.");

        HttpAgent.Response second = endorse("olof", reference, Map.of());
        assertThat(second.status()).as("%s", second).isEqualTo(409);
        assertThat(second.contentType()).startsWith("application/problem+json");
        assertThat(stored(reference)).isEqualTo(1);

        // the submitter sees which organisations, not their comments nor who
        Map<String, Object> asSubmitter =
                driver.as("anna").get("/api/feedback/" + reference).json();
        assertThat(asSubmitter.get("endorsements"))
                .isEqualTo(Map.of("count", 1, "organisations", List.of("Kronofogden")));
        assertThat(asSubmitter.toString()).doesNotContain("utmätningen").doesNotContain("olof");
        // the kansli and the expert group read the comments
        for (String insider : List.of("karin", "erik")) {
            Map<?, ?> endorsements = (Map<?, ?>)
                    driver.as(insider).get("/api/feedback/" + reference).json().get("endorsements");
            assertThat(endorsements.get("count")).isEqualTo(1);
            assertThat(endorsements.get("details").toString()).contains("Samma sak hos oss i utmätningen.");
        }
        // the status page
        String page = HttpAgent.signedIn(driver.as("anna").base(), "anna", "anna")
                .get("/feedback/" + reference)
                .body();
        assertThat(page).contains("1 organisation till står bakom synpunkten.").contains("Kronofogden");
        // the audit trail
        assertThat(asSubmitter.get("history").toString())
                .contains("ENDORSED")
                .contains("Kronofogden har samma problem");
        // the reports and periodic review
        List<Map<String, Object>> most = driver.as("mats")
                .get("/api/reports/most-endorsed?guidanceId=" + GUIDANCE)
                .jsonList();
        assertThat(most)
                .filteredOn(row -> reference.equals(row.get("reference")))
                .singleElement()
                .satisfies(row -> assertThat(row)
                        .containsEntry("endorsements", 1)
                        .containsEntry("organisations", 2)
                        .containsEntry("organisation", "org-pensionsmyndigheten"));
        assertThat(driver.as("anna").get("/api/reports/most-endorsed").status()).isEqualTo(403);
        assertThat(HttpAgent.signedIn(HttpAgent.local(port), "mats", "mats")
                        .get("/reports?guidanceId=" + GUIDANCE)
                        .body())
                .contains("Mest stödda öppna synpunkter")
                .contains(reference);
        assertThat(feedbackEndorsements.mostEndorsedOpen(GUIDANCE))
                .contains(new FeedbackEndorsements.EndorsedItem(reference, "4.1", "2.1", 1));
        // the review form's read-only field
        String review = driver.task("erik", "ReviewFeedback", reference);
        Map<String, Object> form = driver.as("erik")
                .get("/engine-rest/task/" + review + "/form-variables")
                .json();
        assertThat(((Map<?, ?>) form.get("endorsements")).get("value").toString())
                .contains("1 organisation till har samma problem")
                .contains("Kronofogden: Samma sak hos oss i utmätningen.");
    }

    @Test
    void theRulesOfWhoMayEndorseWhat() {
        String reference = published("Avsnitt 2.1 är otydligt om ansvar. [ENDORSE-2]");

        Problems.assertProblemNaming(endorse("anna", reference, Map.of()), 400, "reference");
        Problems.assertProblemNaming(endorse("olof", reference, Map.of("comment", "x".repeat(1001))), 400, "comment");
        assertThat(endorse("olof", "FB-2026-9999", Map.of()).status()).isEqualTo(404);
        assertThat(endorse("olof", "not-a-reference", Map.of()).status()).isEqualTo(400);
        // an item still in triage: its text was never reviewed for publication, so others cannot see it
        String unreviewed = driver.submit("anna", GUIDANCE, "4.1", "2.1", "GAP", "Ej granskad text. [ENDORSE-3]");
        assertThat(endorse("olof", unreviewed, Map.of()).status()).isEqualTo(404);
        // roles without a member organisation's voice
        for (String notAMember : List.of("karin", "erik", "mats", "admin")) {
            HttpAgent.Response refused = endorse(notAMember, reference, Map.of());
            assertThat(refused.status()).as("%s: %s", notAMember, refused).isEqualTo(403);
        }
        HttpAgent anonymous = HttpAgent.anonymous(HttpAgent.local(port));
        assertThat(anonymous
                        .json("POST", "/api/feedback/" + reference + "/endorsements", Map.of())
                        .status())
                .isEqualTo(401);
        assertThat(stored(reference)).isZero();
        assertThat(stored(unreviewed)).isZero();

        // a closed item takes no more endorsements
        driver.review("erik", reference, "REJECTED", "Ansvaret framgår av avsnitt 3.");
        HttpAgent.Response closed = endorse("olof", reference, Map.of());
        assertThat(closed.status()).as("%s", closed).isEqualTo(409);
        assertThat(stored(reference)).isZero();
    }

    @Test
    void tenRequestsAtOnceMakeOneEndorsement() throws Exception {
        String reference = published("Avsnitt 2.1 saknar en mall. [ENDORSE-4]");

        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            List<Callable<Integer>> requests = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                HttpAgent olof = HttpAgent.basic(HttpAgent.local(port), "olof", "olof");
                requests.add(() -> olof.json("POST", "/api/feedback/" + reference + "/endorsements", Map.of())
                        .status());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : pool.invokeAll(requests)) {
                statuses.add(answer.get());
            }
            assertThat(statuses)
                    .containsOnly(201, 409)
                    .filteredOn(s -> s == 201)
                    .hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(stored(reference)).isEqualTo(1);
    }

    @Test
    void camundasApisCannotForgeEndorsements() {
        String reference = published("Avsnitt 2.1 och 3 säger emot varandra. [ENDORSE-5]");
        String instance = driver.processInstance(reference);
        String review = driver.task("erik", "ReviewFeedback", reference);
        Map<String, Object> forged = Map.of("value", "20 organisationer till har samma problem");

        // the expert group holds the task, yet may not write the read-only field
        HttpAgent.Response onSubmit = driver.as("erik")
                .json(
                        "POST",
                        "/engine-rest/task/" + review + "/submit-form",
                        Map.of(
                                "variables",
                                Map.of(
                                        "endorsements", forged,
                                        "disposition", Map.of("value", "HELD"),
                                        "dispositionReason", Map.of("value", "Vi tar det i nästa revision."))));
        assertThat(onSubmit.status()).as("%s", onSubmit).isEqualTo(400);
        assertThat(onSubmit.body()).contains("endorsements");
        for (String path : List.of(
                "/engine-rest/task/" + review + "/variables/endorsements",
                "/engine-rest/task/" + review + "/localVariables/endorsements",
                "/engine-rest/process-instance/" + instance + "/variables/endorsements")) {
            HttpAgent.Response put = driver.as("erik").json("PUT", path, forged);
            assertThat(put.status()).as("%s", put).isIn(400, 403);
        }
        HttpAgent.Response breadth = driver.as("olof")
                .json(
                        "POST",
                        "/engine-rest/process-instance/" + instance + "/variables",
                        Map.of("modifications", Map.of("breadth", Map.of("value", 20))));
        assertThat(breadth.status()).as("%s", breadth).isIn(400, 403, 404);

        // Tasklist's own API, on a browser session with the webapps' CSRF token
        HttpAgent browser = HttpAgent.signedIn(HttpAgent.local(port), "erik", "erik");
        String xsrf = browser.openWebapps();
        HttpAgent.Response viaTasklist = browser.json(
                "POST",
                "/camunda/api/engine/engine/default/task/" + review + "/submit-form",
                Map.of("variables", Map.of("endorsements", forged)),
                "X-XSRF-TOKEN",
                xsrf);
        assertThat(viaTasklist.status()).as("%s", viaTasklist).isIn(400, 403);

        assertThat(stored(reference)).isZero();
        Map<String, Object> variables = driver.as("admin")
                .get("/engine-rest/process-instance/" + instance + "/variables")
                .json();
        assertThat(((Map<?, ?>) variables.get("endorsements")).get("value"))
                .isEqualTo("Inga andra organisationer har ställt sig bakom synpunkten.");
        assertThat(((Map<?, ?>) variables.get("breadth")).get("value")).isEqualTo(1);
        assertThat(driver.task("erik", "ReviewFeedback", reference)).isEqualTo(review);
    }

    @Test
    void aDuplicateAtTriageMakesItsOrganisationAnEndorserAndTellsItsSubmitter() {
        String original = driver.submit("anna", GUIDANCE, "4.1", "2.1", "GAP", "Exempel saknas i 2.1. [ENDORSE-6]");
        String duplicate = driver.submit("olof", GUIDANCE, "4.1", "2.1", "GAP", "Vi saknar också exempel. [ENDORSE-7]");

        driver.complete(
                "karin",
                driver.task("karin", "TriageFeedback", duplicate),
                Map.of("triageDecision", "duplicate", "duplicateOf", original));

        Map<?, ?> endorsements = (Map<?, ?>)
                driver.as("karin").get("/api/feedback/" + original).json().get("endorsements");
        assertThat(endorsements.get("organisations")).isEqualTo(List.of("Kronofogden"));
        assertThat(endorsements.get("details").toString()).contains(duplicate);
        // the duplicate's text stays where it was
        assertThat(driver.as("olof").get("/api/feedback/" + duplicate).json())
                .containsEntry("status", "DUPLICATE")
                .containsEntry("duplicateOf", original)
                .containsEntry("description", "Vi saknar också exempel. [ENDORSE-7]");
        String page = HttpAgent.signedIn(HttpAgent.local(port), "olof", "olof")
                .get("/feedback/" + duplicate)
                .body();
        assertThat(page).contains("er organisation").contains(original);
        assertThat(smtp.subjectsTo("olof@kronofogden.example"))
                .anySatisfy(subject -> assertThat(subject).contains(duplicate).contains(original));
        // the original's triage form shows it
        String triage = driver.task("karin", "TriageFeedback", original);
        Map<String, Object> form = driver.as("karin")
                .get("/engine-rest/task/" + triage + "/form-variables")
                .json();
        assertThat(((Map<?, ?>) form.get("endorsements")).get("value").toString())
                .contains("Kronofogden (dubblett " + duplicate + ")");
    }

    @Test
    void theEndorsableListShowsOnlyPublishedTextOfOtherOrganisations() {
        String reference = published("Avsnitt 2.1 borde nämna e-tjänster. [ENDORSE-8]");
        String unreviewed = driver.submit("anna", GUIDANCE, "4.1", "2.1", "GAP", "Ogranskad. [ENDORSE-9]");

        HttpAgent.Response asOlof = driver.as("olof").get("/api/feedback/endorsable?guidanceId=" + GUIDANCE);
        assertThat(asOlof.status()).as("%s", asOlof).isEqualTo(200);
        assertThat(asOlof.listOf("reference")).contains(reference).doesNotContain(unreviewed);
        assertThat(asOlof.body())
                .contains("[ENDORSE-8]")
                .doesNotContain("[ENDORSE-9]")
                .doesNotContain("anna");
        // the own organisation's items are not offered
        assertThat(driver.as("anna")
                        .get("/api/feedback/endorsable?guidanceId=" + GUIDANCE)
                        .listOf("reference"))
                .doesNotContain(reference);
        assertThat(driver.as("karin").get("/api/feedback/endorsable").status()).isEqualTo(403);
        Problems.assertProblemNaming(
                driver.as("olof").get("/api/feedback/endorsable?guidanceId=nope"), 400, "guidanceId");

        // the page, and its form
        HttpAgent browser = HttpAgent.signedIn(HttpAgent.local(port), "olof", "olof");
        String page = browser.get("/feedback/endorsable?guidanceId=" + GUIDANCE).body();
        assertThat(page)
                .contains("[ENDORSE-8]")
                .contains("Vi har samma problem")
                .doesNotContain("[ENDORSE-9]");
        String token = HttpAgent.csrfTokenIn(page).orElseThrow();
        HttpAgent.Response posted = browser.postForm(
                "/feedback/" + reference + "/endorsements",
                Map.of("_csrf", token, "comment", "Även vi.", "guidanceId", GUIDANCE));
        assertThat(posted.status()).as("%s", posted).isEqualTo(302);
        assertThat(stored(reference)).isEqualTo(1);
        assertThat(browser.get("/feedback/endorsable?guidanceId=" + GUIDANCE).body())
                .contains("Er organisation står bakom synpunkten.");
        HttpAgent.Response withoutToken =
                browser.postForm("/feedback/" + reference + "/endorsements", Map.of("comment", "Igen."));
        assertThat(withoutToken.status()).isEqualTo(403);
        assertThat(stored(reference)).isEqualTo(1);
    }
}
