package se.esam.lifecycle.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/**
 * The demo's people and guidance with the test settings of {@code test.properties} on top. A test
 * property source, because files in {@code ./config/} outrank any profile file on the test classpath.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ActiveProfiles("demo")
@TestPropertySource(locations = "classpath:test.properties")
public @interface TestEnvironment {}
