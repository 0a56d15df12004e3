package se.esam.lifecycle.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.variable.Variables.createVariables;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;
import static se.esam.lifecycle.support.Problems.assertProblemNaming;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.SpinValues;
import org.camunda.spin.plugin.variable.value.JsonValue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;

import se.esam.lifecycle.feedback.internal.FeedbackProcess;
import se.esam.lifecycle.feedback.internal.FeedbackProcess.TriageDecisions;
import se.esam.lifecycle.identity.Directory;
import se.esam.lifecycle.review.PeriodicReviewStarter;
import se.esam.lifecycle.revision.internal.RevisionProcess;
import se.esam.lifecycle.support.EngineClock;
import se.esam.lifecycle.support.HttpAgent;
import se.esam.lifecycle.support.People;
import se.esam.lifecycle.support.PostgresDatabase;
import se.esam.lifecycle.support.TestEnvironment;
import se.esam.lifecycle.support.TestSmtp;

/**
 * Every figure of the manager reports against a small history built through the real processes on a
 * fixed clock, and computed by hand (in the comments). Times are 09:00 UTC, 10:00 in Stockholm, so no
 * item changes month with the time zone. "Now" is 10 March 2026; the period January to March 2026.
 * <pre>
 *   A anna  ERROR digital-samverkan   submitted 01-05, routed 01-06 (due 01-16), REJECTED 01-10
 *   B olof  GAP   digital-samverkan   submitted 01-05, routed 01-07 (due 01-17), ACCEPTED 01-19 (late),
 *                                     revision opened 01-19, published 02-18
 *   I olof  GAP   digital-samverkan   submitted 01-20, routed 01-21 (due 01-31), HELD 01-23
 *   C anna  ERROR digital-samverkan   submitted 02-02, duplicate of A 02-03
 *   D olof  ERROR behovsdriven-utv.   submitted 02-02, out of scope 02-04
 *   E anna  GAP   digital-samverkan   submitted 02-09, clarification asked 02-10, unanswered 02-24
 *   F olof  ERROR digital-samverkan   submitted 02-16, routed 02-17 (due 02-27), still in review
 *   G anna  GAP   digital-samverkan   submitted 03-02, in triage
 *   H olof  ERROR digital-samverkan   submitted 03-03, routed 03-04 (due 03-14), in review
 * </pre>
 */
