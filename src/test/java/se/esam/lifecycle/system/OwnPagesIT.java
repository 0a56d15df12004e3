package se.esam.lifecycle.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.stereotype.Controller;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.GetMapping;

import com.icegreen.greenmail.junit5.GreenMailExtension;

import se.esam.lifecycle.support.ApplicationOnPostgres;
import se.esam.lifecycle.support.HttpAgent;
import se.esam.lifecycle.support.LinkedFiles;
import se.esam.lifecycle.support.PostgresDatabase;
import se.esam.lifecycle.support.ProcessDriver;
import se.esam.lifecycle.support.TestSmtp;

/**
 * Our own pages as a browser gets them, over real HTTP on PostgreSQL: the sign-in page in Swedish with
 * the product's name, sign-out and a failed sign-in said in Swedish, a revision's page under both its
 * addresses with the guidance's name in its heading, our Swedish error pages (400, 403, 404, 500) instead of Spring's
 * Whitelabel page, the logs in Swedish words with people's names, and a start-up banner whose every entry point
 * answers.
 */
@ApplicationOnPostgres
@Import(OwnPagesIT.FailingPage.class)
class OwnPagesIT {

    /**
     * A page that fails as none of ours should, for the 500 page: every real page is guarded against a 500 (the fuzz
     * test holds them to it), so no real request can provoke one. Only this class's application has it (its own
     * context, as before: {@code @ApplicationOnPostgres}).
     */
    @TestConfiguration
    static class FailingPage {

        static final String PATH = "/test-only/failing-page";

        @Bean
        FailingPageController failingPageController() {
            return new FailingPageController();
        }
    }

    @Controller
    static class FailingPageController {

        @GetMapping(FailingPage.PATH)
        String fail() {
            throw new IllegalStateException("OwnPagesIT: the failure a page must never show");
        }
    }

    static final TestSmtp smtp = new TestSmtp();

    @RegisterExtension
    static GreenMailExtension mail = smtp.server();

    @DynamicPropertySource
    static void environment(DynamicPropertyRegistry registry) {
        PostgresDatabase.createFor(OwnPagesIT.class, registry);
        smtp.configure(registry);
    }

    /** What a browser asks for when it opens a page: HTML first. */
    private static final String[] BROWSER = {"Accept", "text/html,application/xhtml+xml,*/*;q=0.8"};

    @LocalServerPort
    int port;

    private String base;
    private ProcessDriver driver;

    @BeforeAll
    void clients() {
        base = "http://localhost:" + port;
        driver = new ProcessDriver(base);
    }

    // --- the files our pages link

    /** Each kind of page of ours, as the person who may see it: its style sheets and scripts all answer. */
    @Test
    void everyStyleSheetAndScriptOurPagesLinkIsServed() {
        Map<String, HttpAgent> pages = Map.of(
                "/login", HttpAgent.anonymous(base),
                "/guidance", HttpAgent.anonymous(base),
                "/feedback", HttpAgent.signedIn(base, "anna", "anna"),
                "/reports", HttpAgent.signedIn(base, "mats", "mats"));
        pages.forEach((page, visitor) -> {
            List<String> files = LinkedFiles.of(visitor, page);
            assertThat(files).as(page).anyMatch(file -> file.endsWith(".css"));
            for (String file : files) {
                HttpAgent.Response answer = visitor.get(file);
                assertThat(answer.status()).as(page + ": " + file).isEqualTo(200);
                assertThat(answer.contentType())
                        .as(page + ": " + file)
                        .startsWith(file.endsWith(".css") ? "text/css" : "text/javascript");
            }
        });
    }

    // --- signing in and out

