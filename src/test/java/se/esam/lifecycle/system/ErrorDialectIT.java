package se.esam.lifecycle.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.icegreen.greenmail.junit5.GreenMailExtension;

import se.esam.lifecycle.support.HttpAgent;
import se.esam.lifecycle.support.ProcessDriver;
import se.esam.lifecycle.support.SharedApplication;
import se.esam.lifecycle.support.TestSmtp;

/**
 * One error dialect per surface, over real HTTP on PostgreSQL with the real engine: our API answers
 * every error as a problem detail with Swedish text, Camunda's REST API and Tasklist's engine API as
 * Camunda's {@code ExceptionDto} with our Swedish sentence in {@code message}; bad input a submitter
 * can send to Camunda's API is a 400 there, never a 500, and changes nothing.
 */
@SharedApplication
class ErrorDialectIT {

    static final TestSmtp smtp = TestSmtp.shared();

    @RegisterExtension
    static GreenMailExtension mail = smtp.server();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private String base;
    private ProcessDriver driver;

    @BeforeAll
    void clients() {
        base = "http://localhost:" + port;
        driver = new ProcessDriver(base);
    }

    // --- our API: problem details

    @TestFactory
    Stream<DynamicTest> everyErrorOfOurApiIsAProblemDetailWithASwedishTitle() {
        HttpAgent anna = driver.as("anna");
        HttpAgent browser = HttpAgent.signedIn(base, "olof", "olof");
        List<Case> cases = List.of(
                new Case(
                        "anonymous",
                        401,
                        "Inte inloggad",
                        () -> HttpAgent.anonymous(base).get("/api/feedback")),
                new Case(
                        "wrong password",
                        401,
                        "Inte inloggad",
                        () -> HttpAgent.basic(base, "nobody-at-all", "wrong").get("/api/feedback")),
                new Case("URL rule", 403, "Inte tillåtet", () -> anna.get("/api/reports/backlog")),
                // a browser session without Spring's CSRF token
                new Case(
                        "browser session without the CSRF token",
                        403,
                        "Inte tillåtet",
                        () -> browser.json("POST", "/api/feedback", Map.of("type", "GAP"))),
                new Case("unknown path", 404, "Hittades inte", () -> anna.get("/api/no-such-thing")),
                new Case(
                        "unknown path, browser accepting HTML",
                        404,
                        "Hittades inte",
                        () -> anna.get("/api/no-such-thing", "Accept", "text/html")),
                new Case("method", 405, "Metoden stöds inte", () -> anna.json("PUT", "/api/feedback", Map.of())),
                new Case(
                        "Accept application/xml",
                        406,
                        "Svarsformatet stöds inte",
                        () -> anna.get("/api/feedback", "Accept", "application/xml")),
                new Case(
                        "body over the limit",
                        413,
                        "För stor begäran",
                        () -> anna.json(
                                "POST", "/api/feedback", "{\"description\":\"" + "x".repeat(2_000_000) + "\"}")),
                new Case(
                        "Content-Type text/plain",
                        415,
                        "Innehållstypen stöds inte",
                        () -> anna.send(
                                "POST",
                                "/api/feedback",
                                java.net.http.HttpRequest.BodyPublishers.ofString("x"),
                                "text/plain")),
                new Case("// in the path", 400, "Ogiltig begäran", () -> anna.get("/api//feedback")),
                new Case("; in the path", 400, "Ogiltig begäran", () -> anna.get("/api/feedback;x=1")));
        int before = feedbackCount();
        return cases.stream()
                .map(c -> dynamicTest(c.status() + " for " + c.name(), () -> {
                    HttpAgent.Response response = c.request().get();
                    assertThat(response.status()).as("%s", response).isEqualTo(c.status());
                    assertThat(response.contentType()).as("%s", response).startsWith("application/problem+json");
                    Map<String, Object> problem = response.json();
                    assertThat(problem)
                            .as("%s", response)
                            .containsEntry("status", c.status())
                            .containsEntry("title", c.title())
                            .containsKey("detail")
                            .doesNotContainKeys("timestamp", "error", "path");
                    assertThat(feedbackCount()).isEqualTo(before);
                }));
    }

