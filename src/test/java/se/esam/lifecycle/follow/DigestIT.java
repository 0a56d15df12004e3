package se.esam.lifecycle.follow;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.icegreen.greenmail.junit5.GreenMailExtension;

import se.esam.lifecycle.support.ApplicationOnPostgres;
import se.esam.lifecycle.support.HttpAgent;
import se.esam.lifecycle.support.People;
import se.esam.lifecycle.support.PostgresDatabase;
import se.esam.lifecycle.support.Problems;
import se.esam.lifecycle.support.TestSmtp;

/**
 * Follows and the digest over real HTTP on PostgreSQL. The follows and settings go through the API as each
 * person; what the digest reports (a published version, its dispositions, a consultation, open feedback) is
 * written into the tables as the guidance, revision and feedback modules write them, at fixed instants in 2031
 * and 2032, and the run is called with those instants. Its own application: it publishes versions of catalogue
 * documents other classes read, counts the statements of the whole application and runs a digest for 2,000
 * people it makes.
 *
 * <p>Who follows what: anna section 2.1 of Digital samverkan (weekly), olof all of Behovsdriven utveckling
 * (weekly), erik section 1 of Digital samverkan (weekly; section 1 does not change), lena all of Digital samverkan
 * but the digest off, stina all of Digital samverkan daily.
 */