    @Test
    void signInPageIsSwedishAndNamesTheProduct() {
        HttpAgent.Response page = HttpAgent.anonymous(base).get("/login", BROWSER);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body())
                .contains("<html lang=\"sv\"")
                .contains("eSam Synpunkter och revisioner")
                .contains("Användarnamn", "Lösenord", "Logga in")
                .doesNotContain("Please sign in", "Username", "Password");
    }

    @Test
    void aFailedSignInIsToldInSwedishOnTheSignInPage() {
        // hanna is nobody else's in this class: her throttled next attempts harm no other test
        HttpAgent browser = HttpAgent.anonymous(base);
        HttpAgent.Response failed = browser.signIn("hanna", "fel-lösenord");

        assertThat(failed.status()).isEqualTo(302);
        assertThat(failed.location()).isEqualTo("/login?error");
        HttpAgent.Response page = browser.get(failed.location(), BROWSER);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Fel användarnamn eller lösenord").doesNotContain("Du är nu utloggad");
    }

    @Test
    void signingOutShowsTheSignInPageSayingSo() {
        HttpAgent browser = HttpAgent.signedIn(base, "anna", "anna");
        HttpAgent.Response signedOut = browser.postForm("/logout", Map.of("_csrf", browser.csrfTokenOn("/feedback")));

        assertThat(signedOut.status()).isEqualTo(302);
        assertThat(signedOut.location()).isEqualTo("/login?logout");
        HttpAgent.Response page = browser.get(signedOut.location(), BROWSER);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Du är nu utloggad").doesNotContain("Fel användarnamn");
        assertThat(browser.get("/feedback", BROWSER).location()).startsWith("/login");
    }

    // --- a revision under both its addresses, its log in Swedish words

    @Test
    void aRevisionsPageAnswersToItsLabelAndToItsNumberWithTheLogInSwedishWords() {
        String reference = driver.submit(
                "olof", "digital-samverkan", "4.1", "3", "SUGGESTION", "Förtydliga vem som ansvarar i avsnitt 3.");
        driver.route(reference, "expert-architecture");
        driver.review("erik", reference, "ACCEPTED", "Tas med i nästa version av vägledningen.");
        String label = driver.openRevision("digital-samverkan");
        assertThat(label).startsWith("REV-");
        // per's draft puts a person in the log: his name must show, not his user id
        driver.draftEditorially("per", label, List.of(reference), null);
        HttpAgent karin = HttpAgent.signedIn(base, "karin", "karin");

        HttpAgent.Response byLabel = karin.get("/revisions/" + label, BROWSER);
        HttpAgent.Response byNumber = karin.get("/revisions/" + label.substring("REV-".length()), BROWSER);

        for (HttpAgent.Response page : List.of(byLabel, byNumber)) {
            assertThat(page.status()).as(page.path()).isEqualTo(200);
            assertThat(page.body())
                    .as(page.path())
                    .contains("<h1><span>Digital samverkan</span>: revision <span>" + label + "</span></h1>")
                    .contains("Revisionen öppnades", "Synpunkt kopplades till revisionen")
                    .doesNotContain(">OPENED<", ">FEEDBACK_JOINED<")
                    // the log names people, not their user ids
                    .contains("<td>Per Persson</td>")
                    .doesNotContain("<td>per</td>", "<td>erik</td>", "<td>karin</td>");
        }

        HttpAgent.Response history = karin.get("/feedback/" + reference, BROWSER);
        assertThat(history.status()).isEqualTo(200);
        assertThat(history.body())
                .contains("prioritet normal")
                .doesNotContain("prioritet NORMAL")
                // the kansli routed it, the expert decided: their names, not their user ids
                .contains(">Karin Karlsson<")
                .doesNotContain(">karin<", ">erik<");
    }

    @Test
    void reportFiguresAreWrittenWithADecimalComma() {
        String reference = driver.submit(
                "anna", "digital-samverkan", "4.1", "2.1", "GAP", "Exempel för kommuner saknas i avsnitt 2.1.");
        driver.route(reference, "expert-architecture");
        driver.review("erik", reference, "REJECTED", "Exemplen hör hemma i en egen vägledning.");
        HttpAgent mats = HttpAgent.signedIn(base, "mats", "mats");

        HttpAgent.Response page = mats.get("/reports", BROWSER);

        assertThat(page.status()).isEqualTo(200);
        // lead times in days: the same day's decision is "0,0", never "0.0"
        assertThat(page.body()).containsPattern(">\\d+,\\d<").doesNotContainPattern(">\\s*\\d+\\.\\d\\s*<");
    }

    // --- our error pages

    @Test
    void aSubmitterAskingForReportsGetsOurSwedishForbiddenPage() {
        HttpAgent anna = HttpAgent.signedIn(base, "anna", "anna");

        assertOurErrorPage(anna.get("/reports", BROWSER), 403, "Inte tillåtet");
    }

    @Test
    void anUnknownPageAndAnAddressThatIsNoRevisionGetOurSwedishNotFoundPage() {
        HttpAgent karin = HttpAgent.signedIn(base, "karin", "karin");

        assertOurErrorPage(karin.get("/no-such-page", BROWSER), 404, "Sidan finns inte");
        assertOurErrorPage(karin.get("/revisions/x", BROWSER), 404, "Sidan finns inte");
        assertOurErrorPage(karin.get("/revisions/REV-999999", BROWSER), 404, "Sidan finns inte");
    }

    @Test
    void aMalformedRequestOnOurPagesGetsOurSwedishBadRequestPage() {
        HttpAgent karin = HttpAgent.signedIn(base, "karin", "karin");

        // a form post without its one field, as a hand-made request would send it
        HttpAgent.Response response = karin.postForm(
                "/revisions/1/consultation-responses", Map.of("_csrf", karin.csrfTokenOn("/feedback")), BROWSER);

        assertOurErrorPage(response, 400, "Begäran kunde inte utföras");
    }

    @Test
    void aFailureOnOurPagesGetsOurSwedishErrorPageWithoutItsDetails() {
        HttpAgent karin = HttpAgent.signedIn(base, "karin", "karin");

        HttpAgent.Response response = karin.get(FailingPage.PATH, BROWSER);

        assertOurErrorPage(response, 500, "Något gick fel");
        assertThat(response.body())
                .contains("Ett oväntat fel inträffade.")
                .doesNotContain("IllegalStateException", "the failure a page must never show", "se.esam");
    }

    private static void assertOurErrorPage(HttpAgent.Response response, int status, String heading) {
        assertThat(response.status()).as(response.path()).isEqualTo(status);
        assertThat(response.contentType()).as(response.path()).startsWith("text/html");
        assertThat(response.body())
                .as(response.path())
                .contains("<html lang=\"sv\"")
                .contains("<h1>" + heading + "</h1>")
                .doesNotContain("Whitelabel", "There was an unexpected error", "Exception");
    }

    // --- the start-up banner

    @Test
    void theStartupBannerListsEveryEntryPointAndEachAnswers() {
        assertThat(StartupBanner.ENTRY_POINTS.values())
                .contains(
                        "/guidance",
                        "/reports",
                        "/register",
                        "/retention",
                        "/api/archive",
                        "/feedback",
                        "/accessibility",
                        "/camunda/app/tasklist/",
                        "/camunda/app/cockpit/",
                        "/camunda/app/admin/",
                        "/engine-rest",
                        "/swagger-ui.html");
        assertThat(StartupBanner.entryPoints(base)).contains(base + "/guidance", base + "/reports");

        HttpAgent admin = HttpAgent.signedIn(base, "admin", "admin");
        for (String path : StartupBanner.ENTRY_POINTS.values()) {
            // the REST API's root has no resource of its own; its engine list stands for it
            // the archive API's root answers a period: an empty one stands for it
            String probe = switch (path) {
                case "/engine-rest" -> "/engine-rest/engine";
                case "/api/archive" -> "/api/archive?from=2000-01-01&to=2000-01-31";
                default -> path;
            };
            HttpAgent.Response response = admin.get(probe, BROWSER);
            assertThat(response.status()).as(probe).isIn(200, 301, 302);
            if (response.status() != 200) {
                assertThat(response.location()).as(probe).doesNotStartWith("/login");
            }
        }
    }
}
