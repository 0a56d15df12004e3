package se.esam.lifecycle.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.store.FolderException;

import se.esam.lifecycle.feedback.internal.FeedbackProcess;
import se.esam.lifecycle.guidance.GuidancePublisher;
import se.esam.lifecycle.identity.Directory;
import se.esam.lifecycle.review.internal.PeriodicReviewProcess;
import se.esam.lifecycle.review.internal.PeriodicReviewProcess.Elements;
import se.esam.lifecycle.review.internal.PeriodicReviewProcess.Outcomes;
import se.esam.lifecycle.review.internal.PeriodicReviewProcess.Vars;
import se.esam.lifecycle.revision.RevisionPublished;
import se.esam.lifecycle.revision.internal.RevisionProcess;
import se.esam.lifecycle.support.EngineClock;
import se.esam.lifecycle.support.People;
import se.esam.lifecycle.support.ProcessCoverageFloor;
import se.esam.lifecycle.support.ProcessTestWorld;
import se.esam.lifecycle.support.TestEnvironment;
import se.esam.lifecycle.support.TestSmtp;
import se.esam.lifecycle.system.ForbiddenException;
import se.esam.lifecycle.system.InvalidInputException;

/**
 * Walks every path of {@code processes/guidance-periodic-review.bpmn} in the real application (engine, H2,
 * the demo catalogue and people, an SMTP server). The reviews are the ones the application started for the
 * catalogue's current versions; each test works on a document of its own, so the order of tests does not
 * matter. The clock is fixed and moved by the tests; the timers fire when a test executes their jobs.
 */
@SpringBootTest(webEnvironment = WebEnvironment.MOCK)
@TestEnvironment
@Import(ProcessEngineCoverageConfiguration.class)
class PeriodicReviewProcessTest {

    @TestConfiguration(proxyBeanMethods = false)
    static class ProcessCoverage {

        @Bean
        @Primary
        ProcessEngineCoverageProperties processEngineCoverageProperties() {
            // a review may open a revision: that process is measured by its own test
            return ProcessCoverageFloor.measuredElsewhere(FeedbackProcess.KEY, RevisionProcess.KEY);
        }
    }

    static final TestSmtp smtp = new TestSmtp();

    @RegisterExtension
    static final GreenMailExtension mailServer = smtp.server();

    @DynamicPropertySource
    static void environment(DynamicPropertyRegistry registry) {
        smtp.configure(registry);
    }

    /** 09:00 in Stockholm. */
    private static final Instant NOW = Instant.parse("2026-05-04T07:00:00Z");

    // config/catalogue.yaml: documents, their current versions, owning groups and publication dates
    private static final String DIGITAL_SAMVERKAN = "digital-samverkan"; // 4.1, 2025-06-10, architecture
    private static final String BEHOVSDRIVEN = "behovsdriven-utveckling"; // 1.0, 2023-11-02, architecture
    private static final String MOLN_RATTSLIGT = "molntjanster-rattsligt-uttalande"; // 1.0, 2023-05-22, 12 months
    private static final String MOLN_SAKERHET = "molntjanster-informationssakerhet"; // 2.0, 2024-09-30
    private static final String KLARSPRAK = "klarsprak-digitala-tjanster"; // 1.2, 2025-01-20, communication
    private static final String DATASKYDD = "dataskydd-informationsutbyte"; // 2.0, 2025-04-08, law

    // people of config/demo/identity.yaml
    private static final String ERIK = People.ERIK.id(); // expert-architecture
    private static final String LENA = People.LENA.id(); // expert-law
    private static final String IVAR = People.IVAR.id(); // expert-information-security
    private static final String ULLA_MAIL = "ulla@skr.example"; // expert-communication
    private static final String KARIN_MAIL = "karin@esamverka.example"; // kansli

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
    JdbcClient jdbc;

    @Autowired
    Directory directory;

    @Autowired
    PeriodicReviewStarter starter;

    @Autowired
    GuidancePublisher publisher;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transaction;

    @BeforeEach
    void fixTheClockAndEmptyTheMailboxes() throws FolderException {
        ProcessTestWorld.begin(processEngine, NOW, mailServer);
        // what start-up does outside tests (test.properties turns it off): once per version, so only the first
        // test starts anything
        starter.scheduleCurrentVersions();
    }

    @AfterEach
    void resetClockAndSignOut() {
        ProcessTestWorld.end(processEngine);
    }

    // start

