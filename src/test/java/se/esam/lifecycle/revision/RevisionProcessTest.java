package se.esam.lifecycle.revision;

import static java.time.temporal.ChronoUnit.DAYS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.camunda.spin.plugin.variable.SpinValues;
import org.camunda.spin.plugin.variable.value.JsonValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.store.FolderException;

import se.esam.lifecycle.feedback.Disposition;
import se.esam.lifecycle.feedback.FeedbackStatus;
import se.esam.lifecycle.feedback.FeedbackType;
import se.esam.lifecycle.feedback.Priority;
import se.esam.lifecycle.feedback.internal.FeedbackProcess;
import se.esam.lifecycle.feedback.internal.FeedbackProcess.TriageDecisions;
import se.esam.lifecycle.guidance.GuidanceCatalogue;
import se.esam.lifecycle.identity.Directory;
import se.esam.lifecycle.identity.Roles;
import se.esam.lifecycle.review.internal.PeriodicReviewProcess;
import se.esam.lifecycle.revision.internal.RevisionProcess;
import se.esam.lifecycle.revision.internal.RevisionProcess.Decisions;
import se.esam.lifecycle.revision.internal.RevisionProcess.Elements;
import se.esam.lifecycle.revision.internal.RevisionProcess.Vars;
import se.esam.lifecycle.support.EngineClock;
import se.esam.lifecycle.support.People;
import se.esam.lifecycle.support.ProcessCoverageFloor;
import se.esam.lifecycle.support.ProcessTestWorld;
import se.esam.lifecycle.support.TestEnvironment;
import se.esam.lifecycle.support.TestSmtp;
import se.esam.lifecycle.system.ForbiddenException;
import se.esam.lifecycle.system.InvalidInputException;

/**
 * Walks every path of {@code processes/guidance-revision.bpmn} in the real application: engine, H2,
 * demo identities and an SMTP server that receives the mails. Feedback reaches a revision the way it
 * does in production, through {@code guidance-feedback.bpmn}: submitted, triaged and accepted (or held)
 * by people signed in as themselves. The process clock is fixed, and the consultation timer fires when
 * the test moves the clock past the end of the window.
 */
@SpringBootTest(webEnvironment = WebEnvironment.MOCK)
@TestEnvironment
@Import(ProcessEngineCoverageConfiguration.class)
class RevisionProcessTest {

    /** The build fails below {@link ProcessCoverageFloor#MINIMUM_CLASS_COVERAGE} of the diagram walked. */
    @TestConfiguration(proxyBeanMethods = false)
    static class ProcessCoverage {

        @Bean
        @Primary
        ProcessEngineCoverageProperties processEngineCoverageProperties() {
            // feedback is driven here only to get accepted and held items: that process has its own test
            return ProcessCoverageFloor.measuredElsewhere(FeedbackProcess.KEY, PeriodicReviewProcess.KEY);
        }
    }

    static final TestSmtp smtp = new TestSmtp();

    @RegisterExtension
    static final GreenMailExtension mailServer = smtp.server();

    @DynamicPropertySource
    static void environment(DynamicPropertyRegistry registry) {
        smtp.configure(registry);
    }

    // people and groups of config/demo/identity.yaml
    private static final String ANNA = People.ANNA.id(); // submitter at Pensionsmyndigheten
    private static final String ANNA_MAIL = "anna@pensionsmyndigheten.example";
    private static final String OLOF = People.OLOF.id(); // submitter at Kronofogden
    private static final String OLOF_MAIL = "olof@kronofogden.example";
    private static final String OLOFS_ORGANISATION = "Kronofogden";
    private static final String KARIN = People.KARIN.id(); // kansli
    private static final String ERIK = People.ERIK.id(); // expert-architecture
    private static final String LENA = People.LENA.id(); // expert-law
    private static final String PER = People.PER.id(); // expert-architecture and chief-architect
    private static final String MARIA = People.MARIA.id(); // chief-architect
    private static final String STINA = People.STINA.id(); // steering-group
    private static final String ARCHITECTURE_GROUP = "expert-architecture";
    private static final String LAW_GROUP = "expert-law";
    private static final String CHIEF_ARCHITECT = "chief-architect";
    private static final String STEERING_GROUP = "steering-group";

    /** A document of config/catalogue.yaml, the version and section feedback is given on, and who reviews it. */
    record Guidance(
            String id, String version, String section, String owningGroup, String reviewer, String otherReviewer) {}

    private static final Guidance DIGITAL_SAMVERKAN =
            new Guidance("digital-samverkan", "4.1", "2.1", ARCHITECTURE_GROUP, ERIK, PER);
    private static final Guidance BEHOVSDRIVEN_UTVECKLING =
            new Guidance("behovsdriven-utveckling", "1.0", "2", ARCHITECTURE_GROUP, ERIK, PER);
    private static final Guidance MOLNTJANSTER_RATTSLIGT =
            new Guidance("molntjanster-rattsligt-uttalande", "1.0", "2", LAW_GROUP, LENA, LENA);
    /** The sections of Digital samverkan 4.1, in order. */
    private static final List<String> DIGITAL_SAMVERKAN_SECTIONS = List.of("1", "2", "2.1", "3", "4", "5");

    private static final String MINOR_VERSION = "4.2";
    private static final String MAJOR_VERSION = "5.0";

    /** 09:00 in Stockholm, weeks from a change to or from daylight-saving time. */
    private static final Instant NOW = Instant.parse("2026-05-04T07:00:00Z");
    // config/application.yaml guidance.revision.consultation-period
    private static final int CONSULTATION_DAYS = 28;

    // keys of the rows of the lists in processes/draft-revision.form
    private static final String SECTION_ID = "sectionId";
    private static final String TITLE = "title";
    private static final String BODY = "body";
    private static final String REFERENCE = "reference";
    private static final String TYPE = "type";
    private static final String ORGANISATION = "organisation";
    private static final String TRACE = "trace";
    private static final String TRACE_SECTION = "traceSection";
    private static final String TRACE_REASON = "traceReason";

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    ProcessEngine processEngine;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    TaskService taskService;

    @Autowired
    HistoryService historyService;

    @Autowired
    IdentityService identityService;

    @Autowired
    RevisionService revisionService;

    @Autowired
    GuidanceCatalogue catalogue;

    @Autowired
    Directory directory;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void fixTheClockAndStartFromNoRevisionsAndNoFeedback() throws FolderException {
        ProcessTestWorld.begin(processEngine, NOW, mailServer);
        forgetEarlierRevisionsAndFeedback();
    }

    @AfterEach
    void resetClockAndSignOut() {
        ProcessTestWorld.end(processEngine);
    }

    // opening a revision

    @Test
    void acceptedFeedbackOpensARevisionForTheOwningGroupToDraftFromTheCurrentText() {
        Submitted feedback = feedbackInReview(ANNA, DIGITAL_SAMVERKAN);

        accept(feedback);

        ProcessInstance revision = revisionOf(DIGITAL_SAMVERKAN);
        Revision stored = stored(revision);
        assertThat(revision.getBusinessKey()).isEqualTo(stored.label()).matches("REV-\\d+");
        assertThat(revision)
                .hasPassed(Elements.REQUESTED, Elements.OPEN)
                .hasNotPassed(Elements.STARTED_BY_HAND)
                .isWaitingAt(Elements.DRAFT)
                .variables()
                .containsEntry(Vars.REVISION_ID, stored.label())
                .containsEntry(Vars.GUIDANCE_ID, DIGITAL_SAMVERKAN.id())
                .containsEntry(Vars.GUIDANCE_TITLE, "Digital samverkan")
                .containsEntry(Vars.BASE_VERSION, DIGITAL_SAMVERKAN.version())
                .containsEntry(Vars.OWNING_GROUP, ARCHITECTURE_GROUP)
                .containsEntry(Vars.CONSULTATION_HELD, false)
                .containsEntry(Vars.FEEDBACK_REFERENCE, feedback.reference());
        assertThat(task(Elements.DRAFT, revision))
                .hasCandidateGroup(ARCHITECTURE_GROUP)
                .isNotAssigned();
        assertThat(taskQuery()
                        .taskId(task(Elements.DRAFT, revision).getId())
                        .taskCandidateGroup(LAW_GROUP)
                        .count())
                .isZero();
        assertThat(sectionsOf(revision))
                .extracting(row -> row.get(SECTION_ID), row -> row.get(TITLE), row -> row.get(BODY))
                .containsExactlyElementsOf(publishedSections(DIGITAL_SAMVERKAN.id(), DIGITAL_SAMVERKAN.version()));
        assertThat(sectionsOf(revision))
                .extracting(row -> row.get(SECTION_ID))
                .containsExactlyElementsOf(DIGITAL_SAMVERKAN_SECTIONS);
        assertThat(sectionsOf(revision))
                .filteredOn(row -> DIGITAL_SAMVERKAN.section().equals(row.get(SECTION_ID)))
                .singleElement()
                .extracting(row -> row.get(BODY))
                .asString()
                .startsWith("Samma information ska beskrivas");
        assertThat(itemsOf(revision)).singleElement().satisfies(item -> {
            assertThat(item)
                    .containsEntry(REFERENCE, feedback.reference())
                    .containsEntry(ORGANISATION, "Pensionsmyndigheten")
                    .containsEntry(TYPE, FeedbackType.ERROR.label())
                    .containsEntry(TRACE_SECTION, DIGITAL_SAMVERKAN.section());
            assertThat(item.get(TRACE)).isNull();
        });
        assertThat(stored.status()).isEqualTo(RevisionStatus.DRAFTING);
        assertThat(stored.baseVersion()).isEqualTo(DIGITAL_SAMVERKAN.version());
        assertThat(stored.processInstanceId()).isEqualTo(revision.getId());
        assertThat(stored.openedAt()).isEqualTo(NOW);
        assertThat(revisionService.items(stored.id()))
                .extracting(Revision.Item::reference)
                .containsExactly(feedback.reference());
        assertThat(statusOf(feedback)).isEqualTo(FeedbackStatus.IN_REVISION);
        assertThat(feedback.process()).isWaitingAt(FeedbackProcess.Elements.AWAIT_REVISION);
    }

