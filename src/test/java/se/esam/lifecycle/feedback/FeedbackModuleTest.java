package se.esam.lifecycle.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.AssertablePublishedEvents;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.store.FolderException;

import se.esam.lifecycle.feedback.internal.FeedbackProcess;
import se.esam.lifecycle.feedback.internal.FeedbackProcess.Elements;
import se.esam.lifecycle.feedback.internal.FeedbackProcess.TriageDecisions;
import se.esam.lifecycle.feedback.internal.FeedbackProcess.Vars;
import se.esam.lifecycle.identity.Directory;
import se.esam.lifecycle.revision.FeedbackTakenUp;
import se.esam.lifecycle.revision.RevisionPublished;
import se.esam.lifecycle.revision.internal.RevisionProcess;
import se.esam.lifecycle.support.People;
import se.esam.lifecycle.support.ProcessTestWorld;
import se.esam.lifecycle.support.TestEnvironment;
import se.esam.lifecycle.support.TestSmtp;

/**
 * The feedback module with the modules it declares and uses (revision, guidance, identity, notification,
 * tasklist, system), the real engine on H2 and without reporting or security: what feedback does when
 * revision's events reach it. Accepted feedback asks the real revision module for a revision, which takes
 * it up ({@link FeedbackTakenUp}); the version that answers it is announced here by the test, as revision
 * would announce it ({@link RevisionPublished}), so that only feedback's side of the publication is tested.
 *
 * <p>{@code system} is included by name. It sets up the engine every module runs on (the engine's clock, the
 * variable guard, the engine's error mapping), but Modulith bootstraps a dependency only when a bean of one
 * of its types is injected: what the modules inject from system is the {@code java.time.Clock} of
 * {@code SystemConfiguration}, a JDK type Modulith cannot attribute to a module, so without the include the
 * context fails for want of a {@code Clock}.
 */
@ApplicationModuleTest(mode = BootstrapMode.DIRECT_DEPENDENCIES, extraIncludes = "system")
@TestEnvironment
class FeedbackModuleTest {

    static final TestSmtp smtp = new TestSmtp();

    @RegisterExtension
    static final GreenMailExtension mailServer = smtp.server();

    @DynamicPropertySource
    static void environment(DynamicPropertyRegistry registry) {
        smtp.configure(registry);
    }

    // config/demo/identity.yaml
    private static final String ANNA = People.ANNA.id(); // submitter at Pensionsmyndigheten
    private static final String ANNA_MAIL = "anna@pensionsmyndigheten.example";
    private static final String KARIN = People.KARIN.id(); // kansli
    private static final String ERIK = People.ERIK.id(); // expert-architecture, which owns Digital samverkan
    // config/catalogue.yaml
    private static final String DIGITAL_SAMVERKAN = "digital-samverkan";

    private static final Instant NOW = Instant.parse("2026-05-04T07:00:00Z");
    private static final String ANSWER = "Din synpunkt besvaras av en ändring i avsnitt 2.1.";

    @Autowired
    ProcessEngine engine;

    @Autowired
    RuntimeService runtime;

    @Autowired
    HistoryService history;

    @Autowired
    IdentityService identity;

    @Autowired
    Directory directory;

    @Autowired
    FeedbackService feedback;

    @BeforeEach
    void fixTheClock() throws FolderException {
        ProcessTestWorld.begin(engine, NOW, mailServer);
    }

    @AfterEach
    void resetTheClock() {
        ProcessTestWorld.end(engine);
    }

    @Test
    void acceptedFeedbackMovesIntoTheRevisionThatTakesItUp(AssertablePublishedEvents events) {
        ProcessInstance instance = submitted();
        String reference = referenceOf(instance);

        accept(instance);

        assertThat(events).contains(FeedbackTakenUp.class).matching(FeedbackTakenUp::reference, reference);
        String revision = events.ofType(FeedbackTakenUp.class)
                .matching(FeedbackTakenUp::reference, reference)
                .iterator()
                .next()
                .revision();
        assertThat(stored(reference).status()).isEqualTo(FeedbackStatus.IN_REVISION);
        assertThat(feedback.history(reference))
                .extracting(FeedbackEvent::action, FeedbackEvent::detail)
                .contains(tuple(FeedbackEvent.Action.JOINED_REVISION, revision));
        assertThat(instance).isWaitingAt(Elements.AWAIT_REVISION);
    }