    @Test
    void everyCurrentVersionOfTheCatalogueHasOneReviewFromStartUpAndStartingAgainAddsNone() {
        for (String key : List.of(
                "digital-samverkan/4.1",
                "behovsdriven-utveckling/1.0",
                "molntjanster-rattsligt-uttalande/1.0",
                // molntjanster-informationssakerhet/2.0 too, but the revision test disposes of its history
                "klarsprak-digitala-tjanster/1.2",
                "dataskydd-informationsutbyte/2.0")) {
            assertThat(reviewsEver(key)).as(key).isOne();
        }
        assertThat(reviewsEver("digital-samverkan/4.0")).as("an older version").isZero();
        // 24 months after publication (no test here changes this version's date)
        assertThat(reviewDue(KLARSPRAK, "1.2")).isEqualTo(LocalDate.of(2027, 1, 20));
        assertThat(reviewDue(MOLN_RATTSLIGT, "1.0"))
                .as("the document's own period of 12 months")
                .isEqualTo(LocalDate.of(2024, 5, 22));

        assertThat(starter.scheduleCurrentVersions()).isZero();

        assertThat(reviewsEver("digital-samverkan/4.1")).isOne();
        assertThat(reviewsEver("behovsdriven-utveckling/1.0")).isOne();
    }

