package se.esam.lifecycle.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.icegreen.greenmail.junit5.GreenMailExtension;

import se.esam.lifecycle.review.internal.PeriodicReviewProcess;
import se.esam.lifecycle.review.internal.PeriodicReviewProcess.Elements;
import se.esam.lifecycle.review.internal.PeriodicReviewProcess.Outcomes;
import se.esam.lifecycle.review.internal.PeriodicReviewProcess.Vars;
import se.esam.lifecycle.support.ApplicationOnPostgres;
import se.esam.lifecycle.support.HttpAgent;
import se.esam.lifecycle.support.PostgresDatabase;
import se.esam.lifecycle.support.ProcessDriver;
import se.esam.lifecycle.support.SwedishToday;
import se.esam.lifecycle.support.TestSmtp;

/**
 * The periodic review over real HTTP on PostgreSQL: each outcome completed through {@code /engine-rest} as the
 * owning group's member, then the public page, the public API and the feed as anyone reads them; and every way
 * around the front door (starting the process, another group's completion, messages, a date out of bounds)
 * refused with nothing changed. Its own application: it withdraws catalogue versions other classes read.
 */
@ApplicationOnPostgres
class PeriodicReviewIT {

    static final TestSmtp smtp = new TestSmtp();

    @RegisterExtension
    static GreenMailExtension mail = smtp.server();

    @DynamicPropertySource
    static void environment(DynamicPropertyRegistry registry) {
        PostgresDatabase.createFor(PeriodicReviewIT.class, registry);
        smtp.configure(registry);
    }

    @LocalServerPort
    int port;

    @Autowired
    PeriodicReviewStarter starter;

    @Autowired
    ManagementService management;

    @Autowired
    JdbcClient jdbc;

    private ProcessDriver driver;
    private HttpAgent anyone;

    @BeforeAll
    void startTheCatalogueReviews() {
        driver = new ProcessDriver(HttpAgent.local(port));
        anyone = HttpAgent.anonymous(HttpAgent.local(port));
        starter.scheduleCurrentVersions();
    }

    @Test
    void stillValidShowsGranskadAndTheNextReviewOnThePublicPageAndApi() {
        String reference =
                driver.submit("anna", "digital-samverkan", "4.1", "2.1", "GAP", "Exempel saknas i avsnitt 2.1.");
        String task = openTask("digital-samverkan", "4.1");
        @SuppressWarnings("unchecked")
        Map<String, Object> open = (Map<String, Object>) driver.as("erik")
                .get("/engine-rest/task/" + task + "/form-variables")
                .json()
                .get(Vars.OPEN_FEEDBACK);
        assertThat(open)
                .as("the open feedback the form shows")
                .containsEntry("value", reference + " (version 4.1, avsnitt 2.1): Exempel saknas i avsnitt 2.1.");
        String next = SwedishToday.date().plusMonths(24).toString();

        driver.complete("erik", task, Map.of(Vars.OUTCOME, Outcomes.STILL_VALID, Vars.NEXT_REVIEW_DATE, next));

        String page = anyone.get("/guidance/digital-samverkan/4.1").body();
        assertThat(page)
                .contains("Granskad")
                .contains(SwedishToday.date().toString())
                .contains("Nästa översyn senast")
                .contains(next)
                .doesNotContain("Dragen tillbaka");
        @SuppressWarnings("unchecked")
        Map<String, Object> review = (Map<String, Object>)
                anyone.get("/api/public/guidance/digital-samverkan/4.1").json().get("review");
        assertThat(review)
                .containsEntry("lastReviewedOn", SwedishToday.date().toString())
                .containsEntry("nextReviewDue", next)
                .doesNotContainKey("withdrawnOn");
    }