@SpringBootTest(webEnvironment = RANDOM_PORT)
@TestEnvironment
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportFiguresIT {

    private static final String ARCHITECTURE = "expert-architecture";
    private static final String PERIOD = "from=2026-01&to=2026-03";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    static final TestSmtp smtp = new TestSmtp();

    @RegisterExtension
    static final GreenMailExtension mail = smtp.server();

    @LocalServerPort
    int port;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService tasks;

    @Autowired
    IdentityService identity;

    @Autowired
    ManagementService management;

    @Autowired
    HistoryService history;

    @Autowired
    Directory directory;

    private final Map<String, String> ref = new LinkedHashMap<>();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        PostgresDatabase.createFor(ReportFiguresIT.class, registry);
        smtp.configure(registry);
    }

    @Autowired
    PeriodicReviewStarter periodicReviews;

    @Autowired
    javax.sql.DataSource dataSource;

    @BeforeAll
    void buildTheHistory() throws Exception {
        // the catalogue's reviews, as start-up starts them outside tests; the revision below supersedes 4.1's
        at("2026-01-02");
        periodicReviews.scheduleCurrentVersions();
        ProcessInstance a = submit("A", "2026-01-05", "anna", "ERROR", "digital-samverkan");
        ProcessInstance b = submit("B", "2026-01-05", "olof", "GAP", "digital-samverkan");
        route(a, "2026-01-06");
        route(b, "2026-01-07");
        review(a, "2026-01-10", "REJECTED");
        review(b, "2026-01-19", "ACCEPTED");
        ProcessInstance i = submit("I", "2026-01-20", "olof", "GAP", "digital-samverkan");
        route(i, "2026-01-21");
        review(i, "2026-01-23", "HELD");

        ProcessInstance c = submit("C", "2026-02-02", "anna", "ERROR", "digital-samverkan");
        ProcessInstance d = submit("D", "2026-02-02", "olof", "ERROR", "behovsdriven-utveckling");
        at("2026-02-03");
        completeAs(
                "karin",
                task(c, FeedbackProcess.Elements.TRIAGE),
                Map.of(
                        FeedbackProcess.Vars.TRIAGE_DECISION,
                        TriageDecisions.DUPLICATE,
                        FeedbackProcess.Vars.DUPLICATE_OF,
                        ref.get("A")));
        at("2026-02-04");
        completeAs(
                "karin",
                task(d, FeedbackProcess.Elements.TRIAGE),
                Map.of(
                        FeedbackProcess.Vars.TRIAGE_DECISION,
                        TriageDecisions.OUT_OF_SCOPE,
                        FeedbackProcess.Vars.OUT_OF_SCOPE_REASON,
                        "Gäller inte vägledningen."));
        ProcessInstance e = submit("E", "2026-02-09", "anna", "GAP", "digital-samverkan");
        at("2026-02-10");
        completeAs(
                "karin",
                task(e, FeedbackProcess.Elements.TRIAGE),
                Map.of(
                        FeedbackProcess.Vars.TRIAGE_DECISION,
                        TriageDecisions.CLARIFY,
                        FeedbackProcess.Vars.CLARIFICATION_QUESTION,
                        "Vilket avsnitt?"));
        ProcessInstance f = submit("F", "2026-02-16", "olof", "ERROR", "digital-samverkan");
        route(f, "2026-02-17");
        publishTheRevision("2026-02-18");
        at("2026-02-24");
        management.executeJob(management
                .createJobQuery()
                .processInstanceId(e.getId())
                .timers()
                .singleResult()
                .getId());

        submit("G", "2026-03-02", "anna", "GAP", "digital-samverkan");
        ProcessInstance h = submit("H", "2026-03-03", "olof", "ERROR", "digital-samverkan");
        route(h, "2026-03-04");
        at("2026-03-10");
    }

    @AfterAll
    void resetTheClock() {
        EngineClock.reset();
    }

    @Test
    void backlogCountsOpenFeedbackByStageAndGroupWithTheOverdue() {
        Map<String, Object> backlog = get("/api/reports/backlog?" + PERIOD);
        // G in triage; F (due 02-27, overdue) and H (due 03-14) in review; I held for the next revision
        assertThat(rows(backlog.get("rows"), "stage", "expertGroup", "open", "overdue"))
                .containsExactly(
                        "TRIAGE null 1 0", "REVIEW expert-architecture 2 1", "REVISION expert-architecture 1 0");
        assertThat(backlog).containsEntry("open", 4).containsEntry("overdue", 1);
    }

    @Test
    void leadTimesAreMediansAndNinetiethPercentilesInDays() {
        Map<String, Object> leadTimes = get("/api/reports/lead-times?" + PERIOD);
        // to disposition: architecture A 5, B 14, I 3 days; no group (closed at triage) C 1, D 2, E 15 days;
        // p90 of three values interpolates at 1.8: 5 + 0.8 × 9 = 12.2 and 2 + 0.8 × 13 = 12.4
        assertThat(rows(leadTimes.get("toDispositionByGroup"), "expertGroup", "count", "medianDays", "p90Days"))
                .containsExactly("expert-architecture 3 5.0 12.2", "null 3 2.0 12.4");
        assertThat(rows(leadTimes.get("toDispositionByMonth"), "month", "count", "medianDays", "p90Days"))
                .containsExactly("2026-01 3 5.0 12.2", "2026-02 3 2.0 12.4");
        // to publication: only B, 5 January to 18 February
        assertThat(rows(leadTimes.get("toPublicationByGroup"), "expertGroup", "count", "medianDays", "p90Days"))
                .containsExactly("expert-architecture 1 44.0 44.0");
        assertThat(rows(leadTimes.get("toPublicationByMonth"), "month", "count", "medianDays", "p90Days"))
                .containsExactly("2026-02 1 44.0 44.0");
        // triage A 1, B 2, I 1, C 1, D 2, E 1; clarification E 14; review A 4, B 12, I 2 (p90 4 + 0.8 × 8);
        // revision B 19 January to 18 February
        assertThat(rows(leadTimes.get("stages"), "stage", "count", "medianDays", "p90Days"))
                .containsExactly(
                        "TRIAGE 6 1.0 2.0", "CLARIFICATION 1 14.0 14.0", "REVIEW 3 4.0 10.4", "REVISION 1 30.0 30.0");
    }

    @Test
    void outcomesByTypeGuidanceAndOrganisation() {
        Map<String, Object> outcomes = get("/api/reports/outcomes?" + PERIOD);
        String[] columns = {"key", "accepted", "rejected", "held", "duplicate", "outOfScope", "unanswered"};
        assertThat(rows(outcomes.get("byType"), columns)).containsExactly("ERROR 0 1 0 1 1 0", "GAP 1 0 1 0 0 1");
        assertThat(rows(outcomes.get("byGuidance"), columns))
                .containsExactly("behovsdriven-utveckling 0 0 0 0 1 0", "digital-samverkan 1 1 1 1 0 1");
        assertThat(rows(outcomes.get("byOrganisation"), columns))
                .containsExactly("org-kronofogden 1 0 1 0 1 0", "org-pensionsmyndigheten 0 1 0 1 0 1");
    }

    @Test
    void throughputPerMonthWithTheRevisionsCycleTime() {
        List<Map<String, Object>> throughput = getList("/api/reports/throughput?" + PERIOD);
        assertThat(rows(
                        throughput,
                        "month",
                        "submitted",
                        "decided",
                        "published",
                        "revisionsPublished",
                        "revisionMedianDays",
                        "revisionP90Days"))
                .containsExactly("2026-01 3 3 0 0 null null", "2026-02 4 3 1 1 30.0 30.0", "2026-03 2 0 0 0 null null");
    }

    @Test
    void reviewsPastTheirDueDateByGroupAndMonth() {
        // B decided two days late; F still open after its due date; H not yet due
        assertThat(rows(getList("/api/reports/deadlines?" + PERIOD), "expertGroup", "month", "reviews", "late"))
                .containsExactly(
                        "expert-architecture 2026-01 3 1",
                        "expert-architecture 2026-02 1 1",
                        "expert-architecture 2026-03 1 0");
    }

    @Test
    void filtersNarrowEveryFigure() {
        assertThat(rows(
                        getList("/api/reports/throughput?" + PERIOD + "&organisation=org-pensionsmyndigheten"),
                        "month",
                        "submitted",
                        "decided"))
                .containsExactly("2026-01 1 1", "2026-02 2 2", "2026-03 1 0");
        assertThat(rows(
                        get("/api/reports/outcomes?" + PERIOD + "&guidanceId=behovsdriven-utveckling")
                                .get("byType"),
                        "key",
                        "outOfScope"))
                .containsExactly("ERROR 1");
        assertThat(rows(
                        get("/api/reports/backlog?" + PERIOD + "&expertGroup=" + ARCHITECTURE)
                                .get("rows"),
                        "stage",
                        "open"))
                .containsExactly("REVIEW 2", "REVISION 1");
        assertThat(rows(getList("/api/reports/deadlines?from=2026-02&to=2026-02"), "month", "reviews"))
                .containsExactly("2026-02 1");
        // anna's: A 5 days (architecture), C 1 and E 15 days (no group); median 8, p90 1 + 0.9 × 14 = 13.6
        Map<String, Object> annas = get("/api/reports/lead-times?" + PERIOD + "&organisation=org-pensionsmyndigheten");
        assertThat(rows(annas.get("toDispositionByGroup"), "expertGroup", "count", "medianDays", "p90Days"))
                .containsExactly("expert-architecture 1 5.0 5.0", "null 2 8.0 13.6");
        assertThat(rows(annas.get("toDispositionByMonth"), "month", "count", "medianDays", "p90Days"))
                .containsExactly("2026-01 1 5.0 5.0", "2026-02 2 8.0 13.6");
        Map<String, Object> architecture = get("/api/reports/lead-times?" + PERIOD + "&expertGroup=" + ARCHITECTURE
                + "&guidanceId=digital-samverkan&organisation=org-pensionsmyndigheten");
        assertThat(rows(architecture.get("toDispositionByMonth"), "month", "count", "medianDays", "p90Days"))
                .containsExactly("2026-01 1 5.0 5.0");
        assertThat(rows(architecture.get("stages"), "stage", "count", "medianDays", "p90Days"))
                .containsExactly(
                        "TRIAGE 1 1.0 1.0", "CLARIFICATION 0 null null", "REVIEW 1 4.0 4.0", "REVISION 0 null null");
    }

    /**
     * The monthly figures the reports read (V19) must equal a count of the feedback table after the history
     * above, every change made through the processes: the migration's own statements, run again into empty
     * copies, give the same rows.
     */
    @Test
    void monthlyFiguresEqualACountOfTheFeedbackTable() throws Exception {
        String migration = new String(
                getClass()
                        .getResourceAsStream("/db/migration/V19__report_aggregates.sql")
                        .readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8);
        String statements = migration
                .lines()
                .filter(line -> !line.strip().startsWith("--"))
                .collect(java.util.stream.Collectors.joining("\n"));
        try (java.sql.Connection connection = dataSource.getConnection();
                java.sql.Statement s = connection.createStatement()) {
            s.execute("create temporary table recount_count (like report_count)");
            s.execute("create temporary table recount_histogram (like report_histogram)");
            for (String statement : statements.split(";")) {
                if (statement.strip().startsWith("insert into")) {
                    s.executeUpdate(statement
                            .replace("insert into report_count", "insert into recount_count")
                            .replace("insert into report_histogram", "insert into recount_histogram"));
                }
            }
            for (String[] tables :
                    new String[][] {{"report_count", "recount_count"}, {"report_histogram", "recount_histogram"}}) {
                String kept = "select * from " + tables[0] + " where items <> 0";
                String recounted = "select * from " + tables[1];
                try (java.sql.ResultSet rs = s.executeQuery("select (select count(*) from (" + kept + " except "
                        + recounted + ") a) + (select count(*) from (" + recounted + " except " + kept
                        + ") b), (select count(*) from " + tables[1] + ")")) {
                    rs.next();
                    assertThat(rs.getLong(1))
                            .as("rows of %s other than a recount", tables[0])
                            .isZero();
                    assertThat(rs.getLong(2))
                            .as("rows recounted for %s", tables[0])
                            .isPositive();
                }
            }
        }
    }

    @Test
    void everyFigureDrillsDownToTheFeedbackBehindIt() {
        assertThat(references("figure=overdue&stage=REVIEW&expertGroup=" + ARCHITECTURE))
                .containsExactly(ref.get("F"));
        assertThat(references("figure=backlog"))
                .containsExactlyInAnyOrder(ref.get("F"), ref.get("G"), ref.get("H"), ref.get("I"));
        assertThat(references("figure=decided&month=2026-02"))
                .containsExactlyInAnyOrder(ref.get("C"), ref.get("D"), ref.get("E"));
        assertThat(references("figure=answered")).containsExactly(ref.get("B"));
        assertThat(references("figure=outcome&outcome=ACCEPTED&type=GAP")).containsExactly(ref.get("B"));
        assertThat(references("figure=outcome&outcome=UNANSWERED&organisation=org-pensionsmyndigheten"))
                .containsExactly(ref.get("E"));
        assertThat(references("figure=late-reviews")).containsExactlyInAnyOrder(ref.get("B"), ref.get("F"));
        assertThat(references("figure=submitted&month=2026-03")).containsExactlyInAnyOrder(ref.get("G"), ref.get("H"));
        // the totals from the monthly figures
        assertThat(get("/api/reports/feedback?figure=decided&" + PERIOD)).containsEntry("total", 6);
        assertThat(get("/api/reports/feedback?figure=outcome&outcome=ACCEPTED&type=GAP&" + PERIOD))
                .containsEntry("total", 1);
        assertThat(get("/api/reports/feedback?figure=submitted&month=2026-03")).containsEntry("total", 2);
    }

    @Test
    void everyTableComesAsCsv() {
        HttpAgent.Response csv = api(People.MATS).get("/api/reports/csv/throughput?" + PERIOD);
        assertThat(csv.status()).as("%s", csv).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.body())
                .startsWith("month,submitted,decided,published,revisionsPublished,"
                        + "revisionMedianDays,revisionP90Days\r\n")
                .contains("2026-02,4,3,1,1,30.0,30.0\r\n");
        String feedback = api(People.MATS)
                .get("/api/reports/csv/feedback?" + PERIOD + "&figure=answered")
                .body();
        assertThat(feedback.lines()).hasSize(2).element(1).asString().startsWith(ref.get("B") + ",GAP,");
    }

    @Test
    void periodicReviewsPastTheirDateNowOldestFirst() {
        // on 2026-03-10: the legal statement (12 months from 2023-05-22) and Behovsdriven utveckling (24 months
        // from 2023-11-02); digital-samverkan 4.2, published by the revision above, is due in 2028
        assertThat(rows(
                        getList("/api/reports/overdue-reviews"),
                        "guidanceId",
                        "version",
                        "expertGroup",
                        "reviewDue",
                        "daysOverdue"))
                .containsExactly(
                        "molntjanster-rattsligt-uttalande 1.0 expert-law 2024-05-22 657",
                        "behovsdriven-utveckling 1.0 expert-architecture 2025-11-02 128");
        assertThat(rows(getList("/api/reports/overdue-reviews?expertGroup=expert-law"), "guidanceId"))
                .containsExactly("molntjanster-rattsligt-uttalande");
        assertThat(api(People.MATS).get("/api/reports/csv/overdue-reviews").body())
                .startsWith("guidanceId,title,version,expertGroup,reviewDue,daysOverdue\r\n")
                .contains("behovsdriven-utveckling,");
        assertThat(browser(People.MATS).get("/reports").body())
                .contains("Försenade översyner")
                .contains("/guidance/behovsdriven-utveckling/1.0");
    }

    @Test
    void reportsPageShowsTheFiguresWithLinksToTheItems() throws Exception {
        HttpAgent mats = browser(People.MATS);
        HttpAgent.Response page = mats.get("/reports?" + PERIOD);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body())
                .contains("Öppna synpunkter nu")
                .contains("/webjars/chart.js/")
                .contains("data-chart=")
                .contains("/reports/feedback?from=2026-01&amp;to=2026-03");
        String drill =
                mats.get("/reports/feedback?" + PERIOD + "&figure=overdue").body();
        assertThat(drill).contains(ref.get("F")).doesNotContain(ref.get("H"));
        assertThat(mats.get("/reports?from=2026-13").status()).isEqualTo(400);
    }

    @Test
    void onlyManagersAndAdministratorsSeeTheReports() throws Exception {
        assertThat(api(People.ADMIN).get("/api/reports/backlog").status()).isEqualTo(200);
        for (People.Person person : List.of(People.ANNA, People.KARIN, People.ERIK, People.MARIA)) {
            assertThat(api(person).get("/api/reports/backlog").status())
                    .as(person.id())
                    .isEqualTo(403);
            assertThat(browser(person).get("/reports").status()).as(person.id()).isEqualTo(403);
        }
        assertThat(HttpAgent.anonymous(base()).get("/api/reports/backlog").status())
                .isEqualTo(401);
    }

    @Test
    void badFiltersAreRefusedNamingTheField() {
        assertProblemNaming(api(People.MATS).get("/api/reports/backlog?from=2026-13"), 400, "from");
        assertProblemNaming(api(People.MATS).get("/api/reports/feedback?figure=everything"), 400, "figure");
        assertProblemNaming(api(People.MATS).get("/api/reports/csv/secrets"), 400, "table");
    }

    /**
     * Months are YYYY-MM from 2000-01 to 2099-12. The edges of java.time (which overflowed into 500s) and
     * lenient spellings are refused with 400 naming the parameter, on every report, drill-down, CSV and
     * the page.
     */
    @Test
    void monthsOutsideTwoThousandToTwentyNinetyNineOrNotWrittenYyyyMmAreRefusedNamingTheParameter() throws Exception {
        List<String> reports = List.of(
                "/api/reports/backlog",
                "/api/reports/lead-times",
                "/api/reports/outcomes",
                "/api/reports/throughput",
                "/api/reports/deadlines",
                "/api/reports/feedback?figure=submitted",
                "/api/reports/csv/backlog",
                "/api/reports/csv/throughput",
                "/api/reports/csv/feedback?figure=submitted");
        List<String> months = List.of(
                "-999999999-01",
                "%2B999999999-12",
                "%2B2026-01",
                "1999-12",
                "2100-01",
                "20261-01",
                "2026-1",
                "%202026-01",
                "2026-00");
        assertThat(reports).isNotEmpty();
        assertThat(months).isNotEmpty();
        HttpAgent mats = browser(People.MATS);
        for (String report : reports) {
            for (String month : months) {
                for (String parameter : List.of("from", "to")) {
                    String path = report + (report.contains("?") ? "&" : "?") + parameter + "=" + month;
                    assertRefused(path, parameter);
                }
            }
        }
        for (String month : months) {
            assertRefused("/api/reports/feedback?figure=submitted&month=" + month, "month");
            for (String parameter : List.of("from", "to")) {
                HttpAgent.Response page = mats.get("/reports?" + parameter + "=" + month);
                assertThat(page.status()).as(parameter + "=" + month).isEqualTo(400);
                assertThat(page.body()).contains(parameter + ":");
            }
            assertThat(mats.get("/reports/feedback?figure=submitted&month=" + month)
                            .status())
                    .isEqualTo(400);
        }
        // the bounds themselves are reports like any other
        assertThat(getList("/api/reports/throughput?from=2000-01&to=2019-12")).hasSize(240);
        assertThat(getList("/api/reports/throughput?from=2080-01&to=2099-12")).hasSize(240);
    }

    private void assertRefused(String path, String parameter) {
        assertProblemNaming(api(People.MATS).get(path), 400, parameter);
    }

    // --- building the history

    private ProcessInstance submit(String name, String day, String user, String type, String guidance) {
        at(day);
        boolean digital = "digital-samverkan".equals(guidance);
        ProcessInstance instance = as(
                user,
                () -> runtime.startProcessInstanceByKey(
                        FeedbackProcess.KEY,
                        createVariables()
                                .putValue(FeedbackProcess.Vars.GUIDANCE_ID, guidance)
                                .putValue(FeedbackProcess.Vars.GUIDANCE_VERSION, digital ? "4.1" : "1.0")
                                .putValue(FeedbackProcess.Vars.SECTION_ID, digital ? "2.1" : "2")
                                .putValue(FeedbackProcess.Vars.FEEDBACK_TYPE, type)
                                .putValue(FeedbackProcess.Vars.DESCRIPTION, "Synpunkt " + name)));
        ref.put(
                name,
                history.createHistoricProcessInstanceQuery()
                        .processInstanceId(instance.getId())
                        .singleResult()
                        .getBusinessKey());
        return instance;
    }

    private void route(ProcessInstance feedback, String day) {
        at(day);
        completeAs(
                "karin",
                task(feedback, FeedbackProcess.Elements.TRIAGE),
                Map.of(
                        FeedbackProcess.Vars.TRIAGE_DECISION,
                        TriageDecisions.ROUTE,
                        FeedbackProcess.Vars.EXPERT_GROUP,
                        ARCHITECTURE,
                        FeedbackProcess.Vars.PRIORITY,
                        "NORMAL"));
    }

    private void review(ProcessInstance feedback, String day, String disposition) {
        at(day);
        completeAs(
                "erik",
                task(feedback, FeedbackProcess.Elements.REVIEW),
                Map.of(
                        FeedbackProcess.Vars.DISPOSITION,
                        disposition,
                        FeedbackProcess.Vars.DISPOSITION_REASON,
                        "Motivering."));
    }

    /** Erik drafts (B not addressed, with a reason), the kansli approves, the chief architect approves. */
    private void publishTheRevision(String day) throws Exception {
        at(day);
        ProcessInstance revision = runtime.createProcessInstanceQuery()
                .processDefinitionKey(RevisionProcess.KEY)
                .singleResult();
        JsonValue stored = runtime.getVariableTyped(revision.getId(), RevisionProcess.Vars.ITEMS, false);
        List<Map<String, Object>> items = MAPPER.readValue(stored.getValueSerialized(), new TypeReference<>() {});
        items.forEach(item -> {
            item.put("trace", "NOT_ADDRESSED");
            item.put("traceReason", "Tas upp i nästa version.");
        });
        completeAs(
                "erik",
                task(revision, RevisionProcess.Elements.DRAFT),
                Map.of(
                        RevisionProcess.Vars.ITEMS,
                        SpinValues.jsonValue(MAPPER.writeValueAsString(items)).create(),
                        RevisionProcess.Vars.CHANGE_NOTES,
                        "Förtydliganden.",
                        RevisionProcess.Vars.CHANGE_CLASS,
                        "EDITORIAL"));
        completeAs(
                "karin",
                task(revision, RevisionProcess.Elements.QUALITY_REVIEW),
                Map.of(RevisionProcess.Vars.QUALITY_DECISION, "approve"));
        completeAs(
                "maria",
                task(revision, RevisionProcess.Elements.APPROVE),
                Map.of(RevisionProcess.Vars.APPROVAL_DECISION, "approve"));
        assertThat(runtime.createProcessInstanceQuery()
                        .processInstanceId(revision.getId())
                        .count())
                .isZero();
    }

    private Task task(ProcessInstance instance, String key) {
        return tasks.createTaskQuery()
                .processInstanceId(instance.getId())
                .taskDefinitionKey(key)
                .singleResult();
    }

    private void completeAs(String user, Task task, Map<String, Object> variables) {
        as(user, () -> {
            tasks.claim(task.getId(), user);
            tasks.complete(task.getId(), variables);
            return null;
        });
    }

    private <T> T as(String user, java.util.function.Supplier<T> action) {
        identity.setAuthentication(user, directory.groupsOf(user));
        try {
            return action.get();
        } finally {
            identity.clearAuthentication();
        }
    }

    private static void at(String day) {
        EngineClock.at(Instant.parse(day + "T09:00:00Z"));
    }

    // --- reading the reports

    private String base() {
        return HttpAgent.local(port);
    }

    /** A person's API client: HTTP Basic. */
    private HttpAgent api(People.Person person) {
        return HttpAgent.basic(base(), person);
    }

    /** A person's browser, signed in on the login form. */
    private HttpAgent browser(People.Person person) {
        return HttpAgent.signedIn(base(), person);
    }

    private Map<String, Object> get(String path) {
        HttpAgent.Response response = api(People.MATS).get(path);
        assertThat(response.status()).as("%s", response).isEqualTo(200);
        return response.json();
    }

    private List<Map<String, Object>> getList(String path) {
        HttpAgent.Response response = api(People.MATS).get(path);
        assertThat(response.status()).as("%s", response).isEqualTo(200);
        return response.jsonList();
    }

    private List<String> references(String drill) {
        Object items = get("/api/reports/feedback?" + PERIOD + "&" + drill).get("items");
        return rows(items, "reference");
    }

    @SuppressWarnings("unchecked")
    private static List<String> rows(Object list, String... columns) {
        return ((List<Map<String, Object>>) list)
                .stream()
                        .map(row -> {
                            StringBuilder line = new StringBuilder();
                            for (String column : columns) {
                                line.append(line.isEmpty() ? "" : " ").append(row.get(column));
                            }
                            return line.toString();
                        })
                        .toList();
    }
}