    @Test
    void peopleCannotStartAReviewNotEvenAdministrators() {
        signIn("admin");
        assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey(PeriodicReviewProcess.KEY, "x/1.0"))
                .satisfies(thrown -> assertThat(causes(thrown)).hasAtLeastOneElementOfType(ForbiddenException.class));
        identityService.clearAuthentication();
        signIn(ERIK);
        assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey(
                        PeriodicReviewProcess.KEY, PeriodicReviewProcess.businessKey(DIGITAL_SAMVERKAN, "4.1")))
                .isInstanceOf(AuthorizationException.class);
        identityService.clearAuthentication();
        assertThat(reviewsEver("x/1.0")).isZero();
        assertThat(reviewsEver("digital-samverkan/4.1")).isOne();
    }

    // timer and still valid

    @Test
    void theTaskOpensSixtyDaysBeforeTheReviewDateAndStillValidPlansTheNextReview() {
        ProcessInstance review = reviewOf(DIGITAL_SAMVERKAN, "4.1");
        Job falling = timer(review, Elements.REVIEW_FALLS_DUE);
        // 2027-06-10 less 60 days is 2027-04-11, 00:00 in Stockholm (summer time): 2027-04-10 22:00 UTC
        theClockReads(Instant.parse("2027-04-10T21:59:59Z"));
        assertThat(isDue(falling)).isFalse();
        theClockReads(Instant.parse("2027-04-10T22:00:01Z"));
        assertThat(isDue(falling)).isTrue();

        execute(falling);

        assertThat(review).isWaitingAt(Elements.REVIEW);
        Task task = task(Elements.REVIEW, review);
        assertThat(task).hasCandidateGroup("expert-architecture").hasName("Periodisk översyn");
        assertThat(task.getDueDate()).isEqualTo(Date.from(Instant.parse("2027-06-09T22:00:00Z")));
        Map<String, Object> shown = runtimeService.getVariables(review.getId());
        assertThat(shown)
                .containsEntry(Vars.GUIDANCE_TITLE, "Digital samverkan")
                .containsEntry(Vars.GUIDANCE_VERSION, "4.1")
                .containsEntry(Vars.PUBLISHED_ON, "2025-06-10")
                .containsEntry(Vars.AGE, "1 år och 10 månader")
                .containsEntry(Vars.REVIEW_DUE_TEXT, "2027-06-10")
                .containsEntry(Vars.LAST_REVIEWED, "Aldrig")
                .containsEntry(Vars.OPEN_FEEDBACK, "Inga")
                .containsEntry(Vars.HELD_FEEDBACK, "Inga")
                .containsEntry(Vars.ENDORSEMENTS, "Instämmanden: inga")
                .containsEntry(Vars.NEXT_REVIEW_DATE, "2029-06-10");

        assertRefused(
                Vars.NEXT_REVIEW_DATE,
                () -> completeAs(
                        ERIK,
                        task,
                        withVariables(Vars.OUTCOME, Outcomes.STILL_VALID, Vars.NEXT_REVIEW_DATE, "2030-05-01")));
        assertThat(review).isWaitingAt(Elements.REVIEW);
        assertThat(lastReviewed(DIGITAL_SAMVERKAN, "4.1")).isNull();

        completeAs(ERIK, task, withVariables(Vars.OUTCOME, Outcomes.STILL_VALID, Vars.NEXT_REVIEW_DATE, "2029-04-01"));

        assertThat(review)
                .hasPassed(Elements.RECORD_STILL_VALID)
                .isWaitingAt(Elements.REVIEW_FALLS_DUE)
                .isNotEnded();
        assertThat(lastReviewed(DIGITAL_SAMVERKAN, "4.1")).isEqualTo(LocalDate.of(2027, 4, 11));
        assertThat(reviewDue(DIGITAL_SAMVERKAN, "4.1")).isEqualTo(LocalDate.of(2029, 4, 1));
        // the next round opens 60 days before the new date: 2029-01-31, winter time
        assertThat(timer(review, Elements.REVIEW_FALLS_DUE).getDuedate())
                .isEqualTo(Date.from(Instant.parse("2029-01-30T23:00:00Z")));
    }

    // reminder and escalation

    @Test
    void theGroupIsRemindedBeforeTheDateAndTheKansliToldAfterItWhileTheTaskStaysOpen() {
        ProcessInstance review = reviewOf(KLARSPRAK, "1.2");
        theClockReads(Instant.parse("2026-11-21T12:00:00Z"));
        execute(timer(review, Elements.REVIEW_FALLS_DUE));
        Task task = task(Elements.REVIEW, review);
        Job reminder = timer(review, Elements.REMINDER_DUE);
        Job overdue = timer(review, Elements.OVERDUE);
        assertThat(isDue(reminder)).isFalse();

        // due 2027-01-20, reminded 14 days before
        theClockReads(Instant.parse("2027-01-06T12:00:00Z"));
        assertThat(isDue(reminder)).isTrue();
        assertThat(isDue(overdue)).isFalse();
        execute(reminder);

        assertThat(review).hasPassed(Elements.REMIND, Elements.REMINDER_SENT).isWaitingAt(Elements.REVIEW);
        assertThat(smtp.subjectsTo(ULLA_MAIL)).singleElement().asString().contains("Klarspråk");
        assertThat(smtp.subjectsTo(KARIN_MAIL)).isEmpty();

        theClockReads(Instant.parse("2027-01-20T12:00:00Z"));
        assertThat(isDue(overdue)).isTrue();
        execute(overdue);

        assertThat(review).hasPassed(Elements.ESCALATE, Elements.ESCALATED).isWaitingAt(Elements.REVIEW);
        assertThat(smtp.subjectsTo(KARIN_MAIL)).singleElement().asString().startsWith("Försenad periodisk översyn");
        assertThat(task(Elements.REVIEW, review)).hasId(task.getId());
    }

    // open a revision

    @Test
    void openingARevisionStartsTheRevisionOfTheDocumentAndEndsTheReview() {
        ProcessInstance review = reviewOf(MOLN_SAKERHET, "2.0");
        theClockReads(Instant.parse("2026-08-01T12:00:00Z"));
        execute(timer(review, Elements.REVIEW_FALLS_DUE));

        completeAs(IVAR, task(Elements.REVIEW, review), withVariables(Vars.OUTCOME, Outcomes.OPEN_REVISION));

        assertThat(review)
                .hasPassed(Elements.REQUEST_REVISION, Elements.REVISION_REQUESTED)
                .isEnded();
        assertThat(runtimeService
                        .createProcessInstanceQuery()
                        .processDefinitionKey(RevisionProcess.KEY)
                        .variableValueEquals(RevisionProcess.Vars.GUIDANCE_ID, MOLN_SAKERHET)
                        .count())
                .isOne();
        assertThat(lastReviewed(MOLN_SAKERHET, "2.0")).isEqualTo(LocalDate.of(2026, 8, 1));
        assertThat(reviewDue(MOLN_SAKERHET, "2.0"))
                .as("the revision's version gets the next review")
                .isNull();

        // what is left once the engine's history of that review has been disposed of (retention)
        historyService.deleteHistoricProcessInstance(review.getId());
        assertThat(starter.scheduleCurrentVersions()).isZero();
        assertThat(reviewsEver(PeriodicReviewProcess.businessKey(MOLN_SAKERHET, "2.0")))
                .isZero();
    }

    // withdraw

    @Test
    void withdrawingNeedsAReasonAndMarksTheVersionWithdrawn() {
        ProcessInstance review = reviewOf(DATASKYDD, "2.0");
        theClockReads(Instant.parse("2027-02-07T12:00:00Z"));
        execute(timer(review, Elements.REVIEW_FALLS_DUE));
        Task task = task(Elements.REVIEW, review);

        assertRefused(
                Vars.WITHDRAW_REASON, () -> completeAs(LENA, task, withVariables(Vars.OUTCOME, Outcomes.WITHDRAW)));
        assertThat(review).isWaitingAt(Elements.REVIEW);
        assertThat(withdrawnOn(DATASKYDD, "2.0")).isNull();

        completeAs(
                LENA,
                task,
                withVariables(
                        Vars.OUTCOME,
                        Outcomes.WITHDRAW,
                        Vars.WITHDRAW_REASON,
                        "Ersatt av den nya dataskyddsförordningen."));

        assertThat(review).hasPassed(Elements.WITHDRAW, Elements.WITHDRAWN).isEnded();
        assertThat(withdrawnOn(DATASKYDD, "2.0")).isEqualTo(LocalDate.of(2027, 2, 7));
        assertThat(jdbc.sql(
                                "select withdrawn_reason from guidance_version where document_id = ? and version_number = ?")
                        .params(DATASKYDD, "2.0")
                        .query(String.class)
                        .single())
                .isEqualTo("Ersatt av den nya dataskyddsförordningen.");
    }

    @Test
    void anotherGroupCannotCompleteTheReview() {
        ProcessInstance review = reviewOf(MOLN_RATTSLIGT, "1.0");
        execute(timer(review, Elements.REVIEW_FALLS_DUE)); // due long ago: the task opens at once
        Task task = task(Elements.REVIEW, review);
        assertThat(task).hasCandidateGroup("expert-law");

        assertThatThrownBy(() -> completeAs(ERIK, task, withVariables(Vars.OUTCOME, Outcomes.OPEN_REVISION)))
                .isInstanceOf(AuthorizationException.class);

        assertThat(review).isWaitingAt(Elements.REVIEW);
    }

    // superseded

    @Test
    void aNewerVersionEndsTheReviewOfTheOlderAndGetsItsOwn() {
        ProcessInstance older = reviewOf(BEHOVSDRIVEN, "1.0");

        transaction.executeWithoutResult(status -> {
            publisher.publish(new GuidancePublisher.NewVersion(
                    BEHOVSDRIVEN,
                    "1.1",
                    LocalDate.of(2026, 5, 4),
                    "EDITORIAL",
                    "Språkliga ändringar.",
                    0,
                    publisher.sections(BEHOVSDRIVEN, "1.0"),
                    List.of()));
            events.publishEvent(new RevisionPublished("REV-0", BEHOVSDRIVEN, "1.1", List.of()));
        });

        assertThat(older).hasPassed(Elements.SUPERSEDED, Elements.REVIEW_ENDED).isEnded();
        assertThat(reviewDue(BEHOVSDRIVEN, "1.0")).isNull();
        ProcessInstance newer = reviewOf(BEHOVSDRIVEN, "1.1");
        assertThat(newer).isWaitingAt(Elements.REVIEW_FALLS_DUE);
        assertThat(reviewDue(BEHOVSDRIVEN, "1.1")).isEqualTo(LocalDate.of(2028, 5, 4));
    }

    // helpers

    private ProcessInstance reviewOf(String document, String version) {
        ProcessInstance instance = runtimeService
                .createProcessInstanceQuery()
                .processDefinitionKey(PeriodicReviewProcess.KEY)
                .processInstanceBusinessKey(PeriodicReviewProcess.businessKey(document, version))
                .singleResult();
        assertThat(instance).as("the review of %s %s", document, version).isNotNull();
        return instance;
    }

    private long reviewsEver(String businessKey) {
        return historyService
                .createHistoricProcessInstanceQuery()
                .processDefinitionKey(PeriodicReviewProcess.KEY)
                .processInstanceBusinessKey(businessKey)
                .count();
    }

    private static Job timer(ProcessInstance instance, String activityId) {
        return jobQuery()
                .processInstanceId(instance.getId())
                .activityId(activityId)
                .singleResult();
    }

    private static boolean isDue(Job job) {
        return jobQuery().jobId(job.getId()).executable().count() == 1;
    }

    private static void theClockReads(Instant instant) {
        EngineClock.at(instant);
    }

    private LocalDate reviewDue(String document, String version) {
        return date("review_due", document, version);
    }

    private LocalDate lastReviewed(String document, String version) {
        return date("last_reviewed_on", document, version);
    }

    private LocalDate withdrawnOn(String document, String version) {
        return date("withdrawn_on", document, version);
    }

    private LocalDate date(String column, String document, String version) {
        return jdbc.sql("select " + column + " from guidance_version where document_id = ? and version_number = ?")
                .params(document, version)
                .query((rs, n) -> Optional.ofNullable(rs.getObject(1, LocalDate.class)))
                .single()
                .orElse(null);
    }

    private void signIn(String user) {
        identityService.setAuthentication(user, directory.groupsOf(user));
    }

    private void completeAs(String user, Task task, Map<String, Object> variables) {
        signIn(user);
        try {
            taskService.complete(task.getId(), variables);
        } finally {
            identityService.clearAuthentication();
        }
    }

    private static void assertRefused(String field, Runnable completion) {
        assertThatThrownBy(completion::run)
                .satisfies(thrown -> assertThat(invalidInputIn(thrown))
                        .as("the refusal names the field at fault")
                        .extracting(InvalidInputException::field)
                        .isEqualTo(field));
    }

    private static List<Throwable> causes(Throwable thrown) {
        List<Throwable> causes = new java.util.ArrayList<>();
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            causes.add(cause);
        }
        return causes;
    }

    private static InvalidInputException invalidInputIn(Throwable thrown) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidInputException invalid) {
                return invalid;
            }
        }
        throw new AssertionError("Not refused as invalid input", thrown);
    }
}