    @ParameterizedTest(name = "on {0}")
    @MethodSource("documentsToRaceOn")
    void twoAcceptancesAtTheSameMomentOpenOneRevisionThatHoldsBoth(Guidance guidance) throws InterruptedException {
        Submitted first = feedbackInReview(ANNA, guidance);
        Submitted second = feedbackInReview(OLOF, guidance);
        Task firstReview = task(FeedbackProcess.Elements.REVIEW, first.process());
        Task secondReview = task(FeedbackProcess.Elements.REVIEW, second.process());
        CyclicBarrier together = new CyclicBarrier(2);
        List<Throwable> failures = new CopyOnWriteArrayList<>();

        Thread one = new Thread(() -> acceptTogether(together, guidance.reviewer(), firstReview, failures));
        Thread other = new Thread(() -> acceptTogether(together, guidance.otherReviewer(), secondReview, failures));
        one.start();
        other.start();
        one.join(TimeUnit.MINUTES.toMillis(2));
        other.join(TimeUnit.MINUTES.toMillis(2));

        assertThat(one.isAlive() || other.isAlive())
                .as("both reviews have been completed")
                .isFalse();
        assertThat(failures).as("neither acceptance failed").isEmpty();
        List<ProcessInstance> revisions = runtimeService
                .createProcessInstanceQuery()
                .processDefinitionKey(RevisionProcess.KEY)
                .variableValueEquals(Vars.GUIDANCE_ID, guidance.id())
                .list();
        assertThat(revisions).as("one revision process for the document").hasSize(1);
        assertThat(numberOfRevisionsOf(guidance))
                .as("one stored revision of the document")
                .isOne();
        ProcessInstance revision = revisions.get(0);
        Revision stored = stored(revision);
        assertThat(revisionService.openFor(guidance.id())).map(Revision::id).contains(stored.id());
        assertThat(revisionService.items(stored.id()))
                .extracting(Revision.Item::reference)
                .containsExactlyInAnyOrder(first.reference(), second.reference());
        assertThat(itemsOf(revision))
                .extracting(row -> row.get(REFERENCE))
                .containsExactlyInAnyOrder(first.reference(), second.reference());
        // the first to take the document's lock opens the revision, the other joins it
        assertThat(timesPassed(revision, Elements.REQUESTED)).isOne();
        assertThat(timesPassed(revision, Elements.FEEDBACK_JOINED)).isOne();
        assertThat(timesPassed(revision, Elements.FEEDBACK_ADDED)).isOne();
        assertThat(revision).isWaitingAt(Elements.DRAFT);
        assertThat(taskQuery().processInstanceId(revision.getId()).list())
                .singleElement()
                .satisfies(draft ->
                        assertThat(draft).hasDefinitionKey(Elements.DRAFT).hasCandidateGroup(guidance.owningGroup()));
        for (Submitted feedback : List.of(first, second)) {
            assertThat(statusOf(feedback)).isEqualTo(FeedbackStatus.IN_REVISION);
            assertThat(feedback.process()).isWaitingAt(FeedbackProcess.Elements.AWAIT_REVISION);
        }
    }

    static Stream<Named<Guidance>> documentsToRaceOn() {
        return Stream.of(DIGITAL_SAMVERKAN, BEHOVSDRIVEN_UTVECKLING, MOLNTJANSTER_RATTSLIGT)
                .map(guidance -> Named.of(guidance.id(), guidance));
    }

    @Test
    void feedbackAcceptedWhileTheRevisionIsDraftedJoinsIt() {
        Submitted opening = feedbackInReview(ANNA, DIGITAL_SAMVERKAN);
        Submitted joining = feedbackInReview(OLOF, DIGITAL_SAMVERKAN);
        accept(opening);
        ProcessInstance revision = revisionOf(DIGITAL_SAMVERKAN);
        Task draft = task(Elements.DRAFT, revision);

        accept(joining);

        assertThat(revision)
                .hasPassed(Elements.FEEDBACK_JOINED, Elements.ADD_FEEDBACK, Elements.FEEDBACK_ADDED)
                .isWaitingAt(Elements.DRAFT);
        assertThat(task(Elements.DRAFT, revision)).hasId(draft.getId());
        assertThat(itemsOf(revision))
                .extracting(row -> row.get(REFERENCE))
                .containsExactly(opening.reference(), joining.reference());
        assertThat(revisionService.items(stored(revision).id()))
                .extracting(Revision.Item::reference)
                .containsExactly(opening.reference(), joining.reference());
        assertThat(statusOf(joining)).isEqualTo(FeedbackStatus.IN_REVISION);
        assertThat(numberOfRevisionsOf(DIGITAL_SAMVERKAN)).isOne();
    }

    @Test
    void heldFeedbackWaitsWithoutARevisionAndJoinsTheOneTheExpertGroupStartsByHand() {
        Submitted held = feedbackInReview(OLOF, DIGITAL_SAMVERKAN);

        hold(held);

        assertThat(statusOf(held)).isEqualTo(FeedbackStatus.HELD_FOR_NEXT_REVISION);
        assertThat(held.process()).isWaitingAt(FeedbackProcess.Elements.AWAIT_REVISION);
        assertThat(revisionsRunningFor(DIGITAL_SAMVERKAN)).isZero();
        assertThat(revisionService.openFor(DIGITAL_SAMVERKAN.id())).isEmpty();

        ProcessInstance revision = startByHand(ERIK, DIGITAL_SAMVERKAN);

        assertThat(revision)
                .hasPassed(Elements.STARTED_BY_HAND, Elements.OPEN)
                .hasNotPassed(Elements.REQUESTED)
                .isWaitingAt(Elements.DRAFT);
        assertThat(task(Elements.DRAFT, revision)).hasCandidateGroup(ARCHITECTURE_GROUP);
        assertThat(itemsOf(revision)).extracting(row -> row.get(REFERENCE)).containsExactly(held.reference());
        assertThat(revisionService.items(stored(revision).id()))
                .extracting(Revision.Item::reference)
                .containsExactly(held.reference());
        assertThat(statusOf(held)).isEqualTo(FeedbackStatus.IN_REVISION);
    }

    @Test
    void heldFeedbackJoinsTheRevisionThatTheNextAcceptanceOpens() {
        Submitted held = feedbackInReview(OLOF, DIGITAL_SAMVERKAN);
        Submitted accepted = feedbackInReview(ANNA, DIGITAL_SAMVERKAN);
        hold(held);

        accept(accepted);

        ProcessInstance revision = revisionOf(DIGITAL_SAMVERKAN);
        assertThat(revision).hasPassed(Elements.REQUESTED, Elements.OPEN).hasNotPassed(Elements.FEEDBACK_JOINED);
        assertThat(itemsOf(revision))
                .extracting(row -> row.get(REFERENCE))
                .containsExactly(held.reference(), accepted.reference());
        assertThat(statusOf(held)).isEqualTo(FeedbackStatus.IN_REVISION);
        assertThat(statusOf(accepted)).isEqualTo(FeedbackStatus.IN_REVISION);
    }

    @Test
    void aSecondRevisionOfADocumentWithAnOpenOneCannotBeStartedByHand() {
        accept(feedbackInReview(ANNA, DIGITAL_SAMVERKAN));
        ProcessInstance open = revisionOf(DIGITAL_SAMVERKAN);

        assertRefused(Vars.GUIDANCE_ID, () -> startByHand(ERIK, DIGITAL_SAMVERKAN));

        assertThat(revisionsRunningFor(DIGITAL_SAMVERKAN)).isOne();
        assertThat(revisionOf(DIGITAL_SAMVERKAN).getId()).isEqualTo(open.getId());
        assertThat(numberOfRevisionsOf(DIGITAL_SAMVERKAN)).isOne();
    }

