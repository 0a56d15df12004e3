package se.esam.lifecycle.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestExecutionListeners;

/**
 * The whole application on a real port with {@link TestEnvironment}, on PostgreSQL, shared by every class
 * with this annotation that runs in the same JVM: one application context, one database and one mail
 * server per test JVM (per failsafe fork), made by {@link SharedApplicationResources}. Start-up (about 11 s
 * on a quiet machine) is paid once per fork instead of once per class.
 * <p>
 * What a class gives up for that: it must make its own data (its own feedback, references it got back),
 * must not count or list over the whole database (another class's feedback is there), must put back any
 * global setting it changes (the engine's clock, {@code EngineClock}) and must not change the application's properties or
 * profiles. A class that cannot live with that keeps {@link ApplicationOnPostgres} and its own
 * {@code @DynamicPropertySource} database. So a class here declares no {@code @DynamicPropertySource},
 * no {@code @DirtiesContext}, no {@code @MockitoBean}, no properties: any of those would give it a
 * context of its own again (Spring's context cache key), silently.
 * <p>
 * Mail: the class registers {@code @RegisterExtension static final GreenMailExtension mail =
 * TestSmtp.shared().server()}; GreenMail then runs from the class's first test to its last, with
 * empty mailboxes at the start of each class, on the port the shared application sends to.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestEnvironment
@ContextConfiguration(initializers = SharedApplicationResources.class)
@TestExecutionListeners(
        listeners = CurrentProcessEngine.class,
        mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public @interface SharedApplication {}
