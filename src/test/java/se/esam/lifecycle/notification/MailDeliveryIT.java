package se.esam.lifecycle.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import java.net.ServerSocket;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.icegreen.greenmail.util.GreenMail;

import se.esam.lifecycle.support.EngineClock;
import se.esam.lifecycle.support.HttpAgent;
import se.esam.lifecycle.support.People;
import se.esam.lifecycle.support.PostgresDatabase;
import se.esam.lifecycle.support.TestEnvironment;
import se.esam.lifecycle.support.TestSmtp;

/**
 * A mail server that is down: the process goes on, the mail waits in the outbox and is retried; when
 * the retries run out an incident shows on the process in Cockpit; once the server is back an
 * administrator sends it again, and nothing was lost.
 */
@SpringBootTest(webEnvironment = RANDOM_PORT)
@TestEnvironment
@DirtiesContext
class MailDeliveryIT {

    /** Nothing listens here until the test starts a mail server on it. */
    private static final int SMTP_PORT = freePort();

    @LocalServerPort
    int port;

    @Autowired
    MailDelivery delivery;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RuntimeService runtime;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        PostgresDatabase.createFor(MailDeliveryIT.class, registry);
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
        registry.add("guidance.mail.outbox-folder", () -> "");
        // two retries, driven by the test's clock rather than the schedule
        registry.add("guidance.mail.retry-delays", () -> "PT1M,PT10M");
        registry.add("guidance.mail.retry-poll", () -> "PT1H");
    }

    @AfterEach
    void resetTheClock() {
        EngineClock.reset();
    }

    @Test
    void feedbackIsTakenWhileTheMailServerIsDownAndItsMailArrivesOnceTheServerIsBack() throws Exception {
        Instant start = Instant.parse("2026-11-23T10:00:00Z");
        EngineClock.at(start);
        HttpAgent.Response created = HttpAgent.basic(HttpAgent.local(port), People.ANNA)
                .json(
                        "POST",
                        "/api/feedback",
                        Map.of(
                                "guidanceId",
                                "digital-samverkan",
                                "sectionId",
                                "2.1",
                                "type",
                                "GAP",
                                "description",
                                "Skickad när e-posten låg nere."));
        assertThat(created.status())
                .as("the submission does not wait for mail: %s", created)
                .isEqualTo(201);
        String reference = (String) created.json().get("reference");
        String process = runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(reference)
                .singleResult()
                .getId();
        assertThat(receipt(reference)).containsEntry("attempts", 1).containsEntry("sent", false);

        EngineClock.at(start.plusSeconds(61));
        delivery.retryDue();
        assertThat(receipt(reference)).containsEntry("attempts", 2).containsEntry("failed", false);
        assertThat(incidentsOn(process)).isZero();

        EngineClock.at(start.plusSeconds(61 + 601));
        delivery.retryDue();
        assertThat(receipt(reference)).containsEntry("attempts", 3).containsEntry("failed", true);
        List<Map<String, Object>> incidents = HttpAgent.basic(HttpAgent.local(port), People.ADMIN)
                .get("/engine-rest/incident?incidentType=mailDelivery&processInstanceId=" + process)
                .jsonList();
        assertThat(incidents).as("shown in Cockpit").hasSize(1);
        assertThat(incidents.get(0).get("incidentMessage").toString()).contains(reference);
        assertThat(runtime.createProcessInstanceQuery()
                        .processInstanceId(process)
                        .count())
                .as("the process went on")
                .isOne();

        GreenMail server = new GreenMail(TestSmtp.setup(SMTP_PORT));
        server.start();
        try {
            assertThat(HttpAgent.basic(HttpAgent.local(port), People.ANNA)
                            .json("POST", "/api/mail/failed/retry", null)
                            .status())
                    .isEqualTo(403);
            HttpAgent.Response retried =
                    HttpAgent.basic(HttpAgent.local(port), People.ADMIN).json("POST", "/api/mail/failed/retry", null);
            assertThat(retried.json()).as("%s", retried).containsEntry("retried", 1);
            assertThat(server.getReceivedMessages())
                    .extracting(m -> m.getSubject())
                    .containsExactly("Vi har tagit emot din synpunkt " + reference);
            assertThat(receipt(reference)).containsEntry("sent", true);
            assertThat(incidentsOn(process)).isZero();
        } finally {
            server.stop();
        }
    }

    private Map<String, Object> receipt(String reference) {
        return jdbc.sql("select attempts, sent_at is not null as sent, failed_at is not null as failed "
                        + "from mail_outbox where subject like ?")
                .param("%tagit emot%" + reference)
                .query((rs, n) -> Map.<String, Object>of(
                        "attempts",
                        rs.getInt("attempts"),
                        "sent",
                        rs.getBoolean("sent"),
                        "failed",
                        rs.getBoolean("failed")))
                .single();
    }

    private long incidentsOn(String process) {
        return runtime.createIncidentQuery()
                .processInstanceId(process)
                .incidentType("mailDelivery")
                .count();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