    // --- Camunda's surfaces: ExceptionDto

    @TestFactory
    Stream<DynamicTest> everyErrorOfCamundasSurfacesIsAnExceptionDto() {
        HttpAgent anna = driver.as("anna");
        HttpAgent karin = HttpAgent.signedIn(base, "karin", "karin");
        karin.openWebapps();
        List<Case> cases = List.of(
                new Case(
                        "anonymous on /engine-rest",
                        401,
                        null,
                        () -> HttpAgent.anonymous(base).get("/engine-rest/task")),
                new Case(
                        "anonymous on Tasklist's API",
                        401,
                        null,
                        () -> HttpAgent.anonymous(base).get("/camunda/api/engine/engine/default/task")),
                // Tasklist's API without the webapps' CSRF header
                new Case(
                        "Tasklist's API without the X-XSRF-TOKEN header",
                        403,
                        null,
                        () -> karin.json("POST", "/camunda/api/engine/engine/default/task/x/complete", Map.of())),
                new Case("unknown path", 404, null, () -> anna.get("/engine-rest/no-such-thing")),
                new Case("method", 405, null, () -> anna.json("PUT", "/engine-rest/task", Map.of())),
                new Case(
                        "Accept application/xml",
                        406,
                        null,
                        () -> anna.get("/engine-rest/task", "Accept", "application/xml")),
                new Case(
                        "Content-Type text/plain",
                        415,
                        null,
                        () -> anna.send(
                                "POST",
                                "/engine-rest/task",
                                java.net.http.HttpRequest.BodyPublishers.ofString("x"),
                                "text/plain")),
                new Case(
                        "body over the limit",
                        413,
                        null,
                        () -> anna.json("POST", "/engine-rest/task", "{\"name\":\"" + "x".repeat(2_000_000) + "\"}")),
                new Case("// in the path", 400, null, () -> anna.get("/engine-rest//task")),
                new Case(
                        "body that is not JSON",
                        400,
                        null,
                        () -> anna.json("POST", "/engine-rest/task", "{\"name\":")));
        return cases.stream()
                .map(c -> dynamicTest(c.status() + " for " + c.name(), () -> {
                    HttpAgent.Response response = c.request().get();
                    assertThat(response.status()).as("%s", response).isEqualTo(c.status());
                    assertCamundaShape(response);
                }));
    }

    @TestFactory
    Stream<DynamicTest> badInputToCamundasApiIsA400NotA500() {
        HttpAgent anna = driver.as("anna");
        String processInstance = driver.processInstance(
                driver.submit("anna", "digital-samverkan", "4.1", "2.1", "GAP", "Ett långt variabelnamn i databasen."));
        int variablesBefore = variableCount(processInstance);
        Map<String, Supplier<HttpAgent.Response>> cases = new java.util.LinkedHashMap<>();
        cases.put("negative firstResult", () -> anna.get("/engine-rest/task?firstResult=-2"));
        cases.put("negative maxResults", () -> anna.get("/engine-rest/task?maxResults=-5"));
        cases.put("body null", () -> anna.json("POST", "/engine-rest/task", "null"));
        cases.put(
                "variable filter with an object value",
                () -> anna.json(
                        "POST",
                        "/engine-rest/task",
                        Map.of(
                                "processVariables",
                                List.of(Map.of("name", "x", "operator", "eq", "value", Map.of("a", 1))))));
        cases.put(
                "variable filter without a name",
                () -> anna.json(
                        "POST",
                        "/engine-rest/task",
                        Map.of("processVariables", List.of(Map.of("operator", "eq", "value", "a")))));
        cases.put(
                "variable name over 255 characters",
                () -> anna.json(
                        "POST",
                        "/engine-rest/process-definition/key/guidance-feedback/start",
                        Map.of(
                                "variables",
                                Map.of(
                                        "v".repeat(300),
                                        Map.of("value", "x"),
                                        "guidanceId",
                                        Map.of("value", "digital-samverkan"),
                                        "guidanceVersion",
                                        Map.of("value", "4.1"),
                                        "type",
                                        Map.of("value", "GAP"),
                                        "description",
                                        Map.of("value", "Ett långt variabelnamn.")))));
        // past the variable guard (administrators may repair a process), as far as the database's column
        cases.put(
                "variable name over 255 characters, written by an administrator",
                () -> driver.as("admin")
                        .json(
                                "PUT",
                                "/engine-rest/process-instance/" + processInstance + "/variables/" + "v".repeat(300),
                                Map.of("value", "x", "type", "String")));
        // people may not steer tokens at all (the variable guard's 403); an administrator may, and names no element
        cases.put(
                "startInstructions naming an unknown element",
                () -> driver.as("admin")
                        .json(
                                "POST",
                                "/engine-rest/process-definition/key/guidance-feedback/start",
                                Map.of(
                                        "startInstructions",
                                        List.of(Map.of(
                                                "type", "startBeforeActivity", "activityId", "NoSuchElement")))));
        int feedbackBefore = feedbackCount();
        long processesBefore = processCount();
        return cases.entrySet().stream()
                .map(c -> dynamicTest(c.getKey(), () -> {
                    HttpAgent.Response response = c.getValue().get();
                    assertThat(response.status()).as("%s", response).isEqualTo(400);
                    assertCamundaShape(response);
                    assertThat(feedbackCount()).isEqualTo(feedbackBefore);
                    assertThat(processCount()).isEqualTo(processesBefore);
                    assertThat(variableCount(processInstance)).isEqualTo(variablesBefore);
                }));
    }

