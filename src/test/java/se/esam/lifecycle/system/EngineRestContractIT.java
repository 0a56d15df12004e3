package se.esam.lifecycle.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.icegreen.greenmail.junit5.GreenMailExtension;

import se.esam.lifecycle.support.HttpAgent;
import se.esam.lifecycle.support.ProcessDriver;
import se.esam.lifecycle.support.SharedApplication;
import se.esam.lifecycle.support.TestSmtp;

/**
 * Our {@code /engine-rest} keeps Camunda's published contract ({@code openapi.json} of
 * {@code camunda-engine-rest-openapi}, the same version as the engine): real answers of a feedback item's
 * way through triage and review, successes and errors, Camunda's and ours, each checked against the
 * operation it answered. Where Camunda's document lists no such status for an operation (our 403, 404
 * and 409 on task actions), the body is still checked against its {@code ExceptionDto}.
 */
@SharedApplication
class EngineRestContractIT {

    static final TestSmtp smtp = TestSmtp.shared();

    @RegisterExtension
    static GreenMailExtension mail = smtp.server();

    @LocalServerPort
    int port;

    private ProcessDriver driver;
    private OpenApiContract camunda;

    @BeforeAll
    void clients() throws IOException {
        driver = new ProcessDriver("http://localhost:" + port);
        try (InputStream json = getClass().getResourceAsStream("/openapi.json")) {
            assertThat(json).as("Camunda's openapi.json on the test classpath").isNotNull();
            camunda = OpenApiContract.allowingUndocumentedStatuses(
                    new String(json.readAllBytes(), StandardCharsets.UTF_8), "/engine-rest");
        }
    }

    /** The judge is not blind: answers that break Camunda's contract are found out. */
    @Test
    void answersThatBreakCamundasContractAreFoundOut() {
        HttpAgent.Response problemDetail = new HttpAgent.Response(
                "POST",
                "/engine-rest/task/x/complete",
                400,
                headers("application/problem+json"),
                "{\"type\":\"about:blank\",\"status\":400,\"detail\":\"x\"}");
        HttpAgent.Response objectForList =
                new HttpAgent.Response("GET", "/engine-rest/task", 200, headers("application/json"), "{\"id\":\"x\"}");
        HttpAgent.Response codeNotANumber = new HttpAgent.Response(
                "POST",
                "/engine-rest/task/x/complete",
                404,
                headers("application/json"),
                "{\"type\":\"X\",\"message\":\"x\",\"code\":null}");

        assertThat(camunda.violationsOf(problemDetail)).isNotEmpty();
        assertThat(camunda.violationsOf(objectForList)).isNotEmpty();
        assertThat(camunda.violationsOf(codeNotANumber, "ExceptionDto")).isNotEmpty();
    }

    private static java.net.http.HttpHeaders headers(String contentType) {
        return java.net.http.HttpHeaders.of(Map.of("Content-Type", List.of(contentType)), (name, value) -> true);
    }

    /** The engine is named in the path on both surfaces; ours answers by its name, no other is there. */
    @Test
    void onlyOurEngineIsFoundByNameOnEngineRestAndTheWebappsApi() {
        HttpAgent karin = driver.as("karin");
        HttpAgent browser = HttpAgent.signedIn(HttpAgent.local(port), "karin", "karin");
        browser.openWebapps();

        assertThat(karin.get("/engine-rest/engine/default/task/count").status()).isEqualTo(200);
        assertThat(karin.get("/engine-rest/engine/other/task/count").status()).isEqualTo(404);
        assertThat(browser.get("/camunda/api/engine/engine/default/task/count").status())
                .isEqualTo(200);
        assertThat(browser.get("/camunda/api/engine/engine/other/task/count").status())
                .isEqualTo(404);
    }

