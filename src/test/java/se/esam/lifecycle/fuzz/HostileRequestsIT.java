package se.esam.lifecycle.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.icegreen.greenmail.junit5.GreenMailExtension;

import se.esam.lifecycle.support.HttpAgent;
import se.esam.lifecycle.support.PostgresDatabase;
import se.esam.lifecycle.support.ProcessDriver;
import se.esam.lifecycle.support.TestEnvironment;
import se.esam.lifecycle.support.TestSmtp;

/**
 * Fuzzes every operation of our API (read from our own OpenAPI document) and the {@code /engine-rest}
 * operations a submitter reaches, over real HTTP on a fresh PostgreSQL database with the real engine:
 * each sent as the right user, a wrong user and anonymously, broken in one place with hostile values
 * (overlong text, control characters, lone surrogates, numbers and objects where strings go, duplicate
 * keys, trailing garbage, edge months, negative paging, unknown ids, nulls, Camunda Object variables).
 * The properties: no answer is a 5xx, and a refused request (4xx) leaves every row of our tables and of
 * Camunda's runtime and history as it was.
 *
 * <p>Reproducible: the seed and the number of tries are fixed ({@code -Dfuzz.seed=...},
 * {@code -Dfuzz.tries=...} to change them) and printed; every choice and value is drawn from one random
 * source with that seed.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        // the mail retry schedule would change the outbox between two requests; every mail goes out at once here
        properties = "guidance.mail.retry-poll=PT24H")
@TestEnvironment
@DirtiesContext // closes the application before the JVM's shutdown drops its database
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileRequestsIT {

    private static final long SEED = Long.getLong("fuzz.seed", 20261203L);
    private static final int TRIES = Integer.getInteger("fuzz.tries", 400);

    static final TestSmtp smtp = new TestSmtp();

    @RegisterExtension
    static GreenMailExtension mail = smtp.server();

    @DynamicPropertySource
    static void environment(DynamicPropertyRegistry registry) {
        PostgresDatabase.createFor(HostileRequestsIT.class, registry);
        smtp.configure(registry);
    }

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    private List<Operation> apiOperations;
    private List<Operation> engineOperations;
    private Fuzzer fuzzer;

    @BeforeAll
    void fuzz() throws Exception {
        String base = "http://localhost:" + port;
        HttpAgent.Response document = HttpAgent.anonymous(base).get("/v3/api-docs");
        assertThat(document.status()).as("%s", document).isEqualTo(200);
        FuzzedWorld world = new FuzzedWorld(new ProcessDriver(base));
        apiOperations = Operations.fromOpenApi(
                new com.fasterxml.jackson.databind.ObjectMapper().readTree(document.body()), world);
        engineOperations = Operations.engineRest(world);
        List<Operation> operations = new ArrayList<>(apiOperations);
        operations.addAll(engineOperations);

        System.out.printf(
                "HostileRequestsIT: seed %d, %d operations, %d tries after one request per operation "
                        + "and caller (replay with -Dfuzz.seed=%d -Dfuzz.tries=%d)%n",
                SEED, operations.size(), TRIES, SEED, TRIES);
        long started = System.nanoTime();
        fuzzer = new Fuzzer(base, world, new StoredData(dataSource), new Random(SEED));
        fuzzer.run(operations, TRIES);
        System.out.printf(
                "HostileRequestsIT: %d requests in %d s (%d snapshots of the stored data, %d ms each on "
                        + "average), answers by status %s; %d answered 5xx, %d refusals changed stored data%n",
                fuzzer.sent,
                (System.nanoTime() - started) / 1_000_000_000L,
                fuzzer.snapshots,
                fuzzer.snapshotNanos / 1_000_000L / Math.max(1, fuzzer.snapshots),
                fuzzer.statuses,
                fuzzer.serverErrors.size(),
                fuzzer.refusalsThatChangedData.size());
        fuzzer.serverErrors.forEach(error -> System.out.println("5xx: " + error));
        fuzzer.refusalsThatChangedData.forEach(change -> System.out.println("refused but changed: " + change));
    }

    @Test
    void everyOperationWasSentByItsRightUserAWrongUserAndAnonymously() {
        assertThat(apiOperations).as("operations of /api in /v3/api-docs").hasSizeGreaterThanOrEqualTo(15);
        assertThat(apiOperations)
                .extracting(Operation::name)
                .contains(
                        "POST /api/feedback",
                        "POST /api/revisions/{id}/approval",
                        "POST /api/revisions/{id}/consultation-responses",
                        "GET /api/reports/lead-times");
        assertThat(engineOperations).isNotEmpty();
        List<String> expected = new ArrayList<>();
        for (Operation operation : apiOperations) {
            for (Fuzzer.Caller caller : Fuzzer.Caller.values()) {
                expected.add(operation.name() + " as " + caller);
            }
        }
        for (Operation operation : engineOperations) {
            for (Fuzzer.Caller caller : Fuzzer.Caller.values()) {
                expected.add(operation.name() + " as " + caller);
            }
        }
        assertThat(fuzzer.covered).containsAll(expected);
        assertThat(fuzzer.sent).isGreaterThanOrEqualTo(expected.size() + TRIES / 2);
    }

    @Test
    void noHostileRequestIsAnsweredWithA5xxOrLeftUnanswered() {
        assertThat(fuzzer.sent).isPositive();
        assertThat(fuzzer.serverErrors)
                .as("requests answered 5xx or not at all (seed %d)", SEED)
                .isEmpty();
    }

    @Test
    void noRefusedRequestChangesStoredData() {
        assertThat(fuzzer.statuses.keySet()).as("some requests were refused").anyMatch(s -> s >= 400 && s < 500);
        assertThat(fuzzer.refusalsThatChangedData)
                .as("requests answered 4xx after which stored data differed " + "(seed %d)", SEED)
                .isEmpty();
    }
}
