package se.esam.lifecycle.support;

import org.camunda.bpm.admin.Admin;
import org.camunda.bpm.admin.impl.DefaultAdminRuntimeDelegate;
import org.camunda.bpm.cockpit.Cockpit;
import org.camunda.bpm.cockpit.impl.DefaultCockpitRuntimeDelegate;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.tasklist.Tasklist;
import org.camunda.bpm.tasklist.impl.DefaultTasklistRuntimeDelegate;
import org.camunda.bpm.welcome.Welcome;
import org.camunda.bpm.welcome.impl.DefaultWelcomeRuntimeDelegate;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * Makes the running class's application the one Camunda's REST API and webapps find, in a JVM where
 * other applications start and close between the classes of a {@link SharedApplication}.
 * <p>
 * The engine: the REST API and the webapps look it up by name in the JVM-wide {@link ProcessEngines}
 * registry (the starter's {@code SpringBootProcessEngineProvider}, the webapps' provider: this application
 * is no process application), and every engine here is named "default". When a class with a context of
 * its own starts, its engine takes the name; when it closes, it removes the name, whoever holds it.
 * <p>
 * The webapps: Tasklist, Cockpit, Admin and Welcome keep their runtime delegate in a static field, set
 * when a context's servlet context starts and set to null when one is destroyed (their
 * {@code *ContainerBootstrap}); Cockpit's also caches a query executor per engine name. After another
 * class's application closed, the shared application's Tasklist answered 500.
 */
public final class CurrentProcessEngine implements TestExecutionListener {

    @Override
    public void prepareTestInstance(TestContext testContext) {
        register(testContext);
        // fresh ones, as the webapps' bootstrap makes them: nothing cached from an engine that is gone
        Tasklist.setTasklistRuntimeDelegate(new DefaultTasklistRuntimeDelegate());
        Cockpit.setCockpitRuntimeDelegate(new DefaultCockpitRuntimeDelegate());
        Admin.setAdminRuntimeDelegate(new DefaultAdminRuntimeDelegate());
        Welcome.setRuntimeDelegate(new DefaultWelcomeRuntimeDelegate());
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