@ApplicationOnPostgres
@Import(DigestIT.Counting.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DigestIT {

    static final TestSmtp smtp = new TestSmtp();

    @RegisterExtension
    static GreenMailExtension mail = smtp.server();

    @DynamicPropertySource
    static void environment(DynamicPropertyRegistry registry) {
        PostgresDatabase.createFor(DigestIT.class, registry);
        smtp.configure(registry);
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Counting {
        @Bean
        static StatementCounter statementCounter() {
            return new StatementCounter();
        }
    }

    static final String DS = "digital-samverkan";
    static final String BU = "behovsdriven-utveckling";
    // Wednesday 5 March 2031, 07:00 in Stockholm: ISO week 10
    static final Instant RUN = Instant.parse("2031-03-05T06:00:00Z");
    static final Instant EARLIER_THIS_WEEK = Instant.parse("2031-03-04T10:00:00Z");

    @LocalServerPort
    int port;

    @Autowired
    DigestRun digest;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JdbcTemplate batch;

    @Autowired
    PlatformTransactionManager transactions;

    private String base;

    @BeforeAll
    void follow() {
        base = HttpAgent.local(port);
        assertThat(follow(People.ANNA, DS, "2.1").status()).isEqualTo(201);
        assertThat(follow(People.OLOF, BU, null).status()).isEqualTo(201);
        assertThat(follow(People.ERIK, DS, "1").status()).isEqualTo(201);
        assertThat(follow(People.LENA, DS, null).status()).isEqualTo(201);
        assertThat(follow(People.STINA, DS, null).status()).isEqualTo(201);
        assertThat(setFrequency(People.LENA, "OFF").status()).isEqualTo(200);
        assertThat(setFrequency(People.STINA, "daily").json()).containsEntry("frequency", "DAILY");
    }

    private HttpAgent.Response follow(People.Person person, String guidanceId, String sectionId) {
        return HttpAgent.basic(base, person)
                .json(
                        "POST",
                        "/api/follows",
                        sectionId == null
                                ? Map.of("guidanceId", guidanceId)
                                : Map.of("guidanceId", guidanceId, "sectionId", sectionId));
    }

    private HttpAgent.Response setFrequency(People.Person person, String frequency) {
        return HttpAgent.basic(base, person).json("PUT", "/api/settings/digest", Map.of("frequency", frequency));
    }

    // --- the digest

    @Test
    @Order(1)
    void eachKindOfNewsReachesItsFollowersAndNobodyElse() {
        publishVersion(DS, "4.1", "9.0", EARLIER_THIS_WEEK, "2.1");
        publishedDisposition(DS, "9.0", "FB-2031-0001", "ACCEPTED", "2.1", "Avsnittet har fått exempel.");
        publishedDisposition(DS, "9.0", "FB-2031-0002", "REJECTED", "3", "Utanför vägledningens område.");
        long consultation = consultationOpened(BU, EARLIER_THIS_WEEK, Instant.parse("2031-04-01T21:59:00Z"));
        openFeedback("FB-2031-0101", People.ANNA, EARLIER_THIS_WEEK);
        openFeedback("FB-2031-0102", People.OLOF, EARLIER_THIS_WEEK);

        assertThat(digest.run(RUN)).isEqualTo(3);

        String anna = theOnlyDigestTo("anna@pensionsmyndigheten.example");
        assertThat(anna)
                .contains("eSam vägledningar")
                .contains("Digital samverkan 9.0 publicerad 2031-03-04, ändrade avsnitt: 2.1")
                .contains("http://localhost/guidance/digital-samverkan/compare?from=4.1&to=9.0")
                .contains(
                        "FB-2031-0001 (Digital samverkan 9.0, avsnitt 2.1): Godtagen för revision. Avsnittet har fått exempel.")
                .contains("Pensionsmyndighetens öppna synpunkter")
                .contains("FB-2031-0101")
                .doesNotContain("FB-2031-0002", "FB-2031-0102", "Remisser");
        String olof = theOnlyDigestTo("olof@kronofogden.example");
        assertThat(olof)
                .contains("Behovsdriven utveckling: remiss öppnad 2031-03-04, svara senast 2031-04-01")
                .contains("http://localhost/revisions/" + consultation)
                .contains("FB-2031-0102")
                .doesNotContain("Digital samverkan 9.0", "FB-2031-0001", "FB-2031-0101");
        String stina = theOnlyDigestTo("stina@forsakringskassan.example");
        assertThat(stina)
                .contains("dagligen")
                .contains("Digital samverkan 9.0")
                .contains("FB-2031-0001")
                .contains("FB-2031-0002")
                .doesNotContain("remiss");
        assertThat(subjectsTo("stina@forsakringskassan.example"))
                .containsExactly("eSam vägledningar: din sammanfattning för 2031-03-05");
        assertThat(subjectsTo("anna@pensionsmyndigheten.example"))
                .containsExactly("eSam vägledningar: din sammanfattning för vecka 10");
        assertThat(digestsTo("erik@skatteverket.example"))
                .as("section 1 did not change: nothing to say")
                .isZero();
        assertThat(digestsTo("lena@domstolsverket.example"))
                .as("the digest is off")
                .isZero();
    }

    @Test
    @Order(2)
    void aSecondRunInTheSamePeriodSendsNothing() {
        assertThat(digest.run(RUN.plus(Duration.ofHours(1)))).isZero();
        assertThat(digestsTo("anna@pensionsmyndigheten.example")).isEqualTo(1);
        assertThat(digestsTo("stina@forsakringskassan.example")).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from digest_sent where person_id = 'anna'")
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    @Order(3)
    void theDailyDigestComesNextDayTheWeeklyOneNextWeekWithWhatHappenedSince() {
        consultationOpened(DS, RUN.plus(Duration.ofHours(12)), Instant.parse("2031-04-03T21:59:00Z"));

        assertThat(digest.run(RUN.plus(Duration.ofDays(1))))
                .as("Thursday: stina's daily digest, and erik's weekly one (his first news this week)")
                .isEqualTo(2);
        assertThat(digestsTo("stina@forsakringskassan.example")).isEqualTo(2);
        assertThat(theOnlyDigestTo("erik@skatteverket.example"))
                .contains("Digital samverkan: remiss öppnad 2031-03-05")
                .doesNotContain("Digital samverkan 9.0");
        assertThat(digestsTo("anna@pensionsmyndigheten.example"))
                .as("anna had this week's")
                .isEqualTo(1);

        assertThat(digest.run(RUN.plus(Duration.ofDays(7))))
                .as("next Wednesday, week 11")
                .isEqualTo(1);
        List<String> anna = bodiesTo("anna@pensionsmyndigheten.example");
        assertThat(anna).hasSize(2);
        assertThat(anna.get(1))
                .contains("Digital samverkan: remiss öppnad 2031-03-05, svara senast 2031-04-03")
                .as("only what happened since her previous digest")
                .doesNotContain("Digital samverkan 9.0", "FB-2031-0001");
        assertThat(subjectsTo("anna@pensionsmyndigheten.example").get(1)).endsWith("vecka 11");
        assertThat(digestsTo("olof@kronofogden.example"))
                .as("nothing new for olof in week 11")
                .isEqualTo(1);
        assertThat(digestsTo("erik@skatteverket.example"))
                .as("nothing since erik's Thursday digest")
                .isEqualTo(1);
    }

    @Test
    @Order(4)
    void theDigestIsDeliveredByMail() throws Exception {
        assertThat(mail.getReceivedMessagesForDomain("pensionsmyndigheten.example"))
                .extracting(m -> m.getSubject())
                .contains("eSam vägledningar: din sammanfattning för vecka 10");
    }

    // --- the API

    @Test
    @Order(10)
    void aSecondFollowOfTheSameIsTheSameFollow() {
        HttpAgent.Response first = follow(People.ULLA, DS, "3");
        HttpAgent.Response second = follow(People.ULLA, DS, " 3 ");

        assertThat(first.status()).isEqualTo(201);
        assertThat(first.location()).isEqualTo("/api/follows/" + first.json().get("id"));
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.json().get("id")).isEqualTo(first.json().get("id"));
        assertThat(HttpAgent.basic(base, People.ULLA).get("/api/follows").jsonList())
                .hasSize(1);
    }

    @Test
    @Order(11)
    void unknownGuidanceSectionOrFrequencyIsRefusedNamingTheFieldAndNothingIsStored() {
        int before = follows();
        Problems.assertProblemNaming(follow(People.MATS, "no-such-guidance", null), 400, "guidanceId");
        Problems.assertProblemNaming(follow(People.MATS, DS, "99.9"), 400, "sectionId");
        Problems.assertProblemNaming(
                HttpAgent.basic(base, People.MATS).json("POST", "/api/follows", Map.of()), 400, "guidanceId");
        Problems.assertProblemNaming(setFrequency(People.MATS, "HOURLY"), 400, "frequency");
        Problems.assertProblemNaming(
                HttpAgent.basic(base, People.MATS).json("PUT", "/api/settings/digest", "{}"), 400, "frequency");
        assertThat(follows()).isEqualTo(before);
        assertThat(HttpAgent.basic(base, People.MATS)
                        .get("/api/settings/digest")
                        .json())
                .containsEntry("frequency", "WEEKLY");
    }

    @Test
    @Order(12)
    void nobodyNamesWhoseFollowItIsAndAnotherPersonsFollowsAreInvisible() {
        HttpAgent olof = HttpAgent.basic(base, People.OLOF);
        Object annasFollow = HttpAgent.basic(base, People.ANNA)
                .get("/api/follows")
                .jsonList()
                .get(0)
                .get("id");

        HttpAgent.Response naming = olof.json("POST", "/api/follows", Map.of("guidanceId", DS, "personId", "anna"));
        HttpAgent.Response deleting = olof.json("DELETE", "/api/follows/" + annasFollow, null);

        assertThat(naming.status()).isEqualTo(400);
        assertThat(deleting.status()).isEqualTo(404);
        assertThat(olof.get("/api/follows/" + annasFollow).status()).isEqualTo(404);
        assertThat(HttpAgent.basic(base, People.ANNA)
                        .get("/api/follows/" + annasFollow)
                        .json())
                .containsEntry("guidanceId", DS)
                .containsEntry("sectionId", "2.1");
        assertThat(olof.get("/api/follows").listOf("guidanceId")).containsExactly(BU);
        assertThat(HttpAgent.basic(base, People.ANNA).get("/api/follows").listOf("id"))
                .contains(String.valueOf(annasFollow));
        assertThat(olof.json("PUT", "/api/settings/digest", Map.of("frequency", "OFF", "personId", "anna"))
                        .status())
                .isEqualTo(400);
        assertThat(HttpAgent.basic(base, People.ANNA)
                        .get("/api/settings/digest")
                        .json())
                .containsEntry("frequency", "WEEKLY");
    }

    @Test
    @Order(13)
    void withoutSignInThereIsNothingToReadOrChange() {
        HttpAgent anyone = HttpAgent.anonymous(base);
        assertThat(anyone.get("/api/follows").status()).isEqualTo(401);
        assertThat(anyone.json("POST", "/api/follows", Map.of("guidanceId", DS)).status())
                .isEqualTo(401);
        assertThat(anyone.json("PUT", "/api/settings/digest", Map.of("frequency", "OFF"))
                        .status())
                .isEqualTo(401);
        assertThat(anyone.json("DELETE", "/api/follows/1", null).status()).isEqualTo(401);
        assertThat(anyone.get("/settings").status()).isEqualTo(302);
    }

    @Test
    @Order(14)
    void theEngineRestApiKnowsNothingOfFollows() {
        // follows are ours, not the engine's: no process, variable or task carries them, so /engine-rest has no way
        // in; the only doors are the session owner's endpoints above
        HttpAgent anna = HttpAgent.basic(base, People.ANNA);
        int before = follows();
        assertThat(anna.json("POST", "/engine-rest/follows", Map.of("guidanceId", DS))
                        .status())
                .isIn(401, 403, 404, 405);
        assertThat(follows()).isEqualTo(before);
    }

    @Test
    @Order(15)
    void theBrowserFormsNeedTheSessionsCsrfToken() {
        HttpAgent browser = HttpAgent.signedIn(base, People.KARIN);
        int before = follows();

        HttpAgent.Response forged =
                browser.postForm("/settings/follows", Map.of("guidanceId", DS, "version", "4.1", "sectionId", "2"));
        assertThat(forged.status()).isEqualTo(403);
        assertThat(follows()).isEqualTo(before);

        String token = browser.csrfTokenOn("/guidance/" + DS + "/4.1");
        HttpAgent.Response followed = browser.postForm(
                "/settings/follows", Map.of("guidanceId", DS, "version", "4.1", "sectionId", "2", "_csrf", token));
        assertThat(followed.status()).isEqualTo(302);
        assertThat(followed.location()).contains("/settings?followed=");
        assertThat(browser.get(followed.location()).body())
                .contains("Du följer nu")
                .contains("avsnitt <span>2</span>");

        HttpAgent.Response wrongSection = browser.postForm(
                "/settings/follows",
                Map.of(
                        "guidanceId",
                        DS,
                        "version",
                        "4.1",
                        "sectionId",
                        "9",
                        "_csrf",
                        browser.csrfTokenOn("/settings")));
        assertThat(wrongSection.status()).isEqualTo(400);
        assertThat(wrongSection.body()).contains("har inget avsnitt 9");

        HttpAgent.Response saved = browser.postForm(
                "/settings/digest", Map.of("frequency", "DAILY", "_csrf", browser.csrfTokenOn("/settings")));
        assertThat(saved.status()).isEqualTo(302);
        assertThat(HttpAgent.basic(base, People.KARIN)
                        .get("/api/settings/digest")
                        .json())
                .containsEntry("frequency", "DAILY");
    }

    // --- thousands of people

    @Test
    @Order(20)
    void theRunSendsTheSameNumberOfStatementsForTwentyPeopleAsForTwoThousand() {
        String document = "klarsprak-digitala-tjanster";
        Instant firstRun = Instant.parse("2032-01-07T06:00:00Z");
        Instant secondRun = firstRun.plus(Duration.ofDays(7));
        people(0, 20, document);
        consultationOpened(document, firstRun.minus(Duration.ofHours(20)), firstRun.plus(Duration.ofDays(30)));

        StatementCounter.Counted<Integer> twenty = StatementCounter.count(() -> write(firstRun));

        people(20, 2000, document);
        consultationOpened(document, secondRun.minus(Duration.ofHours(20)), secondRun.plus(Duration.ofDays(30)));

        StatementCounter.Counted<Integer> twoThousand = StatementCounter.count(() -> write(secondRun));

        assertThat(twenty.result()).isGreaterThanOrEqualTo(20);
        assertThat(twoThousand.result()).isGreaterThanOrEqualTo(2000);
        assertThat(twoThousand.statements())
                .as(
                        "statements for %d digests against %d for %d",
                        twoThousand.result(), twenty.statements(), twenty.result())
                .isEqualTo(twenty.statements());
        System.out.printf(
                "Digest run: %d statements for %d digests, %d statements for %d digests%n",
                twenty.statements(), twenty.result(), twoThousand.statements(), twoThousand.result());
        // the mails are not for a real mailbox: taken out of the outbox's queue
        jdbc.sql("update mail_outbox set sent_at = ? where sent_at is null and recipients like 'follower-%'")
                .param(Timestamp.from(secondRun))
                .update();
    }

    private Integer write(Instant now) {
        return new TransactionTemplate(transactions).execute(status -> digest.write(now));
    }

    /** People follower-from to follower-(to - 1), each in an organisation and following the document. */
    private void people(int from, int to, String document) {
        List<Object[]> users = new ArrayList<>();
        List<Object[]> memberships = new ArrayList<>();
        List<Object[]> follows = new ArrayList<>();
        for (int i = from; i < to; i++) {
            String id = "follower-" + i;
            users.add(new Object[] {id, id + "@digg.example"});
            memberships.add(new Object[] {id, "org-digg"});
            follows.add(new Object[] {id, document, Timestamp.from(RUN)});
        }
        batch.batchUpdate(
                "insert into ACT_ID_USER (ID_, REV_, FIRST_, LAST_, EMAIL_) values (?, 1, 'F', 'F', ?)", users);
        batch.batchUpdate("insert into ACT_ID_MEMBERSHIP (USER_ID_, GROUP_ID_) values (?, ?)", memberships);
        batch.batchUpdate(
                "insert into follow (person_id, guidance_id, section_id, section_key, created_at) values (?, ?, null, '', ?)",
                follows);
    }

    // --- the other modules' tables, written as they write them

    /** A revision of {@code previous} published as {@code number}, with the sections of {@code previous} and
     *  {@code changed} rewritten. */
    private void publishVersion(String document, String previous, String number, Instant at, String changed) {
        jdbc.sql("""
                insert into revision (guidance_id, base_version, status, change_class, new_version, opened_at,
                                      published_at)
                values (?, ?, 'PUBLISHED', 'SUBSTANTIVE', ?, ?, ?)
                """)
                .params(document, previous, number, Timestamp.from(at.minus(Duration.ofDays(40))), Timestamp.from(at))
                .update();
        long revision =
                jdbc.sql("select max(id) from revision").query(Long.class).single();
        jdbc.sql("""
                insert into guidance_version (document_id, version_number, published_on, change_class, change_notes,
                                              revision_id)
                values (?, ?, ?, 'SUBSTANTIVE', 'Nya exempel.', ?)
                """)
                .params(document, number, LocalDate.of(2031, 3, 4), revision)
                .update();
        jdbc.sql("""
                insert into guidance_section (document_id, version_number, section_id, title, body, position)
                select document_id, ?, section_id, title,
                       case when section_id = ? then 'Ny text med exempel.' else body end, position
                  from guidance_section where document_id = ? and version_number = ?
                """).params(number, changed, document, previous).update();
    }

    private void publishedDisposition(
            String document, String version, String reference, String disposition, String section, String reason) {
        jdbc.sql("""
                insert into published_disposition (document_id, version_number, feedback_reference, feedback_type,
                       organisation_name, summary, disposition, trace, trace_section, reason)
                values (?, ?, ?, 'GAP', 'Skatteverket', 'Sammanfattning.', ?, 'ANSWERED', ?, ?)
                """)
                .params(document, version, reference, disposition, section, reason)
                .update();
    }

    private long consultationOpened(String document, Instant at, Instant ends) {
        jdbc.sql("""
                insert into revision (guidance_id, base_version, status, opened_at, consultation_ends)
                values (?, '1.0', 'IN_CONSULTATION', ?, ?)
                """)
                .params(document, Timestamp.from(at.minus(Duration.ofDays(5))), Timestamp.from(ends))
                .update();
        long id = jdbc.sql("select max(id) from revision").query(Long.class).single();
        jdbc.sql("""
                insert into revision_event (revision_id, occurred_at, stage, action, actor, detail)
                values (?, ?, 'IN_CONSULTATION', 'CONSULTATION_OPENED', null, null)
                """).params(id, Timestamp.from(at)).update();
        return id;
    }

    private void openFeedback(String reference, People.Person submitter, Instant since) {
        jdbc.sql("""
                insert into feedback (reference, guidance_id, guidance_version, section_id, feedback_type, description,
                                      submitter, submitter_organisation, status, submitted_at, status_since)
                values (?, 'digital-samverkan', '4.1', '2.1', 'GAP', 'Exempel saknas.', ?, ?, 'IN_REVIEW', ?, ?)
                """)
                .params(
                        reference,
                        submitter.id(),
                        submitter.organisation(),
                        Timestamp.from(since),
                        Timestamp.from(since))
                .update();
    }

    // --- the outbox

    private List<String> bodiesTo(String address) {
        return jdbc.sql("select body from mail_outbox where recipients = ? and subject like 'eSam vägledningar: din "
                        + "sammanfattning%' order by id")
                .param(address)
                .query(String.class)
                .list();
    }

    private List<String> subjectsTo(String address) {
        return jdbc.sql("select subject from mail_outbox where recipients = ? and subject like 'eSam vägledningar: din "
                        + "sammanfattning%' order by id")
                .param(address)
                .query(String.class)
                .list();
    }

    private int digestsTo(String address) {
        return bodiesTo(address).size();
    }

    private String theOnlyDigestTo(String address) {
        List<String> bodies = bodiesTo(address);
        assertThat(bodies).as(address).hasSize(1);
        return bodies.get(0);
    }

    private int follows() {
        return jdbc.sql("select count(*) from follow").query(Integer.class).single();
    }
}