    @Test
    void onlyExpertGroupsStartARevisionByHand() {
        for (String outsider : List.of(ANNA, KARIN, MARIA)) {
            assertThatThrownBy(() -> startByHand(outsider, DIGITAL_SAMVERKAN))
                    .as(outsider)
                    .isInstanceOf(AuthorizationException.class);
        }

        assertThat(revisionsRunningFor(DIGITAL_SAMVERKAN)).isZero();
        assertThat(numberOfRevisionsOf(DIGITAL_SAMVERKAN)).isZero();
    }

    @Test
    void onlyTheOwningExpertGroupStartsARevisionOfItsDocument() {
        assertForbidden(() -> startByHand(LENA, DIGITAL_SAMVERKAN));

        assertThat(revisionsRunningFor(DIGITAL_SAMVERKAN)).isZero();
        assertThat(startByHand(ERIK, DIGITAL_SAMVERKAN)).isWaitingAt(Elements.DRAFT);
    }

    @Test
    void feedbackAcceptedAfterDraftingIsTakenUpByTheNextRevisionWhichItsPublicationOpens() {
        Submitted early = feedbackInReview(ANNA, DIGITAL_SAMVERKAN);
        Submitted late = feedbackInReview(OLOF, DIGITAL_SAMVERKAN);
        accept(early);
        ProcessInstance revision = revisionOf(DIGITAL_SAMVERKAN);
        draftAs(ERIK, revision, ChangeClass.EDITORIAL.name());
        assertThat(revision).isWaitingAt(Elements.QUALITY_REVIEW);

        accept(late);

        assertThat(revision).hasNotPassed(Elements.FEEDBACK_JOINED).isWaitingAt(Elements.QUALITY_REVIEW);
        assertThat(revisionService.items(stored(revision).id()))
                .extracting(Revision.Item::reference)
                .containsExactly(early.reference());
        assertThat(statusOf(late)).isEqualTo(FeedbackStatus.ACCEPTED_AWAITING_REVISION);
        assertThat(late.process()).isWaitingAt(FeedbackProcess.Elements.AWAIT_REVISION);

        qualityReviewAs(KARIN, revision, Decisions.APPROVE, null);
        approveAs(MARIA, revision);

        assertThat(revision).hasPassed(Elements.PUBLISHED).isEnded();
        assertThat(early.process())
                .hasPassed(FeedbackProcess.Elements.END_ANSWERED)
                .isEnded();
        assertThat(late.process()).isWaitingAt(FeedbackProcess.Elements.AWAIT_REVISION);
        assertThat(timesPassed(late.process(), FeedbackProcess.Elements.NOTIFY_PUBLICATION))
                .isZero();
        assertThat(publicationMailsFor(late)).isEmpty();

        // the publication opens the next revision for the feedback accepted after this one's drafting
        ProcessInstance next = revisionOf(DIGITAL_SAMVERKAN);
        assertThat(next.getId()).isNotEqualTo(revision.getId());
        assertThat(next).isWaitingAt(Elements.DRAFT).variables().containsEntry(Vars.BASE_VERSION, MINOR_VERSION);
        assertThat(itemsOf(next)).extracting(row -> row.get(REFERENCE)).containsExactly(late.reference());
        assertThat(statusOf(late)).isEqualTo(FeedbackStatus.IN_REVISION);
    }

    // drafting

    @Test
    void draftThatLeavesAnItemUntracedIsRefusedAndDraftingStaysOpen() {
        Submitted traced = feedbackInReview(ANNA, DIGITAL_SAMVERKAN);
        Submitted untraced = feedbackInReview(OLOF, DIGITAL_SAMVERKAN);
        accept(traced);
        accept(untraced);
        ProcessInstance revision = revisionOf(DIGITAL_SAMVERKAN);
        Task draft = task(Elements.DRAFT, revision);

        assertRefused(
                Vars.ITEMS,
                () -> completeAs(ERIK, draft, draft(revision, ChangeClass.EDITORIAL.name(), item -> {
                    if (untraced.reference().equals(item.get(REFERENCE))) {
                        item.put(TRACE, null);
                    }
                })));

        assertDraftingStillOpen(revision, draft);
        assertThat(revisionService.items(stored(revision).id()))
                .extracting(Revision.Item::trace)
                .containsOnlyNulls();
    }

    @Test
    void itemThatJoinsWhileTheDraftIsWrittenMustBeTracedBeforeDraftingEnds() {
        Submitted opening = feedbackInReview(ANNA, DIGITAL_SAMVERKAN);
        Submitted joining = feedbackInReview(OLOF, DIGITAL_SAMVERKAN);
        accept(opening);
        ProcessInstance revision = revisionOf(DIGITAL_SAMVERKAN);
        Task draft = task(Elements.DRAFT, revision);
        Map<String, Object> writtenBeforeTheJoin = draft(revision, ChangeClass.EDITORIAL.name(), item -> {});

        accept(joining);

        assertRefused(Vars.ITEMS, () -> completeAs(ERIK, draft, writtenBeforeTheJoin));
        assertDraftingStillOpen(revision, draft);
        assertThat(itemsOf(revision))
                .extracting(row -> row.get(REFERENCE))
                .containsExactly(opening.reference(), joining.reference());

        draftAs(ERIK, revision, ChangeClass.EDITORIAL.name());

        assertThat(revision).isWaitingAt(Elements.QUALITY_REVIEW);
        assertThat(revisionService.items(stored(revision).id()))
                .extracting(Revision.Item::reference, Revision.Item::trace)
                .containsExactly(
                        tuple(opening.reference(), Revision.Trace.ANSWERED),
                        tuple(joining.reference(), Revision.Trace.ANSWERED));
    }

    @Test
    void itemAnsweredByAChangeMustNameASectionOfTheDraft() {
        accept(feedbackInReview(ANNA, DIGITAL_SAMVERKAN));
        ProcessInstance revision = revisionOf(DIGITAL_SAMVERKAN);
        Task draft = task(Elements.DRAFT, revision);

        assertRefused(
                Vars.ITEMS,
                () -> completeAs(
                        ERIK,
                        draft,
                        draft(revision, ChangeClass.EDITORIAL.name(), item -> item.put(TRACE_SECTION, "9.9"))));
        assertRefused(
                Vars.ITEMS,
                () -> completeAs(
                        ERIK,
                        draft,
                        draft(revision, ChangeClass.EDITORIAL.name(), item -> item.put(TRACE_SECTION, " "))));

        assertDraftingStillOpen(revision, draft);
    }

    @Test
    void itemThatIsNotAddressedNeedsAReason() {
        accept(feedbackInReview(ANNA, DIGITAL_SAMVERKAN));
        ProcessInstance revision = revisionOf(DIGITAL_SAMVERKAN);
        Task draft = task(Elements.DRAFT, revision);

        assertRefused(
                Vars.ITEMS,
                () -> completeAs(
                        ERIK, draft, draft(revision, ChangeClass.EDITORIAL.name(), item -> notAddressed(item, " "))));

        assertDraftingStillOpen(revision, draft);
    }

    // the editorial lane

