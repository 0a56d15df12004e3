package se.esam.lifecycle.support;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * The database and mail server of a {@link SharedApplication} context: Spring runs this once per context,
 * and the context cache makes that once per JVM. The database is a copy of the build's migrated template
 * ({@link PostgresDatabase}); it is dropped when the JVM ends, but only after this context is closed
 * (a drop racing Spring's own closing, as two shutdown hooks, breaks the pool's connections under the
 * engine's last writes and keeps the JVM from ending).
 */
public final class SharedApplicationResources implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        PostgresDatabase database = PostgresDatabase.createUndropped(SharedApplication.class);
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.datasource.url", database.url());
        properties.put("spring.datasource.username", PostgresDatabase.user());
        properties.put("spring.datasource.password", PostgresDatabase.password());
        properties.putAll(TestSmtp.shared().properties());
        // above test.properties (its H2 url), as a @DynamicPropertySource would be
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("sharedApplication", properties));
        // Spring Boot runs its shutdown handlers after its shutdown hook has closed every context and waited
        // for each to be closed; a hook of our own would race it (close() returns at once while another
        // thread is closing), and Hikari would find its database gone
        SpringApplication.getShutdownHandlers().add(database::drop);
    }
}
