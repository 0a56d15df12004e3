package se.esam.lifecycle.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
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
import org.springframework.test.context.TestPropertySource;

import com.icegreen.greenmail.junit5.GreenMailExtension;

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

    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {};

    static final TestSmtp smtp = new TestSmtp();

    @RegisterExtension
    static final GreenMailExtension mail = smtp.server();

    @Autowired
    TestRestTemplate http;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        PostgresDatabase.createFor(OperationsIT.class, registry);
        smtp.configure(registry);
    }

    @Test
    void healthReportsDatabaseEngineAndJobExecutorToAnyone() {
        ResponseEntity<Map<String, Object>> health =
                new TestRestTemplate().exchange(http.getRootUri() + "/actuator/health", HttpMethod.GET, null, JSON);
        assertThat(health.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(health.getBody()).containsEntry("status", "UP");
        assertThat(health.getBody().get("components").toString())
                .contains("db=")
                .contains("processEngine=")
                .contains("jobExecutor=")
                .doesNotContain("postgres");
    }

    @Test
    void prometheusCountsSubmissionsAndDecisionsAndShowsTheEngineForAdministratorsOnly() {
        String reference = submitAndRoute("anna", "GAP");
        String review = taskOf("erik", "ReviewFeedback", reference);
        http.withBasicAuth("erik", "erik")
                .exchange(
                        "/engine-rest/task/" + review + "/submit-form",
                        HttpMethod.POST,
                        new HttpEntity<>(Map.of(
                                "variables",
                                Map.of(
                                        "disposition",
                                        Map.of("value", "REJECTED"),
                                        "dispositionReason",
                                        Map.of("value", "Finns redan.")))),
                        String.class);

        String metrics = http.withBasicAuth("admin", "admin").getForObject("/actuator/prometheus", String.class);
        assertThat(metrics)
                .contains("guidance_feedback_submitted_total{type=\"GAP\"} 1.0")
                .contains("guidance_feedback_decided_total{outcome=\"REJECTED\"} 1.0")
                .contains("camunda_process_instances_running{process=\"guidance-feedback\"}")
                .contains("guidance_tasks_overdue")
                .contains("camunda_incidents_open 0.0")
                .contains("camunda_jobs_failed")
                .contains("jvm_memory_used_bytes")
                .contains("camunda_engine_metric_total{name=\"activity-instance-start\"}");
        assertThat(reference).startsWith("FB-");

        assertThat(http.withBasicAuth("mats", "mats")
                        .getForEntity("/actuator/prometheus", String.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(new TestRestTemplate()
                        .getForEntity(http.getRootUri() + "/actuator/prometheus", String.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void everyLogLineOfAFeedbackProcessCarriesItsReference(CapturedOutput output) {
        String reference = submitAndRoute("olof", "SUGGESTION");
        assertThat(output.getOut().lines().filter(line -> line.contains("Routed to expert-architecture")))
                .anySatisfy(line -> assertThat(line).contains("[" + reference + "]"));
    }

    private String submitAndRoute(String user, String type) {
        ResponseEntity<Map<String, Object>> created = http.withBasicAuth(user, user)
                .exchange(
                        "/api/feedback",
                        HttpMethod.POST,
                        new HttpEntity<>(Map.of(
                                "guidanceId",
                                "digital-samverkan",
                                "sectionId",
                                "2.1",
                                "type",
                                type,
                                "description",
                                "Exempel saknas.")),
                        JSON);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String reference = (String) created.getBody().get("reference");
        String triage = taskOf("karin", "TriageFeedback", reference);
        http.withBasicAuth("karin", "karin")
                .exchange(
                        "/engine-rest/task/" + triage + "/submit-form",
                        HttpMethod.POST,
                        new HttpEntity<>(Map.of(
                                "variables",
                                Map.of(
                                        "triageDecision",
                                        Map.of("value", "route"),
                                        "expertGroup",
                                        Map.of("value", "expert-architecture"),
                                        "priority",
                                        Map.of("value", "NORMAL")))),
                        String.class);
        return reference;
    }

    private String taskOf(String user, String key, String reference) {
        return (String) http.withBasicAuth(user, user)
                .exchange(
                        "/engine-rest/task?taskDefinitionKey=" + key + "&processInstanceBusinessKey=" + reference,
                        HttpMethod.GET,
                        null,
                        new ParameterizedTypeReference<java.util.List<Map<String, Object>>>() {})
                .getBody()
                .get(0)
                .get("id");
    }
}
