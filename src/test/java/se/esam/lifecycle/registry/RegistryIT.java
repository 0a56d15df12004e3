package se.esam.lifecycle.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static se.esam.lifecycle.support.Problems.assertProblemNaming;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.icegreen.greenmail.junit5.GreenMailExtension;

import se.esam.lifecycle.support.HttpAgent;
import se.esam.lifecycle.support.People;
import se.esam.lifecycle.support.ProcessDriver;
import se.esam.lifecycle.support.SharedApplication;
import se.esam.lifecycle.support.TestSmtp;
import se.esam.lifecycle.system.SwedishTime;

/**
 * The register (diarium) on PostgreSQL over real HTTP: numbers gap-free and unique under concurrent
 * submissions, a rollback gives its number back, a new year starts from 1, the feed misses nothing and
 * reads nothing twice while registrations commit around it, and the register's API, CSV and page.
 */
@SharedApplication
class RegistryIT {

    static final TestSmtp smtp = TestSmtp.shared();

    @RegisterExtension
    static GreenMailExtension mail = smtp.server();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    RegistryProperties properties;

    @Autowired
    Registry registry;

    @Autowired
    Clock clock;

    private String base;
    private ProcessDriver driver;

    @BeforeAll
    void clients() {
        base = HttpAgent.local(port);
        driver = new ProcessDriver(base);
    }