    @Test
    void editorialRevisionIsApprovedByTheChiefArchitectAndAnswersEveryWaitingFeedbackOnceInANewMinorVersion() {
        Submitted held = feedbackInReview(OLOF, DIGITAL_SAMVERKAN);
        Submitted opening = feedbackInReview(ANNA, DIGITAL_SAMVERKAN);
        Submitted joining = feedbackInReview(ANNA, DIGITAL_SAMVERKAN);
        hold(held);
        accept(opening);
        ProcessInstance revision = revisionOf(DIGITAL_SAMVERKAN);
        accept(joining);
        long id = stored(revision).id();
        String heldReason = "Frågan om gemensamma begrepp tas upp i nästa innehållsliga revision.";

        draftAs(ERIK, revision, draft(revision, ChangeClass.EDITORIAL.name(), item -> {
            if (held.reference().equals(item.get(REFERENCE))) {
                notAddressed(item, heldReason);
            }
        }));

        assertThat(revision)
                .hasPassed(Elements.CLASSIFY)
                .hasNotPassed(Elements.OPEN_CONSULTATION)
                .isWaitingAt(Elements.QUALITY_REVIEW)
                .variables()
                .containsEntry(Vars.APPROVER_GROUP, CHIEF_ARCHITECT)
                .containsEntry(Vars.VERSION_BUMP, "MINOR")
                .containsEntry(Vars.NEEDS_CONSULTATION, false)
                .containsEntry(Vars.NEW_VERSION, MINOR_VERSION);
        assertThat(task(Elements.QUALITY_REVIEW, revision)).hasCandidateGroup(Roles.KANSLI);
        Revision drafted = revisionService.get(id);
        assertThat(drafted.status()).isEqualTo(RevisionStatus.QUALITY_REVIEW);
        assertThat(drafted.changeClass()).isEqualTo(ChangeClass.EDITORIAL);
        assertThat(drafted.draftedBy()).containsExactly(ERIK);
        assertThat(drafted.newVersion()).isEqualTo(MINOR_VERSION);
        assertThat(revisionService.items(id))
                .extracting(
                        Revision.Item::reference,
                        Revision.Item::trace,
                        Revision.Item::traceSection,
                        Revision.Item::traceReason)
                .containsExactly(
                        tuple(held.reference(), Revision.Trace.NOT_ADDRESSED, null, heldReason),
                        tuple(opening.reference(), Revision.Trace.ANSWERED, DIGITAL_SAMVERKAN.section(), null),
                        tuple(joining.reference(), Revision.Trace.ANSWERED, DIGITAL_SAMVERKAN.section(), null));

        qualityReviewAs(KARIN, revision, Decisions.APPROVE, null);

        assertThat(revision).hasPassed(Elements.QUALITY_REVIEW).isWaitingAt(Elements.APPROVE);
        assertThat(task(Elements.APPROVE, revision))
                .hasCandidateGroup(CHIEF_ARCHITECT)
                .isNotAssigned();
        assertThat(taskQuery()
                        .taskId(task(Elements.APPROVE, revision).getId())
                        .taskCandidateGroup(STEERING_GROUP)
                        .count())
                .isZero();
        assertThat(revisionService.get(id).status()).isEqualTo(RevisionStatus.AWAITING_APPROVAL);

        approveAs(MARIA, revision);

        assertThat(revision)
                .hasPassed(Elements.APPROVE, Elements.PUBLISH, Elements.PUBLISHED)
                .isEnded();
        Revision published = revisionService.get(id);
        assertThat(published.status()).isEqualTo(RevisionStatus.PUBLISHED);
        assertThat(published.approvedBy()).isEqualTo(MARIA);
        assertThat(published.publishedAt()).isEqualTo(NOW);
        assertThat(revisionService.openFor(DIGITAL_SAMVERKAN.id())).isEmpty();
        assertThat(catalogue
                        .document(DIGITAL_SAMVERKAN.id())
                        .orElseThrow()
                        .currentVersion()
                        .number())
                .isEqualTo(MINOR_VERSION);
        assertThat(publishedVersion(DIGITAL_SAMVERKAN.id(), MINOR_VERSION))
                .containsEntry("change_class", ChangeClass.EDITORIAL.name())
                .containsEntry("change_notes", CHANGE_NOTES)
                .containsEntry("revision_id", id);
        assertThat(publishedSections(DIGITAL_SAMVERKAN.id(), MINOR_VERSION))
                .extracting(row -> row.toList().get(0))
                .containsExactlyElementsOf(DIGITAL_SAMVERKAN_SECTIONS);
        assertThat(publishedSections(DIGITAL_SAMVERKAN.id(), MINOR_VERSION))
                .filteredOn(
                        row -> DIGITAL_SAMVERKAN.section().equals(row.toList().get(0)))
                .singleElement()
                .extracting(row -> row.toList().get(2))
                .asString()
                .endsWith(AMENDMENT);
        assertThat(publishedDispositions(DIGITAL_SAMVERKAN.id(), MINOR_VERSION))
                .containsExactlyInAnyOrder(
                        tuple(
                                held.reference(),
                                Disposition.HELD.name(),
                                Revision.Trace.NOT_ADDRESSED.name(),
                                null,
                                heldReason),
                        tuple(
                                opening.reference(),
                                Disposition.ACCEPTED.name(),
                                Revision.Trace.ANSWERED.name(),
                                DIGITAL_SAMVERKAN.section(),
                                ACCEPTANCE_REASON),
                        tuple(
                                joining.reference(),
                                Disposition.ACCEPTED.name(),
                                Revision.Trace.ANSWERED.name(),
                                DIGITAL_SAMVERKAN.section(),
                                ACCEPTANCE_REASON));
        for (Submitted feedback : List.of(held, opening, joining)) {
            assertAnsweredOnceIn(feedback, MINOR_VERSION);
        }
        assertThat(publicationMailsFor(held))
                .singleElement()
                .satisfies(mail -> assertThat(mail.body()).contains(heldReason));
        assertThat(publicationMailsFor(opening))
                .singleElement()
                .satisfies(mail -> assertThat(mail.body()).contains("avsnitt " + DIGITAL_SAMVERKAN.section()));
    }

    // the substantive lane and its consultation

    @Test
    void substantiveDraftGoesOnConsultationForItsWindowAndComesBackToDraftingWithTheResponses() {
        accept(feedbackInReview(ANNA, DIGITAL_SAMVERKAN));
        ProcessInstance revision = revisionOf(DIGITAL_SAMVERKAN);
        long id = stored(revision).id();
        Instant ends = NOW.plus(CONSULTATION_DAYS, DAYS);

        draftAs(ERIK, revision, ChangeClass.SUBSTANTIVE.name());

        assertThat(revision)
                .hasPassed(Elements.CLASSIFY, Elements.OPEN_CONSULTATION)
                .isWaitingAt(Elements.CONSULTATION_CLOSES)
                .hasNotPassed(Elements.QUALITY_REVIEW)
                .variables()
                .containsEntry(Vars.APPROVER_GROUP, STEERING_GROUP)
                .containsEntry(Vars.VERSION_BUMP, "MAJOR")
                .containsEntry(Vars.NEEDS_CONSULTATION, true)
                .containsEntry(Vars.CONSULTATION_ENDS, Date.from(ends));
        assertThat(revisionService.get(id).status()).isEqualTo(RevisionStatus.IN_CONSULTATION);
        assertThat(revisionService.get(id).consultationEnds()).isEqualTo(ends);
        String label = stored(revision).label();
        for (String submitter : List.of(ANNA_MAIL, OLOF_MAIL)) {
            assertThat(smtp.subjectsTo(submitter))
                    .filteredOn(subject -> subject.startsWith("Remiss"))
                    .singleElement()
                    .asString()
                    .contains(label)
                    .contains("Digital samverkan");
        }

        revisionService.respondToConsultation(id, OLOFS_ORGANISATION, OLOF, "Avsnitt 2.1 bör ge ett exempel.");

        assertThat(revisionService.responses(id))
                .extracting(
                        Revision.ConsultationResponse::organisation,
                        Revision.ConsultationResponse::author,
                        Revision.ConsultationResponse::submittedAt)
                .containsExactly(tuple(OLOFS_ORGANISATION, OLOF, NOW));
        // registered on receipt, under the organisation, never the person
        assertThat(jdbc.sql("select kind, sender_organisation, sender_name, case_title, received_at "
                                + "from register_entry where case_reference = ?")
                        .param(label)
                        .query((rs, n) -> tuple(
                                rs.getString(1),
                                rs.getString(2),
                                rs.getString(3),
                                rs.getString(4),
                                rs.getTimestamp(5).toInstant()))
                        .list())
                .containsExactly(tuple(
                        "CONSULTATION_RESPONSE",
                        "org-kronofogden",
                        OLOFS_ORGANISATION,
                        "Remissvar på förslag till ny version av Digital samverkan 4.1 (" + label + ")",
                        NOW));
        Job window = job(Elements.CONSULTATION_CLOSES, revision);
        assertThat(window.getDuedate()).isEqualTo(Date.from(ends));
        assertThat(isDue(window)).isFalse();
        theClockReads(ends.minusSeconds(1));
        assertThat(isDue(window)).isFalse();

        theClockReads(ends.plusSeconds(1));
        assertThat(isDue(window)).isTrue();
        execute(window);

        assertThat(revision)
                .hasPassed(Elements.CONSULTATION_CLOSES, Elements.CLOSE_CONSULTATION)
                .isWaitingAt(Elements.DRAFT)
                .variables()
                .containsEntry(Vars.CONSULTATION_HELD, true)
                .extractingByKey(Vars.RESPONSES_SUMMARY)
                .asString()
                .contains(OLOFS_ORGANISATION + ": Avsnitt 2.1 bör ge ett exempel.");
        assertThat(task(Elements.DRAFT, revision)).hasCandidateGroup(ARCHITECTURE_GROUP);
        assertThat(revisionService.get(id).status()).isEqualTo(RevisionStatus.DRAFTING);

        draftAs(ERIK, revision, ChangeClass.SUBSTANTIVE.name());

        assertThat(timesPassed(revision, Elements.OPEN_CONSULTATION)).isOne();
        assertThat(timesPassed(revision, Elements.CLASSIFY)).isEqualTo(2);
        assertThat(revision)
                .isWaitingAt(Elements.QUALITY_REVIEW)
                .variables()
                .containsEntry(Vars.NEW_VERSION, MAJOR_VERSION);
        assertThat(revisionService.get(id).status()).isEqualTo(RevisionStatus.QUALITY_REVIEW);
    }

