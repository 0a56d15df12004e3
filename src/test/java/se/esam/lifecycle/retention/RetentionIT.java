package se.esam.lifecycle.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.icegreen.greenmail.junit5.GreenMailExtension;

import se.esam.lifecycle.support.EngineClock;
import se.esam.lifecycle.support.HttpAgent;
import se.esam.lifecycle.support.People;
import se.esam.lifecycle.support.PostgresDatabase;
import se.esam.lifecycle.support.Problems;
import se.esam.lifecycle.support.ProcessDriver;
import se.esam.lifecycle.support.TestEnvironment;
import se.esam.lifecycle.support.TestSmtp;

/**
 * Disposal over real HTTP on a fresh PostgreSQL database, the records made by the real processes (feedback)
 * and, for revisions, written as the revision module writes them. Time is moved with the engine's clock,
 * which is the application's: closed at {@link #CLOSED}, a case's records are disposed of by their rules
 * (config/retention.yaml: clarifications and engine history after two years, mail after one, the rest after
 * ten), except where a legal hold stops it.
 *
 * <p>Cases: anna's A (disposed of), anna's B and the revision HELD_REV (under a legal hold), olof's C
 * (closed a month before the run: not yet due) and the revision FREE_REV (disposed of).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestEnvironment
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RetentionIT {

    static final TestSmtp smtp = new TestSmtp();

    @RegisterExtension
    static GreenMailExtension mail = smtp.server();

    @DynamicPropertySource
    static void environment(DynamicPropertyRegistry registry) {
        PostgresDatabase.createFor(RetentionIT.class, registry);
        smtp.configure(registry);
    }

    /** 10:00 in Stockholm. */
    private static final Instant CLOSED = Instant.parse("2026-03-02T09:00:00Z");
    /** Ten years and a day after A and B closed: everything of theirs is due. */
    private static final Instant TEN_YEARS_ON =
            ZonedDateTime.parse("2036-03-03T10:00:00+01:00[Europe/Stockholm]").toInstant();
    /** C closes a month before the run: nothing of it is due, not even its mail (one year). */
    private static final Instant C_CLOSED =
            ZonedDateTime.parse("2036-02-01T10:00:00+01:00[Europe/Stockholm]").toInstant();

    private static final String A_TEXT = "Retentionsprov-A: avsnittet saknar exempel.";
    private static final String B_TEXT = "Retentionsprov-B: avsnittet är otydligt.";
    private static final String C_TEXT = "Retentionsprov-C: principen passar inte Kronofogden.";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    HistoryService history;

    @Autowired
    Disposal disposal;

    private ProcessDriver driver;
    private String a;
    private String b;
    private String c;
    private long freeRevision;
    private long heldRevision;

    @BeforeAll
    void closeTheCases() {
        driver = new ProcessDriver(HttpAgent.local(port));
        at(CLOSED);
        a = closedWithClarification("anna", A_TEXT, "Svar A från anna: exemplet gäller pensioner.");
        b = closedWithClarification("anna", B_TEXT, "Svar B från anna.");
        freeRevision = publishedRevision(CLOSED);
        heldRevision = publishedRevision(CLOSED);
        // olof's organisation stood behind A while it was open (as the endorsement module leaves it), and olof
        // follows a section: his own settings, no record of a case
        jdbc.sql("insert into feedback_endorsement (reference, organisation, comment, endorsed_by, source, "
                        + "created_at) values (?, 'org-kronofogden', 'Retentionsprov-E: samma hos oss.', 'olof', "
                        + "'MEMBER', ?)")
                .params(a, Timestamp.from(CLOSED))
                .update();
        HttpAgent.Response follow = driver.as("olof")
                .json("POST", "/api/follows", Map.of("guidanceId", "digital-samverkan", "sectionId", "2"));
        assertThat(follow.status()).as("%s", follow).isEqualTo(201);
    }

    @AfterAll
    void resetTheClock() {
        EngineClock.reset();
    }

    @Test
    @Order(1)
    void theAccessReportHoldsThePersonsDataAndNothingOfOthers() {
        at(CLOSED.plusSeconds(3600));
        HttpAgent.Response report = driver.as("karin").get("/api/people/anna/personal-data");
        assertThat(report.status()).as("%s", report).isEqualTo(200);
        String body = report.body();
        assertThat(body)
                .contains(A_TEXT, B_TEXT, "Svar A från anna", "anna@pensionsmyndigheten.example", "Anna Andersson")
                .doesNotContain("olof", "Retentionsprov-R");
        Map<String, Object> json = report.json();
        assertThat((List<?>) json.get("feedback")).hasSize(2);
        assertThat((List<?>) json.get("clarificationAnswers")).hasSize(2);
        assertThat((List<?>) json.get("mails")).isNotEmpty();

        HttpAgent.Response olofs = driver.as("admin").get("/api/people/olof/personal-data");
        assertThat(olofs.status()).isEqualTo(200);
        assertThat(olofs.body())
                .contains("Retentionsprov-R: Kronofogden tillstyrker.", "Retentionsprov-E: samma hos oss.")
                .doesNotContain(A_TEXT, B_TEXT, "anna");
        assertThat((List<?>) olofs.json().get("endorsements")).hasSize(1);
        assertThat((List<?>) olofs.json().get("follows")).hasSize(1);

        assertThat(jdbc.sql("select actor from retention_audit where action = 'ACCESS_REPORT' and subject = 'anna'")
                        .query(String.class)
                        .list())
                .containsExactly("karin");
    }

    @Test
    @Order(2)
    void onlyTheKansliAndAdministratorsMayAndBadInputIsRefusedNamingTheField() {
        for (String other : List.of("anna", "erik", "mats", "maria")) {
            assertThat(driver.as(other).get("/api/people/anna/personal-data").status())
                    .isEqualTo(403);
            assertThat(driver.as(other)
                            .json("POST", "/api/people/anna/erasure", null)
                            .status())
                    .isEqualTo(403);
            assertThat(driver.as(other).json("POST", "/api/retention/run", null).status())
                    .isEqualTo(403);
            assertThat(driver.as(other).get("/api/retention/log").status()).isEqualTo(403);
            assertThat(driver.as(other)
                            .json("POST", "/api/cases/" + b + "/legal-hold", Map.of("reason", "x"))
                            .status())
                    .isEqualTo(403);
        }
        assertThat(HttpAgent.anonymous(HttpAgent.local(port))
                        .get("/api/retention/log")
                        .status())
                .isEqualTo(401);
        // around the front door: a submitter cannot remove a case's engine history through Camunda's API
        String instance = processOf(a);
        assertThat(driver.as("anna")
                        .json("DELETE", "/engine-rest/history/process-instance/" + instance, null)
                        .status())
                .isEqualTo(403);

        HttpAgent karin = driver.as("karin");
        Problems.assertProblemNaming(
                karin.json("POST", "/api/cases/" + b + "/legal-hold", Map.of("reason", " ")), 400, "reason");
        Problems.assertProblemNaming(karin.json("POST", "/api/cases/" + b + "/legal-hold", Map.of()), 400, "reason");
        Problems.assertProblemNaming(
                karin.json("POST", "/api/cases/no-case/legal-hold", Map.of("reason", "Utlämnande prövas.")),
                400,
                "reference");
        assertThat(karin.json("POST", "/api/cases/FB-1999-9999/legal-hold", Map.of("reason", "Utlämnande prövas."))
                        .status())
                .isEqualTo(404);
        assertThat(karin.json("POST", "/api/cases/REV-999999/legal-hold", Map.of("reason", "Utlämnande prövas."))
                        .status())
                .isEqualTo(404);
        assertThat(karin.json("DELETE", "/api/cases/" + b + "/legal-hold", null).status())
                .isEqualTo(404);
        Problems.assertProblemNaming(karin.get("/api/people/anna_x/personal-data"), 400, "userId");
        assertThat(karin.get("/api/people/nobody-here/personal-data").status()).isEqualTo(404);
        assertThat(karin.json("POST", "/api/people/nobody-here/erasure", null).status())
                .isEqualTo(404);
        assertThat(count("select count(*) from legal_hold")).isZero();
    }

    @Test
    @Order(3)
    void nothingIsDisposedBeforeItsTimeAndTheRunIsLoggedAll() {
        at(CLOSED.plus(java.time.Duration.ofDays(364)));
        HttpAgent.Response run = driver.as("karin").json("POST", "/api/retention/run", null);
        assertThat(run.status()).as("%s", run).isEqualTo(200);
        assertThat(run.jsonList()).hasSize(RecordType.values().length);
        assertThat(run.jsonList())
                .allSatisfy(row -> assertThat(row.get("disposedCount")).isEqualTo(0));
        assertThat(description(a)).isEqualTo(A_TEXT);
        assertThat(historyOf(a)).isOne();
        assertThat(mailsOf(a)).isPositive();
        assertThat(count("select count(*) from revision_section where revision_id = ?", freeRevision))
                .isPositive();
    }

    @Test
    @Order(4)
    void pastItsTimeEveryRecordTypeIsDisposedExceptInHeldCasesAndTheLogSaysWhatWasDone() {
        HttpAgent karin = driver.as("karin");
        HttpAgent.Response hold = karin.json(
                "POST",
                "/api/cases/" + b + "/legal-hold",
                Map.of("reason", "Begäran om utlämnande prövas av kammarrätten."));
        assertThat(hold.status()).as("%s", hold).isEqualTo(201);
        assertThat(hold.json()).containsEntry("caseReference", b).containsEntry("placedBy", "karin");
        assertThat(karin.json("POST", "/api/cases/" + b + "/legal-hold", Map.of("reason", "Igen."))
                        .status())
                .isEqualTo(409);
        assertThat(karin.json(
                                "POST",
                                "/api/cases/REV-" + heldRevision + "/legal-hold",
                                Map.of("reason", "Tillsynsärende."))
                        .status())
                .isEqualTo(201);

        at(C_CLOSED);
        c = closedWithClarification("olof", C_TEXT, "Svar C från olof.");
        int mailsOfA = mailsOf(a);
        assertThat(mailsOfA).as("mails about A").isPositive();

        at(TEN_YEARS_ON);
        HttpAgent.Response run = karin.json("POST", "/api/retention/run", null);
        assertThat(run.status()).as("%s", run).isEqualTo(200);
        Map<String, Map<String, Object>> byType = byType(run.jsonList());

        // A: the item anonymised, its clarifications and audit trail too, its mail and engine history gone
        assertThat(description(a)).isEqualTo("[gallrad]");
        assertThat(submitter(a)).isEqualTo("[raderad]");
        assertThat(jdbc.sql("select organisation || '|' || coalesce(comment, '-') || '|' || endorsed_by from "
                                + "feedback_endorsement where reference = ?")
                        .param(a)
                        .query(String.class)
                        .single())
                .as("the endorsing organisation stays, the comment and the person go with A's text")
                .isEqualTo("org-kronofogden|-|[raderad]");
        assertThat(jdbc.sql("select status from feedback where reference = ?")
                        .param(a)
                        .query(String.class)
                        .single())
                .as("the decision stays")
                .isEqualTo("REJECTED");
        assertThat(eventTexts(a)).doesNotContain("Svar A från anna: exemplet gäller pensioner.");
        assertThat(actors(a)).doesNotContain("anna", "karin", "erik");
        assertThat(mailsOf(a)).isZero();
        assertThat(historyOf(a)).isZero();
        // FREE_REV: its response's author anonymised, the statement kept; its working copy and trail disposed of
        assertThat(jdbc.sql("select author from consultation_response where revision_id = ?")
                        .param(freeRevision)
                        .query(String.class)
                        .single())
                .isEqualTo("[raderad]");
        assertThat(count("select count(*) from revision_section where revision_id = ?", freeRevision))
                .isZero();
        assertThat(count("select count(*) from revision_event where revision_id = ? and actor = 'erik'", freeRevision))
                .isZero();

        // B and HELD_REV, under a hold: every record as it was
        assertThat(description(b)).isEqualTo(B_TEXT);
        assertThat(submitter(b)).isEqualTo("anna");
        assertThat(eventTexts(b)).contains("Svar B från anna.");
        assertThat(actors(b)).contains("anna", "karin", "erik");
        assertThat(mailsOf(b)).isPositive();
        assertThat(historyOf(b)).isOne();
        assertThat(jdbc.sql("select author from consultation_response where revision_id = ?")
                        .param(heldRevision)
                        .query(String.class)
                        .single())
                .isEqualTo("olof");
        assertThat(count("select count(*) from revision_section where revision_id = ?", heldRevision))
                .isPositive();
        assertThat(count("select count(*) from revision_event where revision_id = ? and actor = 'erik'", heldRevision))
                .isOne();

        // C, closed a month ago: not yet due
        assertThat(description(c)).isEqualTo(C_TEXT);
        assertThat(eventTexts(c)).contains("Svar C från olof.");
        assertThat(mailsOf(c)).isPositive();
        assertThat(historyOf(c)).isOne();

        // the log: type, how many, which decision, when, by whom
        assertThat(byType.get("FEEDBACK"))
                .containsEntry("disposedCount", 1)
                .containsEntry("action", "ANONYMISE")
                .containsEntry("runBy", "karin")
                .containsEntry(
                        "decision", "PLATSHÅLLARE: RA-FS 2021:6 bilaga, punkt X (ersätts av myndighetens beslut)");
        assertThat(Instant.parse((String) byType.get("FEEDBACK").get("runAt"))).isEqualTo(TEN_YEARS_ON);
        assertThat(byType.get("CLARIFICATION")).containsEntry("disposedCount", 2);
        assertThat(byType.get("ENGINE_HISTORY"))
                .containsEntry("disposedCount", 1)
                .containsEntry("action", "DELETE");
        assertThat(byType.get("MAIL")).containsEntry("disposedCount", mailsOfA);
        assertThat(byType.get("CONSULTATION_RESPONSE")).containsEntry("disposedCount", 1);
        assertThat(byType.get("REVISION_DRAFT")).containsEntry("disposedCount", 2);
        assertThat((Integer) byType.get("AUDIT_EVENT").get("disposedCount")).isGreaterThan(1);
        HttpAgent.Response log = karin.get("/api/retention/log");
        assertThat(log.status()).isEqualTo(200);
        assertThat(log.jsonList()).hasSize(2 * RecordType.values().length);
        assertThat(log.jsonList().get(0).get("runAt"))
                .isEqualTo(byType.get("FEEDBACK").get("runAt"));
    }

    @Test
    @Order(5)
    void aSecondRunDisposesOfNothingMore() {
        String before = snapshot();
        HttpAgent.Response again = driver.as("admin").json("POST", "/api/retention/run", null);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.jsonList())
                .allSatisfy(row -> assertThat(row.get("disposedCount")).isEqualTo(0));
        assertThat(again.jsonList())
                .allSatisfy(row -> assertThat(row.get("runBy")).isEqualTo("admin"));
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    @Order(6)
    void theNightlyRunRunsOncePerNightWhicheverNodeCallsIt() {
        int runs = count("select count(distinct run_id) from disposal_log");
        disposal.nightly();
        disposal.nightly();
        assertThat(count("select count(distinct run_id) from disposal_log")).isEqualTo(runs + 1);
        assertThat(count("select count(distinct run_id) from disposal_log where run_by = 'system'"))
                .isOne();
    }

    @Test
    @Order(7)
    void onceTheHoldIsLiftedTheHeldCaseIsDisposedOfAtTheNextRun() {
        HttpAgent karin = driver.as("karin");
        assertThat(karin.json("DELETE", "/api/cases/" + b + "/legal-hold", null).status())
                .isEqualTo(204);
        assertThat(karin.json("POST", "/api/retention/run", null).status()).isEqualTo(200);
        assertThat(description(b)).isEqualTo("[gallrad]");
        assertThat(mailsOf(b)).isZero();
        assertThat(historyOf(b)).isZero();
        assertThat(jdbc.sql("select action from retention_audit where subject = ? order by id")
                        .param(b)
                        .query(String.class)
                        .list())
                .containsExactly("LEGAL_HOLD_PLACED", "LEGAL_HOLD_LIFTED");
    }

    @Test
    @Order(8)
    void theKansliSeesTheRulesHoldsAndLogOnItsPageAndRunsFromIt() {
        HttpAgent karin = HttpAgent.signedIn(HttpAgent.local(port), People.KARIN);
        HttpAgent.Response page = karin.get("/retention");
        assertThat(page.status()).as("%s", page).isEqualTo(200);
        assertThat(page.body())
                .contains("Gallringsregler", "consultation-response", "PLATSHÅLLARE: RA-FS 2021:6 bilaga, punkt X")
                .contains("REV-" + heldRevision, "Tillsynsärende.")
                .contains("Gallringslogg");
        int runs = count("select count(distinct run_id) from disposal_log");
        HttpAgent.Response run = karin.postForm("/retention/run", Map.of("_csrf", karin.csrfTokenOn("/retention")));
        assertThat(run.status()).as("%s", run).isEqualTo(302);
        assertThat(run.location()).endsWith("/retention");
        assertThat(count("select count(distinct run_id) from disposal_log")).isEqualTo(runs + 1);

        HttpAgent anna = HttpAgent.signedIn(HttpAgent.local(port), People.ANNA);
        assertThat(anna.get("/retention").status()).isEqualTo(403);
        assertThat(anna.postForm("/retention/run", Map.of("_csrf", anna.csrfTokenOn("/feedback")))
                        .status())
                .isEqualTo(403);
        assertThat(count("select count(distinct run_id) from disposal_log")).isEqualTo(runs + 1);
    }

    @Test
    @Order(9)
    void erasureRemovesWhatNoRuleKeepsAndSaysWhatWasKeptAndWhy() {
        String instanceOfC = processOf(c);
        assertThat(mailsOf(c)).isPositive();
        HttpAgent.Response erased = driver.as("karin").json("POST", "/api/people/olof/erasure", null);
        assertThat(erased.status()).as("%s", erased).isEqualTo(200);
        Map<String, Object> report = erased.json();
        assertThat(report.get("erased").toString())
                .contains("MAIL")
                .contains("ENGINE_HISTORY=1")
                .contains("FOLLOWS_AND_DIGESTS=1");
        assertThat(count("select count(*) from follow where person_id = 'olof'"))
                .isZero();
        String kept = report.get("kept").toString();
        assertThat(kept)
                .contains("FEEDBACK", "PLATSHÅLLARE: RA-FS 2021:6 bilaga, punkt X")
                .contains("LEGAL_HOLD", "REV-" + heldRevision);
        // mail to olof and the engine's copy of C's process gone; the record a rule keeps stays as it was
        assertThat(count("select count(*) from mail_outbox where lower(recipients) like '%olof@kronofogden.example%'"))
                .isZero();
        assertThat(history.createHistoricProcessInstanceQuery()
                        .processInstanceId(instanceOfC)
                        .count())
                .isZero();
        assertThat(description(c)).isEqualTo(C_TEXT);
        assertThat(submitter(c)).isEqualTo("olof");
        assertThat(jdbc.sql("select author from consultation_response where revision_id = ?")
                        .param(heldRevision)
                        .query(String.class)
                        .single())
                .isEqualTo("olof");
        assertThat(jdbc.sql("select actor || ':' || detail from retention_audit where action = 'ERASURE'")
                        .query(String.class)
                        .single())
                .startsWith("karin:")
                .contains("ENGINE_HISTORY");
    }

    // --- the world

    private String closedWithClarification(String submitter, String text, String answer) {
        String reference = driver.submit(submitter, "digital-samverkan", "4.1", "2", "GAP", text);
        driver.askForClarification(reference, "Vilket avsnitt menar ni?");
        driver.complete(
                submitter,
                driver.task(submitter, "RequestClarification", reference),
                Map.of("clarificationAnswer", answer));
        driver.route(reference, "expert-architecture");
        driver.review("erik", reference, "REJECTED", "Vägledningen beskriver redan detta.");
        assertThat(jdbc.sql("select status from feedback where reference = ?")
                        .param(reference)
                        .query(String.class)
                        .single())
                .isEqualTo("REJECTED");
        return reference;
    }

    /** A published revision as the revision module leaves it: working copy, trail and one response. */
    private long publishedRevision(Instant publishedAt) {
        Timestamp at = Timestamp.from(publishedAt);
        long id = jdbc.sql("insert into revision (guidance_id, base_version, status, change_class, new_version, "
                        + "drafted_by, approved_by, opened_at, published_at) values ('digital-samverkan', '4.1', "
                        + "'PUBLISHED', 'SUBSTANTIVE', '5.0', 'erik', 'stina', ?, ?) returning id")
                .params(at, at)
                .query(Long.class)
                .single();
        for (String section : List.of("1", "2")) {
            jdbc.sql(
                            "insert into revision_section (revision_id, section_id, title, body, position) values (?, ?, ?, ?, ?)")
                    .params(
                            id,
                            section,
                            "Avsnitt " + section,
                            "Utkast till avsnitt " + section,
                            Integer.parseInt(section))
                    .update();
        }
        jdbc.sql("insert into revision_event (revision_id, occurred_at, stage, action, actor, detail) values "
                        + "(?, ?, 'DRAFTING', 'DRAFTED', 'erik', 'Utkast klart.')")
                .params(id, at)
                .update();
        jdbc.sql("insert into consultation_response (revision_id, organisation, author, response, submitted_at) "
                        + "values (?, 'org-kronofogden', 'olof', 'Retentionsprov-R: Kronofogden tillstyrker.', ?)")
                .params(id, at)
                .update();
        return id;
    }

    private void at(Instant instant) {
        EngineClock.at(instant);
    }

    private String processOf(String reference) {
        return jdbc.sql("select process_instance_id from feedback where reference = ?")
                .param(reference)
                .query(String.class)
                .single();
    }

    private long historyOf(String reference) {
        return history.createHistoricProcessInstanceQuery()
                .processInstanceId(processOf(reference))
                .count();
    }

    private int mailsOf(String reference) {
        return count("select count(*) from mail_outbox where process_instance_id = ?", processOf(reference));
    }

    private String description(String reference) {
        return jdbc.sql("select description from feedback where reference = ?")
                .param(reference)
                .query(String.class)
                .single();
    }

    private String submitter(String reference) {
        return jdbc.sql("select submitter from feedback where reference = ?")
                .param(reference)
                .query(String.class)
                .single();
    }

    private List<String> eventTexts(String reference) {
        return jdbc.sql("select coalesce(detail, '') from feedback_event where reference = ?")
                .param(reference)
                .query(String.class)
                .list();
    }

    private List<String> actors(String reference) {
        return jdbc.sql("select coalesce(actor, '') from feedback_event where reference = ?")
                .param(reference)
                .query(String.class)
                .list();
    }

    private int count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single().intValue();
    }

    private String snapshot() {
        return jdbc.sql("select reference, description, submitter from feedback order by reference")
                        .query()
                        .listOfRows()
                        .toString()
                + jdbc.sql("select id, actor, detail from feedback_event order by id")
                        .query()
                        .listOfRows()
                + jdbc.sql("select id from mail_outbox order by id").query().listOfRows()
                + jdbc.sql("select id, author from consultation_response order by id")
                        .query()
                        .listOfRows()
                + jdbc.sql("select revision_id, section_id from revision_section order by revision_id, section_id")
                        .query()
                        .listOfRows()
                + history.createHistoricProcessInstanceQuery().count();
    }

    private static Map<String, Map<String, Object>> byType(List<Map<String, Object>> rows) {
        Map<String, Map<String, Object>> byType = new LinkedHashMap<>();
        rows.forEach(row -> byType.put((String) row.get("recordType"), row));
        return byType;
    }
}
