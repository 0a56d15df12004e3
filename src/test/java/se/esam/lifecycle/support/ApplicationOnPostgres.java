package se.esam.lifecycle.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The whole application on a real port with {@link TestEnvironment}, one test instance for the class
 * (clients made once in {@code @BeforeAll}). The class still names its own database and mail server in
 * its {@code @DynamicPropertySource} ({@link PostgresDatabase#createFor}, {@link TestSmtp#configure}).
 * {@code @DirtiesContext} closes the application before the JVM's shutdown drops that database.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestEnvironment
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public @interface ApplicationOnPostgres {}
