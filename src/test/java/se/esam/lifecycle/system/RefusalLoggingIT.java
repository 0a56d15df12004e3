package se.esam.lifecycle.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.icegreen.greenmail.junit5.GreenMailExtension;

import se.esam.lifecycle.support.HttpAgent;
import se.esam.lifecycle.support.People;
import se.esam.lifecycle.support.SharedApplication;
import se.esam.lifecycle.support.TestSmtp;

/**
 * An operator tells refusals from faults: a refusal inside the engine (bad input at triage, jäv, a
 * clash) is one INFO line without a stack trace, where Camunda logged ERROR ENGINE-16004 with one; a
 * real fault is still ERROR with its trace.
 */
@SharedApplication
@TestInstance(TestInstance.Lifecycle.PER_METHOD) // a new instance per test, as before the class shared its application
@ExtendWith(OutputCaptureExtension.class)
class RefusalLoggingIT {

    static final TestSmtp smtp = TestSmtp.shared();

    @RegisterExtension
    static GreenMailExtension mail = smtp.server();

    /** A line logged at ERROR (the pattern's level column), not the word in a message. */
    private static final String ERROR_LINE = "(?m)^\\S+\\s+ERROR ";

    @LocalServerPort
    int port;

    @Autowired
    ProcessEngineConfigurationImpl engine;

    @Test
    void aRefusedTriageOverHttpLogsOneInfoLineAndNoErrorOrStackTrace(CapturedOutput output) {
        HttpAgent.Response submitted = post(
                People.ANNA,
                "/api/feedback",
                Map.of("guidanceId", "digital-samverkan", "type", "GAP", "description", "Loggas en vägran som fel?"));
        assertThat(submitted.status()).as("%s", submitted).isEqualTo(201);
        String reference = (String) submitted.json().get("reference");
        List<Map<String, Object>> tasks = HttpAgent.basic(HttpAgent.local(port), People.KARIN)
                .get("/engine-rest/task?taskDefinitionKey=TriageFeedback&processInstanceBusinessKey=" + reference)
                .jsonList();
        assertThat(tasks).hasSize(1);
        String task = (String) tasks.get(0).get("id");
        assertThat(post(People.KARIN, "/engine-rest/task/" + task + "/claim", Map.of("userId", "karin"))
                        .status())
                .isEqualTo(204);
        int from = output.getAll().length();

        HttpAgent.Response refused = post(
                People.KARIN,
                "/engine-rest/task/" + task + "/submit-form",
                Map.of(
                        "variables",
                        Map.of(
                                "triageDecision",
                                Map.of("value", "duplicate"),
                                "duplicateOf",
                                Map.of("value", "FB-1999-9999"))));

        assertThat(refused.status()).as("%s", refused).isEqualTo(400);
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

        HttpAgent.Response invalid = post(
                People.ANNA,
                "/api/feedback",
                Map.of("guidanceId", "digital-samverkan", "type", "OPINION", "description", "Okänd typ."));
        HttpAgent.Response unknownRevision =
                post(People.MARIA, "/api/revisions/REV-01/approval", Map.of("decision", "approve"));

        assertThat(invalid.status()).as("%s", invalid).isEqualTo(400);
        assertThat(unknownRevision.status()).as("%s", unknownRevision).isEqualTo(400);
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

    private HttpAgent.Response post(People.Person person, String path, Object body) {
        return HttpAgent.basic(HttpAgent.local(port), person).json("POST", path, body);
    }
}
