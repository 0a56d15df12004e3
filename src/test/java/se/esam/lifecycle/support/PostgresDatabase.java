package se.esam.lifecycle.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A fresh database on the running PostgreSQL server for one test class, dropped when the JVM ends.
 * Server and user come from {@code TEST_PG_HOST}, {@code TEST_PG_PORT} and {@code TEST_PG_USER}
 * (default 127.0.0.1:5432, postgres, trust authentication as on the development machines).
 * <p>
 * Under {@code ./mvnw verify} it is a copy of the build's migrated template ({@link PostgresTemplate}),
 * so the application finds its schema there, as on any start after the first; {@link #createEmpty}
 * is for a test of the first start itself. Elsewhere (an IDE, no template) every database starts empty.
 */
public final class PostgresDatabase {

    private static final String HOST = env("TEST_PG_HOST", "127.0.0.1");
    private static final String PORT = env("TEST_PG_PORT", "5432");
    private static final String USER = env("TEST_PG_USER", "postgres");
    private static final String PASSWORD = env("TEST_PG_PASSWORD", "");

    private final String name;

    private PostgresDatabase(String name) {
        this.name = name;
    }

    /** Creates the database and points the Spring context's datasource at it. */
    public static PostgresDatabase createFor(Class<?> testClass, DynamicPropertyRegistry registry) {
        PostgresDatabase database = create(testClass);
        registry.add("spring.datasource.url", database::url);
        registry.add("spring.datasource.username", () -> USER);
        registry.add("spring.datasource.password", () -> PASSWORD);
        return database;
    }

    /** Creates the database, for applications started outside the test's JVM ({@link AppNode}). */
    public static PostgresDatabase create(Class<?> testClass) {
        return create(testClass, template());
    }

    /** Creates an empty database, where the application creates its schema as on its very first start. */
    public static PostgresDatabase createEmpty(Class<?> testClass) {
        return create(testClass, null);
    }

    /**
     * Creates a copy of the template that nothing drops: the caller drops it ({@link #drop}) once whatever
     * uses it is closed ({@link SharedApplicationResources}).
     */
    static PostgresDatabase createUndropped(Class<?> owner) {
        String name = newName(owner);
        execute("create database " + name + templateClause(template()));
        return new PostgresDatabase(name);
    }

    private static PostgresDatabase create(Class<?> testClass, String template) {
        String name = newName(testClass);
        execute("create database " + name + templateClause(template));
        PostgresDatabase database = new PostgresDatabase(name);
        Runtime.getRuntime().addShutdownHook(new Thread(database::drop));
        return database;
    }

    private static String newName(Class<?> owner) {
        return ("gl_" + owner.getSimpleName() + "_"
                        + UUID.randomUUID().toString().substring(0, 8))
                .toLowerCase(Locale.ROOT);
    }

    private static String templateClause(String template) {
        return template == null ? "" : " template " + template;
    }

    /** Drops the database, ending any connection still open to it. */
    void drop() {
        execute("drop database if exists " + name + " with (force)");
    }

    public String url() {
        return urlOf(name);
    }

    public String name() {
        return name;
    }

    /** The template's name, given by Maven (system property {@code test.postgres.template-file}), or null. */
    private static String template() {
        String file = System.getProperty("test.postgres.template-file");
        if (file == null || file.isBlank() || !Files.exists(Path.of(file))) {
            return null;
        }
        try {
            return Files.readString(Path.of(file)).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String urlOf(String database) {
        return "jdbc:postgresql://" + HOST + ":" + PORT + "/" + database;
    }

    static String user() {
        return USER;
    }

    static String password() {
        return PASSWORD;
    }

    static Connection connect(String url) throws SQLException {
        return DriverManager.getConnection(url, USER, PASSWORD);
    }

    static void execute(String sql) {
        try (Connection connection = connect(urlOf("postgres"));
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "PostgreSQL at " + HOST + ":" + PORT + " is needed for this test: " + sql, e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
