package se.esam.lifecycle.feedback;

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
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
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
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.store.FolderException;

import se.esam.lifecycle.feedback.internal.FeedbackProcess;
import se.esam.lifecycle.feedback.internal.FeedbackProcess.Elements;
import se.esam.lifecycle.feedback.internal.FeedbackProcess.TriageDecisions;
import se.esam.lifecycle.feedback.internal.FeedbackProcess.Vars;
import se.esam.lifecycle.identity.Directory;
import se.esam.lifecycle.identity.Roles;
import se.esam.lifecycle.registry.Registry;
import se.esam.lifecycle.registry.RegistryKind;
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
 * Walks every path of {@code processes/guidance-feedback.bpmn} in the real application: engine, H2,
 * demo identities and an SMTP server that receives the mails. People act as themselves: the
 * submitter, the kansli and the expert groups are signed in when they start the process or complete
 * their tasks. The process clock is fixed, and timers fire when the test moves it past their due date.
 */
@SpringBootTest(webEnvironment = WebEnvironment.MOCK)
@TestEnvironment
@Import(ProcessEngineCoverageConfiguration.class)
class FeedbackProcessTest {

    /** The build fails below {@link ProcessCoverageFloor#MINIMUM_CLASS_COVERAGE} of the diagram walked. */
    @TestConfiguration(proxyBeanMethods = false)
    static class ProcessCoverage {

