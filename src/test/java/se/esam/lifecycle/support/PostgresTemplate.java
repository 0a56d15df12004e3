package se.esam.lifecycle.support;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;

import org.flywaydb.core.Flyway;

/**
 * One migrated database per build, which every PostgreSQL test class's own database is copied from
 * ({@code create database ... template ...}) instead of each running Camunda's schema scripts and Flyway
 * again. Run by Maven (pom.xml, exec-maven-plugin) before the integration tests with {@code create FILE}
 * and after them with {@code drop FILE}; FILE holds the template's name for {@link PostgresDatabase}.
 * The template holds exactly what an application's first start on an empty database creates: Camunda's
 * schema (the same scripts the engine runs with {@code schema-update: true}), then our migrations on a
 * baseline 0 as {@code spring.flyway} in application.yaml says.
 */
final class PostgresTemplate {

    /** Camunda's components in the order its engine creates them, all enabled in this application. */
    private static final List<String> CAMUNDA_COMPONENTS = List.of(
            "engine", "history", "identity", "case.engine", "case.history", "decision.engine", "decision.history");

    private PostgresTemplate() {}

    public static void main(String[] args) throws Exception {
        for (int i = 2; i < args.length; i++) {
            if (args[i].equals("--skip=true")) {
                return;
            }
        }
        Path file = Path.of(args[1]);
        switch (args[0]) {
            case "create" -> create(file);
            case "drop" -> drop(file);
            default -> throw new IllegalArgumentException("create FILE or drop FILE, not " + args[0]);
        }
    }

    private static void create(Path file) throws IOException, SQLException {
        // a template of an earlier build that was killed before its drop
        drop(file);
        String name = "gl_template_" + UUID.randomUUID().toString().substring(0, 8);
        PostgresDatabase.execute("create database " + name);
        try {
            String url = PostgresDatabase.urlOf(name);
            try (Connection connection = PostgresDatabase.connect(url);
                    Statement statement = connection.createStatement()) {
                for (String component : CAMUNDA_COMPONENTS) {
                    statement.execute(camundaScript(component));
                }
            }
            Flyway.configure()
                    .dataSource(url, PostgresDatabase.user(), PostgresDatabase.password())
                    .baselineOnMigrate(true)
                    .baselineVersion("0")
                    .load()
                    .migrate();
        } catch (IOException | SQLException | RuntimeException e) {
            PostgresDatabase.execute("drop database if exists " + name + " with (force)");
            throw e;
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, name);
    }

    private static void drop(Path file) throws IOException {
        if (Files.exists(file)) {
            String name = Files.readString(file).strip();
            if (name.matches("gl_template_[0-9a-f]{8}")) {
                PostgresDatabase.execute("drop database if exists " + name + " with (force)");
            }
            Files.delete(file);
        }
    }

    private static String camundaScript(String component) throws IOException {
        String resource = "org/camunda/bpm/engine/db/create/activiti.postgres.create." + component + ".sql";
        try (InputStream in = PostgresTemplate.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Camunda's schema script is not on the classpath: " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