    // --- our refusals inside the engine, on both of Camunda's surfaces

    @Test
    void aStepsRefusalReachesCamundasApiAndTasklistsApiAsAnExceptionDtoNamingTheField() {
        String reference = driver.submit("anna", "digital-samverkan", "4.1", "2.1", "GAP", "Saknar skäl.");
        driver.route(reference, "expert-architecture");
        String review = driver.task("erik", "ReviewFeedback", reference);
        Map<String, Object> withoutReason = Map.of("variables", Map.of("disposition", Map.of("value", "REJECTED")));

        HttpAgent.Response rest =
                driver.as("erik").json("POST", "/engine-rest/task/" + review + "/submit-form", withoutReason);
        HttpAgent erik = HttpAgent.signedIn(base, "erik", "erik");
        String xsrf = erik.openWebapps();
        HttpAgent.Response tasklist = erik.json(
                "POST",
                "/camunda/api/engine/engine/default/task/" + review + "/submit-form",
                withoutReason,
                "X-XSRF-TOKEN",
                xsrf);

        for (HttpAgent.Response response : List.of(rest, tasklist)) {
            assertThat(response.status()).as("%s", response).isEqualTo(400);
            assertCamundaShape(response);
            assertThat(response.json()).as("%s", response).containsEntry("type", "InvalidInputException");
            // a person reads the sentence in Tasklist; a program reads the field beside it
            assertThat(response.json()).as("%s", response).containsEntry("field", "dispositionReason");
            assertThat((String) response.json().get("message"))
                    .as("%s", response)
                    .doesNotContain("dispositionReason")
                    .contains("Motivering");
        }
        assertThat(driver.as("anna").get("/api/feedback/" + reference).json()).containsEntry("status", "IN_REVIEW");
    }

    @Test
    void aConflictOfInterestRefusalReachesTasklistsApiAsAnExceptionDto() {
        String reference = driver.submit("anna", "digital-samverkan", "4.1", "2", "ERROR", "Jäv genom Tasklist.");
        driver.route(reference, "expert-architecture");
        String review = driver.task("hanna", "ReviewFeedback", reference);
        HttpAgent hanna = HttpAgent.signedIn(base, "hanna", "hanna");
        String xsrf = hanna.openWebapps();

        HttpAgent.Response claim = hanna.json(
                "POST",
                "/camunda/api/engine/engine/default/task/" + review + "/claim",
                Map.of("userId", "hanna"),
                "X-XSRF-TOKEN",
                xsrf);

        assertThat(claim.status()).as("%s", claim).isEqualTo(403);
        assertCamundaShape(claim);
        assertThat((String) claim.json().get("message")).contains("jäv");
        assertThat(driver.as("admin").get("/engine-rest/task/" + review).json().get("assignee"))
                .isNull();
    }

