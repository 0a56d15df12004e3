package se.esam.lifecycle.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static se.esam.lifecycle.support.Problems.assertProblemNaming;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.icegreen.greenmail.junit5.GreenMailExtension;

import se.esam.lifecycle.support.ApplicationOnPostgres;
import se.esam.lifecycle.support.HttpAgent;
import se.esam.lifecycle.support.People;
import se.esam.lifecycle.support.PostgresDatabase;
import se.esam.lifecycle.support.ProcessDriver;
import se.esam.lifecycle.support.TestSmtp;

/**
 * The overview of feedback over real HTTP on PostgreSQL, page ({@code /feedback}) and API
 * ({@code GET /api/feedback}): the kansli and managers list everything, members their own organisation's
 * only, whatever they ask for; filters by status, stage, expert group, document, organisation and overdue;
 * search by reference and text; pages of a bounded size; bad filters refused naming the field.
 *
 * <p>The class has its own database, so the counts below are exact: five items, set up once through the
 * real processes (submitted by anna and olof, triaged by karin); one review is then made overdue by moving
 * its due date into the past, as time would.
 */
@ApplicationOnPostgres
class FeedbackOverviewIT {

    static final TestSmtp smtp = new TestSmtp();

    @RegisterExtension
    static GreenMailExtension mail = smtp.server();

    @DynamicPropertySource
    static void environment(DynamicPropertyRegistry registry) {
        PostgresDatabase.createFor(FeedbackOverviewIT.class, registry);
        smtp.configure(registry);
    }

    private static final String[] BROWSER = {"Accept", "text/html,application/xhtml+xml,*/*;q=0.8"};

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    private String base;
    private ProcessDriver driver;

    /** anna's (Pensionsmyndigheten), on Digital samverkan. */
    private String annaInReview;

    private String annaAwaitingClarification;
    private String annaInTriage;
    /** olof's (Kronofogden), on Dataskydd vid informationsutbyte. */
    private String olofOverdueReview;

    private String olofInTriage;

    @BeforeAll
    void feedbackOfTwoOrganisations() {
        base = HttpAgent.local(port);
        driver = new ProcessDriver(base);
        annaInReview = driver.submit(
                "anna", "digital-samverkan", "4.1", "2.1", "GAP", "Exempel för kommuner saknas i principen.");
        annaAwaitingClarification =
                driver.submit("anna", "digital-samverkan", "4.1", "3", "ERROR", "Figur 3 stämmer inte med texten.");
        annaInTriage = driver.submit(
                "anna", "digital-samverkan", "4.1", null, "SUGGESTION", "Lägg till en ordlista 100% av gångerna.");
        olofOverdueReview = driver.submit(
                "olof", "dataskydd-informationsutbyte", "2.0", "2", "ERROR", "Hänvisningen till artikel 26 är fel.");
        olofInTriage = driver.submit(
                "olof", "dataskydd-informationsutbyte", "2.0", null, "EDITORIAL", "Stavfel i rubriken: Dataskyd.");

        driver.route(annaInReview, "expert-architecture");
        driver.askForClarification(annaAwaitingClarification, "Vilken figur menar du?");
        driver.route(olofOverdueReview, "expert-law");
        // the review was due long ago: overdue, as the reports' backlog counts it
        jdbc.sql("update feedback set review_due = ? where reference = ?")
                .params(Timestamp.valueOf("2020-01-01 00:00:00"), olofOverdueReview)
                .update();
    }

    // --- who sees what

    @Test
    void theKansliListsEveryOrganisationsFeedbackNewestFirst() {
        HttpAgent.Response all = api(People.KARIN, "");

        assertThat(all.status()).as("%s", all).isEqualTo(200);
        assertThat(all.header("X-Total-Count")).contains("5");
        assertThat(all.listOf("reference"))
                .containsExactly(
                        olofInTriage, olofOverdueReview, annaInTriage, annaAwaitingClarification, annaInReview);
        assertThat(all.jsonList())
                .filteredOn(f -> olofOverdueReview.equals(f.get("reference")))
                .singleElement()
                .satisfies(f -> assertThat(f)
                        .containsEntry("status", "IN_REVIEW")
                        .containsEntry("stage", "REVIEW")
                        .containsEntry("overdue", true)
                        .containsEntry("organisation", "Kronofogden"));
    }

