package se.esam.lifecycle.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.icegreen.greenmail.junit5.GreenMailExtension;

import se.esam.lifecycle.support.TestEnvironment;
import se.esam.lifecycle.support.TestSmtp;

/**
 * An operator tells refusals from faults: a refusal inside the engine (bad input at triage, jäv, a
 * clash) is one INFO line without a stack trace, where Camunda logged ERROR ENGINE-16004 with one; a
 * real fault is still ERROR with its trace.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestEnvironment
@DirtiesContext
@ExtendWith(OutputCaptureExtension.class)
class RefusalLoggingIT {

    static final TestSmtp smtp = new TestSmtp();

    @RegisterExtension
    static GreenMailExtension mail = smtp.server();

    @DynamicPropertySource
    static void environment(DynamicPropertyRegistry registry) {
        smtp.configure(registry);
    }

    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {};
    private static final ParameterizedTypeReference<List<Map<String, Object>>> JSON_LIST =
            new ParameterizedTypeReference<>() {};

    /** A line logged at ERROR (the pattern's level column), not the word in a message. */
    private static final String ERROR_LINE = "(?m)^\\S+\\s+ERROR ";

    @Autowired
    TestRestTemplate http;

    @Autowired
    ProcessEngineConfigurationImpl engine;

    @Test
    void aRefusedTriageOverHttpLogsOneInfoLineAndNoErrorOrStackTrace(CapturedOutput output) {
        ResponseEntity<Map<String, Object>> submitted = post(
                "anna",
                "/api/feedback",
                Map.of("guidanceId", "digital-samverkan", "type", "GAP", "description", "Loggas en vägran som fel?"));
        assertThat(submitted.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String reference = (String) submitted.getBody().get("reference");
        List<Map<String, Object>> tasks = http.withBasicAuth("karin", "karin")
                .exchange(
                        "/engine-rest/task?taskDefinitionKey=TriageFeedback&processInstanceBusinessKey=" + reference,
                        HttpMethod.GET,
                        null,
                        JSON_LIST)
                .getBody();
        assertThat(tasks).hasSize(1);
        String task = (String) tasks.get(0).get("id");
        assertThat(post("karin", "/engine-rest/task/" + task + "/claim", Map.of("userId", "karin"))
                        .getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        int from = output.getAll().length();

        ResponseEntity<Map<String, Object>> refused = post(
                "karin",
                "/engine-rest/task/" + task + "/submit-form",
                Map.of(
                        "variables",
                        Map.of(
                                "triageDecision",
                                Map.of("value", "duplicate"),
                                "duplicateOf",
                                Map.of("value", "FB-1999-9999"))));

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        String logged = output.getAll().substring(from);
        assertThat(logged)
                .contains("Refused in the engine: InvalidInputException (duplicateOf)")
                .doesNotContainPattern(ERROR_LINE)
                .doesNotContain("ENGINE-16004")
                .doesNotContain("\tat ");
    }

    @Test
    void refusalsInsideTheEngineAreInfoWithoutTraceWhileARealFaultIsStillErrorWithItsTrace(CapturedOutput output) {
        List<RuntimeException> refusals = List.of(
                new ProcessEngineException(
                        "listener", new ForbiddenException("Jäv: din organisation lämnade synpunkten.")),
                new ProcessEngineException(
                        "listener", new InvalidInputException("duplicateOf", "Ingen sådan synpunkt.")),
                new ProcessEngineException(new ConflictException("Redan slutförd.")));
        assertThat(refusals).isNotEmpty();
        for (RuntimeException refusal : refusals) {
            int from = output.getAll().length();
            assertThat(failing(refusal)).isSameAs(refusal);
            String logged = output.getAll().substring(from);
            assertThat(logged)
                    .contains("INFO")
                    .contains("Refused in the engine: "
                            + refusal.getCause().getClass().getSimpleName())
                    .contains(refusal.getCause().getMessage())
                    .doesNotContainPattern(ERROR_LINE)
                    .doesNotContain("\tat ");
        }

        int from = output.getAll().length();
        IllegalStateException fault = new IllegalStateException("A real fault: published without approval");
        assertThat(failing(new ProcessEngineException("listener", fault)).getCause())
                .isSameAs(fault);
        String logged = output.getAll().substring(from);
        assertThat(logged)
                .containsPattern(ERROR_LINE)
                .contains("ENGINE-16004")
                .contains(fault.getMessage())
                .contains("\tat ");
    }

    @Test
    void refusalsOnOurApiAreOneInfoLineEachWithoutErrorOrStackTrace(CapturedOutput output) {
        int from = output.getAll().length();

        ResponseEntity<Map<String, Object>> invalid = post(
                "anna",
                "/api/feedback",
                Map.of("guidanceId", "digital-samverkan", "type", "OPINION", "description", "Okänd typ."));
        ResponseEntity<Map<String, Object>> unknownRevision =
                post("maria", "/api/revisions/REV-01/approval", Map.of("decision", "approve"));

        assertThat(invalid.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(unknownRevision.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        String logged = output.getAll().substring(from);
        assertThat(logged)
                .contains("Refused with 400: type: ")
                .contains("Refused with 400: id: ")
                .doesNotContainPattern(ERROR_LINE)
                .doesNotContain("\tat ");
    }

    /** Runs a command that fails with the exception, as a failing listener or delegate would; returns what it threw. */
    private RuntimeException failing(RuntimeException exception) {
        try {
            engine.getCommandExecutorTxRequired().execute(commandContext -> {
                throw exception;
            });
        } catch (RuntimeException thrown) {
            return thrown;
        }
        throw new AssertionError("the command did not fail");
    }

    private ResponseEntity<Map<String, Object>> post(String user, String path, Object body) {
        return http.withBasicAuth(user, user).exchange(path, HttpMethod.POST, new HttpEntity<>(body), JSON);
    }
}
