package se.esam.lifecycle.support;

import java.time.Instant;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.store.FolderException;

/**
 * What every process test sets up around each test and takes down after it, in one place: the process
 * clock (static in Camunda, so shared by every test in the JVM) fixed at a known instant, empty
 * mailboxes, nobody signed in to the engine, and camunda-bpm-assert bound to the application's engine.
 */
public final class ProcessTestWorld {

    private ProcessTestWorld() {}

    /** From {@code @BeforeEach}: the clock reads {@code now}, no mail has been received. */
    public static void begin(ProcessEngine engine, Instant now, GreenMailExtension mail) throws FolderException {
        BpmnAwareTests.init(engine);
        EngineClock.at(now);
        mail.purgeEmailFromAllMailboxes();
    }

    /** From {@code @AfterEach}: the real clock again, nobody signed in, camunda-bpm-assert unbound. */
    public static void end(ProcessEngine engine) {
        EngineClock.reset();
        engine.getIdentityService().clearAuthentication();
        BpmnAwareTests.reset();
    }
}