    @Test
    void consultationWithoutResponsesTellsTheDraftersThatNoneCameIn() {
        accept(feedbackInReview(ANNA, DIGITAL_SAMVERKAN));
        ProcessInstance revision = revisionOf(DIGITAL_SAMVERKAN);
        draftAs(ERIK, revision, ChangeClass.SUBSTANTIVE.name());

        theClockReads(NOW.plus(CONSULTATION_DAYS, DAYS).plusSeconds(1));
        execute(job(Elements.CONSULTATION_CLOSES, revision));

        assertThat(revision)
                .isWaitingAt(Elements.DRAFT)
                .variables()
                .containsEntry(Vars.RESPONSES_SUMMARY, "Inga remissvar kom in.");
    }

    @Test
    void consultationResponsesAreTakenOnlyWhileTheRevisionIsOnConsultation() {
        accept(feedbackInReview(ANNA, DIGITAL_SAMVERKAN));
        ProcessInstance revision = revisionOf(DIGITAL_SAMVERKAN);
        long id = stored(revision).id();

        assertRefused(
                "revision",
                () -> revisionService.respondToConsultation(
                        id, OLOFS_ORGANISATION, OLOF, "För tidigt: revisionen utarbetas fortfarande."));

        draftAs(ERIK, revision, ChangeClass.SUBSTANTIVE.name());
        assertRefused("response", () -> revisionService.respondToConsultation(id, OLOFS_ORGANISATION, OLOF, " "));
        theClockReads(NOW.plus(CONSULTATION_DAYS, DAYS).plusSeconds(1));
        // the window has closed even if the timer's job has not run yet
        assertRefused(
                "revision",
                () -> revisionService.respondToConsultation(
                        id, OLOFS_ORGANISATION, OLOF, "För sent, innan jobbet har körts."));
        execute(job(Elements.CONSULTATION_CLOSES, revision));

        assertRefused(
                "revision",
                () -> revisionService.respondToConsultation(
                        id, OLOFS_ORGANISATION, OLOF, "För sent: remisstiden har gått ut."));
        assertThat(revisionService.responses(id)).isEmpty();
        // a refused response is not registered either
        assertThat(jdbc.sql("select count(*) from register_entry where case_reference = ?")
                        .param(stored(revision).label())
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void substantiveRevisionIsApprovedByTheSteeringGroupAndPublishedAsANewMajorVersion() {
        Submitted feedback = feedbackInReview(ANNA, DIGITAL_SAMVERKAN);
        accept(feedback);
        ProcessInstance revision = revisionOf(DIGITAL_SAMVERKAN);
        draftAs(ERIK, revision, ChangeClass.SUBSTANTIVE.name());
        theClockReads(NOW.plus(CONSULTATION_DAYS, DAYS).plusSeconds(1));
        execute(job(Elements.CONSULTATION_CLOSES, revision));
        draftAs(ERIK, revision, ChangeClass.SUBSTANTIVE.name());

        qualityReviewAs(KARIN, revision, Decisions.APPROVE, null);

        assertThat(task(Elements.APPROVE, revision)).hasCandidateGroup(STEERING_GROUP);
        assertThat(taskQuery()
                        .taskId(task(Elements.APPROVE, revision).getId())
                        .taskCandidateGroup(CHIEF_ARCHITECT)
                        .count())
                .isZero();

        approveAs(STINA, revision);

        assertThat(revision).hasPassed(Elements.PUBLISH, Elements.PUBLISHED).isEnded();
        assertThat(catalogue
                        .document(DIGITAL_SAMVERKAN.id())
                        .orElseThrow()
                        .currentVersion()
                        .number())
                .isEqualTo(MAJOR_VERSION);
        assertThat(publishedVersion(DIGITAL_SAMVERKAN.id(), MAJOR_VERSION))
                .containsEntry("change_class", ChangeClass.SUBSTANTIVE.name());
        assertThat(revisionService.get(stored(revision).id()).approvedBy()).isEqualTo(STINA);
        assertAnsweredOnceIn(feedback, MAJOR_VERSION);
    }

    // returns to drafting

    @Test
    void qualityReviewAndApprovalSeeWhatTheDraftChangesAndWhoDraftedIt() {
        accept(feedbackInReview(ANNA, DIGITAL_SAMVERKAN));
        ProcessInstance revision = revisionOf(DIGITAL_SAMVERKAN);
        String before = sectionsOf(revision).stream()
                .filter(section -> DIGITAL_SAMVERKAN.section().equals(section.get(SECTION_ID)))
                .map(section -> (String) section.get(BODY))
                .findFirst()
                .orElseThrow();

        draftAs(ERIK, revision, ChangeClass.EDITORIAL.name());

        assertThat(revision).isWaitingAt(Elements.QUALITY_REVIEW);
        assertThat(sectionChangesOf(revision))
                .as("only the section the draft changed, with its text before and after")
                .extracting(
                        row -> row.get(SECTION_ID),
                        row -> row.get("change"),
                        row -> row.get("before"),
                        row -> row.get("after"))
                .containsExactly(tuple(DIGITAL_SAMVERKAN.section(), "Ändrad text", before, before + AMENDMENT));
        assertThat(runtimeService.getVariable(revision.getId(), Vars.DRAFTED_BY))
                .asString()
                .endsWith("(" + ERIK + ")");

        qualityReviewAs(KARIN, revision, Decisions.RETURN, "Ta bort ändringen i avsnitt 2.1 igen.");
        Map<String, Object> unchanged = draft(revision, ChangeClass.EDITORIAL.name(), item -> {});
        unchanged.put(
                Vars.SECTIONS,
                json(sectionsOf(revision).stream()
                        .map(section -> {
                            Map<String, Object> row = new LinkedHashMap<>(section);
                            if (DIGITAL_SAMVERKAN.section().equals(row.get(SECTION_ID))) {
                                row.put(BODY, before);
                            }
                            return (Map<String, Object>) row;
                        })
                        .toList()));
        draftAs(PER, revision, unchanged);

        assertThat(sectionChangesOf(revision))
                .as("marked afresh for the new draft")
                .isEmpty();
        assertThat(runtimeService.getVariable(revision.getId(), Vars.DRAFTED_BY))
                .asString()
                .contains("(" + ERIK + ")", "(" + PER + ")");
    }

    @Test
    void qualityReviewCanReturnTheRevisionToDraftingWithComments() {
        accept(feedbackInReview(ANNA, DIGITAL_SAMVERKAN));
        ProcessInstance revision = revisionOf(DIGITAL_SAMVERKAN);
        long id = stored(revision).id();
        draftAs(ERIK, revision, ChangeClass.EDITORIAL.name());

        qualityReviewAs(KARIN, revision, Decisions.RETURN, "Ändringsloggen nämner inte avsnitt 2.1.");

        assertThat(revision)
                .hasPassed(Elements.QUALITY_REVIEW)
                .isWaitingAt(Elements.DRAFT)
                .variables()
                .extractingByKey(Vars.RETURN_COMMENTS)
                .asString()
                .contains("Ändringsloggen nämner inte avsnitt 2.1.");
        assertThat(timesPassed(revision, Elements.QUALITY_REVIEW)).isOne();
        assertThat(task(Elements.DRAFT, revision)).hasCandidateGroup(ARCHITECTURE_GROUP);
        assertThat(revisionService.get(id).status()).isEqualTo(RevisionStatus.DRAFTING);

        draftAs(ERIK, revision, ChangeClass.EDITORIAL.name());

        assertThat(revision)
                .isWaitingAt(Elements.QUALITY_REVIEW)
                .hasNotPassed(Elements.APPROVE)
                .variables()
                .containsEntry(Vars.RETURN_COMMENTS, null)
                .containsEntry(Vars.NEW_VERSION, MINOR_VERSION);
        assertThat(revisionService.get(id).status()).isEqualTo(RevisionStatus.QUALITY_REVIEW);
    }

    @Test
    void qualityReviewReturnWithoutCommentsOrWithoutADecisionIsRefused() {
        accept(feedbackInReview(ANNA, DIGITAL_SAMVERKAN));
        ProcessInstance revision = revisionOf(DIGITAL_SAMVERKAN);
        draftAs(ERIK, revision, ChangeClass.EDITORIAL.name());
        Task review = task(Elements.QUALITY_REVIEW, revision);

        assertRefused(
                Vars.QUALITY_COMMENTS,
                () -> completeAs(
                        KARIN,
                        review,
                        withVariables(Vars.QUALITY_DECISION, Decisions.RETURN, Vars.QUALITY_COMMENTS, " ")));
        assertRefused(
                Vars.QUALITY_DECISION,
                () -> completeAs(KARIN, review, withVariables(Vars.QUALITY_COMMENTS, "Beslut saknas.")));

        assertThat(revision).isWaitingAt(Elements.QUALITY_REVIEW).hasNotPassed(Elements.QUALITY_REVIEW);
        assertThat(task(Elements.QUALITY_REVIEW, revision)).hasId(review.getId());
        assertThat(revisionService.get(stored(revision).id()).status()).isEqualTo(RevisionStatus.QUALITY_REVIEW);
    }

    @Test
    void secondQualityReviewDecidesAfreshRatherThanRepeatingTheFirst() {
        accept(feedbackInReview(ANNA, DIGITAL_SAMVERKAN));
        ProcessInstance revision = revisionOf(DIGITAL_SAMVERKAN);
        draftAs(ERIK, revision, ChangeClass.EDITORIAL.name());
        qualityReviewAs(KARIN, revision, Decisions.RETURN, "Ändringsloggen nämner inte avsnitt 2.1.");
        draftAs(ERIK, revision, ChangeClass.EDITORIAL.name());
        Task review = task(Elements.QUALITY_REVIEW, revision);

        assertRefused(Vars.QUALITY_DECISION, () -> completeAs(KARIN, review, Map.of()));

        assertThat(revision).isWaitingAt(Elements.QUALITY_REVIEW);
        assertThat(timesPassed(revision, Elements.QUALITY_REVIEW)).isOne();
    }

    @Test
    void secondApprovalDecidesAfreshRatherThanRepeatingTheFirst() {
        accept(feedbackInReview(ANNA, DIGITAL_SAMVERKAN));
        ProcessInstance revision = revisionOf(DIGITAL_SAMVERKAN);
        draftAs(ERIK, revision, ChangeClass.EDITORIAL.name());
        qualityReviewAs(KARIN, revision, Decisions.APPROVE, null);
        decideApprovalAs(MARIA, revision, Decisions.RETURN, "Motivera ändringen i avsnitt 2.1 tydligare.");
        draftAs(ERIK, revision, ChangeClass.EDITORIAL.name());
        qualityReviewAs(KARIN, revision, Decisions.APPROVE, null);
        Task approval = task(Elements.APPROVE, revision);

        assertRefused(Vars.APPROVAL_DECISION, () -> completeAs(MARIA, approval, Map.of()));

        assertThat(revision).isWaitingAt(Elements.APPROVE);
        assertThat(timesPassed(revision, Elements.APPROVE)).isOne();
    }

    @Test
    void approverCanReturnTheRevisionToDraftingWithComments() {
        accept(feedbackInReview(ANNA, DIGITAL_SAMVERKAN));
        ProcessInstance revision = revisionOf(DIGITAL_SAMVERKAN);
        long id = stored(revision).id();
        draftAs(ERIK, revision, ChangeClass.EDITORIAL.name());
        qualityReviewAs(KARIN, revision, Decisions.APPROVE, null);

        decideApprovalAs(MARIA, revision, Decisions.RETURN, "Motivera ändringen i avsnitt 2.1 tydligare.");

        assertThat(revision)
                .hasPassed(Elements.APPROVE)
                .hasNotPassed(Elements.PUBLISH)
                .isWaitingAt(Elements.DRAFT)
                .variables()
                .extractingByKey(Vars.RETURN_COMMENTS)
                .asString()
                .contains("Motivera ändringen i avsnitt 2.1 tydligare.");
        assertThat(revisionService.get(id).status()).isEqualTo(RevisionStatus.DRAFTING);
        assertThat(revisionService.get(id).approvedBy()).isNull();

        draftAs(ERIK, revision, ChangeClass.EDITORIAL.name());
        qualityReviewAs(KARIN, revision, Decisions.APPROVE, null);

        assertThat(revision).isWaitingAt(Elements.APPROVE);
        assertThat(timesPassed(revision, Elements.DRAFT)).isEqualTo(2);
        assertThat(revisionService.get(id).status()).isEqualTo(RevisionStatus.AWAITING_APPROVAL);
    }

    @Test
    void approverReturnWithoutCommentsIsRefused() {
        accept(feedbackInReview(ANNA, DIGITAL_SAMVERKAN));
        ProcessInstance revision = revisionOf(DIGITAL_SAMVERKAN);
        draftAs(ERIK, revision, ChangeClass.EDITORIAL.name());
        qualityReviewAs(KARIN, revision, Decisions.APPROVE, null);
        Task approval = task(Elements.APPROVE, revision);

        assertRefused(
                Vars.APPROVAL_COMMENTS,
                () -> completeAs(
                        MARIA,
                        approval,
                        withVariables(Vars.APPROVAL_DECISION, Decisions.RETURN, Vars.APPROVAL_COMMENTS, "")));

        assertThat(revision).isWaitingAt(Elements.APPROVE).hasNotPassed(Elements.APPROVE);
        assertThat(task(Elements.APPROVE, revision)).hasId(approval.getId());
        assertThat(revisionService.get(stored(revision).id()).status()).isEqualTo(RevisionStatus.AWAITING_APPROVAL);
    }

    // four eyes

    @Test
    void drafterWhoIsAlsoChiefArchitectMayNotClaimTheApproval() {
        ProcessInstance revision = editorialRevisionDraftedByPerAwaitingApproval();
        Task approval = task(Elements.APPROVE, revision);
        assertThat(idsOfTasksSeenBy(PER))
                .as("per is a candidate like any chief architect")
                .contains(approval.getId());

        assertForbidden(() -> claimAs(PER, approval));

        assertThat(task(Elements.APPROVE, revision)).hasId(approval.getId()).isNotAssigned();
        assertThat(revision).isWaitingAt(Elements.APPROVE);
    }

    @Test
    void drafterWhoIsAlsoChiefArchitectMayNotApproveButAnotherChiefArchitectMay() {
        ProcessInstance revision = editorialRevisionDraftedByPerAwaitingApproval();
        long id = stored(revision).id();
        Task approval = task(Elements.APPROVE, revision);

        assertForbidden(() -> completeAs(PER, approval, withVariables(Vars.APPROVAL_DECISION, Decisions.APPROVE)));

        assertThat(revision).isWaitingAt(Elements.APPROVE).hasNotPassed(Elements.APPROVE, Elements.PUBLISH);
        assertThat(task(Elements.APPROVE, revision)).hasId(approval.getId());
        assertThat(revisionService.get(id).status()).isEqualTo(RevisionStatus.AWAITING_APPROVAL);
        assertThat(revisionService.get(id).approvedBy()).isNull();

        approveAs(MARIA, revision);

        assertThat(revision).hasPassed(Elements.PUBLISHED).isEnded();
        assertThat(revisionService.get(id).approvedBy()).isEqualTo(MARIA);
        assertThat(revisionService.get(id).draftedBy()).containsExactly(PER);
    }

    @Test
    void whoeverDraftedAnyRoundMayNotApprove() {
        accept(feedbackInReview(ANNA, DIGITAL_SAMVERKAN));
        ProcessInstance revision = revisionOf(DIGITAL_SAMVERKAN);
        draftAs(PER, revision, ChangeClass.EDITORIAL.name());
        qualityReviewAs(KARIN, revision, Decisions.RETURN, "Ändringsloggen saknar motivering.");
        draftAs(ERIK, revision, ChangeClass.EDITORIAL.name());
        qualityReviewAs(KARIN, revision, Decisions.APPROVE, null);
        Task approval = task(Elements.APPROVE, revision);

        assertForbidden(() -> claimAs(PER, approval));
        assertForbidden(() -> completeAs(PER, approval, withVariables(Vars.APPROVAL_DECISION, Decisions.APPROVE)));

        assertThat(revision).isWaitingAt(Elements.APPROVE);
        assertThat(task(Elements.APPROVE, revision)).isNotAssigned();
        assertThat(revisionService.get(stored(revision).id()).draftedBy()).containsExactly(PER, ERIK);
    }

    // conflict of interest

    @Test
    void approverFromAnOrganisationWhoseFeedbackTheRevisionAnswersMayNotApproveButAnotherMay() {
        String frida = submitterAtTheOrganisationOf(PER);
        accept(feedbackInReview(frida, DIGITAL_SAMVERKAN));
        ProcessInstance revision = revisionOf(DIGITAL_SAMVERKAN);
        draftAs(ERIK, revision, ChangeClass.EDITORIAL.name());
        qualityReviewAs(KARIN, revision, Decisions.APPROVE, null);
        Task approval = task(Elements.APPROVE, revision);

        assertThatThrownBy(() -> claimAs(PER, approval))
                .satisfies(thrown -> assertThat(
                                causeOfType(thrown, ForbiddenException.class).getMessage())
                        .contains("jäv"));
        assertThatThrownBy(() -> completeAs(PER, approval, withVariables(Vars.APPROVAL_DECISION, Decisions.APPROVE)))
                .satisfies(thrown -> assertThat(
                                causeOfType(thrown, ForbiddenException.class).getMessage())
                        .contains("jäv"));
        assertThat(revision).isWaitingAt(Elements.APPROVE);
        assertThat(revisionService.get(stored(revision).id()).approvedBy()).isNull();

        approveAs(MARIA, revision);
        assertThat(revision).hasPassed(Elements.PUBLISHED).isEnded();
    }

    /** A submitter at the person's organisation (the demo has none at Lantmäteriet). */
    private String submitterAtTheOrganisationOf(String person) {
        String organisation = directory.organisationOf(person).orElseThrow().id();
        String submitter = "frida";
        if (identityService.createUserQuery().userId(submitter).count() == 0) {
            var user = identityService.newUser(submitter);
            user.setEmail("frida@" + organisation + ".example");
            identityService.saveUser(user);
            identityService.createMembership(submitter, Roles.SUBMITTERS);
            identityService.createMembership(submitter, organisation);
        }
        return submitter;
    }

    private ProcessInstance editorialRevisionDraftedByPerAwaitingApproval() {
        accept(feedbackInReview(ANNA, DIGITAL_SAMVERKAN));
        ProcessInstance revision = revisionOf(DIGITAL_SAMVERKAN);
        draftAs(PER, revision, ChangeClass.EDITORIAL.name());
        qualityReviewAs(KARIN, revision, Decisions.APPROVE, null);
        assertThat(revision).isWaitingAt(Elements.APPROVE);
        assertThat(task(Elements.APPROVE, revision)).hasCandidateGroup(CHIEF_ARCHITECT);
        return revision;
    }

    // feedback, as it reaches a revision

    /** A feedback item, its process and the document it is about. */
    record Submitted(ProcessInstance process, String reference, String submitterMail, Guidance guidance) {}

    private static final String ACCEPTANCE_REASON = "Avsnittet förtydligas i nästa version.";

    /** Submitted by the person, routed by the kansli to the group that owns the document. */
    private Submitted feedbackInReview(String submitter, Guidance guidance) {
        ProcessInstance process;
        signIn(submitter);
        try {
            process = runtimeService.startProcessInstanceByKey(
                    FeedbackProcess.KEY,
                    withVariables(
                            FeedbackProcess.Vars.GUIDANCE_ID, guidance.id(),
                            FeedbackProcess.Vars.GUIDANCE_VERSION, guidance.version(),
                            FeedbackProcess.Vars.SECTION_ID, guidance.section(),
                            FeedbackProcess.Vars.FEEDBACK_TYPE, FeedbackType.ERROR.name(),
                            FeedbackProcess.Vars.DESCRIPTION, "Avsnittet motsäger sig självt."));
        } finally {
            identityService.clearAuthentication();
        }
        completeAs(
                KARIN,
                task(FeedbackProcess.Elements.TRIAGE, process),
                withVariables(
                        FeedbackProcess.Vars.TRIAGE_DECISION, TriageDecisions.ROUTE,
                        FeedbackProcess.Vars.EXPERT_GROUP, guidance.owningGroup(),
                        FeedbackProcess.Vars.PRIORITY, Priority.NORMAL.name()));
        assertThat(process).isWaitingAt(FeedbackProcess.Elements.REVIEW);
        String reference = historyService
                .createHistoricProcessInstanceQuery()
                .processInstanceId(process.getId())
                .singleResult()
                .getBusinessKey();
        return new Submitted(process, reference, directory.emailOf(submitter).orElseThrow(), guidance);
    }

    private void accept(Submitted feedback) {
        review(feedback, Disposition.ACCEPTED, ACCEPTANCE_REASON);
    }

    private void hold(Submitted feedback) {
        review(feedback, Disposition.HELD, "Tas upp när vägledningen revideras nästa gång.");
    }

    /** The group that owns the document reviews. */
    private void review(Submitted feedback, Disposition disposition, String reason) {
        completeAs(
                feedback.guidance().reviewer(),
                task(FeedbackProcess.Elements.REVIEW, feedback.process()),
                withVariables(
                        FeedbackProcess.Vars.DISPOSITION,
                        disposition.name(),
                        FeedbackProcess.Vars.DISPOSITION_REASON,
                        reason));
        assertThat(feedback.process()).isWaitingAt(FeedbackProcess.Elements.AWAIT_REVISION);
    }

    /** Runs on its own thread, signed in as the reviewer, and starts when the other reviewer does. */
    private void acceptTogether(CyclicBarrier together, String reviewer, Task review, List<Throwable> failures) {
        try {
            identityService.setAuthentication(reviewer, directory.groupsOf(reviewer));
            together.await(1, TimeUnit.MINUTES);
            taskService.complete(
                    review.getId(),
                    withVariables(
                            FeedbackProcess.Vars.DISPOSITION,
                            Disposition.ACCEPTED.name(),
                            FeedbackProcess.Vars.DISPOSITION_REASON,
                            ACCEPTANCE_REASON));
        } catch (Throwable failure) {
            failures.add(failure);
        } finally {
            identityService.clearAuthentication();
        }
    }

    // the people in the revision

    private ProcessInstance startByHand(String user, Guidance guidance) {
        signIn(user);
        try {
            return runtimeService.startProcessInstanceByKey(
                    RevisionProcess.KEY, withVariables(Vars.GUIDANCE_ID, guidance.id()));
        } finally {
            identityService.clearAuthentication();
        }
    }

    private static final String CHANGE_NOTES = "Avsnitt 2.1 förtydligat efter inkomna synpunkter.";
    private static final String AMENDMENT = " Avvikelser beslutas av förvaltaren.";

    /**
     * The draft form as the drafter submits it: the lists it was given, with the amended text and
     * every item answered by a change in the section it is about, unless {@code change} says otherwise.
     */
    private Map<String, Object> draft(
            ProcessInstance revision, String changeClass, Consumer<Map<String, Object>> change) {
        List<Map<String, Object>> sections = new ArrayList<>();
        for (Map<String, Object> section : sectionsOf(revision)) {
            Map<String, Object> row = new LinkedHashMap<>(section);
            if (DIGITAL_SAMVERKAN.section().equals(row.get(SECTION_ID))) {
                row.put(BODY, row.get(BODY) + AMENDMENT);
            }
            sections.add(row);
        }
        List<Map<String, Object>> items = new ArrayList<>();
        for (Map<String, Object> item : itemsOf(revision)) {
            Map<String, Object> row = new LinkedHashMap<>(item);
            row.put(TRACE, Revision.Trace.ANSWERED.name());
            change.accept(row);
            items.add(row);
        }
        return withVariables(
                Vars.SECTIONS,
                json(sections),
                Vars.ITEMS,
                json(items),
                Vars.CHANGE_NOTES,
                CHANGE_NOTES,
                Vars.CHANGE_CLASS,
                changeClass);
    }

    private static void notAddressed(Map<String, Object> item, String reason) {
        item.put(TRACE, Revision.Trace.NOT_ADDRESSED.name());
        item.put(TRACE_SECTION, null);
        item.put(TRACE_REASON, reason);
    }

    private void draftAs(String drafter, ProcessInstance revision, String changeClass) {
        draftAs(drafter, revision, draft(revision, changeClass, item -> {}));
    }

    private void draftAs(String drafter, ProcessInstance revision, Map<String, Object> draft) {
        assertThat(revision).isWaitingAt(Elements.DRAFT);
        Task task = task(Elements.DRAFT, revision);
        claimAs(drafter, task);
        completeAs(drafter, task, draft);
    }

    private void qualityReviewAs(String user, ProcessInstance revision, String decision, String comments) {
        assertThat(revision).isWaitingAt(Elements.QUALITY_REVIEW);
        Map<String, Object> variables = withVariables(Vars.QUALITY_DECISION, decision);
        if (comments != null) {
            variables.put(Vars.QUALITY_COMMENTS, comments);
        }
        completeAs(user, task(Elements.QUALITY_REVIEW, revision), variables);
    }

    private void approveAs(String approver, ProcessInstance revision) {
        decideApprovalAs(approver, revision, Decisions.APPROVE, null);
    }

    /** As in Tasklist: the approver claims the task, then completes it. */
    private void decideApprovalAs(String approver, ProcessInstance revision, String decision, String comments) {
        assertThat(revision).isWaitingAt(Elements.APPROVE);
        Task approval = task(Elements.APPROVE, revision);
        claimAs(approver, approval);
        Map<String, Object> variables = withVariables(Vars.APPROVAL_DECISION, decision);
        if (comments != null) {
            variables.put(Vars.APPROVAL_COMMENTS, comments);
        }
        completeAs(approver, approval, variables);
    }

    private void claimAs(String user, Task task) {
        signIn(user);
        try {
            taskService.claim(task.getId(), user);
        } finally {
            identityService.clearAuthentication();
        }
    }

    private void completeAs(String user, Task task, Map<String, Object> variables) {
        signIn(user);
        try {
            complete(task, variables);
        } finally {
            identityService.clearAuthentication();
        }
    }

    /** As the web layer signs people in to the engine: with their groups, which the authorizations need. */
    private void signIn(String user) {
        identityService.setAuthentication(user, directory.groupsOf(user));
    }

    /** The tasks a user sees in Tasklist: the engine's authorizations decide. */
    private List<String> idsOfTasksSeenBy(String user) {
        signIn(user);
        try {
            return taskService.createTaskQuery().taskCandidateGroupIn(directory.groupsOf(user)).list().stream()
                    .map(Task::getId)
                    .toList();
        } finally {
            identityService.clearAuthentication();
        }
    }

    /** Lists go to the engine as Tasklist's forms send them: JSON. */
    private static JsonValue json(List<Map<String, Object>> rows) {
        try {
            return SpinValues.jsonValue(JSON.writeValueAsString(rows)).create();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    // reading what happened

    private ProcessInstance revisionOf(Guidance guidance) {
        return runtimeService
                .createProcessInstanceQuery()
                .processDefinitionKey(RevisionProcess.KEY)
                .variableValueEquals(Vars.GUIDANCE_ID, guidance.id())
                .singleResult();
    }

    private long revisionsRunningFor(Guidance guidance) {
        return runtimeService
                .createProcessInstanceQuery()
                .processDefinitionKey(RevisionProcess.KEY)
                .variableValueEquals(Vars.GUIDANCE_ID, guidance.id())
                .count();
    }

    private Revision stored(ProcessInstance revision) {
        String label = historyService
                .createHistoricProcessInstanceQuery()
                .processInstanceId(revision.getId())
                .singleResult()
                .getBusinessKey();
        return revisionService.get(Revision.idOf(label));
    }

    private List<Map<String, Object>> itemsOf(ProcessInstance revision) {
        return rows(revision, Vars.ITEMS);
    }

    private List<Map<String, Object>> sectionChangesOf(ProcessInstance revision) {
        return rows(revision, Vars.SECTION_CHANGES);
    }

    private List<Map<String, Object>> sectionsOf(ProcessInstance revision) {
        return rows(revision, Vars.SECTIONS);
    }

    /** A list variable as Tasklist's form reads it: plain JSON, whatever records the application wrote it from. */
    private List<Map<String, Object>> rows(ProcessInstance revision, String name) {
        try {
            return JSON.readValue(
                    runtimeService.getVariable(revision.getId(), name).toString(), new TypeReference<>() {});
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private void assertDraftingStillOpen(ProcessInstance revision, Task draft) {
        assertThat(revision).isWaitingAt(Elements.DRAFT).hasNotPassed(Elements.DRAFT, Elements.CLASSIFY);
        assertThat(task(Elements.DRAFT, revision)).hasId(draft.getId());
        Revision stored = stored(revision);
        assertThat(stored.status()).isEqualTo(RevisionStatus.DRAFTING);
        assertThat(stored.draftedBy()).isEmpty();
        assertThat(stored.changeNotes()).isNull();
    }

    /** Resumed by the publication exactly once: one pass through the notification, one mail. */
    private void assertAnsweredOnceIn(Submitted feedback, String version) {
        assertThat(feedback.process())
                .hasPassed(
                        FeedbackProcess.Elements.AWAIT_REVISION,
                        FeedbackProcess.Elements.NOTIFY_PUBLICATION,
                        FeedbackProcess.Elements.END_ANSWERED)
                .isEnded();
        assertThat(timesPassed(feedback.process(), FeedbackProcess.Elements.AWAIT_REVISION))
                .isOne();
        assertThat(timesPassed(feedback.process(), FeedbackProcess.Elements.NOTIFY_PUBLICATION))
                .isOne();
        assertThat(historyService
                        .createHistoricVariableInstanceQuery()
                        .processInstanceId(feedback.process().getId())
                        .variableName(FeedbackProcess.Vars.PUBLISHED_VERSION)
                        .singleResult()
                        .getValue())
                .isEqualTo(version);
        assertThat(statusOf(feedback)).isEqualTo(FeedbackStatus.ANSWERED_IN_VERSION);
        assertThat(publicationMailsFor(feedback))
                .singleElement()
                .extracting(Mail::subject)
                .asString()
                .contains(version);
    }

    private long timesPassed(ProcessInstance instance, String activityId) {
        return historyService
                .createHistoricActivityInstanceQuery()
                .processInstanceId(instance.getId())
                .activityId(activityId)
                .finished()
                .count();
    }

    private FeedbackStatus statusOf(Submitted feedback) {
        return FeedbackStatus.valueOf(jdbc.sql("select status from feedback where reference = ?")
                .param(feedback.reference())
                .query(String.class)
                .single());
    }

    private int numberOfRevisionsOf(Guidance guidance) {
        return jdbc.sql("select count(*) from revision where guidance_id = ?")
                .param(guidance.id())
                .query(Integer.class)
                .single();
    }

    private List<org.assertj.core.groups.Tuple> publishedSections(String guidanceId, String version) {
        return jdbc.sql("select section_id, title, body from guidance_section where document_id = ? "
                        + "and version_number = ? order by position")
                .params(guidanceId, version)
                .query((rs, n) -> tuple(rs.getString(1), rs.getString(2), rs.getString(3)))
                .list();
    }

    private Map<String, Object> publishedVersion(String guidanceId, String version) {
        return jdbc.sql("select change_class, change_notes, revision_id from guidance_version "
                        + "where document_id = ? and version_number = ?")
                .params(guidanceId, version)
                .query((rs, n) -> Map.<String, Object>of(
                        "change_class", rs.getString(1), "change_notes", rs.getString(2), "revision_id", rs.getLong(3)))
                .single();
    }

    private List<org.assertj.core.groups.Tuple> publishedDispositions(String guidanceId, String version) {
        return jdbc.sql("select feedback_reference, disposition, trace, trace_section, reason "
                        + "from published_disposition where document_id = ? and version_number = ?")
                .params(guidanceId, version)
                .query((rs, n) ->
                        tuple(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)))
                .list();
    }

    /** Whether the job executor would pick the job up now. */
    private static boolean isDue(Job job) {
        return jobQuery().jobId(job.getId()).executable().count() == 1;
    }

    private static void theClockReads(Instant instant) {
        EngineClock.at(instant);
    }

    private static void assertRefused(String field, Runnable action) {
        assertThatThrownBy(action::run)
                .satisfies(thrown -> assertThat(causeOfType(thrown, InvalidInputException.class))
                        .as("the refusal names the field at fault")
                        .extracting(InvalidInputException::field)
                        .isEqualTo(field));
    }

    private static void assertForbidden(Runnable action) {
        assertThatThrownBy(action::run)
                .satisfies(thrown -> assertThat(causeOfType(thrown, ForbiddenException.class))
                        .as("refused by the four-eyes rule")
                        .isNotNull());
    }

    private static <T extends Throwable> T causeOfType(Throwable thrown, Class<T> type) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        throw new AssertionError("Not refused with " + type.getSimpleName(), thrown);
    }

    /** A mail as the SMTP server received it. */
    private record Mail(List<String> to, String subject, String body) {

        static Mail of(MimeMessage message) {
            try {
                return new Mail(
                        Arrays.stream(message.getRecipients(RecipientType.TO))
                                .map(Object::toString)
                                .toList(),
                        message.getSubject(),
                        message.getContent().toString());
            } catch (MessagingException | IOException e) {
                throw new IllegalStateException("Unreadable mail", e);
            }
        }
    }

    /** The mails telling the submitter which version answers the feedback. */
    private static List<Mail> publicationMailsFor(Submitted feedback) {
        return Arrays.stream(mailServer.getReceivedMessages())
                .map(Mail::of)
                .distinct()
                .filter(mail -> mail.to().contains(feedback.submitterMail()))
                .filter(mail -> mail.subject().contains(feedback.reference())
                        && mail.subject().contains("är behandlad i version"))
                .toList();
    }

    // between tests

    /**
     * Each test starts as if no feedback had been given and no revision opened: the context (and its
     * database) is shared by the tests of this class, and one open revision per document, feedback
     * waiting for the next revision and published versions would otherwise carry over.
     */
    private void forgetEarlierRevisionsAndFeedback() {
        List<String> running = runtimeService.createProcessInstanceQuery().list().stream()
                .map(ProcessInstance::getId)
                .toList();
        if (!running.isEmpty()) {
            runtimeService.deleteProcessInstances(running, "next test", true, true);
        }
        jdbc.sql("delete from published_disposition").update();
        jdbc.sql("delete from guidance_section s where exists (select 1 from guidance_version v "
                        + "where v.document_id = s.document_id and v.version_number = s.version_number "
                        + "and v.revision_id is not null)")
                .update();
        jdbc.sql("delete from guidance_version where revision_id is not null").update();
        jdbc.sql("delete from consultation_response").update();
        jdbc.sql("delete from revision_item").update();
        jdbc.sql("delete from revision_section").update();
        jdbc.sql("delete from revision_event").update();
        jdbc.sql("delete from revision").update();
        jdbc.sql("delete from feedback_event").update();
        jdbc.sql("delete from feedback_endorsement").update();
        jdbc.sql("update feedback set duplicate_of = null").update();
        jdbc.sql("delete from feedback").update();
    }
}