    @Test
    void concurrentSubmissionsGetUniqueGapFreeNumbersAndTheFeedReadsEachOnceInOrder() throws Exception {
        int submissions = 40;
        long cursorBefore = feedToTheEnd(lastEntryId(), new ArrayList<>());
        AtomicBoolean writing = new AtomicBoolean(true);
        List<Map<String, Object>> read = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(submissions + 1);
        try {
            // the reader follows the feed while the submissions commit, in small pages
            Future<Long> reader = pool.submit(() -> {
                long cursor = cursorBefore;
                while (writing.get()) {
                    cursor = page(cursor, 3, read);
                }
                return feedToTheEnd(cursor, read);
            });
            CyclicBarrier start = new CyclicBarrier(submissions);
            List<Future<String>> numbers = new ArrayList<>();
            for (int i = 0; i < submissions; i++) {
                String submitter = i % 2 == 0 ? "anna" : "olof";
                int n = i;
                numbers.add(pool.submit(() -> {
                    HttpAgent agent = HttpAgent.basic(base, submitter, submitter);
                    start.await();
                    HttpAgent.Response response =
                            agent.json("POST", "/api/feedback", gap("Samtidig synpunkt nummer " + n + "."));
                    assertThat(response.status()).as("%s", response).isEqualTo(201);
                    return (String) response.json().get("registrationNumber");
                }));
            }
            Set<String> given = new HashSet<>();
            for (Future<String> number : numbers) {
                given.add(number.get());
            }
            writing.set(false);
            reader.get();

            assertThat(given)
                    .hasSize(submissions)
                    .allSatisfy(n -> assertThat(n).startsWith("ESAM " + Year.now(clock) + "/"));
            // every number of the year, from 1 to the highest, exactly once: no gap, no duplicate
            List<Integer> sequence = jdbc.sql("select sequence_number from register_entry where registration_year = ? "
                            + "order by sequence_number")
                    .param(Year.now(clock).getValue())
                    .query(Integer.class)
                    .list();
            assertThat(sequence).isEqualTo(oneTo(sequence.size()));
            List<String> ofTheYear = jdbc.sql(
                            "select registration_number from register_entry where registration_year = ?")
                    .param(Year.now(clock).getValue())
                    .query(String.class)
                    .list();
            assertThat(ofTheYear).containsAll(given);

            // the feed gave every entry after its cursor once, in order, while they were being committed
            List<Long> ids = read.stream()
                    .map(e -> ((Number) e.get("entryId")).longValue())
                    .toList();
            List<Long> stored = jdbc.sql("select entry_id from register_entry where entry_id > ? order by entry_id")
                    .param(cursorBefore)
                    .query(Long.class)
                    .list();
            assertThat(ids).isEqualTo(stored).doesNotHaveDuplicates();
            assertThat(read.stream().map(e -> (String) e.get("registrationNumber")))
                    .containsAll(given);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aRolledBackRegistrationGivesItsNumberBack() {
        TransactionTemplate inTransaction = new TransactionTemplate(transactions);
        String rolledBack = inTransaction.execute(status -> {
            String number = registry.register(incoming("FB-ROLLBACK"));
            status.setRollbackOnly();
            return number;
        });
        assertThat(jdbc.sql("select count(*) from register_entry where registration_number = ?")
                        .param(rolledBack)
                        .query(Integer.class)
                        .single())
                .isZero();

        String reference = driver.submit("anna", "digital-samverkan", "4.1", "2", "GAP", "Efter en återrullning.");

        assertThat(driver.as("anna").get("/api/feedback/" + reference).json())
                .containsEntry("registrationNumber", rolledBack);
    }

    @Test
    void theNumbersStartFromOneEachYearInSwedishTime() {
        // a year no other test registers in, rolled back at the end: the shared database keeps nothing of it
        Instant lastSecondOf2098 = Instant.parse("2098-12-31T22:59:59Z"); // 23:59:59 in Stockholm
        Registry december = new Registry(jdbc, properties, Clock.fixed(lastSecondOf2098, ZoneId.of("UTC")));
        Registry january =
                new Registry(jdbc, properties, Clock.fixed(lastSecondOf2098.plusSeconds(1), SwedishTime.ZONE));
        TransactionTemplate inTransaction = new TransactionTemplate(transactions);

        List<String> numbers = inTransaction.execute(status -> {
            List<String> given = List.of(
                    december.register(incoming("FB-2098-0001")),
                    december.register(incoming("FB-2098-0002")),
                    january.register(incoming("FB-2099-0001")),
                    december.register(incoming("FB-2098-0003")));
            status.setRollbackOnly();
            return given;
        });

        assertThat(numbers).containsExactly("ESAM 2098/1", "ESAM 2098/2", "ESAM 2099/1", "ESAM 2098/3");
    }

    @Test
    void receiptMailStatusPageAndApiShowTheNumber() {
        String reference = driver.submit("anna", "digital-samverkan", "4.1", "2", "ERROR", "Fel i avsnitt 2.");
        String number = (String)
                driver.as("anna").get("/api/feedback/" + reference).json().get("registrationNumber");
        assertThat(number).startsWith("ESAM ");

        // the receipt is stored in the submission's transaction, so it is there as soon as the answer is
        String receipt = jdbc.sql("select body from mail_outbox where subject = ?")
                .param("Vi har tagit emot din synpunkt " + reference)
                .query(String.class)
                .single();
        assertThat(receipt).contains("Diarienummer: " + number);

        HttpAgent annasBrowser = HttpAgent.signedIn(base, People.ANNA);
        HttpAgent.Response page = annasBrowser.get("/feedback/" + reference);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Diarienummer").contains(number);
        // in the list, too
        assertThat(driver.as("anna").get("/api/feedback?q=" + reference).jsonList())
                .singleElement()
                .satisfies(f -> assertThat(f).containsEntry("registrationNumber", number));

        Map<String, Object> entry = entry(number);
        assertThat(entry)
                .containsEntry("kind", "FEEDBACK")
                .containsEntry("caseReference", reference)
                .containsEntry("guidanceId", "digital-samverkan")
                .containsEntry("organisation", "org-pensionsmyndigheten")
                .containsEntry("organisationName", "Pensionsmyndigheten")
                .containsEntry("caseTitle", "Synpunkt på Digital samverkan 4.1, avsnitt 2 (Fel)");
        // no person in the register
        assertThat(entry.values())
                .noneSatisfy(v -> assertThat(String.valueOf(v)).containsIgnoringCase("anna"));
    }

    @Test
    void aClarificationAnswerIsRegisteredAndPersonalDataMarksTheCase() {
        String reference = driver.submit("olof", "digital-samverkan", "4.1", "2", "GAP", "Oklart vad som saknas.");
        driver.askForClarification(reference, "Vilket avsnitt menar ni?");
        driver.complete(
                "olof",
                driver.task("olof", "RequestClarification", reference),
                Map.of("clarificationAnswer", "Avsnitt 2.1."));

        List<Map<String, Object>> ofTheCase = ofCase(reference);
        assertThat(ofTheCase).extracting(e -> e.get("kind")).containsExactly("FEEDBACK", "CLARIFICATION_ANSWER");
        assertThat(ofTheCase.get(1))
                .containsEntry("organisation", "org-kronofogden")
                .satisfies(e -> assertThat((String) e.get("caseTitle"))
                        .startsWith("Svar på begäran om förtydligande av synpunkt " + reference));
        assertThat(ofTheCase)
                .allSatisfy(e -> assertThat(e.get("secrecyMarking")).isNull());

        driver.complete(
                "karin",
                driver.task("karin", "TriageFeedback", reference),
                Map.of(
                        "triageDecision",
                        "route",
                        "expertGroup",
                        "expert-architecture",
                        "priority",
                        "NORMAL",
                        "containsPersonalData",
                        true));

        assertThat(ofCase(reference))
                .hasSize(2)
                .allSatisfy(e -> assertThat(e).containsEntry("secrecyMarking", "Sekretess kan gälla"));
    }

    @Test
    void anAnswerToACaseMarkedForPersonalDataIsMarkedOnReceiptAndTriageCanLiftTheMarking() {
        String reference = driver.submit("anna", "digital-samverkan", "4.1", "2", "GAP", "Vår handläggare X.");
        driver.complete(
                "karin",
                driver.task("karin", "TriageFeedback", reference),
                Map.of(
                        "triageDecision",
                        "clarify",
                        "clarificationQuestion",
                        "Vad gäller det?",
                        "containsPersonalData",
                        true));
        driver.complete(
                "anna",
                driver.task("anna", "RequestClarification", reference),
                Map.of("clarificationAnswer", "Avsnitt 2.2."));

        assertThat(ofCase(reference))
                .extracting(e -> e.get("kind") + " " + e.get("secrecyMarking"))
                .containsExactly("FEEDBACK Sekretess kan gälla", "CLARIFICATION_ANSWER Sekretess kan gälla");

        driver.complete(
                "karin",
                driver.task("karin", "TriageFeedback", reference),
                Map.of(
                        "triageDecision",
                        "route",
                        "expertGroup",
                        "expert-architecture",
                        "priority",
                        "NORMAL",
                        "containsPersonalData",
                        false));

        assertThat(ofCase(reference))
                .hasSize(2)
                .allSatisfy(e -> assertThat(e.get("secrecyMarking")).isNull());
    }

    @Test
    void theRegisterIsFilteredByPeriodOrganisationAndDocumentAndGivenAsCsv() {
        String annas = number("anna", driver.submit("anna", "digital-samverkan", "4.1", "2", "GAP", "Filtreras fram."));
        String olofs = number("olof", driver.submit("olof", "digital-samverkan", "4.1", "2", "GAP", "Filtreras bort."));
        LocalDate today = LocalDate.now(clock);
        HttpAgent karin = driver.as("karin");

        assertThat(karin.get("/api/register?organisation=org-pensionsmyndigheten&document=digital-samverkan&from="
                                + today + "&to=" + today)
                        .listOf("registrationNumber"))
                .contains(annas)
                .doesNotContain(olofs);
        assertThat(karin.get("/api/register?to=" + today.minusDays(1)).listOf("registrationNumber"))
                .doesNotContain(annas, olofs);
        assertThat(karin.get("/api/register?from=" + today.plusDays(1)).listOf("registrationNumber"))
                .isEmpty();

        HttpAgent.Response byAccept =
                karin.get("/api/register?organisation=org-pensionsmyndigheten", "Accept", "text/csv");
        HttpAgent.Response byParameter = karin.get("/api/register?format=csv&organisation=org-pensionsmyndigheten");
        for (HttpAgent.Response csv : List.of(byAccept, byParameter)) {
            assertThat(csv.status()).as("%s", csv).isEqualTo(200);
            assertThat(csv.contentType()).startsWith("text/csv");
            assertThat(csv.body())
                    .startsWith("entryId,registrationNumber,kind,kindLabel,caseReference,guidanceId,receivedAt,"
                            + "organisation,organisationName,caseTitle,secrecyMarking\r\n")
                    .contains(annas)
                    .doesNotContain(olofs);
        }
        assertThat(karin.get("/api/register?organisation=org-pensionsmyndigheten")
                        .contentType())
                .startsWith("application/json");
    }

    @Test
    void badFiltersAreRefusedNamingTheField() {
        HttpAgent karin = driver.as("karin");
        Map<String, String> refused = Map.of(
                "/api/register?from=2026-13-01", "from",
                "/api/register?to=igår", "to",
                "/api/register?from=2026-12-02&to=2026-12-01", "to",
                "/api/register?organisation=org-ingen", "organisation",
                "/api/register?document=ingen-vagledning", "document",
                "/api/register?format=xml", "format",
                "/api/register/feed?after=-1", "after",
                "/api/register/feed?after=x", "after",
                "/api/register/feed?limit=0", "limit",
                "/api/register/feed?limit=1001", "limit");
        refused.forEach((path, field) -> assertProblemNaming(karin.get(path), 400, field));
        assertThat(HttpAgent.signedIn(base, People.KARIN)
                        .get("/register?from=2026-13-01")
                        .status())
                .isEqualTo(400);
    }

    @Test
    void onlyTheKansliAndAdministratorsReadTheRegister() {
        String reference = driver.submit("anna", "digital-samverkan", "4.1", "2", "GAP", "Vem ser registret?");
        String number = number("anna", reference);
        for (String path : List.of("/api/register", "/api/register/feed", "/api/register?format=csv")) {
            assertThat(driver.as("karin").get(path).status()).as(path).isEqualTo(200);
            assertThat(driver.as("admin").get(path).status()).as(path).isEqualTo(200);
            for (String other : List.of("anna", "olof", "mats", "erik", "maria")) {
                assertThat(driver.as(other).get(path).status())
                        .as(other + " " + path)
                        .isEqualTo(403);
            }
            assertThat(HttpAgent.anonymous(base).get(path).status()).as(path).isEqualTo(401);
        }
        HttpAgent.Response page = HttpAgent.signedIn(base, People.KARIN).get("/register");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Diarium").contains(number);
        assertThat(HttpAgent.signedIn(base, People.ANNA).get("/register").status())
                .isEqualTo(403);
        // another organisation's submitter does not see the number: the item is not there for it
        HttpAgent.Response olofs = driver.as("olof").get("/api/feedback/" + reference);
        assertThat(olofs.status()).isEqualTo(404);
        assertThat(olofs.body()).doesNotContain(number);
        assertThat(driver.as("olof").get("/api/feedback").listOf("registrationNumber"))
                .doesNotContain(number);
    }

    // ---

    private static Map<String, Object> gap(String text) {
        return Map.of(
                "guidanceId",
                "digital-samverkan",
                "guidanceVersion",
                "4.1",
                "sectionId",
                "2",
                "type",
                "GAP",
                "description",
                text);
    }

    private static Registry.Incoming incoming(String caseReference) {
        return new Registry.Incoming(
                RegistryKind.FEEDBACK,
                caseReference,
                "digital-samverkan",
                "org-pensionsmyndigheten",
                "Pensionsmyndigheten",
                "Synpunkt på Digital samverkan 4.1 (Lucka)");
    }

    private String number(String submitter, String reference) {
        String number = (String)
                driver.as(submitter).get("/api/feedback/" + reference).json().get("registrationNumber");
        assertThat(number).as(reference).isNotNull();
        return number;
    }

    private Map<String, Object> entry(String number) {
        return driver.as("karin").get("/api/register").jsonList().stream()
                .filter(e -> number.equals(e.get("registrationNumber")))
                .findFirst()
                .orElseThrow();
    }

    private List<Map<String, Object>> ofCase(String reference) {
        return driver.as("karin").get("/api/register").jsonList().stream()
                .filter(e -> reference.equals(e.get("caseReference")))
                .toList();
    }

    private long lastEntryId() {
        return jdbc.sql("select coalesce(max(entry_id), 0) from register_entry")
                .query(Long.class)
                .single();
    }

    /** One page of the feed as the kansli's API client reads it; the entries are added to what was read. */
    private long page(long after, int limit, List<Map<String, Object>> read) {
        HttpAgent.Response response = driver.as("karin").get("/api/register/feed?after=" + after + "&limit=" + limit);
        assertThat(response.status()).as("%s", response).isEqualTo(200);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> entries =
                (List<Map<String, Object>>) response.json().get("entries");
        read.addAll(entries);
        long next = ((Number) response.json().get("next")).longValue();
        assertThat(next).isGreaterThanOrEqualTo(after);
        return next;
    }

    private long feedToTheEnd(long after, List<Map<String, Object>> read) {
        long cursor = after;
        while (true) {
            long next = page(cursor, 100, read);
            if (next == cursor) {
                return cursor;
            }
            cursor = next;
        }
    }

    private static List<Integer> oneTo(int n) {
        List<Integer> all = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            all.add(i);
        }
        return all;
    }
}