    @TestFactory
    Stream<DynamicTest> answersOfEngineRestKeepCamundasPublishedContract() {
        List<HttpAgent.Response> answers = new ArrayList<>();
        HttpAgent anna = driver.as("anna");
        HttpAgent karin = driver.as("karin");
        HttpAgent erik = driver.as("erik");

        String reference = driver.submit("anna", "digital-samverkan", "4.1", "2", "ERROR", "Kontraktsprov.");
        answers.add(karin.get("/engine-rest/task?taskDefinitionKey=TriageFeedback"));
        answers.add(karin.json("POST", "/engine-rest/task", Map.of("taskDefinitionKey", "TriageFeedback")));
        answers.add(karin.get("/engine-rest/task/count?taskDefinitionKey=TriageFeedback"));
        answers.add(karin.get("/engine-rest/process-definition?key=guidance-feedback"));
        String triage = driver.task("karin", "TriageFeedback", reference);
        answers.add(karin.get("/engine-rest/task/" + triage));
        answers.add(karin.get("/engine-rest/task/" + triage + "/form-variables"));
        answers.add(karin.json("POST", "/engine-rest/task/" + triage + "/claim", Map.of("userId", "karin")));
        answers.add(karin.json(
                "POST",
                "/engine-rest/task/" + triage + "/submit-form",
                Map.of(
                        "variables",
                        Map.of(
                                "triageDecision",
                                Map.of("value", "route"),
                                "expertGroup",
                                Map.of("value", "expert-architecture"),
                                "priority",
                                Map.of("value", "NORMAL")))));
        answers.add(karin.get("/engine-rest/history/task?taskId=" + triage));

        String review = driver.task("erik", "ReviewFeedback", reference);
        // our refusals: the field at fault (400), jäv (403)
        answers.add(erik.json(
                "POST",
                "/engine-rest/task/" + review + "/submit-form",
                Map.of("variables", Map.of("disposition", Map.of("value", "REJECTED")))));
        answers.add(
                driver.as("hanna").json("POST", "/engine-rest/task/" + review + "/claim", Map.of("userId", "hanna")));
        driver.review("erik", reference, "REJECTED", "Figuren stämmer.");
        // late (409) and never there (404)
        answers.add(driver.as("per").json("POST", "/engine-rest/task/" + review + "/complete", Map.of()));
        answers.add(erik.json("POST", "/engine-rest/task/no-such-task/complete", Map.of()));
        answers.add(erik.get("/engine-rest/task/no-such-task"));
        // bad input a submitter can send
        answers.add(anna.get("/engine-rest/task?firstResult=-2"));
        answers.add(anna.get("/engine-rest/task?maxResults=-5"));
        answers.add(anna.json("POST", "/engine-rest/task", "null"));
        answers.add(anna.json(
                "POST",
                "/engine-rest/task",
                Map.of("processVariables", List.of(Map.of("name", "x", "operator", "eq", "value", Map.of("a", 1))))));
        answers.add(anna.json(
                "POST",
                "/engine-rest/task",
                Map.of("processVariables", List.of(Map.of("operator", "eq", "value", "a")))));
        answers.add(anna.json(
                "POST",
                "/engine-rest/process-definition/key/guidance-feedback/start",
                Map.of("startInstructions", List.of(Map.of("type", "startBeforeActivity", "activityId", "Nope")))));
        answers.add(anna.json("POST", "/engine-rest/task", "{\"name\":"));

        assertThat(answers).hasSizeGreaterThan(20);
        assertThat(answers)
                .as("successes and errors both checked")
                .anySatisfy(answer -> assertThat(answer.status()).isLessThan(300))
                .anySatisfy(answer -> assertThat(answer.status()).isEqualTo(400))
                .anySatisfy(answer -> assertThat(answer.status()).isEqualTo(403))
                .anySatisfy(answer -> assertThat(answer.status()).isEqualTo(409));
        return answers.stream()
                .map(answer -> dynamicTest(answer.method() + " " + answer.path() + " -> " + answer.status(), () -> {
                    assertThat(answer.status()).as("%s", answer).isLessThan(500);
                    assertThat(camunda.violationsOf(answer)).as("%s", answer).isEmpty();
                    if (answer.status() >= 400) {
                        assertThat(answer.contentType()).as("%s", answer).startsWith("application/json");
                        assertThat(camunda.violationsOf(answer, "ExceptionDto"))
                                .as("%s", answer)
                                .isEmpty();
                        assertThat(answer.json()).as("%s", answer).containsKeys("type", "message");
                    }
                }));
    }
}
