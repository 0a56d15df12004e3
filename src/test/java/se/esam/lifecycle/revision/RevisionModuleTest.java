package se.esam.lifecycle.revision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.AssertablePublishedEvents;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.store.FolderException;

import se.esam.lifecycle.guidance.FeedbackVocabulary;
import se.esam.lifecycle.identity.Directory;
import se.esam.lifecycle.revision.internal.RevisionProcess;
import se.esam.lifecycle.revision.internal.RevisionProcess.Decisions;
import se.esam.lifecycle.revision.internal.RevisionProcess.Elements;
import se.esam.lifecycle.revision.internal.RevisionProcess.Vars;
import se.esam.lifecycle.support.People;
import se.esam.lifecycle.support.ProcessTestWorld;
import se.esam.lifecycle.support.TestEnvironment;
import se.esam.lifecycle.support.TestSmtp;

/**
 * The revision module on its own: its beans and those of the modules it declares (guidance, identity,
 * notification, system), the real engine on H2 with the application's processes, and no feedback module.
 * What revision needs of feedback, {@link RevisionFeedback}, is played by {@link FeedbackStandIn}; what
 * revision tells feedback it tells only by its events, which the test reads as feedback would.
 *
 * <p>{@code system} is included by name. It sets up the engine every module runs on (the engine's clock, the
 * variable guard, the engine's error mapping), but Modulith bootstraps a dependency only when a bean of one
 * of its types is injected: what the modules inject from system is the {@code java.time.Clock} of
 * {@code SystemConfiguration}, a JDK type Modulith cannot attribute to a module, so without the include the
 * context fails for want of a {@code Clock}.
 */
@ApplicationModuleTest(mode = BootstrapMode.DIRECT_DEPENDENCIES, extraIncludes = "system")
@TestEnvironment
class RevisionModuleTest {

    static final TestSmtp smtp = new TestSmtp();

    @RegisterExtension
    static final GreenMailExtension mailServer = smtp.server();

    @DynamicPropertySource
    static void environment(DynamicPropertyRegistry registry) {
        smtp.configure(registry);
    }

    /** A document of config/catalogue.yaml, its current version and a section of it. */
    record Guidance(String id, String version, String section) {}

    // owned by the architecture group; each test has a document of its own, since revisions stay in the database
    private static final Guidance DIGITAL_SAMVERKAN = new Guidance("digital-samverkan", "4.1", "2.1");
    private static final Guidance BEHOVSDRIVEN_UTVECKLING = new Guidance("behovsdriven-utveckling", "1.0", "2");
    // config/demo/identity.yaml
    private static final String ANNA = People.ANNA.id(); // submitter at Pensionsmyndigheten
    private static final String ERIK = People.ERIK.id(); // expert-architecture, drafts
    private static final String KARIN = People.KARIN.id(); // kansli, reviews the quality
    private static final String MARIA = People.MARIA.id(); // chief-architect, approves editorial changes

    private static final Instant NOW = Instant.parse("2026-05-04T07:00:00Z");

    /**
     * The feedback module as revision sees it through {@link RevisionFeedback} (and guidance through
     * {@link FeedbackVocabulary}): accepted feedback waits for a revision until revision announces that it
     * took it up. Its rows are real rows of the feedback table, which revision's items refer to.
     */
    static class FeedbackStandIn implements RevisionFeedback, FeedbackVocabulary {

        private final JdbcClient jdbc;
        private final Map<String, FeedbackItem> accepted = new ConcurrentHashMap<>();
        private final Map<String, String> documentOf = new ConcurrentHashMap<>();
        private final Set<String> takenUp = ConcurrentHashMap.newKeySet();

        FeedbackStandIn(JdbcClient jdbc) {
            this.jdbc = jdbc;
        }

