package se.esam.lifecycle.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import se.esam.lifecycle.support.AppNode;
import se.esam.lifecycle.support.PostgresDatabase;

/**
 * kill -9 in the middle of submissions and task completions. After the restart every acknowledged
 * submission and completion is there, every process matches its feedback, a client's retry with its
 * idempotency key creates nothing twice, and each receipt is mailed exactly once.
 */
class CrashIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void nothingAcknowledgedIsLostAndNothingHappensTwiceAfterAKill() throws Exception {
        PostgresDatabase database = PostgresDatabase.create(CrashIT.class);
        try (AppNode node = AppNode.start("crash", database.url(), Map.of("guidance.mail.retry-poll", "PT2S"))) {
            Map<String, String> acknowledged = new ConcurrentHashMap<>();
            Set<String> unacknowledged = ConcurrentHashMap.newKeySet();
            Set<String> triaged = ConcurrentHashMap.newKeySet();
            AtomicBoolean running = new AtomicBoolean(true);
            AtomicInteger keys = new AtomicInteger();
            ExecutorService load = Executors.newFixedThreadPool(4);
            for (int client = 0; client < 3; client++) {
                String user = client % 2 == 0 ? "anna" : "olof";
                load.submit(() -> {
                    while (running.get()) {
                        String key = "crash-" + keys.incrementAndGet();
                        try {
                            HttpResponse<String> response = submit(node, user, key);
                            if (response.statusCode() == 201) {
                                acknowledged.put(key, reference(response));
                            } else {
                                unacknowledged.add(key + ":" + user);
                            }
                        } catch (Exception connectionLost) {
                            unacknowledged.add(key + ":" + user);
                        }
                    }
                    return null;
                });
            }
            load.submit(() -> {
                while (running.get()) {
                    try {
                        triageOne(node).ifPresent(triaged::add);
                    } catch (Exception connectionLost) {
                        // the node is gone; what was not acknowledged need not have happened
                    }
                }
                return null;
            });

            Thread.sleep(6000);
            node.kill();
            running.set(false);
            load.shutdown();
            assertThat(load.awaitTermination(1, TimeUnit.MINUTES)).isTrue();
            System.out.println("[crash] killed after " + acknowledged.size() + " acknowledged submissions, "
                    + triaged.size() + " acknowledged triages, " + unacknowledged.size() + " in flight");
            assertThat(acknowledged).as("load before the kill").hasSizeGreaterThan(5);

            node.restart();
            // the clients retry what was in flight, with the same keys
            for (String inFlight : unacknowledged) {
                String[] keyAndUser = inFlight.split(":");
                HttpResponse<String> retried = submit(node, keyAndUser[1], keyAndUser[0]);
                assertThat(retried.statusCode()).as(retried.body()).isEqualTo(201);
                acknowledged.put(keyAndUser[0], reference(retried));
            }

            for (Map.Entry<String, String> submission : acknowledged.entrySet()) {
                HttpResponse<String> stored = send(node, "karin", "GET", "/api/feedback/" + submission.getValue(), null);
                assertThat(stored.statusCode()).as(submission.getValue()).isEqualTo(200);
            }
            for (String reference : triaged) {
                assertThat(status(node, reference)).as("triaged before the kill: " + reference)
                        .isNotEqualTo("IN_TRIAGE");
            }
            try (Connection connection = DriverManager.getConnection(database.url(), "postgres", "");
                    Statement sql = connection.createStatement()) {
                assertThat(count(sql, "select count(*) from feedback")).as("one feedback per idempotency key")
                        .isEqualTo(acknowledged.size());
                assertThat(count(sql, "select count(*) from feedback f where not exists (select 1 from "
                        + "act_hi_procinst p where p.proc_inst_id_ = f.process_instance_id)"))
                        .as("feedback without its process").isZero();
                assertThat(count(sql, "select count(*) from act_hi_procinst p where p.proc_def_key_ = "
                        + "'guidance-feedback' and not exists (select 1 from feedback f where f.reference = "
                        + "p.business_key_)")).as("process without its feedback").isZero();
                assertThat(count(sql, "select count(*) from feedback f where f.status = 'IN_TRIAGE' and not exists "
                        + "(select 1 from act_ru_task t where t.proc_inst_id_ = f.process_instance_id and "
                        + "t.task_def_key_ = 'TriageFeedback')")).as("in triage without a triage task").isZero();

                Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
                while (count(sql, "select count(*) from mail_outbox where sent_at is null") > 0
                        && Instant.now().isBefore(deadline)) {
                    Thread.sleep(500);
                }
                assertThat(count(sql, "select count(*) from mail_outbox where sent_at is null"))
                        .as("mails committed before the kill are sent after the restart").isZero();
            }
            List<String> receipts = node.mails().stream().map(CrashIT::subjectOf)
                    .filter(subject -> subject.startsWith("Vi har tagit emot din synpunkt")).toList();
            assertThat(receipts).as("each receipt mailed exactly once").doesNotHaveDuplicates()
                    .hasSameSizeAs(acknowledged.values());
        }
    }

    private HttpResponse<String> submit(AppNode node, String user, String key) throws Exception {
        HttpRequest request = authorized(node, user, "/api/feedback").header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("guidanceId",
                        "digital-samverkan", "sectionId", "2.1", "type", "GAP", "description", "Under belastning."))))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** Routes the oldest waiting feedback; its reference once the engine acknowledged it. */
    private java.util.Optional<String> triageOne(AppNode node) throws Exception {
        List<Map<String, Object>> tasks = JSON.readValue(send(node, "karin", "GET",
                "/engine-rest/task?taskDefinitionKey=TriageFeedback&maxResults=1", null).body(), new TypeReference<>() {
                });
        if (tasks.isEmpty()) {
            Thread.sleep(100);
            return java.util.Optional.empty();
        }
        Map<String, Object> task = tasks.get(0);
        String reference = (String) JSON.readValue(send(node, "karin", "GET", "/engine-rest/process-instance/"
                + task.get("processInstanceId"), null).body(), Map.class).get("businessKey");
        HttpResponse<String> done = send(node, "karin", "POST", "/engine-rest/task/" + task.get("id") + "/submit-form",
                Map.of("variables", Map.of("triageDecision", Map.of("value", "route"), "expertGroup",
                        Map.of("value", "expert-architecture"), "priority", Map.of("value", "NORMAL"))));
        return done.statusCode() == 204 ? java.util.Optional.of(reference) : java.util.Optional.empty();
    }

    private String status(AppNode node, String reference) throws Exception {
        return (String) JSON.readValue(send(node, "karin", "GET", "/api/feedback/" + reference, null).body(),
                Map.class).get("status");
    }

    private HttpResponse<String> send(AppNode node, String user, String method, String path, Object body)
            throws Exception {
        HttpRequest.Builder request = authorized(node, user, path);
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder authorized(AppNode node, String user, String path) {
        return HttpRequest.newBuilder(URI.create(node.baseUrl() + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + user)
                        .getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json");
    }

    private static String reference(HttpResponse<String> response) throws Exception {
        return (String) JSON.readValue(response.body(), Map.class).get("reference");
    }

    private static long count(Statement sql, String query) throws Exception {
        try (ResultSet rs = sql.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String subjectOf(String mail) {
        return mail.lines().filter(line -> line.startsWith("Subject: ")).findFirst().map(line -> line.substring(9))
                .orElse("");
    }
}
