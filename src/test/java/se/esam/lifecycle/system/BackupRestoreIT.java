package se.esam.lifecycle.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.ValidateResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.icegreen.greenmail.junit5.GreenMailExtension;

import se.esam.lifecycle.support.HttpAgent;
import se.esam.lifecycle.support.People;
import se.esam.lifecycle.support.PostgresDatabase;
import se.esam.lifecycle.support.TestEnvironment;
import se.esam.lifecycle.support.TestSmtp;

/**
 * Backup and restore as the README says: pg_dump of a populated database, pg_restore into an empty
 * one, and the copy holds the same rows, passes Flyway's validation and opens in the process engine
 * with the same open tasks.
 */
@SpringBootTest(webEnvironment = RANDOM_PORT)
@TestEnvironment
@DirtiesContext
class BackupRestoreIT {

    private static final List<String> TABLES = List.of(
            "feedback",
            "feedback_event",
            "feedback_submission",
            "revision",
            "revision_item",
            "revision_event",
            "register_entry",
            "registry_counter",
            "guidance_version",
            "guidance_section",
            "flyway_schema_history",
            "act_ru_execution",
            "act_ru_task",
            "act_ru_variable",
            "act_hi_procinst",
            "act_hi_actinst",
            "act_id_user",
            "act_id_membership",
            "act_ru_authorization",
            "act_ge_bytearray");

    static final TestSmtp smtp = new TestSmtp();
    static PostgresDatabase database;

    @RegisterExtension
    static final GreenMailExtension mail = smtp.server();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        database = PostgresDatabase.createFor(BackupRestoreIT.class, registry);
        smtp.configure(registry);
    }

    @Test
    void aDumpRestoredIntoAnEmptyDatabaseHoldsEverythingAndOpensInTheEngine() throws Exception {
        for (People.Person submitter : List.of(People.ANNA, People.OLOF, People.ANNA)) {
            HttpAgent.Response created = HttpAgent.basic(HttpAgent.local(port), submitter)
                    .json(
                            "POST",
                            "/api/feedback",
                            Map.of(
                                    "guidanceId",
                                    "digital-samverkan",
                                    "sectionId",
                                    "2.1",
                                    "type",
                                    "ERROR",
                                    "description",
                                    "Säkerhetskopian ska bevara detta."));
            assertThat(created.status()).as("%s", created).isEqualTo(201);
        }

        Path dump = Files.createTempFile("guidance-backup", ".dump");
        String restored = "gl_restored_" + UUID.randomUUID().toString().substring(0, 8);
        try {
            run("pg_dump", "--format=custom", "--no-owner", "--file=" + dump, "--dbname=" + libpq(database.name()));
            execute("create database " + restored);
            run("pg_restore", "--no-owner", "--exit-on-error", "--dbname=" + libpq(restored), dump.toString());

            Map<String, String> original = fingerprints(database.name());
            assertThat(original.get("feedback")).startsWith("3:");
            assertThat(fingerprints(restored)).isEqualTo(original);

            Flyway flyway = Flyway.configure()
                    .dataSource(jdbcUrl(restored), user(), password())
                    .load();
            assertThat(flyway.info().applied())
                    .as("migrations recorded in the copy")
                    .isNotEmpty();
            assertThat(flyway.info().pending()).as("migrations the copy lacks").isEmpty();
            ValidateResult validation = flyway.validateWithResult();
            assertThat(validation.invalidMigrations)
                    .as("migrations that differ from the copy's")
                    .isEmpty();
            assertThat(validation.validationSuccessful).isTrue();
            ProcessEngine engine = ProcessEngineConfiguration.createStandaloneProcessEngineConfiguration()
                    .setProcessEngineName("restored-" + restored)
                    .setJdbcUrl(jdbcUrl(restored))
                    .setJdbcUsername(user())
                    .setJdbcPassword(password())
                    .setJdbcDriver("org.postgresql.Driver")
                    .setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_FALSE)
                    .setHistory(ProcessEngineConfiguration.HISTORY_FULL)
                    .setJobExecutorActivate(false)
                    .buildProcessEngine();
            try {
                assertThat(engine.getTaskService()
                                .createTaskQuery()
                                .taskDefinitionKey("TriageFeedback")
                                .count())
                        .isEqualTo(3);
                assertThat(engine.getRuntimeService()
                                .createProcessInstanceQuery()
                                .processDefinitionKey("guidance-feedback")
                                .count())
                        .isEqualTo(3);
            } finally {
                engine.close();
            }
        } finally {
            Files.deleteIfExists(dump);
            execute("drop database if exists " + restored + " with (force)");
        }
    }

    /** Row count and a digest of every row, per table. */
    private static Map<String, String> fingerprints(String name) throws Exception {
        Map<String, String> fingerprints = new LinkedHashMap<>();
        try (Connection connection = DriverManager.getConnection(jdbcUrl(name), user(), password());
                Statement statement = connection.createStatement()) {
            for (String table : TABLES) {
                try (ResultSet rs = statement.executeQuery("select count(*), md5(coalesce(string_agg(t::text, '|' "
                        + "order by t::text), '')) from " + table + " t")) {
                    rs.next();
                    fingerprints.put(table, rs.getLong(1) + ":" + rs.getString(2));
                }
            }
        }
        return fingerprints;
    }

    private static void run(String... command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("PGPASSWORD", password());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor())
                .as(String.join(" ", command) + "\n" + output)
                .isZero();
    }

    private static void execute(String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), user(), password());
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static String jdbcUrl(String name) {
        return database.url().replaceAll("/[^/]+$", "/" + name);
    }

    private static String libpq(String name) {
        String hostAndPort = database.url().replaceAll("^jdbc:postgresql://([^/]+)/.*$", "$1");
        String[] parts = hostAndPort.split(":");
        return "postgresql://" + user() + "@" + parts[0] + ":" + (parts.length > 1 ? parts[1] : "5432") + "/" + name;
    }

    private static String user() {
        String user = System.getenv("TEST_PG_USER");
        return user == null || user.isBlank() ? "postgres" : user;
    }

    private static String password() {
        String password = System.getenv("TEST_PG_PASSWORD");
        return password == null ? "" : password;
    }
}