        @Bean
        @Primary
        ProcessEngineCoverageProperties processEngineCoverageProperties() {
            // accepted feedback starts a revision: that process is measured by its own test
            return ProcessCoverageFloor.measuredElsewhere(
                    RevisionProcess.KEY, se.esam.lifecycle.review.internal.PeriodicReviewProcess.KEY);
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
    private static final String ANNAS_ORGANISATION = "org-pensionsmyndigheten";
    private static final String OLOF = People.OLOF.id(); // submitter at Kronofogden
    private static final String OLOF_MAIL = "olof@kronofogden.example";
    private static final String KARIN = People.KARIN.id(); // kansli
    private static final String KARIN_MAIL = "karin@esamverka.example";
    private static final String ERIK = People.ERIK.id(); // expert-architecture
    private static final String HANNA = People.HANNA.id(); // expert-architecture, at Pensionsmyndigheten like anna
    private static final String ERIK_MAIL = "erik@skatteverket.example";
    private static final String LENA = People.LENA.id(); // expert-law
    private static final String ARCHITECTURE_GROUP = "expert-architecture";
    private static final String LAW_GROUP = "expert-law";

    // a document of config/catalogue.yaml, owned by the architecture group
    private static final String DIGITAL_SAMVERKAN = "digital-samverkan";
    private static final String CURRENT_VERSION = "4.1";
    private static final String SECTION = "2.1";

    /** 09:00 in Stockholm, weeks from a change to or from daylight-saving time. */
    private static final Instant NOW = Instant.parse("2026-05-04T07:00:00Z");
    /** config/application.yaml, history-time-to-live */
    private static final int HISTORY_TIME_TO_LIVE_DAYS = 730;
    // config/application.yaml guidance.feedback
    private static final int CLARIFICATION_DAYS = 14;
    private static final int HIGH_PRIORITY_REVIEW_DAYS = 5;
    private static final int NORMAL_PRIORITY_REVIEW_DAYS = 10;
    private static final int REMINDER_DAYS_BEFORE_DUE = 2;

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
    FeedbackService feedbackService;

    @Autowired
    FeedbackRepository feedbackRepository;

    @Autowired
    Directory directory;

    @Autowired
    EndorsementService endorsementService;

    @Autowired
    Registry registry;

    @BeforeEach
    void fixTheClockAndEmptyTheMailboxes() throws FolderException {
        ProcessTestWorld.begin(processEngine, NOW, mailServer);
    }

    @AfterEach
    void resetClockAndSignOut() {
        ProcessTestWorld.end(processEngine);
    }

    // submission

    @Test
    void submissionIsRegisteredUnderAReferenceOfTheYearThatIsAlsoTheBusinessKey() {
        ProcessInstance instance = submitError();

        String reference = feedbackRepository.referenceOfProcess(instance.getId());
        assertThat(reference).matches("FB-2026-\\d{4}");
        assertThat(instance)
                .hasBusinessKey(reference)
                .isWaitingAt(Elements.TRIAGE)
                .hasPassed(Elements.REGISTER)
                .variables()
                .containsEntry(Vars.REFERENCE, reference)
                .containsEntry(Vars.SUBMITTER, ANNA)
                .containsEntry(Vars.SUBMITTER_ORGANISATION, "Pensionsmyndigheten")
                .containsEntry(Vars.OWNING_GROUP, ARCHITECTURE_GROUP)
                .containsEntry(Vars.FEEDBACK_TYPE_LABEL, FeedbackType.ERROR.label());
        Feedback stored = stored(reference);
        assertThat(stored.status()).isEqualTo(FeedbackStatus.IN_TRIAGE);
        assertThat(stored.submitter()).isEqualTo(ANNA);
        assertThat(stored.submitterOrganisation()).isEqualTo(ANNAS_ORGANISATION);
        assertThat(stored.guidanceVersion()).isEqualTo(CURRENT_VERSION);
        assertThat(stored.sectionId()).isEqualTo(SECTION);
        assertThat(stored.submittedAt()).isEqualTo(NOW);
        assertThat(subjectsOfMailsTo(ANNA_MAIL)).singleElement().asString().contains(reference);
        assertThat(task()).hasCandidateGroup(Roles.KANSLI).isNotAssigned();
    }

    @Test
    void consecutiveSubmissionsGetConsecutiveReferences() {
        String first = referenceOf(submitError());
        String second = referenceOf(submitError());

        assertThat(number(second)).isEqualTo(number(first) + 1);
    }

    @Test
    void aStartNamingAnotherSubmitterIsRefusedAndStartsNothing() {
        Map<String, Object> spoofed = submission(FeedbackType.ERROR);
        spoofed.put(Vars.SUBMITTER, OLOF);
        long before = runtimeService
                .createProcessInstanceQuery()
                .processDefinitionKey(FeedbackProcess.KEY)
                .count();

        assertThatThrownBy(() -> submitAs(ANNA, spoofed))
                .isInstanceOf(org.camunda.bpm.engine.BadUserRequestException.class)
                .hasMessageStartingWith(Vars.SUBMITTER + ":")
                .hasRootCauseInstanceOf(se.esam.lifecycle.system.InvalidInputException.class);

        assertThat(runtimeService
                        .createProcessInstanceQuery()
                        .processDefinitionKey(FeedbackProcess.KEY)
                        .count())
                .isEqualTo(before);
        assertThat(subjectsOfMailsTo(OLOF_MAIL)).isEmpty();
    }

    @Test
    void submitterIsTheSignedInUser() {
        ProcessInstance instance = submitAs(ANNA, submission(FeedbackType.ERROR));

        String reference = referenceOf(instance);
        assertThat(instance).variables().containsEntry(Vars.SUBMITTER, ANNA);
        assertThat(stored(reference).submitter()).isEqualTo(ANNA);
        assertThat(stored(reference).submitterOrganisation()).isEqualTo(ANNAS_ORGANISATION);
        assertThat(subjectsOfMailsTo(ANNA_MAIL)).singleElement().asString().contains(reference);
    }

    // routing and triage

    @Test
    void routingTableProposesExpertGroupAndPriorityBeforeTriage() {
        ProcessInstance instance = submitError();

        assertThat(instance)
                .hasPassed(Elements.ROUTE)
                .isWaitingAt(Elements.TRIAGE)
                .variables()
                .containsEntry(Vars.EXPERT_GROUP, ARCHITECTURE_GROUP)
                .containsEntry(Vars.PRIORITY, Priority.HIGH.name());
    }

    @Test
    void confirmedProposalSendsFeedbackToTheOwningGroupWithItsReviewPeriod() {
        ProcessInstance instance = submitError();

        triage(instance, withVariables(Vars.TRIAGE_DECISION, TriageDecisions.ROUTE));

        String reference = referenceOf(instance);
        Instant due = NOW.plus(HIGH_PRIORITY_REVIEW_DAYS, DAYS);
        assertThat(instance).hasPassed(Elements.ASSIGN_TO_GROUP).isWaitingAt(Elements.REVIEW);
        assertThat(task()).hasCandidateGroup(ARCHITECTURE_GROUP).isNotAssigned();
        assertThat(task().getDueDate()).isEqualTo(Date.from(due));
        assertThat(dueDateOf(job(Elements.REVIEW_OVERDUE))).isEqualTo(due);
        assertThat(dueDateOf(job(Elements.REVIEW_REMINDER))).isEqualTo(due.minus(REMINDER_DAYS_BEFORE_DUE, DAYS));
        Feedback stored = stored(reference);
        assertThat(stored.status()).isEqualTo(FeedbackStatus.IN_REVIEW);
        assertThat(stored.expertGroup()).isEqualTo(ARCHITECTURE_GROUP);
        assertThat(stored.priority()).isEqualTo(Priority.HIGH);
        assertThat(stored.reviewDue()).isEqualTo(due);
        assertThat(feedbackService.history(reference))
                .extracting(FeedbackEvent::actor)
                .contains(KARIN);
    }

    @Test
    void triageCanSendFeedbackToAnotherExpertGroupWithAnotherPriority() {
        ProcessInstance instance = submitError();

        triage(
                instance,
                withVariables(
                        Vars.TRIAGE_DECISION,
                        TriageDecisions.ROUTE,
                        Vars.EXPERT_GROUP,
                        LAW_GROUP,
                        Vars.PRIORITY,
                        Priority.NORMAL.name()));

        String reference = referenceOf(instance);
        assertThat(instance).isWaitingAt(Elements.REVIEW);
        Task review = task();
        assertThat(review).hasCandidateGroup(LAW_GROUP);
        assertThat(taskQuery()
                        .taskId(review.getId())
                        .taskCandidateGroup(ARCHITECTURE_GROUP)
                        .count())
                .isZero();
        assertThat(review.getDueDate()).isEqualTo(Date.from(NOW.plus(NORMAL_PRIORITY_REVIEW_DAYS, DAYS)));
        assertThat(idsOfTasksSeenBy(LENA)).contains(review.getId());
        assertThat(idsOfTasksSeenBy(ERIK)).doesNotContain(review.getId());
        Feedback stored = stored(reference);
        assertThat(stored.expertGroup()).isEqualTo(LAW_GROUP);
        assertThat(stored.priority()).isEqualTo(Priority.NORMAL);
    }

    @Test
    void duplicateOfEarlierFeedbackIsClosedAsDuplicate() {
        String original = referenceOf(submitError());
        ProcessInstance instance = submitError();

        triage(instance, withVariables(Vars.TRIAGE_DECISION, TriageDecisions.DUPLICATE, Vars.DUPLICATE_OF, original));

        String reference = referenceOf(instance);
        assertThat(instance)
                .hasPassed(Elements.CLOSE_DUPLICATE, Elements.END_DUPLICATE)
                .isEnded();
        Feedback stored = stored(reference);
        assertThat(stored.status()).isEqualTo(FeedbackStatus.DUPLICATE);
        assertThat(stored.duplicateOf()).isEqualTo(original);
        assertThat(stored.decidedAt()).isEqualTo(NOW);
        assertThat(stored(original).status()).isEqualTo(FeedbackStatus.IN_TRIAGE);
        assertThat(subjectsOfMailsTo(ANNA_MAIL))
                .anySatisfy(subject -> assertThat(subject).contains(reference).contains(original));
        // the same organisation submitted both: it does not endorse its own item
        assertThat(endorsementService.of(original)).isEmpty();
    }

    @Test
    void duplicatesFromTwoOtherOrganisationsEndorseTheOriginalAndRaiseItsPriority() {
        ProcessInstance original = submitAs(ANNA, submission(FeedbackType.GAP));
        String reference = referenceOf(original);
        assertThat(original)
                .variables()
                .containsEntry(Vars.BREADTH, 1)
                .containsEntry(Vars.PRIORITY, Priority.NORMAL.name());

        ProcessInstance second = submitAs(OLOF, submission(FeedbackType.GAP));
        String secondReference = referenceOf(second);
        triage(second, withVariables(Vars.TRIAGE_DECISION, TriageDecisions.DUPLICATE, Vars.DUPLICATE_OF, reference));
        // two organisations: not yet broad enough to raise it
        assertThat(original)
                .variables()
                .containsEntry(Vars.BREADTH, 2)
                .containsEntry(Vars.PRIORITY, Priority.NORMAL.name());

        ProcessInstance third = submitAs(submitterAt("org-skatteverket"), submission(FeedbackType.GAP));
        String thirdReference = referenceOf(third);
        triage(third, withVariables(Vars.TRIAGE_DECISION, TriageDecisions.DUPLICATE, Vars.DUPLICATE_OF, reference));

        assertThat(original)
                .variables()
                .containsEntry(Vars.BREADTH, 3)
                .containsEntry(Vars.PRIORITY, Priority.HIGH.name());
        assertThat((String) runtimeService.getVariable(original.getId(), Vars.ENDORSEMENTS))
                .contains("2 organisationer till")
                .contains("Kronofogden")
                .contains("Skatteverket (dubblett " + thirdReference + ")");
        assertThat(endorsementService.of(reference))
                .extracting(Endorsement::organisation, Endorsement::source, Endorsement::viaReference)
                .containsExactly(
                        tuple("org-kronofogden", Endorsement.Source.DUPLICATE, secondReference),
                        tuple("org-skatteverket", Endorsement.Source.DUPLICATE, thirdReference));
        assertThat(feedbackService.history(reference))
                .extracting(FeedbackEvent::action)
                .containsSubsequence(FeedbackEvent.Action.ENDORSED, FeedbackEvent.Action.ENDORSED);

        routeToReview(original);
        assertThat(stored(reference).priority()).isEqualTo(Priority.HIGH);
        assertThat(task().getDueDate()).isEqualTo(Date.from(NOW.plus(HIGH_PRIORITY_REVIEW_DAYS, DAYS)));

        // Kronofogden again: it already stands behind the original, nothing new
        triage(
                submitAs(OLOF, submission(FeedbackType.GAP)),
                withVariables(Vars.TRIAGE_DECISION, TriageDecisions.DUPLICATE, Vars.DUPLICATE_OF, reference));
        assertThat(endorsementService.of(reference)).hasSize(2);
        assertThat(original).variables().containsEntry(Vars.BREADTH, 3);
    }

    /** A submitter at another member organisation than the demo's two (the demo has none at Skatteverket). */
    private String submitterAt(String organisation) {
        String submitter = "sigrid";
        if (identityService.createUserQuery().userId(submitter).count() == 0) {
            var user = identityService.newUser(submitter);
            user.setEmail("sigrid@" + organisation + ".example");
            identityService.saveUser(user);
            identityService.createMembership(submitter, Roles.SUBMITTERS);
            identityService.createMembership(submitter, organisation);
        }
        return submitter;
    }

    @Test
    void duplicateOfUnknownFeedbackOrOfItselfIsRefusedAndTriageStaysOpen() {
        ProcessInstance instance = submitError();
        String reference = referenceOf(instance);
        Task triage = task(Elements.TRIAGE, instance);

        assertRefused(
                Vars.DUPLICATE_OF,
                () -> completeAs(
                        KARIN,
                        triage,
                        withVariables(
                                Vars.TRIAGE_DECISION, TriageDecisions.DUPLICATE, Vars.DUPLICATE_OF, "FB-2026-9999")));
        assertRefused(
                Vars.DUPLICATE_OF,
                () -> completeAs(
                        KARIN,
                        triage,
                        withVariables(Vars.TRIAGE_DECISION, TriageDecisions.DUPLICATE, Vars.DUPLICATE_OF, reference)));

        assertThat(instance).isWaitingAt(Elements.TRIAGE).hasNotPassed(Elements.CLOSE_DUPLICATE);
        assertThat(task(Elements.TRIAGE, instance)).hasId(triage.getId());
        assertThat(stored(reference).status()).isEqualTo(FeedbackStatus.IN_TRIAGE);
        assertThat(stored(reference).duplicateOf()).isNull();
    }

    @Test
    void feedbackOutsideTheRemitIsClosedWithTheReasonTheSubmitterIsGiven() {
        ProcessInstance instance = submitError();
        String reason = "Synpunkten gäller en enskild myndighets egen handläggning.";

        triage(
                instance,
                withVariables(Vars.TRIAGE_DECISION, TriageDecisions.OUT_OF_SCOPE, Vars.OUT_OF_SCOPE_REASON, reason));

        String reference = referenceOf(instance);
        assertThat(instance)
                .hasPassed(Elements.CLOSE_OUT_OF_SCOPE, Elements.END_OUT_OF_SCOPE)
                .isEnded();
        Feedback stored = stored(reference);
        assertThat(stored.status()).isEqualTo(FeedbackStatus.OUT_OF_SCOPE);
        assertThat(stored.dispositionReason()).isEqualTo(reason);
        assertThat(mailsTo(ANNA_MAIL)).anySatisfy(mail -> {
            assertThat(mail.subject()).contains(reference);
            assertThat(mail.body()).contains(reason);
        });
    }

    @Test
    void feedbackOutsideTheRemitWithoutAReasonIsRefused() {
        ProcessInstance instance = submitError();

        assertRefused(
                Vars.OUT_OF_SCOPE_REASON,
                () -> triage(
                        instance,
                        withVariables(
                                Vars.TRIAGE_DECISION, TriageDecisions.OUT_OF_SCOPE, Vars.OUT_OF_SCOPE_REASON, " ")));

        assertThat(instance).isWaitingAt(Elements.TRIAGE);
        assertThat(stored(referenceOf(instance)).status()).isEqualTo(FeedbackStatus.IN_TRIAGE);
    }

    // clarification

    @Test
    void answeredClarificationReturnsTheFeedbackToTriage() {
        ProcessInstance instance = submitError();
        String reference = referenceOf(instance);

        askForClarification(instance);
        assertThat(stored(reference).status()).isEqualTo(FeedbackStatus.AWAITING_CLARIFICATION);
        assertThat(subjectsOfMailsTo(ANNA_MAIL))
                .filteredOn(subject -> subject.contains("Förtydligande"))
                .singleElement()
                .asString()
                .contains(reference);

        completeAs(
                ANNA,
                task(Elements.REQUEST_CLARIFICATION, instance),
                withVariables(Vars.CLARIFICATION_ANSWER, "Det gäller stycke tre i avsnitt 2.1."));

        assertThat(instance).hasPassed(Elements.REQUEST_CLARIFICATION).isWaitingAt(Elements.TRIAGE);
        assertThat(task()).hasCandidateGroup(Roles.KANSLI);
        assertThat(jobQuery().processInstanceId(instance.getId()).count()).isZero();
        assertThat(stored(reference).status()).isEqualTo(FeedbackStatus.IN_TRIAGE);
        assertThat(feedbackService.history(reference))
                .extracting(FeedbackEvent::action, FeedbackEvent::actor)
                .contains(
                        tuple(FeedbackEvent.Action.CLARIFICATION_REQUESTED, KARIN),
                        tuple(FeedbackEvent.Action.CLARIFIED, ANNA));
        // the feedback was registered on receipt and the answer when it came in, each under its own number
        assertThat(registry.registrationNumber(reference, RegistryKind.FEEDBACK))
                .hasValueSatisfying(number -> assertThat(number).startsWith("ESAM 2026/"));
        assertThat(registry.registrationNumber(reference, RegistryKind.CLARIFICATION_ANSWER))
                .hasValueSatisfying(number -> assertThat(number)
                        .startsWith("ESAM 2026/")
                        .isNotEqualTo(registry.registrationNumber(reference, RegistryKind.FEEDBACK)
                                .orElseThrow()));
    }

    @Test
    void reTriageShowsTheQuestionBesideTheAnswerAndDecidesAfresh() {
        ProcessInstance instance = submitError();
        askForClarification(instance);
        completeAs(
                ANNA,
                task(Elements.REQUEST_CLARIFICATION, instance),
                withVariables(Vars.CLARIFICATION_ANSWER, "Det gäller stycke tre i avsnitt 2.1."));

        assertThat(instance).isWaitingAt(Elements.TRIAGE);
        Map<String, Object> reTriage = runtimeService.getVariables(instance.getId());
        assertThat(reTriage)
                .as("what the triage form shows")
                .containsEntry(Vars.CLARIFICATION_ASKED, QUESTION)
                .containsEntry(Vars.CLARIFICATION_ANSWER, "Det gäller stycke tre i avsnitt 2.1.")
                .as("nothing of the first decision is pre-selected, so one click cannot ask the same again")
                .doesNotContainKeys(
                        Vars.TRIAGE_DECISION, Vars.CLARIFICATION_QUESTION, Vars.DUPLICATE_OF, Vars.OUT_OF_SCOPE_REASON);
        assertThat(reTriage)
                .as("the routing proposal stays a proposal")
                .containsEntry(Vars.EXPERT_GROUP, ARCHITECTURE_GROUP);
        assertRefused(Vars.TRIAGE_DECISION, () -> completeAs(KARIN, task(Elements.TRIAGE, instance), Map.of()));

        routeToReview(instance);

        assertThat(runtimeService.getVariables(instance.getId()))
                .as("what the review form shows: the question with the answer")
                .containsEntry(Vars.CLARIFICATION_ASKED, QUESTION)
                .containsEntry(Vars.CLARIFICATION_ANSWER, "Det gäller stycke tre i avsnitt 2.1.");
    }

    @Test
    void aSecondQuestionIsAnsweredOnAFormWithoutTheFirstAnswer() {
        ProcessInstance instance = submitError();
        askForClarification(instance);
        completeAs(
                ANNA,
                task(Elements.REQUEST_CLARIFICATION, instance),
                withVariables(Vars.CLARIFICATION_ANSWER, "Det gäller stycke tre."));

        triage(
                instance,
                withVariables(
                        Vars.TRIAGE_DECISION,
                        TriageDecisions.CLARIFY,
                        Vars.CLARIFICATION_QUESTION,
                        "Vilken mening i stycke tre?"));

        assertThat(instance).isWaitingAt(Elements.REQUEST_CLARIFICATION);
        assertThat(runtimeService.getVariables(instance.getId()))
                .as("what the clarification form shows")
                .containsEntry(Vars.CLARIFICATION_QUESTION, "Vilken mening i stycke tre?")
                .doesNotContainKeys(Vars.CLARIFICATION_ANSWER, Vars.CLARIFICATION_ASKED);

        completeAs(
                ANNA,
                task(Elements.REQUEST_CLARIFICATION, instance),
                withVariables(Vars.CLARIFICATION_ANSWER, "Den andra."));

        assertThat(runtimeService.getVariables(instance.getId()))
                .containsEntry(Vars.CLARIFICATION_ASKED, "Vilken mening i stycke tre?")
                .containsEntry(Vars.CLARIFICATION_ANSWER, "Den andra.")
                .doesNotContainKeys(Vars.TRIAGE_DECISION, Vars.CLARIFICATION_QUESTION);
    }

    @Test
    void feedbackTriagedWithoutAClarificationReachesReviewWithoutOne() {
        ProcessInstance instance = submitError();

        routeToReview(instance);

        assertThat(runtimeService.getVariables(instance.getId()))
                .as("the review form has no clarification to show")
                .doesNotContainKeys(Vars.CLARIFICATION_ASKED, Vars.CLARIFICATION_ANSWER);
    }

    @Test
    void unansweredClarificationClosesTheFeedbackWhenTheDeadlinePasses() {
        ProcessInstance instance = submitError();
        String reference = referenceOf(instance);
        askForClarification(instance);
        Instant deadline = NOW.plus(CLARIFICATION_DAYS, DAYS);
        Job timer = job(Elements.CLARIFICATION_DEADLINE);
        assertThat(dueDateOf(timer)).isEqualTo(deadline);
        assertThat(isDue(timer)).isFalse();

        theClockReads(deadline.plusSeconds(1));
        assertThat(isDue(timer)).isTrue();
        execute(timer);

        assertThat(instance)
                .hasPassed(Elements.CLARIFICATION_DEADLINE, Elements.CLOSE_UNANSWERED, Elements.END_UNANSWERED)
                .isEnded();
        assertThat(stored(reference).status()).isEqualTo(FeedbackStatus.UNANSWERED);
        assertThat(subjectsOfMailsTo(ANNA_MAIL))
                .filteredOn(subject -> subject.contains("avslutats"))
                .singleElement()
                .asString()
                .contains(reference);
    }

    // review

    @Test
    void acceptedFeedbackWaitsForTheRevisionAndIsAnsweredWhenItIsPublished() {
        ProcessInstance instance = submitError();
        String reference = referenceOf(instance);
        routeToReview(instance);

        review(instance, Disposition.ACCEPTED, "Avsnittet förtydligas i nästa version.");

        assertThat(instance)
                .hasPassed(Elements.NOTIFY_DISPOSITION, Elements.HAND_OVER)
                .isWaitingAt(Elements.AWAIT_REVISION);
        // the first accepted feedback on the document opens its revision, which takes the feedback up at once
        assertThat(stored(reference).status()).isEqualTo(FeedbackStatus.IN_REVISION);
        assertThat(stored(reference).disposition()).isEqualTo(Disposition.ACCEPTED);
        assertThat(revisionsAskedFor(reference)).containsExactly(DIGITAL_SAMVERKAN);
        assertThat(subjectsOfMailsTo(ANNA_MAIL))
                .anySatisfy(subject -> assertThat(subject).contains(reference).contains(Disposition.ACCEPTED.label()));

        String publishedVersion = "4.2";
        runtimeService
                .createMessageCorrelation(FeedbackProcess.MESSAGE_REVISION_PUBLISHED)
                .processInstanceBusinessKey(reference)
                .setVariable(Vars.PUBLISHED_VERSION, publishedVersion)
                .correlate();

        assertThat(instance)
                .hasPassed(Elements.NOTIFY_PUBLICATION, Elements.END_ANSWERED)
                .isEnded();
        assertThat(stored(reference).status()).isEqualTo(FeedbackStatus.ANSWERED_IN_VERSION);
        assertThat(subjectsOfMailsTo(ANNA_MAIL))
                .anySatisfy(subject -> assertThat(subject).contains(reference).contains(publishedVersion));
    }

    @Test
    void rejectedFeedbackEndsWithTheDisposition() {
        ProcessInstance instance = submitError();
        String reference = referenceOf(instance);
        routeToReview(instance);

        review(instance, Disposition.REJECTED, "Vägledningen beskriver redan detta i avsnitt 3.");

        assertThat(instance)
                .hasPassed(Elements.NOTIFY_DISPOSITION, Elements.END_DECIDED)
                .hasNotPassed(Elements.HAND_OVER)
                .isEnded();
        Feedback stored = stored(reference);
        assertThat(stored.status()).isEqualTo(FeedbackStatus.REJECTED);
        assertThat(stored.disposition()).isEqualTo(Disposition.REJECTED);
        assertThat(stored.dispositionReason()).isEqualTo("Vägledningen beskriver redan detta i avsnitt 3.");
        assertThat(stored.decidedAt()).isEqualTo(NOW);
        assertThat(revisionsAskedFor(reference)).isEmpty();
        assertThat(feedbackService.history(reference))
                .extracting(FeedbackEvent::action, FeedbackEvent::actor)
                .contains(tuple(FeedbackEvent.Action.DECIDED, ERIK));
        assertThat(subjectsOfMailsTo(ANNA_MAIL))
                .anySatisfy(subject -> assertThat(subject).contains(reference).contains(Disposition.REJECTED.label()));
    }

    @Test
    void heldFeedbackWaitsForTheNextRevisionWithoutOpeningOne() {
        ProcessInstance instance = submitError();
        String reference = referenceOf(instance);
        routeToReview(instance);

        review(instance, Disposition.HELD, "Tas upp när avsnitt 3 ses över nästa gång.");

        assertThat(instance)
                .hasPassed(Elements.NOTIFY_DISPOSITION)
                .hasNotPassed(Elements.HAND_OVER)
                .isWaitingAt(Elements.AWAIT_REVISION);
        assertThat(stored(reference).status()).isEqualTo(FeedbackStatus.HELD_FOR_NEXT_REVISION);
        assertThat(revisionsAskedFor(reference)).isEmpty();
        assertThat(subjectsOfMailsTo(ANNA_MAIL))
                .anySatisfy(subject -> assertThat(subject).contains(reference).contains(Disposition.HELD.label()));

        runtimeService
                .createMessageCorrelation(FeedbackProcess.MESSAGE_REVISION_PUBLISHED)
                .processInstanceBusinessKey(reference)
                .setVariable(Vars.PUBLISHED_VERSION, "5.0")
                .correlate();

        assertThat(instance)
                .hasPassed(Elements.NOTIFY_PUBLICATION, Elements.END_ANSWERED)
                .isEnded();
        assertThat(stored(reference).status()).isEqualTo(FeedbackStatus.ANSWERED_IN_VERSION);
    }

    @Test
    void reviewWithoutAReasonIsRefusedAndTheReviewStaysOpen() {
        ProcessInstance instance = submitError();
        String reference = referenceOf(instance);
        routeToReview(instance);
        Task review = task(Elements.REVIEW, instance);

        assertRefused(
                Vars.DISPOSITION_REASON,
                () -> completeAs(ERIK, review, withVariables(Vars.DISPOSITION, Disposition.REJECTED.name())));

        assertThat(instance).isWaitingAt(Elements.REVIEW).hasNotPassed(Elements.NOTIFY_DISPOSITION);
        assertThat(task(Elements.REVIEW, instance)).hasId(review.getId());
        assertThat(stored(reference).status()).isEqualTo(FeedbackStatus.IN_REVIEW);
        assertThat(stored(reference).disposition()).isNull();
    }

    @Test
    void reviewersAreRemindedBeforeTheDueDateAndTheReviewGoesOn() {
        ProcessInstance instance = submitError();
        String reference = referenceOf(instance);
        routeToReview(instance);
        Task review = task(Elements.REVIEW, instance);
        Job reminder = job(Elements.REVIEW_REMINDER);
        assertThat(isDue(reminder)).isFalse();

        theClockReads(NOW.plus(HIGH_PRIORITY_REVIEW_DAYS - REMINDER_DAYS_BEFORE_DUE, DAYS));
        assertThat(isDue(reminder)).isTrue();
        assertThat(isDue(job(Elements.REVIEW_OVERDUE))).isFalse();
        execute(reminder);

        assertThat(instance)
                .hasPassed(Elements.REVIEW_REMINDER, Elements.REMIND_REVIEWERS, Elements.END_REMINDED)
                .isWaitingAt(Elements.REVIEW)
                .hasNotPassed(Elements.REVIEW_OVERDUE);
        assertThat(task(Elements.REVIEW, instance)).hasId(review.getId()).hasCandidateGroup(ARCHITECTURE_GROUP);
        assertThat(jobQuery()
                        .processInstanceId(instance.getId())
                        .activityId(Elements.REVIEW_OVERDUE)
                        .count())
                .isOne();
        assertThat(subjectsOfMailsTo(ERIK_MAIL)).singleElement().asString().contains(reference);
        assertThat(stored(reference).status()).isEqualTo(FeedbackStatus.IN_REVIEW);
    }

    @Test
    void overdueReviewIsEscalatedToTheKansliAndTheReviewGoesOn() {
        ProcessInstance instance = submitError();
        String reference = referenceOf(instance);
        routeToReview(instance);
        Task review = task(Elements.REVIEW, instance);
        Job overdue = job(Elements.REVIEW_OVERDUE);

        theClockReads(NOW.plus(HIGH_PRIORITY_REVIEW_DAYS, DAYS).plusSeconds(1));
        assertThat(isDue(overdue)).isTrue();
        execute(overdue);

        assertThat(instance)
                .hasPassed(Elements.REVIEW_OVERDUE, Elements.ESCALATE, Elements.END_ESCALATED)
                .isWaitingAt(Elements.REVIEW);
        assertThat(task(Elements.REVIEW, instance)).hasId(review.getId()).hasCandidateGroup(ARCHITECTURE_GROUP);
        assertThat(subjectsOfMailsTo(KARIN_MAIL)).singleElement().asString().contains(reference);
        assertThat(stored(reference).status()).isEqualTo(FeedbackStatus.IN_REVIEW);

        review(instance, Disposition.REJECTED, "Sent men väl: ingen ändring behövs.");

        assertThat(instance).hasPassed(Elements.END_DECIDED).isEnded();
        assertThat(stored(reference).status()).isEqualTo(FeedbackStatus.REJECTED);
    }

    // retention

    @Test
    void engineHistoryKeepsTheStepsAndTheDecisionsButNoGatewaysNorTheFormsCopies() {
        ProcessInstance instance = submitError();
        routeToReview(instance);
        assertThat(runtimeService.getVariables(instance.getId()))
                .as("the review form still shows the copies")
                .containsKeys(Vars.REFERENCE, Vars.GUIDANCE_TITLE, Vars.SECTION_TITLE, Vars.ENDORSEMENTS);
        review(instance, Disposition.REJECTED, "Vägledningen beskriver redan detta i avsnitt 3.");
        assertThat(instance).isEnded();

        assertThat(historyService
                        .createHistoricActivityInstanceQuery()
                        .processInstanceId(instance.getId())
                        .list())
                .extracting(HistoricActivityInstance::getActivityId)
                .contains(
                        Elements.SUBMITTED,
                        Elements.REGISTER,
                        Elements.ROUTE,
                        Elements.TRIAGE,
                        Elements.ASSIGN_TO_GROUP,
                        Elements.REVIEW,
                        Elements.NOTIFY_DISPOSITION,
                        Elements.END_DECIDED)
                .doesNotContain(Elements.TRIAGE_DECISION, Elements.DISPOSITION_DECISION);
        assertThat(historyService
                        .createHistoricVariableInstanceQuery()
                        .processInstanceId(instance.getId())
                        .list())
                .extracting(HistoricVariableInstance::getName)
                .contains(
                        Vars.GUIDANCE_ID,
                        Vars.SECTION_ID,
                        Vars.DESCRIPTION,
                        Vars.SUBMITTER,
                        Vars.TRIAGE_DECISION,
                        Vars.EXPERT_GROUP,
                        Vars.DISPOSITION,
                        Vars.DISPOSITION_REASON)
                .doesNotContain(
                        Vars.REFERENCE,
                        Vars.GUIDANCE_TITLE,
                        Vars.SECTION_TITLE,
                        Vars.FEEDBACK_TYPE_LABEL,
                        Vars.SUBMITTER_ORGANISATION,
                        Vars.OWNING_GROUP,
                        Vars.PERSONAL_DATA_FOUND,
                        Vars.ENDORSEMENTS,
                        Vars.REVIEW_DUE,
                        Vars.REVIEW_REMINDER,
                        Vars.BREADTH);
        assertThat(historyService
                        .createHistoricJobLogQuery()
                        .processInstanceId(instance.getId())
                        .list())
                .as("the review's timers were set and removed, never run: nothing to keep")
                .isEmpty();
    }

    @Test
    void engineHistoryOfFinishedFeedbackIsCleanedUpAfterItsTimeToLiveWhileOurRecordStays() {
        ProcessInstance instance = submitError();
        String reference = referenceOf(instance);
        routeToReview(instance);
        review(instance, Disposition.REJECTED, "Vägledningen beskriver redan detta i avsnitt 3.");
        assertThat(instance).isEnded();
        var cleanup = processEngine.getManagementService();

        theClockReads(NOW.plus(HISTORY_TIME_TO_LIVE_DAYS - 1, DAYS));
        cleanUpHistory(cleanup);
        assertThat(historyService
                        .createHistoricProcessInstanceQuery()
                        .processInstanceId(instance.getId())
                        .count())
                .as("kept until its time to live has passed")
                .isOne();

        theClockReads(NOW.plus(HISTORY_TIME_TO_LIVE_DAYS + 1, DAYS));
        cleanUpHistory(cleanup);
        assertThat(historyService
                        .createHistoricProcessInstanceQuery()
                        .processInstanceId(instance.getId())
                        .count())
                .isZero();
        assertThat(historyService
                        .createHistoricTaskInstanceQuery()
                        .processInstanceId(instance.getId())
                        .count())
                .isZero();
        assertThat(stored(reference).status())
                .as("the feedback record and its history are ours to keep")
                .isEqualTo(FeedbackStatus.REJECTED);
        assertThat(feedbackService.history(reference)).isNotEmpty();
    }

    private void cleanUpHistory(org.camunda.bpm.engine.ManagementService management) {
        Job job = historyService.cleanUpHistoryAsync(true);
        management.executeJob(job.getId());
    }

    // conflict of interest

    @Test
    void reviewerFromTheSubmittingOrganisationMayNeitherClaimNorDecideButAColleagueMay() {
        ProcessInstance instance = submitError();
        String reference = referenceOf(instance);
        routeToReview(instance);
        Task review = task(Elements.REVIEW, instance);
        assertThat(idsOfTasksSeenBy(HANNA))
                .as("hanna is a candidate like everyone in the group")
                .contains(review.getId());

        assertConflictOfInterest(() -> claimAs(HANNA, review));
        assertConflictOfInterest(() -> completeAs(
                HANNA,
                review,
                withVariables(
                        Vars.DISPOSITION,
                        Disposition.REJECTED.name(),
                        Vars.DISPOSITION_REASON,
                        "Vi ser inget problem.")));

        assertThat(instance).isWaitingAt(Elements.REVIEW);
        assertThat(task(Elements.REVIEW, instance)).isNotAssigned();
        assertThat(stored(reference).status()).isEqualTo(FeedbackStatus.IN_REVIEW);
        assertThat(stored(reference).disposition()).isNull();

        review(instance, Disposition.REJECTED, "Exemplen finns redan i bilaga 2.");
        assertThat(stored(reference).status()).isEqualTo(FeedbackStatus.REJECTED);
    }

    // the publishing review (part of triage when the item is sent to an expert group)

    /** Skatteverket's published test personnummer: valid check digit, nobody's real number. */
    private static final String PERSONNUMMER = "811218-9876";

    private static final String WITH_PERSONAL_DATA = "Mitt ärende (personnummer " + PERSONNUMMER
            + ") visar att avsnittet är fel. Svara till anna.a@example.se eller 070-123 45 67.";

    private ProcessInstance submitWithPersonalData() {
        Map<String, Object> variables = submission(FeedbackType.ERROR);
        variables.put(Vars.DESCRIPTION, WITH_PERSONAL_DATA);
        return submitAs(ANNA, variables);
    }

    private Map<String, Object> routeWith(Object... publication) {
        Map<String, Object> variables = withVariables(Vars.TRIAGE_DECISION, TriageDecisions.ROUTE);
        for (int i = 0; i < publication.length; i += 2) {
            variables.put((String) publication[i], publication[i + 1]);
        }
        return variables;
    }

    @Test
    void triageIsProposedTheTextWithPersonalDataMaskedAndToldWhatWasFound() {
        ProcessInstance instance = submitWithPersonalData();

        assertThat(instance)
                .variables()
                .containsEntry(
                        Vars.PUBLIC_TEXT,
                        "Mitt ärende (personnummer [personnummer borttaget]) visar att avsnittet är fel. Svara till "
                                + "[e-postadress borttagen] eller [telefonnummer borttaget].")
                .containsEntry(Vars.PERSONAL_DATA_FOUND, "Hittades: personnummer, e-postadress, telefonnummer.");
        assertThat(runtimeService.getVariable(submitError().getId(), Vars.PERSONAL_DATA_FOUND))
                .isEqualTo("Inga personnummer, e-postadresser eller telefonnummer hittades.");
    }

    @Test
    void maskedPublicationStoresOnlyTheMaskedTextAndIsInTheAuditTrail() {
        ProcessInstance instance = submitWithPersonalData();
        String reference = referenceOf(instance);
        String proposal = (String) runtimeService.getVariable(instance.getId(), Vars.PUBLIC_TEXT);

        triage(instance, routeWith(Vars.PUBLICATION, "MASKED", Vars.PUBLIC_TEXT, proposal));

        assertThat(instance).isWaitingAt(Elements.REVIEW);
        Publication publication = feedbackRepository.publication(reference).orElseThrow();
        assertThat(publication.decision()).isEqualTo(Publication.Decision.MASKED);
        assertThat(publication.publicText())
                .isEqualTo(proposal)
                .doesNotContain(PERSONNUMMER)
                .doesNotContain("8112189876")
                .doesNotContain("example.se")
                .doesNotContain("123 45 67");
        assertThat(publication.reviewedBy()).isEqualTo(KARIN);
        assertThat(publication.reviewedAt()).isEqualTo(NOW);
        assertThat(feedbackService.history(reference))
                .filteredOn(e -> e.action() == FeedbackEvent.Action.PUBLICATION_REVIEWED)
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.actor()).isEqualTo(KARIN);
                    assertThat(e.detail()).isEqualTo("Publicering: publiceras med personuppgifter maskerade");
                });
    }

    @Test
    void theKansliMayEditTheMaskedTextToRemoveANameButNotLeaveAPersonnummerIn() {
        ProcessInstance instance = submitWithPersonalData();
        String reference = referenceOf(instance);

        assertRefused(
                Vars.PUBLIC_TEXT,
                () -> triage(
                        instance,
                        routeWith(Vars.PUBLICATION, "MASKED", Vars.PUBLIC_TEXT, "Anna skriver: " + PERSONNUMMER)));
        assertThat(instance).isWaitingAt(Elements.TRIAGE);
        assertThat(feedbackRepository.publication(reference)).isEmpty();

        triage(
                instance,
                routeWith(Vars.PUBLICATION, "MASKED", Vars.PUBLIC_TEXT, "En myndighet anser att avsnittet är fel."));
        assertThat(feedbackRepository.publication(reference).orElseThrow().publicText())
                .isEqualTo("En myndighet anser att avsnittet är fel.");
    }

    @Test
    void aTextWithPersonalDataIsNotPublishedAsIsAndNothingIsStored() {
        ProcessInstance instance = submitWithPersonalData();
        String reference = referenceOf(instance);

        assertRefused(Vars.PUBLICATION, () -> triage(instance, routeWith(Vars.PUBLICATION, "AS_IS")));

        assertThat(instance).isWaitingAt(Elements.TRIAGE);
        assertThat(feedbackRepository.publication(reference)).isEmpty();
        assertThat(stored(reference).status()).isEqualTo(FeedbackStatus.IN_TRIAGE);
        assertThat(feedbackService.history(reference))
                .extracting(FeedbackEvent::action)
                .doesNotContain(FeedbackEvent.Action.PUBLICATION_REVIEWED, FeedbackEvent.Action.ROUTED);
    }

    @Test
    void aTextTheKansliFlaggedAsPersonalIsNotPublishedAsIsEvenWhenTheDetectorFindsNothing() {
        ProcessInstance instance = submitError();

        assertRefused(
                Vars.PUBLICATION,
                () -> triage(instance, routeWith(Vars.PUBLICATION, "AS_IS", Vars.CONTAINS_PERSONAL_DATA, true)));
        assertThat(instance).isWaitingAt(Elements.TRIAGE);
    }

    @Test
    void aCleanTextIsPublishedAsIs() {
        ProcessInstance instance = submitError();
        String reference = referenceOf(instance);

        triage(instance, routeWith(Vars.PUBLICATION, "AS_IS"));

        Publication publication = feedbackRepository.publication(reference).orElseThrow();
        assertThat(publication.decision()).isEqualTo(Publication.Decision.AS_IS);
        assertThat(publication.publicText()).isEqualTo(stored(reference).description());
        assertThat(publication.ground()).isNull();
    }

    @Test
    void notPublishingNeedsAGroundWhichTheAuditTrailKeeps() {
        ProcessInstance instance = submitWithPersonalData();
        String reference = referenceOf(instance);

        assertRefused(Vars.PUBLICATION_GROUND, () -> triage(instance, routeWith(Vars.PUBLICATION, "NOT_PUBLISHED")));
        assertRefused(
                Vars.PUBLICATION_GROUND,
                () -> triage(instance, routeWith(Vars.PUBLICATION, "NOT_PUBLISHED", Vars.PUBLICATION_GROUND, " ")));
        assertThat(feedbackRepository.publication(reference)).isEmpty();

        triage(instance, routeWith(Vars.PUBLICATION, "NOT_PUBLISHED", Vars.PUBLICATION_GROUND, "OSL 21 kap. 1 §"));

        Publication publication = feedbackRepository.publication(reference).orElseThrow();
        assertThat(publication.decision()).isEqualTo(Publication.Decision.NOT_PUBLISHED);
        assertThat(publication.publicText()).isNull();
        assertThat(publication.ground()).isEqualTo("OSL 21 kap. 1 §");
        assertThat(feedbackService.history(reference))
                .extracting(FeedbackEvent::detail)
                .contains("Publicering: publiceras inte. Grund: OSL 21 kap. 1 §");
    }

    @Test
    void anUnknownPublicationDecisionIsRefused() {
        ProcessInstance instance = submitError();

        assertRefused(Vars.PUBLICATION, () -> triage(instance, routeWith(Vars.PUBLICATION, "PUBLISH_ALL")));
        assertThat(instance).isWaitingAt(Elements.TRIAGE);
    }

    /** The proposed group deleted from the task (a hand-made request can), then "route": refused, not a 500. */
    @Test
    void aRoutingWithNoExpertGroupIsRefusedNamingTheFieldAndTriageStaysOpen() {
        ProcessInstance instance = submitError();
        runtimeService.removeVariable(instance.getId(), Vars.EXPERT_GROUP);

        assertRefused(
                Vars.EXPERT_GROUP, () -> triage(instance, withVariables(Vars.TRIAGE_DECISION, TriageDecisions.ROUTE)));
        assertThat(instance).isWaitingAt(Elements.TRIAGE);
    }

    @Test
    void feedbackRoutedWithoutAReviewHasNoPublicText() {
        ProcessInstance instance = submitWithPersonalData();

        triage(instance, routeWith());

        assertThat(feedbackRepository.publication(referenceOf(instance))).isEmpty();
    }

    // the people in the process

    private ProcessInstance submitError() {
        return submitAs(ANNA, submission(FeedbackType.ERROR));
    }

    private static Map<String, Object> submission(FeedbackType type) {
        return withVariables(
                Vars.GUIDANCE_ID,
                DIGITAL_SAMVERKAN,
                Vars.GUIDANCE_VERSION,
                CURRENT_VERSION,
                Vars.SECTION_ID,
                SECTION,
                Vars.FEEDBACK_TYPE,
                type.name(),
                Vars.DESCRIPTION,
                "Principen motsäger avsnitt 3 om informationsutbyte.");
    }

    private ProcessInstance submitAs(String user, Map<String, Object> variables) {
        signIn(user);
        try {
            return runtimeService.startProcessInstanceByKey(FeedbackProcess.KEY, variables);
        } finally {
            identityService.clearAuthentication();
        }
    }

    /** The kansli completes the triage task. */
    private void triage(ProcessInstance instance, Map<String, Object> decision) {
        assertThat(instance).isWaitingAt(Elements.TRIAGE);
        completeAs(KARIN, task(Elements.TRIAGE, instance), decision);
    }

    private void routeToReview(ProcessInstance instance) {
        triage(instance, withVariables(Vars.TRIAGE_DECISION, TriageDecisions.ROUTE));
        assertThat(instance).isWaitingAt(Elements.REVIEW);
    }

    private static final String QUESTION = "Vilket stycke i avsnitt 2.1 avser du?";

    private void askForClarification(ProcessInstance instance) {
        triage(
                instance,
                withVariables(Vars.TRIAGE_DECISION, TriageDecisions.CLARIFY, Vars.CLARIFICATION_QUESTION, QUESTION));
        Date due = Date.from(NOW.plus(CLARIFICATION_DAYS, DAYS));
        assertThat(instance)
                .isWaitingAt(Elements.REQUEST_CLARIFICATION)
                .variables()
                .containsEntry(Vars.CLARIFICATION_DUE, due);
        assertThat(task()).isAssignedTo(ANNA);
        assertThat(task().getDueDate()).isEqualTo(due);
    }

    /** The architecture group, which owns the document, completes the review task. */
    private void review(ProcessInstance instance, Disposition disposition, String reason) {
        assertThat(instance).isWaitingAt(Elements.REVIEW);
        completeAs(
                ERIK,
                task(Elements.REVIEW, instance),
                withVariables(Vars.DISPOSITION, disposition.name(), Vars.DISPOSITION_REASON, reason));
    }

    private void completeAs(String user, Task task, Map<String, Object> variables) {
        signIn(user);
        try {
            complete(task, variables);
        } finally {
            identityService.clearAuthentication();
        }
    }

    private void claimAs(String user, Task task) {
        signIn(user);
        try {
            taskService.claim(task.getId(), user);
        } finally {
            identityService.clearAuthentication();
        }
    }

    private static void assertConflictOfInterest(Runnable action) {
        assertThatThrownBy(action::run).satisfies(thrown -> {
            Throwable cause = thrown;
            while (cause != null && !(cause instanceof ForbiddenException)) {
                cause = cause.getCause();
            }
            assertThat(cause).as("refused as a conflict of interest").isNotNull();
            assertThat(cause.getMessage()).contains("jäv");
        });
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

    // reading what happened

    private String referenceOf(ProcessInstance instance) {
        return historyService
                .createHistoricProcessInstanceQuery()
                .processInstanceId(instance.getId())
                .singleResult()
                .getBusinessKey();
    }

    /** The documents whose revision the feedback asked for: revision processes that carry its reference. */
    private List<String> revisionsAskedFor(String reference) {
        return historyService
                .createHistoricProcessInstanceQuery()
                .processDefinitionKey(RevisionProcess.KEY)
                .variableValueEquals(RevisionProcess.Vars.FEEDBACK_REFERENCE, reference)
                .list()
                .stream()
                .map(revision -> (String) historyService
                        .createHistoricVariableInstanceQuery()
                        .processInstanceId(revision.getId())
                        .variableName(RevisionProcess.Vars.GUIDANCE_ID)
                        .singleResult()
                        .getValue())
                .toList();
    }

    private Feedback stored(String reference) {
        return feedbackService.find(reference).orElseThrow();
    }

    private static int number(String reference) {
        return Integer.parseInt(reference.substring(reference.lastIndexOf('-') + 1));
    }

    private static Instant dueDateOf(Job job) {
        return job.getDuedate().toInstant();
    }

    /** Whether the job executor would pick the job up now. */
    private static boolean isDue(Job job) {
        return jobQuery().jobId(job.getId()).executable().count() == 1;
    }

    private static void theClockReads(Instant instant) {
        EngineClock.at(instant);
    }

    private static void assertRefused(String field, Runnable completion) {
        assertThatThrownBy(completion::run)
                .satisfies(thrown -> assertThat(invalidInputIn(thrown))
                        .as("the refusal names the field at fault")
                        .extracting(InvalidInputException::field)
                        .isEqualTo(field));
    }

    private static InvalidInputException invalidInputIn(Throwable thrown) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidInputException invalid) {
                return invalid;
            }
        }
        throw new AssertionError("Not refused as invalid input", thrown);
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

    /** Mails to several people arrive once in each mailbox; each is listed once here. */
    private static List<Mail> mailsTo(String address) {
        return Arrays.stream(mailServer.getReceivedMessages())
                .map(Mail::of)
                .distinct()
                .filter(mail -> mail.to().contains(address))
                .toList();
    }

    private static List<String> subjectsOfMailsTo(String address) {
        return smtp.subjectsTo(address);
    }
}
