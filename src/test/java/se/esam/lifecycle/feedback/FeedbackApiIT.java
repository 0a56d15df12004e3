package se.esam.lifecycle.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static se.esam.lifecycle.support.Problems.assertProblemNaming;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.icegreen.greenmail.junit5.GreenMailExtension;

import se.esam.lifecycle.support.HttpAgent;
import se.esam.lifecycle.support.People;
import se.esam.lifecycle.support.SharedApplication;
import se.esam.lifecycle.support.TestSmtp;

/**
 * The feedback API over real HTTP on a fresh PostgreSQL database: people submit through our API and
 * do their tasks through Camunda's REST API, as Tasklist does.
 */
@SharedApplication
@TestInstance(TestInstance.Lifecycle.PER_METHOD) // a new instance per test, as before the class shared its application
class FeedbackApiIT {

    static final TestSmtp smtp = TestSmtp.shared();

    @RegisterExtension
    static GreenMailExtension mail = smtp.server();

    @Autowired
    JdbcClient jdbc;

    @LocalServerPort
    int port;

    @Test
    void submissionIsStoredAtOnceWithATrackingReferenceAndLocation() {
        HttpAgent.Response response = submit("anna", gap("Exempel för kommuner saknas."));

        assertThat(response.status()).isEqualTo(201);
        String reference = (String) response.json().get("reference");
        assertThat(reference).matches("FB-\\d{4}-\\d{4}");
        assertThat(response.location()).isEqualTo("/api/feedback/" + reference);
        assertThat(response.json())
                .containsEntry("status", "IN_TRIAGE")
                .containsEntry("organisation", "Pensionsmyndigheten");
        assertThat(get("anna", "/api/feedback/" + reference).status()).isEqualTo(200);
    }

    @Test
    void feedbackTravelsFromSubmissionThroughTriageAndReviewToAReasonedDisposition() {
        String reference = reference(submit("anna", gap("Principen behöver exempel från kommuner.")));

        String triage = taskOf("karin", "TriageFeedback", reference);
        assertThat(formVariables("karin", triage))
                .containsKeys("reference", "description", "guidanceTitle", "expertGroup", "priority");
        claimAndSubmit(
                "karin",
                triage,
                Map.of("triageDecision", "route", "expertGroup", "expert-architecture", "priority", "NORMAL"));

        String review = taskOf("erik", "ReviewFeedback", reference);
        HttpAgent.Response withoutReason = post(
                "erik",
                "/engine-rest/task/" + review + "/submit-form",
                Map.of("variables", Map.of("disposition", Map.of("value", "REJECTED"))));
        assertRefusedByCamundasApi(withoutReason, "dispositionReason");
        claimAndSubmit(
                "erik",
                review,
                Map.of("disposition", "REJECTED", "dispositionReason", "Exemplen finns redan i bilaga 2."));

        Map<String, Object> status = get("anna", "/api/feedback/" + reference).json();
        assertThat(status)
                .containsEntry("status", "REJECTED")
                .containsEntry("disposition", "REJECTED")
                .containsEntry("reason", "Exemplen finns redan i bilaga 2.");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> history = (List<Map<String, Object>>) status.get("history");
        assertThat(history)
                .extracting(h -> h.get("action") + " by " + h.get("by"))
                .containsSubsequence("SUBMITTED by anna", "ROUTED by karin", "DECIDED by erik");

        assertThat(mailsTo("anna@pensionsmyndigheten.example"))
                .anySatisfy(subject -> assertThat(subject).contains(reference).contains("Avslagen"));
    }

    @Test
    void submitterCannotReadAnotherOrganisationsFeedback() {
        String reference = reference(submit("anna", gap("Bara Pensionsmyndigheten ska se detta.")));

        assertThat(get("olof", "/api/feedback/" + reference).status()).isEqualTo(404);
        assertThat(getList("olof", "/api/feedback"))
                .extracting(f -> f.get("reference"))
                .doesNotContain(reference);
        assertThat(getList("anna", "/api/feedback"))
                .extracting(f -> f.get("reference"))
                .contains(reference);
        // the kansli oversees all feedback
        assertThat(get("karin", "/api/feedback/" + reference).status()).isEqualTo(200);
    }