        FeedbackItem accept(String reference, Guidance guidance, String description) {
            jdbc.sql("insert into feedback (reference, guidance_id, guidance_version, section_id, feedback_type, "
                            + "description, submitter, submitter_organisation, status, submitted_at) "
                            + "values (?, ?, ?, ?, 'ERROR', ?, ?, 'org-pensionsmyndigheten', 'IN_REVIEW', ?)")
                    .params(
                            reference,
                            guidance.id(),
                            guidance.version(),
                            guidance.section(),
                            description,
                            ANNA,
                            Timestamp.from(NOW))
                    .update();
            FeedbackItem item = new FeedbackItem(
                    reference,
                    guidance.version(),
                    guidance.section(),
                    "ERROR",
                    "Fel",
                    "Pensionsmyndigheten",
                    description,
                    false,
                    FeedbackItem.ACCEPTED,
                    "Avsnittet förtydligas.",
                    description,
                    false);
            accepted.put(reference, item);
            documentOf.put(reference, guidance.id());
            return item;
        }

        /** As feedback does: taken-up feedback no longer waits. */
        @EventListener
        void on(FeedbackTakenUp event) {
            takenUp.add(event.reference());
        }

        @Override
        public List<FeedbackItem> waitingFor(String guidanceId) {
            return accepted.values().stream()
                    .filter(item -> guidanceId.equals(documentOf.get(item.reference())))
                    .filter(item -> !takenUp.contains(item.reference()))
                    .sorted((a, b) -> a.reference().compareTo(b.reference()))
                    .toList();
        }

        @Override
        public FeedbackItem item(String reference) {
            return accepted.get(reference);
        }

        @Override
        public boolean submittedByOrganisationOf(String reference, String person) {
            return false;
        }

        /** Guidance, on which revision depends, asks feedback for the words of its public pages. */
        @Override
        public Map<String, String> feedbackTypes() {
            return Map.of("ERROR", "Fel");
        }