    @Test
    void aPublishedVersionAnswersTheFeedbackItAnswersAndEndsItsProcess(Scenario scenario) {
        ProcessInstance instance = submitted();
        String reference = referenceOf(instance);
        accept(instance);

        scenario.publish(published(reference))
                .andWaitForStateChange(() -> stored(reference).status(), FeedbackStatus.ANSWERED_IN_VERSION::equals)
                .andVerify(status -> assertThat(status).isEqualTo(FeedbackStatus.ANSWERED_IN_VERSION));

        assertThat(instance)
                .hasPassed(Elements.NOTIFY_PUBLICATION, Elements.END_ANSWERED)
                .isEnded();
        assertThat(variablesOf(instance))
                .containsEntry(Vars.PUBLISHED_VERSION, "4.2")
                .containsEntry(Vars.ANSWER, ANSWER);
        assertThat(feedback.history(reference))
                .extracting(FeedbackEvent::action, FeedbackEvent::detail)
                .contains(tuple(FeedbackEvent.Action.ANSWERED_IN_VERSION, "Version 4.2: " + ANSWER));
        assertThat(smtp.subjectsTo(ANNA_MAIL))
                .anySatisfy(subject -> assertThat(subject).contains(reference).contains("4.2"));
    }

    @Test
    void aVersionThatAnswersOtherFeedbackLeavesThisFeedbackWaiting(Scenario scenario) {
        ProcessInstance waiting = submitted();
        String reference = referenceOf(waiting);
        accept(waiting);
        ProcessInstance answered = submitted();
        String other = referenceOf(answered);
        accept(answered);

        scenario.publish(published(other))
                .andWaitForStateChange(() -> stored(other).status(), FeedbackStatus.ANSWERED_IN_VERSION::equals)
                .andVerify(status -> assertThat(answered).isEnded());

        assertThat(waiting).isWaitingAt(Elements.AWAIT_REVISION);
        assertThat(stored(reference).status()).isEqualTo(FeedbackStatus.IN_REVISION);
    }

    /** As revision announces it: the open revision of the document publishes 4.2 answering this feedback. */
    private RevisionPublished published(String reference) {
        String revision = runtime.createProcessInstanceQuery()
                .processDefinitionKey(RevisionProcess.KEY)
                .processInstanceBusinessKeyLike("REV-%")
                .singleResult()
                .getBusinessKey();
        return new RevisionPublished(
                revision, DIGITAL_SAMVERKAN, "4.2", List.of(new RevisionPublished.Answer(reference, ANSWER)));
    }

    // people at work, as Tasklist would have them

    private ProcessInstance submitted() {
        signIn(ANNA);
        try {
            return runtime.startProcessInstanceByKey(
                    FeedbackProcess.KEY,
                    withVariables(
                            Vars.GUIDANCE_ID,
                            DIGITAL_SAMVERKAN,
                            Vars.GUIDANCE_VERSION,
                            "4.1",
                            Vars.SECTION_ID,
                            "2.1",
                            Vars.FEEDBACK_TYPE,
                            FeedbackType.ERROR.name(),
                            Vars.DESCRIPTION,
                            "Principen motsäger avsnitt 3 om informationsutbyte."));
        } finally {
            identity.clearAuthentication();
        }
    }

    /** The kansli routes it to the architecture group, which accepts it for revision. */
    private void accept(ProcessInstance instance) {
        completeAs(KARIN, task(Elements.TRIAGE, instance), withVariables(Vars.TRIAGE_DECISION, TriageDecisions.ROUTE));
        completeAs(
                ERIK,
                task(Elements.REVIEW, instance),
                withVariables(
                        Vars.DISPOSITION,
                        Disposition.ACCEPTED.name(),
                        Vars.DISPOSITION_REASON,
                        "Avsnittet förtydligas i nästa version."));
    }

    private void completeAs(String user, Task task, Map<String, Object> variables) {
        signIn(user);
        try {
            complete(task, variables);
        } finally {
            identity.clearAuthentication();
        }
    }

    private void signIn(String user) {
        identity.setAuthentication(user, directory.groupsOf(user));
    }

    private String referenceOf(ProcessInstance instance) {
        return history.createHistoricProcessInstanceQuery()
                .processInstanceId(instance.getId())
                .singleResult()
                .getBusinessKey();
    }

    private Map<String, Object> variablesOf(ProcessInstance instance) {
        return history.createHistoricVariableInstanceQuery().processInstanceId(instance.getId()).list().stream()
                .filter(variable -> variable.getValue() != null)
                .collect(Collectors.toMap(
                        HistoricVariableInstance::getName, HistoricVariableInstance::getValue, (a, b) -> b));
    }

    private Feedback stored(String reference) {
        return feedback.find(reference).orElseThrow();
    }
}