    @Test
    void withdrawnVersionSaysSoSinceWhenAndWhyAndStaysReadable() {
        String task = openTask("dataskydd-informationsutbyte", "2.0");

        driver.complete(
                "lena",
                task,
                Map.of(
                        Vars.OUTCOME,
                        Outcomes.WITHDRAW,
                        Vars.WITHDRAW_REASON,
                        "Ersatt av nya rättsliga förutsättningar."));

        String today = SwedishToday.date().toString();
        HttpAgent.Response page = anyone.get("/guidance/dataskydd-informationsutbyte/2.0");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body())
                .contains("Dragen tillbaka")
                .contains(today)
                .contains("Ersatt av nya rättsliga förutsättningar.")
                .contains("guidance-section")
                .doesNotContain("Nästa översyn senast");
        assertThat(anyone.get("/guidance/dataskydd-informationsutbyte").body()).contains("Dragen tillbaka");
        @SuppressWarnings("unchecked")
        Map<String, Object> review =
                (Map<String, Object>) anyone.get("/api/public/guidance/dataskydd-informationsutbyte/2.0")
                        .json()
                        .get("review");
        assertThat(review)
                .containsEntry("withdrawnOn", today)
                .containsEntry("withdrawnReason", "Ersatt av nya rättsliga förutsättningar.");
        assertThat(anyone.get("/guidance/feed.atom").body())
                .contains("(dragen tillbaka)")
                .contains("Dragen tillbaka " + today + ": Ersatt av nya rättsliga förutsättningar.");
    }

    @Test
    void openingARevisionOpensTheDocumentsRevisionAndTheVersionIsReviewed() {
        String task = openTask("molntjanster-informationssakerhet", "2.0");

        driver.complete("ivar", task, Map.of(Vars.OUTCOME, Outcomes.OPEN_REVISION));

        assertThat(jdbc.sql("select count(*) from revision where open_for_guidance = ?")
                        .param("molntjanster-informationssakerhet")
                        .query(Integer.class)
                        .single())
                .isOne();
        String page =
                anyone.get("/guidance/molntjanster-informationssakerhet/2.0").body();
        assertThat(page).contains("Granskad").doesNotContain("Nästa översyn senast");
    }

    // --- around the front door

    @Test
    void nobodyStartsAReviewThroughTheEngineRestApiNotEvenTheAdministrator() {
        long before = reviewsRunning();
        for (String user : new String[] {"erik", "karin", "admin"}) {
            HttpAgent.Response start = driver.as(user)
                    .json(
                            "POST",
                            "/engine-rest/process-definition/key/" + PeriodicReviewProcess.KEY + "/start",
                            Map.of("businessKey", "digital-samverkan/9.9"));
            assertThat(start.status()).as("%s: %s", user, start).isEqualTo(403);
        }
        HttpAgent.Response form = driver.as("erik")
                .json(
                        "POST",
                        "/engine-rest/process-definition/key/" + PeriodicReviewProcess.KEY + "/submit-form",
                        Map.of("variables", Map.of()));
        assertThat(form.status()).as("%s", form).isEqualTo(403);
        assertThat(reviewsRunning()).isEqualTo(before);
    }

    @Test
    void anotherGroupCannotCompleteAndAMessageCannotEndAReview() {
        String task = openTask("klarsprak-digitala-tjanster", "1.2");

        HttpAgent.Response claim =
                driver.as("erik").json("POST", "/engine-rest/task/" + task + "/claim", Map.of("userId", "erik"));
        assertThat(claim.status()).as("%s", claim).isIn(403, 404);
        HttpAgent.Response complete = driver.as("erik")
                .json(
                        "POST",
                        "/engine-rest/task/" + task + "/complete",
                        Map.of("variables", Map.of(Vars.OUTCOME, Map.of("value", Outcomes.WITHDRAW))));
        assertThat(complete.status()).as("%s", complete).isIn(403, 404);
        HttpAgent.Response message = driver.as("ulla")
                .json(
                        "POST",
                        "/engine-rest/message",
                        Map.of(
                                "messageName",
                                PeriodicReviewProcess.MESSAGE_SUPERSEDED,
                                "businessKey",
                                "klarsprak-digitala-tjanster/1.2"));
        assertThat(message.status()).as("%s", message).isEqualTo(403);

        assertThat(driver.task("ulla", Elements.REVIEW, "klarsprak-digitala-tjanster/1.2"))
                .isEqualTo(task);
        assertThat(lastReviewed("klarsprak-digitala-tjanster", "1.2")).isNull();
    }

    @Test
    void aDateOutOfBoundsOrAVariableTheFormDoesNotOfferIsRefusedNamingItAndChangesNothing() {
        String task = openTask("behovsdriven-utveckling", "1.0");
        HttpAgent erik = driver.as("erik");
        assertThat(erik.json("POST", "/engine-rest/task/" + task + "/claim", Map.of("userId", "erik"))
                        .status())
                .isEqualTo(204);

        HttpAgent.Response tooLate = erik.json(
                "POST",
                "/engine-rest/task/" + task + "/submit-form",
                Map.of(
                        "variables",
                        Map.of(
                                Vars.OUTCOME,
                                Map.of("value", Outcomes.STILL_VALID),
                                Vars.NEXT_REVIEW_DATE,
                                Map.of("value", "2099-01-01"))));
        refusedNaming(tooLate, Vars.NEXT_REVIEW_DATE);
        HttpAgent.Response otherGroup = erik.json(
                "POST",
                "/engine-rest/task/" + task + "/submit-form",
                Map.of(
                        "variables",
                        Map.of(
                                Vars.OUTCOME,
                                Map.of("value", Outcomes.WITHDRAW),
                                Vars.OWNING_GROUP,
                                Map.of("value", "expert-law"))));
        refusedNaming(otherGroup, Vars.OWNING_GROUP);

        assertThat(lastReviewed("behovsdriven-utveckling", "1.0")).isNull();
        assertThat(driver.task("erik", Elements.REVIEW, "behovsdriven-utveckling/1.0"))
                .isEqualTo(task);
    }

    /** Camunda's REST API answers in its own error dialect, the field named (see ErrorDialect). */
    private static void refusedNaming(HttpAgent.Response response, String field) {
        assertThat(response.status()).as("%s", response).isEqualTo(400);
        assertThat(response.body()).as("%s", response).contains(field);
    }

    /** Fires the review's timer (as the job executor would on its date) and returns the open task's id. */
    private String openTask(String document, String version) {
        String key = PeriodicReviewProcess.businessKey(document, version);
        String instance = driver.processInstance(key);
        management.executeJob(management
                .createJobQuery()
                .processInstanceId(instance)
                .activityId(Elements.REVIEW_FALLS_DUE)
                .singleResult()
                .getId());
        return driver.task("admin", Elements.REVIEW, key);
    }

    private long reviewsRunning() {
        return jdbc.sql("select count(*) from act_ru_execution e join act_re_procdef d on d.id_ = e.proc_def_id_ "
                        + "where d.key_ = ? and e.parent_id_ is null")
                .param(PeriodicReviewProcess.KEY)
                .query(Long.class)
                .single();
    }

    private LocalDate lastReviewed(String document, String version) {
        return jdbc.sql("select last_reviewed_on from guidance_version where document_id = ? and version_number = ?")
                .params(document, version)
                .query((rs, n) -> java.util.Optional.ofNullable(rs.getObject(1, LocalDate.class)))
                .single()
                .orElse(null);
    }
}
