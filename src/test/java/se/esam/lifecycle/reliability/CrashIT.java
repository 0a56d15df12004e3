package se.esam.lifecycle.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import se.esam.lifecycle.support.AppNode;
import se.esam.lifecycle.support.PostgresDatabase;

/**
 * kill -9 in the middle of submissions and task completions. After the restart every acknowledged
 * submission is stored as it was sent and every acknowledged triage is there, every process matches its
 * feedback, a client's retry with its idempotency key creates nothing twice, and mail keeps its promise:
 * every mail is delivered, each under its own Message-ID, and only a mail that was being sent at the
 * instant of the kill may arrive twice, then under the same Message-ID.
 */
class CrashIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> TYPES =
            List.of("ERROR", "GAP", "NOT_WORKING_IN_PRACTICE", "SUGGESTION", "EDITORIAL");
    private static final List<String> SECTIONS = List.of("1", "2", "2.1", "3");
    private static final Map<String, String> ORGANISATIONS =
            Map.of("anna", "org-pensionsmyndigheten", "olof", "org-kronofogden");
    private static final String RECEIPT = "Vi har tagit emot din synpunkt ";
    /** Enough load that the kill lands among requests, counted rather than waited for. */
    private static final int SUBMISSIONS_BEFORE_KILL = 20;

    private static final int TRIAGES_BEFORE_KILL = 3;

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** What a client sent under one idempotency key. */
    record Submission(String key, String user, String type, String sectionId, String description) {

        static Submission numbered(int n, String user) {
            String key = "crash-" + n;
            return new Submission(
                    key,
                    user,
                    TYPES.get(n % TYPES.size()),
                    SECTIONS.get(n % SECTIONS.size()),
                    "Synpunkt " + key + " från " + user + ": avsnittet behöver ett exempel (nr " + n + ").");
        }

        Map<String, String> body() {
            return Map.of(
                    "guidanceId",
                    "digital-samverkan",
                    "sectionId",
                    sectionId,
                    "type",
                    type,
                    "description",
                    description);
        }
    }

    @Test
    void nothingAcknowledgedIsLostNothingIsCreatedTwiceAndOnlyAMailBeingSentAtTheKillArrivesAgainUnderItsMessageId()
            throws Exception {
        PostgresDatabase database = PostgresDatabase.create(CrashIT.class);
        // a mail claimed by the killed node is sent again once its claim has run out
        try (AppNode node = AppNode.start(
                "crash",
                database.url(),
                Map.of("guidance.mail.retry-poll", "PT2S", "guidance.mail.send-timeout", "PT15S"))) {
            Map<Submission, String> acknowledged = new ConcurrentHashMap<>();
            Set<Submission> unacknowledged = ConcurrentHashMap.newKeySet();
            Set<String> triaged = ConcurrentHashMap.newKeySet();
            AtomicBoolean running = new AtomicBoolean(true);
            AtomicInteger keys = new AtomicInteger();
            ExecutorService load = Executors.newFixedThreadPool(4);
            for (int client = 0; client < 3; client++) {
                String user = client % 2 == 0 ? "anna" : "olof";
                load.submit(() -> {
                    while (running.get()) {
                        Submission submission = Submission.numbered(keys.incrementAndGet(), user);
                        try {
                            HttpResponse<String> response = submit(node, submission);
                            if (response.statusCode() == 201) {
                                acknowledged.put(submission, reference(response));
                            } else {
                                unacknowledged.add(submission);
                            }
                        } catch (Exception connectionLost) {
                            unacknowledged.add(submission);
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

            awaitUntil(
                    Duration.ofMinutes(5),
                    () -> acknowledged.size() >= SUBMISSIONS_BEFORE_KILL && triaged.size() >= TRIAGES_BEFORE_KILL);
            node.kill();
            running.set(false);
            load.shutdown();
            assertThat(load.awaitTermination(1, TimeUnit.MINUTES)).isTrue();
            System.out.println("[crash] killed after " + acknowledged.size() + " acknowledged submissions, "
                    + triaged.size() + " acknowledged triages, " + unacknowledged.size() + " unacknowledged");
            assertThat(acknowledged)
                    .as("submissions acknowledged before the kill")
                    .hasSizeGreaterThanOrEqualTo(SUBMISSIONS_BEFORE_KILL);
            assertThat(triaged)
                    .as("triages acknowledged before the kill")
                    .hasSizeGreaterThanOrEqualTo(TRIAGES_BEFORE_KILL);
            Set<String> beingSentAtTheKill = messageIdsBeingSent(database);
            Map<Submission, String> acknowledgedBeforeTheKill = Map.copyOf(acknowledged);

            node.restart();
            // the clients retry what they got no answer to, with the same keys
            assertThat(unacknowledged).as("requests in flight at the kill").isNotEmpty();
            int replayed = 0;
            for (Submission inFlight : unacknowledged) {
                HttpResponse<String> retried = submit(node, inFlight);
                assertThat(retried.statusCode()).as(retried.body()).isEqualTo(201);
                acknowledged.put(inFlight, reference(retried));
                replayed += isReplay(retried) ? 1 : 0;
            }
            System.out.println("[crash] " + replayed + " of " + unacknowledged.size() + " unacknowledged requests "
                    + "had been stored before the kill and were replayed");
            // a client that lost the answer to an acknowledged request gets that answer again, not a second item
            for (Map.Entry<Submission, String> before : acknowledgedBeforeTheKill.entrySet()) {
                HttpResponse<String> retried = submit(node, before.getKey());
                assertThat(retried.statusCode()).as(retried.body()).isEqualTo(201);
                assertThat(isReplay(retried))
                        .as("replayed: " + before.getKey().key())
                        .isTrue();
                assertThat(reference(retried)).as(before.getKey().key()).isEqualTo(before.getValue());
                replayed++;
            }
            assertThat(replayed).as("retries answered by replay").isPositive();

            try (Connection connection = DriverManager.getConnection(database.url(), "postgres", "");
                    Statement sql = connection.createStatement()) {
                assertStoredAsSent(connection, acknowledged);
                for (String reference : triaged) {
                    Map<String, String> stored = row(
                            connection,
                            "select status, expert_group from feedback " + "where reference = ?",
                            reference);
                    assertThat(stored.get("status"))
                            .as("triaged before the kill: " + reference)
                            .isNotEqualTo("IN_TRIAGE");
                    assertThat(stored.get("expert_group"))
                            .as("routed before the kill: " + reference)
                            .isEqualTo("expert-architecture");
                }
                assertThat(count(sql, "select count(*) from feedback"))
                        .as("one feedback per idempotency key")
                        .isEqualTo(acknowledged.size());
                assertThat(count(
                                sql,
                                "select count(*) from feedback f where not exists (select 1 from "
                                        + "act_hi_procinst p where p.proc_inst_id_ = f.process_instance_id)"))
                        .as("feedback without its process")
                        .isZero();
                assertThat(count(
                                sql,
                                // the feedback process only: each node also starts the periodic reviews of the
                                // catalogue's versions, which have no feedback
                                "select count(*) from act_hi_procinst p where p.proc_def_key_ = 'guidance-feedback' "
                                        + "and not exists (select 1 from feedback f where f.process_instance_id = "
                                        + "p.proc_inst_id_ or f.reference = p.business_key_)"))
                        .as("feedback process without its feedback")
                        .isZero();
                assertThat(count(
                                sql,
                                "select count(*) from feedback f where f.status = 'IN_TRIAGE' and not exists "
                                        + "(select 1 from act_ru_task t where t.proc_inst_id_ = f.process_instance_id and "
                                        + "t.task_def_key_ = 'TriageFeedback')"))
                        .as("in triage without a triage task")
                        .isZero();

                awaitUntil(
                        Duration.ofMinutes(2),
                        () -> count(sql, "select count(*) from mail_outbox where sent_at is null") == 0);
                assertMailedAsPromised(connection, node.mails(), beingSentAtTheKill, acknowledged);
            }
        }
    }

    /** Each feedback row holds what its client sent, field by field. */
    private static void assertStoredAsSent(Connection connection, Map<Submission, String> acknowledged)
            throws Exception {
        assertThat(acknowledged).isNotEmpty();
        for (Map.Entry<Submission, String> entry : acknowledged.entrySet()) {
            Submission sent = entry.getKey();
            Map<String, String> stored = row(
                    connection,
                    "select guidance_id, section_id, feedback_type, "
                            + "description, submitter, submitter_organisation from feedback where reference = ?",
                    entry.getValue());
            assertThat(stored)
                    .as(sent.key() + " stored as " + entry.getValue())
                    .containsExactlyInAnyOrderEntriesOf(Map.of(
                            "guidance_id",
                            "digital-samverkan",
                            "section_id",
                            sent.sectionId(),
                            "feedback_type",
                            sent.type(),
                            "description",
                            sent.description(),
                            "submitter",
                            sent.user(),
                            "submitter_organisation",
                            ORGANISATIONS.get(sent.user())));
        }
    }

    /**
     * Every outbox row reached the mail folder under its own Message-ID and nothing else did; a Message-ID
     * found twice belongs to a mail that was being sent when the node was killed; each acknowledged
     * submission got one receipt.
     */
    private static void assertMailedAsPromised(
            Connection connection,
            List<AppNode.Mail> mails,
            Set<String> beingSentAtTheKill,
            Map<Submission, String> acknowledged)
            throws Exception {
        Map<String, String> subjectByMessageId = new HashMap<>();
        try (Statement sql = connection.createStatement();
                ResultSet rs = sql.executeQuery("select message_id, subject from mail_outbox")) {
            while (rs.next()) {
                subjectByMessageId.put(rs.getString(1), rs.getString(2));
            }
        }
        assertThat(subjectByMessageId).as("mails in the outbox").isNotEmpty().doesNotContainKey(null);
        assertThat(mails).as("mails delivered").isNotEmpty();
        for (AppNode.Mail mail : mails) {
            assertThat(subjectByMessageId)
                    .as("the outbox row of " + mail.file())
                    .containsEntry(mail.messageId(), mail.subject());
        }
        Map<String, Long> deliveries =
                mails.stream().collect(Collectors.groupingBy(AppNode.Mail::messageId, Collectors.counting()));
        assertThat(deliveries.keySet())
                .as("one Message-ID per outbox row, each delivered")
                .isEqualTo(subjectByMessageId.keySet());
        Set<String> deliveredTwice = deliveries.entrySet().stream()
                .filter(e -> e.getValue() > 1)
                .map(Map.Entry::getKey)
                .collect(Collectors.toSet());
        System.out.println("[crash] " + mails.size() + " mails, " + deliveries.size() + " Message-IDs; "
                + beingSentAtTheKill.size() + " being sent at the kill, delivered twice: " + deliveredTwice);
        assertThat(deliveredTwice)
                .as("delivered more than once: only mails being sent at the kill")
                .isSubsetOf(beingSentAtTheKill);
        assertThat(deliveries)
                .as("never more than one resend")
                .allSatisfy((id, n) -> assertThat(n).isLessThan(3));

        List<String> receipts = subjectByMessageId.values().stream()
                .filter(s -> s.startsWith(RECEIPT))
                .map(s -> s.substring(RECEIPT.length()))
                .toList();
        assertThat(receipts)
                .as("one receipt per acknowledged submission")
                .doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(new HashSet<>(acknowledged.values()));
    }

    /** Mails claimed for sending and not yet noted as sent: the node may have handed them over. */
    private static Set<String> messageIdsBeingSent(PostgresDatabase database) throws Exception {
        Set<String> ids = new HashSet<>();
        try (Connection connection = DriverManager.getConnection(database.url(), "postgres", "");
                Statement sql = connection.createStatement();
                ResultSet rs = sql.executeQuery(
                        "select message_id from mail_outbox where sent_at is null " + "and attempts > 0")) {
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
        }
        return ids;
    }

    private HttpResponse<String> submit(AppNode node, Submission submission) throws Exception {
        HttpRequest request = authorized(node, submission.user(), "/api/feedback")
                .header("Idempotency-Key", submission.key())
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(submission.body())))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static boolean isReplay(HttpResponse<String> response) {
        return response.headers()
                .firstValue("Idempotent-Replayed")
                .map(Boolean::parseBoolean)
                .orElseThrow();
    }

    /** Routes the oldest waiting feedback; its reference once the engine acknowledged it. */
    private Optional<String> triageOne(AppNode node) throws Exception {
        List<Map<String, Object>> tasks = JSON.readValue(
                send(node, "karin", "GET", "/engine-rest/task?taskDefinitionKey=TriageFeedback&maxResults=1", null)
                        .body(),
                new TypeReference<>() {});
        if (tasks.isEmpty()) {
            Thread.sleep(100);
            return Optional.empty();
        }
        Map<String, Object> task = tasks.get(0);
        String reference = (String) JSON.readValue(
                        send(
                                        node,
                                        "karin",
                                        "GET",
                                        "/engine-rest/process-instance/" + task.get("processInstanceId"),
                                        null)
                                .body(),
                        Map.class)
                .get("businessKey");
        HttpResponse<String> done = send(
                node,
                "karin",
                "POST",
                "/engine-rest/task/" + task.get("id") + "/submit-form",
                Map.of(
                        "variables",
                        Map.of(
                                "triageDecision",
                                Map.of("value", "route"),
                                "expertGroup",
                                Map.of("value", "expert-architecture"),
                                "priority",
                                Map.of("value", "NORMAL"))));
        return done.statusCode() == 204 ? Optional.of(reference) : Optional.empty();
    }

    private HttpResponse<String> send(AppNode node, String user, String method, String path, Object body)
            throws Exception {
        HttpRequest.Builder request = authorized(node, user, path);
        request.method(
                method,
                body == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder authorized(AppNode node, String user, String path) {
        return HttpRequest.newBuilder(URI.create(node.baseUrl() + path))
                .timeout(Duration.ofSeconds(30))
                .header(
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json");
    }

    private static String reference(HttpResponse<String> response) throws Exception {
        return (String) JSON.readValue(response.body(), Map.class).get("reference");
    }

    private static Map<String, String> row(Connection connection, String query, String reference) throws Exception {
        try (PreparedStatement statement = connection.prepareStatement(query)) {
            statement.setString(1, reference);
            try (ResultSet rs = statement.executeQuery()) {
                assertThat(rs.next()).as("stored: " + reference).isTrue();
                Map<String, String> row = new HashMap<>();
                for (int column = 1; column <= rs.getMetaData().getColumnCount(); column++) {
                    row.put(rs.getMetaData().getColumnLabel(column), rs.getString(column));
                }
                return row;
            }
        }
    }

    private static long count(Statement sql, String query) {
        try (ResultSet rs = sql.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(query, e);
        }
    }

    /** Polls until the condition holds; fails the test when the deadline passes first. */
    private static void awaitUntil(Duration patience, BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(patience);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("waited " + patience).isBefore(deadline);
            Thread.sleep(200);
        }
    }
}