    @Test
    void managersAndAdministratorsListEveryOrganisationsFeedbackToo() {
        assertThat(api(People.MATS, "").header("X-Total-Count")).contains("5");
        assertThat(api(People.ADMIN, "").header("X-Total-Count")).contains("5");
    }

    @Test
    void aMemberListsOnlyTheOwnOrganisationsFeedbackWhateverTheFilterSays() {
        assertThat(api(People.ANNA, "").listOf("reference"))
                .containsExactly(annaInTriage, annaAwaitingClarification, annaInReview);
        assertThat(api(People.OLOF, "").listOf("reference")).containsExactly(olofInTriage, olofOverdueReview);
        // asking for another organisation's feedback gives nothing, not that organisation's items
        HttpAgent.Response asked = api(People.ANNA, "?organisation=org-kronofogden");
        assertThat(asked.status()).isEqualTo(200);
        assertThat(asked.jsonList()).isEmpty();
        assertThat(asked.header("X-Total-Count")).contains("0");
        assertThat(api(People.ANNA, "?q=" + olofOverdueReview).jsonList()).isEmpty();
        assertThat(api(People.ANNA, "?overdue=true").jsonList()).isEmpty();
        // an expert group member is a member of an organisation too: Skatteverket has sent nothing
        assertThat(api(People.ERIK, "").jsonList()).isEmpty();
        // a member's page shows the same, and none of olof's references
        HttpAgent.Response page = page(People.ANNA, "/feedback");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body())
                .contains("Synpunkter från min organisation", annaInReview, annaInTriage)
                .doesNotContain(olofOverdueReview, olofInTriage, "Alla synpunkter");
    }

    @Test
    void nobodySignedInIsRefusedTheApiAndSentToSignInFromThePage() {
        HttpAgent anonymous = HttpAgent.anonymous(base);
        assertThat(anonymous.get("/api/feedback?status=IN_REVIEW").status()).isEqualTo(401);
        HttpAgent.Response page = anonymous.get("/feedback?status=IN_REVIEW", BROWSER);
        assertThat(page.status()).isEqualTo(302);
        assertThat(page.location()).startsWith("/login");
    }

    // --- filters

    @Test
    void filtersByStatusAndStageByTheOneRuleOfStages() {
        assertThat(api(People.KARIN, "?status=IN_REVIEW").listOf("reference"))
                .containsExactly(olofOverdueReview, annaInReview);
        assertThat(api(People.KARIN, "?stage=REVIEW").listOf("reference"))
                .containsExactly(olofOverdueReview, annaInReview);
        assertThat(api(People.KARIN, "?stage=CLARIFICATION").listOf("reference"))
                .containsExactly(annaAwaitingClarification);
        assertThat(api(People.KARIN, "?stage=triage").listOf("reference")).containsExactly(olofInTriage, annaInTriage);
        assertThat(api(People.KARIN, "?stage=REVISION").jsonList()).isEmpty();
        // a status outside the stage: nothing matches both
        assertThat(api(People.KARIN, "?status=IN_TRIAGE&stage=REVIEW").jsonList())
                .isEmpty();
    }

    @Test
    void filtersByExpertGroupDocumentOrganisationAndOverdueCombined() {
        assertThat(api(People.KARIN, "?expertGroup=expert-law").listOf("reference"))
                .containsExactly(olofOverdueReview);
        assertThat(api(People.KARIN, "?guidanceId=dataskydd-informationsutbyte").listOf("reference"))
                .containsExactly(olofInTriage, olofOverdueReview);
        assertThat(api(People.KARIN, "?organisation=org-pensionsmyndigheten").listOf("reference"))
                .containsExactly(annaInTriage, annaAwaitingClarification, annaInReview);
        assertThat(api(People.KARIN, "?overdue=true").listOf("reference")).containsExactly(olofOverdueReview);
        assertThat(api(People.KARIN, "?overdue=false").jsonList()).hasSize(5);
        assertThat(api(People.KARIN, "?guidanceId=digital-samverkan&stage=REVIEW&expertGroup=expert-architecture")
                        .listOf("reference"))
                .containsExactly(annaInReview);
        assertThat(api(People.KARIN, "?guidanceId=digital-samverkan&overdue=true")
                        .jsonList())
                .isEmpty();
    }

    @Test
    void searchFindsAReferenceOrWordsOfTheDescriptionAsTyped() {
        assertThat(api(People.KARIN, "?q=" + annaAwaitingClarification).listOf("reference"))
                .containsExactly(annaAwaitingClarification);
        assertThat(api(People.KARIN, "?q=" + annaAwaitingClarification.toLowerCase())
                        .listOf("reference"))
                .containsExactly(annaAwaitingClarification);
        assertThat(api(People.KARIN, "?q=ARTIKEL%2026").listOf("reference")).containsExactly(olofOverdueReview);
        assertThat(api(People.KARIN, "?q=kommuner&organisation=org-pensionsmyndigheten")
                        .listOf("reference"))
                .containsExactly(annaInReview);
        // the wildcards of SQL are letters like any other: % finds the one text with a %, _ finds none
        assertThat(api(People.KARIN, "?q=" + HttpAgent.encode("100%")).listOf("reference"))
                .containsExactly(annaInTriage);
        assertThat(api(People.KARIN, "?q=" + HttpAgent.encode("%")).listOf("reference"))
                .containsExactly(annaInTriage);
        assertThat(api(People.KARIN, "?q=_").jsonList()).isEmpty();
        assertThat(api(People.KARIN, "?q=finns-inte-n%C3%A5gonstans").jsonList())
                .isEmpty();
    }

    // --- paging

    @Test
    void pagesOfABoundedSizeTogetherListEveryItemOnceWithLinksToTheOthers() {
        List<String> seen = new ArrayList<>();
        HttpAgent.Response first = api(People.KARIN, "?size=2");
        assertThat(first.header("X-Total-Count")).contains("5");
        assertThat(first.header("Link").orElseThrow())
                .contains("</api/feedback?size=2>; rel=\"first\"")
                .contains("</api/feedback?page=2&size=2>; rel=\"next\"")
                .contains("</api/feedback?page=3&size=2>; rel=\"last\"")
                .doesNotContain("rel=\"prev\"");
        seen.addAll(first.listOf("reference"));
        HttpAgent.Response second = api(People.KARIN, "?size=2&page=2");
        assertThat(second.header("Link").orElseThrow())
                .contains("</api/feedback?size=2>; rel=\"prev\"")
                .contains("</api/feedback?page=3&size=2>; rel=\"next\"");
        seen.addAll(second.listOf("reference"));
        HttpAgent.Response last = api(People.KARIN, "?size=2&page=3");
        assertThat(last.jsonList()).hasSize(1);
        assertThat(last.header("Link").orElseThrow()).doesNotContain("rel=\"next\"");
        seen.addAll(last.listOf("reference"));

        assertThat(seen)
                .containsExactly(
                        olofInTriage, olofOverdueReview, annaInTriage, annaAwaitingClarification, annaInReview);
        // beyond the last page: empty, and the total still said
        HttpAgent.Response beyond = api(People.KARIN, "?size=2&page=9");
        assertThat(beyond.jsonList()).isEmpty();
        assertThat(beyond.header("X-Total-Count")).contains("5");
        // the filter travels with the page links
        assertThat(api(People.KARIN, "?stage=REVIEW&size=1").header("Link").orElseThrow())
                .contains("</api/feedback?stage=REVIEW&page=2&size=1>; rel=\"next\"");
    }

    @Test
    void thePageListsAPageAtATimeWithLinksThatKeepTheFilter() {
        HttpAgent.Response page = page(People.KARIN, "/feedback?size=2&guidanceId=digital-samverkan");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body())
                .contains("Alla synpunkter", "3 synpunkter, sida 1 av 2", annaInTriage, annaAwaitingClarification)
                .doesNotContain(annaInReview, olofInTriage)
                .contains("href=\"/feedback?guidanceId=digital-samverkan&amp;page=2&amp;size=2\"")
                .contains("href=\"/feedback/" + annaInTriage + "\"")
                .contains("Kronofogden"); // the organisation filter's choices
        HttpAgent.Response second = page(People.KARIN, "/feedback?guidanceId=digital-samverkan&page=2&size=2");
        assertThat(second.body())
                .contains("sida 2 av 2", annaInReview)
                .contains("href=\"/feedback?guidanceId=digital-samverkan&amp;size=2\"");
        HttpAgent.Response overdue = page(People.KARIN, "/feedback?overdue=true");
        assertThat(overdue.body()).contains("1 synpunkt,", olofOverdueReview).doesNotContain(annaInReview);
        HttpAgent.Response none = page(People.KARIN, "/feedback?stage=REVISION");
        assertThat(none.body()).contains("Inga synpunkter stämmer med urvalet.");
    }

    // --- bad input

    @Test
    void badFiltersAreRefusedWithAProblemNamingTheField() {
        assertProblemNaming(api(People.KARIN, "?status=LOST"), 400, "status");
        assertProblemNaming(api(People.KARIN, "?stage=CLOSED"), 400, "stage");
        assertProblemNaming(api(People.KARIN, "?expertGroup=expert-astrology"), 400, "expertGroup");
        assertProblemNaming(api(People.KARIN, "?expertGroup=" + HttpAgent.encode("x' or 1=1")), 400, "expertGroup");
        assertProblemNaming(api(People.KARIN, "?guidanceId=no-such-guidance"), 400, "guidanceId");
        assertProblemNaming(api(People.KARIN, "?organisation=org-nowhere"), 400, "organisation");
        assertProblemNaming(api(People.ANNA, "?organisation=org-nowhere"), 400, "organisation");
        assertProblemNaming(api(People.KARIN, "?overdue=perhaps"), 400, "overdue");
        assertProblemNaming(api(People.KARIN, "?q=" + "x".repeat(201)), 400, "q");
        assertProblemNaming(api(People.KARIN, "?q=%01"), 400, "q");
        assertProblemNaming(api(People.KARIN, "?page=0"), 400, "page");
        assertProblemNaming(api(People.KARIN, "?page=10001"), 400, "page");
        assertProblemNaming(api(People.KARIN, "?page=99999999999999999999"), 400, "page");
        assertProblemNaming(api(People.KARIN, "?page=-1"), 400, "page");
        assertProblemNaming(api(People.KARIN, "?size=101"), 400, "size");
        assertProblemNaming(api(People.KARIN, "?size=two"), 400, "size");
    }

    @Test
    void aBadFilterOnThePageIsASwedishErrorPageNamingTheField() {
        HttpAgent.Response page = page(People.KARIN, "/feedback?stage=CLOSED");

        assertThat(page.status()).isEqualTo(400);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.body()).contains("<html lang=\"sv\"", "Adressen är inte giltig", "stage", "Okänt värde");
        assertThat(page(People.KARIN, "/feedback?size=1000").body())
                .contains("size", "Ange ett heltal från 1 till 100");
    }

    // --- performance: what the filters read

    /**
     * With a handful of rows PostgreSQL reads the table whatever the indexes; told not to, it shows that an
     * index answers each condition of the overview: the trigram index (V10) the search in descriptions,
     * V9's the expert group, and V9's status index the status and the overdue items (always one of two
     * statuses). The planner may pick any index that fits a condition at this size, so for the status the
     * test names the condition an index answers; the trigram and group indexes are the only ones for theirs.
     */
    @Test
    void theSearchAndTheFiltersAreAnsweredByIndexesOnPostgres() throws SQLException {
        assertThat(plan("select count(*) from feedback where lower(description) like '%kommun%'"))
                .contains("Index Scan on feedback_description_trgm_idx");
        assertThat(plan("select count(*) from feedback where expert_group = 'expert-law'"))
                .contains("feedback_overview_group_idx");
        assertThat(plan("select reference from feedback where status in ('IN_TRIAGE', 'IN_REVIEW') "
                        + "order by submitted_at desc, reference desc limit 25"))
                .containsPattern("Index Cond: \\(\\(status\\)");
        assertThat(plan("select count(*) from feedback where " + FeedbackOverview.OVERDUE.replace(":now", "now()")))
                .contains("Index Cond: ((status)::text = 'IN_REVIEW'::text)")
                .contains("Index Cond: ((status)::text = 'AWAITING_CLARIFICATION'::text)");
    }

    private String plan(String query) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("set enable_seqscan = off");
            StringBuilder plan = new StringBuilder();
            try (ResultSet rows = statement.executeQuery("explain " + query)) {
                while (rows.next()) {
                    plan.append(rows.getString(1)).append('\n');
                }
            } finally {
                statement.execute("reset enable_seqscan");
            }
            return plan.toString();
        }
    }

    private HttpAgent.Response api(People.Person person, String query) {
        return HttpAgent.basic(base, person).get("/api/feedback" + query);
    }

    /** A page as the person's browser gets it, signed in at the login form. */
    private HttpAgent.Response page(People.Person person, String path) {
        return HttpAgent.signedIn(base, person).get(path, BROWSER);
    }
}
