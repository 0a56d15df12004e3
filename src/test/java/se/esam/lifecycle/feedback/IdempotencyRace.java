package se.esam.lifecycle.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.springframework.jdbc.core.simple.JdbcClient;

import se.esam.lifecycle.support.HttpAgent;
import se.esam.lifecycle.support.People;

/**
 * Twenty requests with one Idempotency-Key released at the same moment, as a client retrying a lost
 * answer in a hurry: exactly one feedback, and each answer is the first answer replayed (201, same
 * reference) or 409. Shared by the PostgreSQL and the H2 test, whose locking differs.
 */
final class IdempotencyRace {

    static final int REQUESTS = 20;

    private IdempotencyRace() {}

    static void run(String base, JdbcClient jdbc, People.Person user) throws Exception {
        String text = "Tjugo samtidiga försök med samma nyckel " + UUID.randomUUID();
        Submission submission = new Submission("digital-samverkan", "4.1", "2.1", FeedbackType.GAP, text);
        String key = "race-" + UUID.randomUUID();
        HttpAgent client = HttpAgent.basic(base, user);
        CyclicBarrier together = new CyclicBarrier(REQUESTS);
        ExecutorService pool = Executors.newFixedThreadPool(REQUESTS);
        List<HttpAgent.Response> answers = new ArrayList<>();
        try {
            List<Callable<HttpAgent.Response>> work = new ArrayList<>();
            for (int i = 0; i < REQUESTS; i++) {
                work.add(() -> {
                    together.await();
                    return client.json("POST", "/api/feedback", submission, "Idempotency-Key", key);
                });
            }
            for (Future<HttpAgent.Response> answer : pool.invokeAll(work)) {
                answers.add(answer.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(answers).hasSize(REQUESTS);
        Set<String> references = new HashSet<>();
        for (HttpAgent.Response answer : answers) {
            assertThat(answer.status()).as("%s", answer).isIn(201, 409);
            if (answer.status() == 201) {
                references.add((String) answer.json().get("reference"));
            }
        }
        assertThat(references).as("the created and the replayed answers").hasSize(1);
        assertThat(jdbc.sql("select count(*) from feedback where description = ?")
                        .param(text)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        // once the first has finished, a retry gets its answer replayed
        HttpAgent.Response later = client.json("POST", "/api/feedback", submission, "Idempotency-Key", key);
        assertThat(later.status()).as("%s", later).isEqualTo(201);
        assertThat(later.header("Idempotent-Replayed")).contains("true");
        assertThat(later.json().get("reference"))
                .isEqualTo(references.iterator().next());
    }
}
