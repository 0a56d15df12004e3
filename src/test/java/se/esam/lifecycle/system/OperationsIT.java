package se.esam.lifecycle.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import com.icegreen.greenmail.junit5.GreenMailExtension;

import se.esam.lifecycle.support.HttpAgent;
import se.esam.lifecycle.support.People;
import se.esam.lifecycle.support.PostgresDatabase;
import se.esam.lifecycle.support.TestEnvironment;
import se.esam.lifecycle.support.TestSmtp;

/** What operations see: health per component, Prometheus metrics, the feedback reference in the logs. */
@SpringBootTest(webEnvironment = RANDOM_PORT)
@TestEnvironment
// production runs the job executor and exports metrics; a test context switches both off by default
@TestPropertySource(properties = "camunda.bpm.job-execution.enabled=true")
@AutoConfigureObservability(tracing = false)
@DirtiesContext
@ExtendWith(OutputCaptureExtension.class)
class OperationsIT {

    static final TestSmtp smtp = new TestSmtp();

    @RegisterExtension
    static final GreenMailExtension mail = smtp.server();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        PostgresDatabase.createFor(OperationsIT.class, registry);
        smtp.configure(registry);
    }

    @Test
    void healthReportsDatabaseEngineAndJobExecutorToAnyone() {
        HttpAgent.Response health = HttpAgent.anonymous(base()).get("/actuator/health");
        assertThat(health.status()).as("%s", health).isEqualTo(200);
        assertThat(health.json()).containsEntry("status", "UP");
        assertThat(health.json().get("components").toString())
                .contains("db=")
                .contains("processEngine=")
                .contains("jobExecutor=")
                .doesNotContain("postgres");
    }

    @Test
    void prometheusCountsSubmissionsAndDecisionsAndShowsTheEngineForAdministratorsOnly() {
        String reference = submitAndRoute(People.ANNA, "GAP");
        String review = taskOf(People.ERIK, "ReviewFeedback", reference);
        HttpAgent.basic(base(), People.ERIK)
                .json(
                        "POST",
                        "/engine-rest/task/" + review + "/submit-form",
                        Map.of(
                                "variables",
                                Map.of(
                                        "disposition",
                                        Map.of("value", "REJECTED"),
                                        "dispositionReason",
                                        Map.of("value", "Finns redan."))));

        HttpAgent.Response prometheus = HttpAgent.basic(base(), People.ADMIN).get("/actuator/prometheus");
        assertThat(prometheus.status()).as("%s", prometheus).isEqualTo(200);
        assertThat(prometheus.body())
                .contains("guidance_feedback_submitted_total{type=\"GAP\"} 1.0")
                .contains("guidance_feedback_decided_total{outcome=\"REJECTED\"} 1.0")
                .contains("camunda_process_instances_running{process=\"guidance-feedback\"}")
                .contains("camunda_process_instances_running{process=\"guidance-revision\"}")
                .contains("camunda_process_instances_running{process=\"guidance-periodic-review\"}")
                .contains("guidance_tasks_overdue")
                .contains("camunda_incidents_open 0.0")
                .contains("camunda_jobs_failed")
                .contains("jvm_memory_used_bytes")
                .contains("camunda_engine_metric_total{name=\"activity-instance-start\"}");
        assertThat(reference).startsWith("FB-");

        assertThat(HttpAgent.basic(base(), People.MATS)
                        .get("/actuator/prometheus")
                        .status())
                .isEqualTo(403);
        assertThat(HttpAgent.anonymous(base()).get("/actuator/prometheus").status())
                .isEqualTo(401);
    }

    @Test
    void everyLogLineOfAFeedbackProcessCarriesItsReference(CapturedOutput output) {
        String reference = submitAndRoute(People.OLOF, "SUGGESTION");
        assertThat(output.getOut().lines().filter(line -> line.contains("Routed to expert-architecture")))
                .anySatisfy(line -> assertThat(line).contains("[" + reference + "]"));
    }

    private String base() {
        return HttpAgent.local(port);
    }

    private String submitAndRoute(People.Person submitter, String type) {
        HttpAgent.Response created = HttpAgent.basic(base(), submitter)
                .json(
                        "POST",
                        "/api/feedback",
                        Map.of(
                                "guidanceId",
                                "digital-samverkan",
                                "sectionId",
                                "2.1",
                                "type",
                                type,
                                "description",
                                "Exempel saknas."));
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        String reference = (String) created.json().get("reference");
        String triage = taskOf(People.KARIN, "TriageFeedback", reference);
        HttpAgent.basic(base(), People.KARIN)
                .json(
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
                                        Map.of("value", "NORMAL"))));
        return reference;
    }

    private String taskOf(People.Person person, String key, String reference) {
        return (String) HttpAgent.basic(base(), person)
                .get("/engine-rest/task?taskDefinitionKey=" + key + "&processInstanceBusinessKey=" + reference)
                .jsonList()
                .get(0)
                .get("id");
    }
}
