package se.esam.lifecycle.support;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * Makes the running class's engine the one Camunda's REST API and webapps find. They look the engine up
 * by name in the JVM-wide {@link ProcessEngines} registry (the starter's {@code SpringBootProcessEngineProvider},
 * the webapps' provider: this application is no process application), and every engine here is named
 * "default". When a class with a context of its own starts in the same JVM as a cached shared context, its
 * engine takes the name; when it closes, it removes the name, whoever holds it. Without this the shared
 * context's {@code /engine-rest} would answer from another class's database, or find no engine at all.
 */
public final class CurrentProcessEngine implements TestExecutionListener {

    @Override
    public void prepareTestInstance(TestContext testContext) {
        register(testContext);
    }

    @Override
    public void beforeTestMethod(TestContext testContext) {
        register(testContext);
    }

    private static void register(TestContext testContext) {
        testContext
                .getApplicationContext()
                .getBeanProvider(ProcessEngine.class)
                .ifAvailable(ProcessEngines::registerProcessEngine);
    }
}