    @Test
    void aLateCompletionIsAConflictThatDoesNotNameWhoFinishedTheTask() {
        String reference = driver.submit("anna", "digital-samverkan", "4.1", "2.1", "GAP", "Sen granskare.");
        driver.route(reference, "expert-architecture");
        String review = driver.task("erik", "ReviewFeedback", reference);
        driver.review("erik", reference, "REJECTED", "Finns redan.");
        Map<String, Object> form = Map.of(
                "variables",
                Map.of("disposition", Map.of("value", "ACCEPTED"), "dispositionReason", Map.of("value", "För sent.")));

        HttpAgent.Response rest = driver.as("per").json("POST", "/engine-rest/task/" + review + "/submit-form", form);
        HttpAgent per = HttpAgent.signedIn(base, "per", "per");
        String xsrf = per.openWebapps();
        HttpAgent.Response tasklist = per.json(
                "POST", "/camunda/api/engine/engine/default/task/" + review + "/complete", form, "X-XSRF-TOKEN", xsrf);
        // a submitter who never could see the task learns no more
        HttpAgent.Response stranger = driver.as("olof").json("POST", "/engine-rest/task/" + review + "/complete", form);

        for (HttpAgent.Response response : List.of(rest, tasklist, stranger)) {
            assertThat(response.status()).as("%s", response).isEqualTo(409);
            assertCamundaShape(response);
            assertThat(response.json()).containsEntry("message", "Uppgiften är redan slutförd.");
            assertThat(response.body()).doesNotContain("erik").doesNotContain("Erik");
        }
        assertThat(driver.as("anna").get("/api/feedback/" + reference).json()).containsEntry("disposition", "REJECTED");
    }

    @Test
    void aTaskThatNeverExistedIsNotFoundOnBothOfCamundasSurfaces() {
        HttpAgent.Response rest = driver.as("erik").json("POST", "/engine-rest/task/no-such-task/complete", Map.of());
        HttpAgent erik = HttpAgent.signedIn(base, "erik", "erik");
        String xsrf = erik.openWebapps();
        HttpAgent.Response tasklist = erik.json(
                "POST",
                "/camunda/api/engine/engine/default/task/no-such-task/complete",
                Map.of(),
                "X-XSRF-TOKEN",
                xsrf);

        for (HttpAgent.Response response : List.of(rest, tasklist)) {
            assertThat(response.status()).as("%s", response).isEqualTo(404);
            assertCamundaShape(response);
            assertThat((String) response.json().get("message")).contains("no-such-task");
        }
    }

    // --- helpers

    record Case(String name, int status, String title, Supplier<HttpAgent.Response> request) {}

    /** Camunda's ExceptionDto: type and message (ours in Swedish where ours), JSON, never a problem detail. */
    private static void assertCamundaShape(HttpAgent.Response response) {
        assertThat(response.contentType()).as("%s", response).startsWith("application/json");
        Map<String, Object> body = response.json();
        assertThat(body)
                .as("%s", response)
                .containsKeys("type", "message")
                .doesNotContainKeys("status", "title", "detail", "timestamp", "error", "path");
        assertThat(body.get("type")).as("%s", response).isInstanceOf(String.class);
        assertThat((String) body.get("message")).as("%s", response).isNotBlank();
    }

    private int feedbackCount() {
        return jdbc.sql("select count(*) from feedback").query(Integer.class).single();
    }

    private long processCount() {
        return jdbc.sql("select count(*) from act_hi_procinst")
                .query(Long.class)
                .single();
    }

    private int variableCount(String processInstance) {
        return jdbc.sql("select count(*) from act_ru_variable where proc_inst_id_ = ?")
                .param(processInstance)
                .query(Integer.class)
                .single();
    }
}
