package se.esam.lifecycle.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Twenty requests with one Idempotency-Key released at the same moment, as a client retrying a lost
 * answer in a hurry: exactly one feedback, and each answer is the first answer replayed (201, same
 * reference) or 409. Shared by the PostgreSQL and the H2 test, whose locking differs.
 */
final class IdempotencyRace {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {};
    static final int REQUESTS = 20;

    private IdempotencyRace() {}

    static void run(TestRestTemplate http, JdbcClient jdbc, String user) throws Exception {
        String text = "Tjugo samtidiga försök med samma nyckel " + UUID.randomUUID();
        Submission submission = new Submission("digital-samverkan", "4.1", "2.1", FeedbackType.GAP, text);
        HttpHeaders headers = new HttpHeaders();
        headers.set("Idempotency-Key", "race-" + UUID.randomUUID());
        CyclicBarrier together = new CyclicBarrier(REQUESTS);
        ExecutorService pool = Executors.newFixedThreadPool(REQUESTS);
        List<ResponseEntity<Map<String, Object>>> answers = new ArrayList<>();
        try {
            List<Callable<ResponseEntity<Map<String, Object>>>> work = new ArrayList<>();
            for (int i = 0; i < REQUESTS; i++) {
                work.add(() -> {
                    together.await();
                    return http.withBasicAuth(user, user)
                            .exchange("/api/feedback", HttpMethod.POST, new HttpEntity<>(submission, headers), JSON);
                });
            }
            for (Future<ResponseEntity<Map<String, Object>>> answer : pool.invokeAll(work)) {
                answers.add(answer.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(answers).hasSize(REQUESTS);
        Set<String> references = new HashSet<>();
        for (ResponseEntity<Map<String, Object>> answer : answers) {
            assertThat(answer.getStatusCode()).as("%s", answer.getBody()).isIn(HttpStatus.CREATED, HttpStatus.CONFLICT);
            if (answer.getStatusCode() == HttpStatus.CREATED) {
                references.add((String) answer.getBody().get("reference"));
            }
        }
        assertThat(references).as("the created and the replayed answers").hasSize(1);
        assertThat(jdbc.sql("select count(*) from feedback where description = ?")
                        .param(text)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        // once the first has finished, a retry gets its answer replayed
        ResponseEntity<Map<String, Object>> later = http.withBasicAuth(user, user)
                .exchange("/api/feedback", HttpMethod.POST, new HttpEntity<>(submission, headers), JSON);
        assertThat(later.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(later.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
        assertThat(later.getBody().get("reference"))
                .isEqualTo(references.iterator().next());
    }
}