    @Test
    void onlyTheRoutedExpertGroupSeesTheReviewTask() {
        String reference = reference(submit(
                "olof",
                new Submission(
                        "dataskydd-informationsutbyte",
                        "2.0",
                        "2",
                        FeedbackType.ERROR,
                        "Hänvisningen till artikel 26 är fel.")));
        String triage = taskOf("karin", "TriageFeedback", reference);
        claimAndSubmit(
                "karin", triage, Map.of("triageDecision", "route", "expertGroup", "expert-law", "priority", "HIGH"));

        assertThat(tasks("lena", "ReviewFeedback")).anyMatch(t -> reference.equals(businessKeyOf(t)));
        // the routed group reads this process's variables (Tasklist's task cards), no other group does
        String instance = (String) tasks("lena", "ReviewFeedback").stream()
                .filter(t -> reference.equals(businessKeyOf(t)))
                .findFirst()
                .orElseThrow()
                .get("processInstanceId");
        String variables = "/engine-rest/variable-instance?variableName=reference&processInstanceIdIn=" + instance;
        assertThat(getList("lena", variables)).extracting(v -> v.get("value")).containsExactly(reference);
        assertThat(getList("erik", variables)).isEmpty();
        assertThat(getList("olof", variables)).extracting(v -> v.get("value")).containsExactly(reference);
        assertThat(getList("anna", variables)).isEmpty();
        assertThat(tasks("erik", "ReviewFeedback")).noneMatch(t -> reference.equals(businessKeyOf(t)));
        assertThat(tasks("olof", "ReviewFeedback")).isEmpty();
        // the submitter's organisation sees the status, the other expert group does not
        assertThat(get("lena", "/api/feedback/" + reference).status()).isEqualTo(200);
        assertThat(get("erik", "/api/feedback/" + reference).status()).isEqualTo(404);
    }

    @Test
    void badInputIsAnsweredWithAProblemNamingTheFieldAndStoresNothing() {
        int before = getList("anna", "/api/feedback").size();

        assertBadRequest(
                post("anna", "/api/feedback", Map.of("guidanceId", "digital-samverkan", "type", "GAP")), "description");
        assertBadRequest(
                post(
                        "anna",
                        "/api/feedback",
                        Map.of("guidanceId", "digital-samverkan", "type", "OPINION", "description", "x")),
                "type");
        assertBadRequest(
                submit("anna", new Submission("no-such-guidance", null, null, FeedbackType.GAP, "x")), "guidanceId");
        assertBadRequest(
                submit("anna", new Submission("digital-samverkan", "9.9", null, FeedbackType.GAP, "x")),
                "guidanceVersion");
        assertBadRequest(
                submit("anna", new Submission("digital-samverkan", "4.1", "99", FeedbackType.GAP, "x")), "sectionId");
        assertBadRequest(
                submit("anna", new Submission("digital-samverkan", null, null, FeedbackType.GAP, "x".repeat(10_001))),
                "description");

        HttpAgent.Response malformed = postJson("anna", "/api/feedback", "{\"guidanceId\": ");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.contentType()).contains("application/problem+json");