        @Override
        public Map<String, String> dispositions() {
            return Map.of(FeedbackItem.ACCEPTED, "Godtagen för revision");
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class WithoutTheFeedbackModule {

        @Bean
        FeedbackStandIn feedbackStandIn(JdbcClient jdbc) {
            return new FeedbackStandIn(jdbc);
        }
    }

    @Autowired
    ProcessEngine engine;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService tasks;

    @Autowired
    IdentityService identity;

    @Autowired
    Directory directory;

    @Autowired
    RevisionIntake intake;

    @Autowired
    FeedbackStandIn feedback;

    @BeforeEach
    void fixTheClock() throws FolderException {
        ProcessTestWorld.begin(engine, NOW, mailServer);
    }

    @AfterEach
    void resetTheClock() {
        ProcessTestWorld.end(engine);
    }

    @Test
    void acceptedFeedbackOpensARevisionThatAnnouncesItTookTheFeedbackUp(Scenario scenario) {
        feedback.accept("FB-2026-0001", BEHOVSDRIVEN_UTVECKLING, "Behoven beskrivs inte.");

        scenario.stimulate(() -> intake.request(BEHOVSDRIVEN_UTVECKLING.id(), "FB-2026-0001"))
                .andWaitForEventOfType(FeedbackTakenUp.class)
                .matching(event -> event.reference().equals("FB-2026-0001"))
                .toArriveAndVerify(event -> assertThat(event.revision())
                        .isEqualTo(revisionOf(BEHOVSDRIVEN_UTVECKLING).getBusinessKey()
                                + " av Behovsdriven utveckling 1.0"));
        assertThat(revisionOf(BEHOVSDRIVEN_UTVECKLING)).isWaitingAt(Elements.DRAFT);
        assertThat(feedback.waitingFor(BEHOVSDRIVEN_UTVECKLING.id())).isEmpty();
    }

    @Test
    void publishingARevisionAnnouncesTheVersionAndHowItAnswersEachItem(AssertablePublishedEvents events) {
        feedback.accept("FB-2026-0002", DIGITAL_SAMVERKAN, "Avsnittet är otydligt.");
        intake.request(DIGITAL_SAMVERKAN.id(), "FB-2026-0002");
        ProcessInstance revision = revisionOf(DIGITAL_SAMVERKAN);
        // accepted while the revision is drafted: it joins the open revision
        feedback.accept("FB-2026-0003", DIGITAL_SAMVERKAN, "Ett exempel saknas.");
        intake.request(DIGITAL_SAMVERKAN.id(), "FB-2026-0003");

        completeAs(
                ERIK, task(Elements.DRAFT, revision), draftAnswering(revision, "2.1", "FB-2026-0002", "FB-2026-0003"));
        completeAs(
                KARIN,
                task(Elements.QUALITY_REVIEW, revision),
                withVariables(Vars.QUALITY_DECISION, Decisions.APPROVE));
        Task approval = task(Elements.APPROVE, revision);
        claimAs(MARIA, approval);
        assertThat(events.ofType(RevisionPublished.class)).isEmpty();
        completeAs(MARIA, approval, withVariables(Vars.APPROVAL_DECISION, Decisions.APPROVE));

        assertThat(revision).hasPassed(Elements.PUBLISH).isEnded();
        assertThat(events).contains(FeedbackTakenUp.class).matching(FeedbackTakenUp::reference, "FB-2026-0002");
        assertThat(events).contains(FeedbackTakenUp.class).matching(FeedbackTakenUp::reference, "FB-2026-0003");
        assertThat(events.ofType(RevisionPublished.class)).singleElement().satisfies(published -> {
            assertThat(published.revisionLabel()).isEqualTo(revision.getBusinessKey());
            assertThat(published.guidanceId()).isEqualTo(DIGITAL_SAMVERKAN.id());
            assertThat(published.version()).isEqualTo("4.2");
            assertThat(published.answers())
                    .containsExactly(
                            new RevisionPublished.Answer(
                                    "FB-2026-0002", "Din synpunkt besvaras av en ändring i avsnitt 2.1."),
                            new RevisionPublished.Answer(
                                    "FB-2026-0003", "Din synpunkt besvaras av en ändring i avsnitt 2.1."));
        });
    }

    // people at work, as Tasklist would have them

    /** The drafting form as sent back: the sections the revision started from and every item answered. */
    private Map<String, Object> draftAnswering(ProcessInstance revision, String section, String... references) {
        List<Revision.Section> sections =
                RevisionVariables.readSections(runtime.getVariable(revision.getId(), Vars.SECTIONS));
        StringBuilder items = new StringBuilder("[");
        for (String reference : references) {
            items.append(items.length() > 1 ? "," : "")
                    .append("{\"reference\":\"")
                    .append(reference)
                    .append("\",\"trace\":\"ANSWERED\",\"traceSection\":\"")
                    .append(section)
                    .append("\"}");
        }
        return withVariables(
                Vars.SECTIONS,
                RevisionVariables.sections(sections),
                Vars.ITEMS,
                SpinValues.jsonValue(items.append("]").toString()).create(),
                Vars.CHANGE_NOTES,
                "Förtydligat avsnitt 2.1.",
                Vars.CHANGE_CLASS,
                ChangeClass.EDITORIAL.name());
    }

    private ProcessInstance revisionOf(Guidance guidance) {
        return runtime.createProcessInstanceQuery()
                .processDefinitionKey(RevisionProcess.KEY)
                .variableValueEquals(Vars.GUIDANCE_ID, guidance.id())
                .singleResult();
    }

    private void claimAs(String user, Task task) {
        identity.setAuthentication(user, directory.groupsOf(user));
        try {
            tasks.claim(task.getId(), user);
        } finally {
            identity.clearAuthentication();
        }
    }

    private void completeAs(String user, Task task, Map<String, Object> variables) {
        identity.setAuthentication(user, directory.groupsOf(user));
        try {
            complete(task, variables);
        } finally {
            identity.clearAuthentication();
        }
    }
}