        assertThat(getList("anna", "/api/feedback")).hasSize(before);
    }

    @Test
    void unknownReferenceIs404NotAnError() {
        assertThat(get("karin", "/api/feedback/FB-1999-9999").status()).isEqualTo(404);
        assertThat(get("karin", "/api/feedback/FB-2026-12345").status()).isEqualTo(404);
    }

    /** A reference is FB-YYYY-NNNN (four digits, more only from 10000 on): anything else is 400, not a search. */
    @Test
    void referencesNotWrittenAsTheyAreHandedOutAreRefusedNamingTheParameter() {
        String reference = reference(submit("anna", gap("Referensen skrivs exakt.")));
        String number = reference.substring(8);
        List<String> lenient = List.of(
                reference.substring(0, 8) + Integer.parseInt(number),
                reference.toLowerCase(),
                reference.replace("-" + number, "-0" + number),
                " " + reference,
                reference + " ",
                "FB-+2026-" + number,
                "' or 1=1 --",
                "FB-2026-01234");
        assertThat(lenient).isNotEmpty();
        for (String wrong : lenient) {
            HttpAgent.Response response = get("karin", "/api/feedback/" + HttpAgent.encode(wrong));
            assertThat(response.status()).as("'%s'", wrong).isEqualTo(400);
            assertBadRequest(response, "reference");
        }
        assertThat(get("karin", "/api/feedback/" + reference).status()).isEqualTo(200);
        HttpAgent.Response page = HttpAgent.signedIn(base(), People.ANNA)
                .get("/feedback/" + reference.substring(0, 8) + Integer.parseInt(number));
        assertThat(page.status()).isEqualTo(400);
        assertThat(page.body()).contains("reference").contains("FB-ÅÅÅÅ-NNNN");
    }

    /**
     * Our table holds up to 10,000 characters; Camunda's text column 4,000. The whole text is stored and
     * shown by our API; the process variable the Tasklist forms show is the text when it fits, else its
     * beginning and where the rest is.
     */
    @Test
    void descriptionsUpToTenThousandCharactersAreStoredWholeAndTheFormsGetATextThatFitsTheEngine() {
        String fits = "Ryms. " + "a".repeat(3994);
        String justOver = "Strax över. " + "b".repeat(3989);
        String longest = "Längst. " + "c".repeat(9985) + " slut\uD83D\uDE00".translateEscapes();
        assertThat(fits).hasSize(4000);
        assertThat(justOver).hasSize(4001);
        assertThat(longest).hasSize(10_000);

        for (String text : List.of(fits, justOver, longest)) {
            String reference = reference(submit("anna", gap(text)));
            assertThat(jdbc.sql("select description from feedback where reference = ?")
                            .param(reference)
                            .query(String.class)
                            .single())
                    .isEqualTo(text);
            assertThat(get("anna", "/api/feedback/" + reference).json()).containsEntry("description", text);
            String instance = jdbc.sql("select process_instance_id from feedback where reference = ?")
                    .param(reference)
                    .query(String.class)
                    .single();
            List<Map<String, Object>> variables =
                    getList("karin", "/engine-rest/variable-instance?processInstanceIdIn=" + instance);
            assertThat(variables)
                    .extracting(v -> v.get("name"))
                    .contains("description")
                    .doesNotContain("descriptionInFull");
            String shown = variables.stream()
                    .filter(v -> "description".equals(v.get("name")))
                    .map(v -> (String) v.get("value"))
                    .findFirst()
                    .orElseThrow();
            if (text.length() <= 4000) {
                assertThat(shown).isEqualTo(text);
            } else {
                assertThat(shown.length()).isLessThanOrEqualTo(4000);
                assertThat(text).startsWith(shown.substring(0, shown.indexOf("\n\n[…]")));
                assertThat(shown)
                        .endsWith("Hela texten (" + text.length() + " tecken) finns på /feedback/" + reference + ".");
            }
        }
        assertBadRequest(submit("anna", gap("d".repeat(10_001))), "description");
    }

    /**
     * Strict JSON: a key twice, a number or boolean where text belongs, an enum by number or with spaces,
     * anything after the document, an unknown property, control characters and halves of a surrogate
     * pair are each refused with 400 naming the field, and nothing is stored.
     */
    @Test
    void lenientJsonIsRefusedNamingTheFieldAndStoresNothing() {
        long before =
                jdbc.sql("select count(*) from feedback").query(Long.class).single();
        String valid = "\"guidanceId\":\"digital-samverkan\",\"guidanceVersion\":\"4.1\",\"sectionId\":\"2.1\"";
        Map<String, String> refused = new java.util.LinkedHashMap<>();
        refused.put("{" + valid + ",\"type\":\"GAP\",\"description\":\"a\",\"description\":\"b\"}", "description");
        refused.put("{" + valid + ",\"type\":1,\"description\":\"Typ som siffra\"}", "type");
        refused.put("{" + valid + ",\"type\":\" ERROR\",\"description\":\"Typ med mellanslag\"}", "type");
        refused.put("{" + valid + ",\"type\":\"error\",\"description\":\"Typ med små bokstäver\"}", "type");
        refused.put("{" + valid + ",\"type\":\"GAP\",\"description\":12345}", "description");
        refused.put("{" + valid + ",\"type\":\"GAP\",\"description\":true}", "description");
        refused.put("{" + valid + ",\"type\":\"GAP\",\"description\":1.5}", "description");
        refused.put(
                "{\"guidanceId\":\"digital-samverkan\",\"guidanceVersion\":4.1,\"type\":\"GAP\","
                        + "\"description\":\"Version som tal\"}",
                "guidanceVersion");
        refused.put("{" + valid + ",\"type\":\"GAP\",\"description\":\"Skräp efter\"} {\"x\":1}", "body");
        refused.put("{" + valid + ",\"type\":\"GAP\",\"description\":\"Skräp efter\"}]", "body");
        refused.put(
                "{" + valid + ",\"type\":\"GAP\",\"description\":\"Okänt fält\",\"priority\":\"HIGH\"}", "priority");
        refused.put("{" + valid + ",\"type\":\"GAP\",\"description\":\"NUL \\u0000 i texten\"}", "description");
        refused.put("{" + valid + ",\"type\":\"GAP\",\"description\":\"Klocka \\u0007 i texten\"}", "description");
        refused.put("{" + valid + ",\"type\":\"GAP\",\"description\":\"DEL \\u007f och C1 \\u0085\"}", "description");
        refused.put("{" + valid + ",\"type\":\"GAP\",\"description\":\"Ensam hög halva \\ud800 här\"}", "description");
        refused.put("{" + valid + ",\"type\":\"GAP\",\"description\":\"Ensam låg halva \\udc00\"}", "description");
        refused.put(
                "{\"guidanceId\":\"digital-samverkan\\u0000\",\"type\":\"GAP\",\"description\":\"x\"}", "guidanceId");
        assertThat(refused).isNotEmpty();
        refused.forEach((body, field) -> assertBadRequest(postJson("anna", "/api/feedback", body), field));
        assertThat(jdbc.sql("select count(*) from feedback").query(Long.class).single())
                .isEqualTo(before);

        // line breaks, tabs and whole surrogate pairs are text like any other
        String text = "Rad ett\r\nRad två\tmed tabb och en emoji \uD83D\uDE00".translateEscapes();
        HttpAgent.Response accepted = postJson(
                "anna",
                "/api/feedback",
                "{" + valid
                        + ",\"type\":\"GAP\",\"description\":\"Rad ett\\r\\nRad två\\tmed tabb och en emoji \\uD83D\\uDE00\"}");
        assertThat(accepted.status()).as("%s", accepted).isEqualTo(201);
        assertThat(accepted.json()).containsEntry("description", text);
    }

    /**
     * Twenty retries with one Idempotency-Key at the same moment: one feedback; every answer is the
     * replayed first answer (201 with the same reference) or 409, never a 5xx.
     */
    @Test
    void twentySimultaneousRetriesWithOneKeyCreateOneFeedbackAndAnswer201Or409() throws Exception {
        IdempotencyRace.run(base(), jdbc, People.ANNA);
    }

    @Test
    void everythingButTheOpenApiPageAndHealthNeedsLogin() {
        HttpAgent anonymous = HttpAgent.anonymous(base());
        assertThat(anonymous.get("/api/feedback").status()).isEqualTo(401);
        assertThat(anonymous.get("/api/guidance").status()).isEqualTo(401);
        assertThat(anonymous.get("/engine-rest/task").status()).isEqualTo(401);
        // mats only: a wrong password makes the identity service delay that user's next logins
        assertThat(HttpAgent.basic(base(), "mats", "wrong").get("/api/feedback").status())
                .isEqualTo(401);
        // pages send the browser to the login form (followed here as a browser follows redirects)
        for (String page : List.of("/feedback", "/camunda/app/tasklist/default/")) {
            HttpAgent browser = HttpAgent.anonymous(base());
            HttpAgent.Response answer = browser.get(page);
            for (int hops = 0; answer.status() / 100 == 3 && hops < 5; hops++) {
                answer = browser.get(answer.location());
            }
            assertThat(answer.body()).as(page).contains("name=\"password\"");
        }

        HttpAgent.Response docs = anonymous.get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.body()).contains("/api/feedback");
        assertThat(anonymous.get("/actuator/health").status()).isEqualTo(200);
    }

    @Test
    void catalogueListsGuidanceWithVersionsAndSections() {
        List<Map<String, Object>> documents = getList("anna", "/api/guidance");

        assertThat(documents).hasSizeGreaterThanOrEqualTo(5);
        assertThat(documents)
                .filteredOn(d -> "digital-samverkan".equals(d.get("id")))
                .singleElement()
                .satisfies(d ->
                        assertThat(d.get("versions").toString()).contains("4.1").contains("2.1"));
    }

    @Test
    void tasklistHasAFilterPerRole() {
        List<Map<String, Object>> karins = getList("karin", "/engine-rest/filter");
        List<Map<String, Object>> annas = getList("anna", "/engine-rest/filter");

        assertThat(karins)
                .extracting(f -> f.get("name"))
                .contains("Triagekö", "Försenade", "Min grupps uppgifter", "Mina uppgifter");
        assertThat(annas)
                .extracting(f -> f.get("name"))
                .contains("Mina uppgifter")
                .doesNotContain("Triagekö");
    }

    @Test
    void concurrentSubmissionsGetUniqueConsecutiveReferences() throws Exception {
        int submissions = 16;
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<String>> work = new ArrayList<>();
            for (int i = 0; i < submissions; i++) {
                String text = "Samtidig synpunkt " + i;
                String user = i % 2 == 0 ? "anna" : "olof";
                work.add(() -> reference(submit(user, gap(text))));
            }
            Set<String> references = new HashSet<>();
            for (Future<String> result : pool.invokeAll(work)) {
                references.add(result.get());
            }
            assertThat(references).hasSize(submissions);
            List<Integer> numbers = references.stream()
                    .map(r -> Integer.parseInt(r.substring(8)))
                    .sorted()
                    .toList();
            assertThat(numbers.get(numbers.size() - 1) - numbers.get(0)).isEqualTo(submissions - 1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void repeatedSubmissionWithTheSameIdempotencyKeyCreatesOneFeedback() {
        Submission submission = gap("Skickad två gånger efter ett tappat svar.");
        HttpAgent.Response first = submitWithKey("anna", submission, "retry-1");
        HttpAgent.Response again = submitWithKey("anna", submission, "retry-1");

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(reference(again)).isEqualTo(reference(first));
        assertThat(again.header("Idempotent-Replayed")).contains("true");
        assertThat(first.header("Idempotent-Replayed")).contains("false");
        assertThat(feedbackWithText(submission.description())).isEqualTo(1);

        // the key is the submitter's: another person's same key is another submission
        assertThat(reference(submitWithKey("olof", submission, "retry-1"))).isNotEqualTo(reference(first));
    }

    @Test
    void theSameIdempotencyKeyWithOtherContentIsRefused() {
        submitWithKey("anna", gap("Första synpunkten med nyckeln."), "reused-key");
        HttpAgent.Response other = submitWithKey("anna", gap("En annan synpunkt."), "reused-key");

        assertThat(other.status()).isEqualTo(409);
        assertThat(other.json().get("detail").toString()).contains("reused-key");
        assertThat(feedbackWithText("En annan synpunkt.")).isZero();
        assertBadRequest(submitWithKey("anna", gap("Ogiltig nyckel."), "has spaces in it"), "Idempotency-Key");
    }

    /**
     * A node that dies while submitting leaves the key's row without a reference (its transaction is gone,
     * and with it the row's lock): the client's retry with the same key is taken, not refused.
     */
    @Test
    void aKeyLeftByASubmissionThatNeverFinishedIsTakenByItsRetry() {
        jdbc.sql("insert into feedback_submission (submitter, idempotency_key, request_hash, created_at) "
                        + "values ('anna', 'left-by-a-crash', 'hash-of-the-lost-request', current_timestamp)")
                .update();
        Submission submission = gap("Skickad igen efter att noden dog.");

        HttpAgent.Response retried = submitWithKey("anna", submission, "left-by-a-crash");

        assertThat(retried.status()).isEqualTo(201);
        assertThat(retried.header("Idempotent-Replayed")).contains("false");
        assertThat(feedbackWithText(submission.description())).isEqualTo(1);
        assertThat(reference(submitWithKey("anna", submission, "left-by-a-crash")))
                .isEqualTo(reference(retried));
    }

    /** A refused submission stores nothing under its key, so the corrected one may use the same key. */
    @Test
    void aRefusedSubmissionLeavesItsKeyFreeForTheCorrectedOne() {
        Submission wrong = new Submission("digital-samverkan", "9.9", null, FeedbackType.GAP, "Fel version först.");
        assertBadRequest(submitWithKey("anna", wrong, "corrected-later"), "guidanceVersion");
        assertThat(jdbc.sql("select count(*) from feedback_submission where idempotency_key = 'corrected-later'")
                        .query(Long.class)
                        .single())
                .isZero();

        Submission corrected = gap("Rätt version sedan.");
        assertThat(submitWithKey("anna", corrected, "corrected-later").status()).isEqualTo(201);
        assertThat(feedbackWithText(corrected.description())).isEqualTo(1);
    }

    @Test
    void twoReviewersCompletingTheSameTaskAtOnceOneSucceedsTheOtherGetsConflict() throws Exception {
        String reference = reference(submit("anna", gap("Två granskare svarar samtidigt.")));
        claimAndSubmit(
                "karin",
                taskOf("karin", "TriageFeedback", reference),
                Map.of("triageDecision", "route", "expertGroup", "expert-architecture", "priority", "NORMAL"));
        String review = taskOf("erik", "ReviewFeedback", reference);
        Map<String, Object> form = Map.of(
                "variables",
                Map.of(
                        "disposition",
                        Map.of("value", "REJECTED"),
                        "dispositionReason",
                        Map.of("value", "Finns redan i bilaga 2.")));

        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<HttpAgent.Response>> answers = pool.invokeAll(List.of(
                    () -> {
                        together.await();
                        return post("erik", "/engine-rest/task/" + review + "/submit-form", form);
                    },
                    () -> {
                        together.await();
                        return post("per", "/engine-rest/task/" + review + "/submit-form", form);
                    }));
            List<Integer> statuses = new ArrayList<>();
            for (Future<HttpAgent.Response> answer : answers) {
                statuses.add(answer.get().status());
            }
            assertThat(statuses).containsExactlyInAnyOrder(204, 409);
        } finally {
            pool.shutdownNow();
        }
        // whoever comes later still learns it was done, in Camunda's error shape, but not by whom
        HttpAgent.Response late = post("per", "/engine-rest/task/" + review + "/submit-form", form);
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.contentType()).startsWith("application/json");
        assertThat(late.json()).containsKeys("type", "message").doesNotContainKey("detail");
        assertThat(late.json().get("message").toString()).isEqualTo("Uppgiften är redan slutförd.");
        assertThat(get("anna", "/api/feedback/" + reference).json()).containsEntry("status", "REJECTED");
        assertThat(jdbc.sql("select count(*) from feedback_event where reference = ? and action = 'DECIDED'")
                        .param(reference)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    // --- helpers: what a client of the two APIs does

    private String base() {
        return HttpAgent.local(port);
    }

    /** A demo person's API client (demo passwords are the user ids); a new one each time, so no cookies carry over. */
    private HttpAgent agent(String user) {
        return HttpAgent.basic(base(), user, user);
    }

    private HttpAgent.Response submitWithKey(String user, Submission submission, String key) {
        return agent(user).json("POST", "/api/feedback", submission, "Idempotency-Key", key);
    }

    /** A JSON text sent as it is written. */
    private HttpAgent.Response postJson(String user, String path, String json) {
        return agent(user).json("POST", path, json);
    }

    private long feedbackWithText(String description) {
        return jdbc.sql("select count(*) from feedback where description = ?")
                .param(description)
                .query(Long.class)
                .single();
    }

    private static Submission gap(String text) {
        return new Submission("digital-samverkan", "4.1", "2.1", FeedbackType.GAP, text);
    }

    private HttpAgent.Response submit(String user, Submission submission) {
        return agent(user).json("POST", "/api/feedback", submission);
    }

    private HttpAgent.Response post(String user, String path, Object body) {
        return agent(user).json("POST", path, body);
    }

    private HttpAgent.Response get(String user, String path) {
        return agent(user).get(path);
    }

    private List<Map<String, Object>> getList(String user, String path) {
        HttpAgent.Response response = agent(user).get(path);
        assertThat(response.status()).as("%s", response).isEqualTo(200);
        return response.jsonList();
    }

    private static String reference(HttpAgent.Response response) {
        assertThat(response.status()).as("%s", response).isEqualTo(201);
        return (String) response.json().get("reference");
    }

    private static void assertBadRequest(HttpAgent.Response response, String field) {
        assertProblemNaming(response, 400, field);
    }

    /** Camunda's REST API refuses in Camunda's shape: a Swedish sentence, and the field at fault beside it. */
    private static void assertRefusedByCamundasApi(HttpAgent.Response response, String field) {
        assertThat(response.status()).as("%s", response).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/json");
        assertThat(response.json())
                .containsEntry("type", "InvalidInputException")
                .containsEntry("field", field);
        assertThat(response.json().get("message").toString()).doesNotStartWith(field + ":");
    }

    private List<Map<String, Object>> tasks(String user, String taskDefinitionKey) {
        return getList(user, "/engine-rest/task?taskDefinitionKey=" + taskDefinitionKey);
    }

    private String taskOf(String user, String taskDefinitionKey, String reference) {
        return tasks(user, taskDefinitionKey).stream()
                .filter(t -> reference.equals(businessKeyOf(t)))
                .map(t -> (String) t.get("id"))
                .findFirst()
                .orElseThrow();
    }

    private String businessKeyOf(Map<String, Object> task) {
        HttpAgent.Response instance = get("karin", "/engine-rest/process-instance/" + task.get("processInstanceId"));
        return instance.status() == 200 ? (String) instance.json().get("businessKey") : null;
    }

    private Map<String, Object> formVariables(String user, String taskId) {
        return get(user, "/engine-rest/task/" + taskId + "/form-variables").json();
    }

    private void claimAndSubmit(String user, String taskId, Map<String, Object> values) {
        assertThat(post(user, "/engine-rest/task/" + taskId + "/claim", Map.of("userId", user))
                        .status())
                .isEqualTo(204);
        Map<String, Object> variables = new java.util.HashMap<>();
        values.forEach((name, value) -> variables.put(name, Map.of("value", value)));
        HttpAgent.Response submitted =
                post(user, "/engine-rest/task/" + taskId + "/submit-form", Map.of("variables", variables));
        assertThat(submitted.status()).as("%s", submitted).isEqualTo(204);
    }

    private List<String> mailsTo(String address) {
        return smtp.subjectsTo(address);
    }
}
