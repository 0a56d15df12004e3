package se.esam.lifecycle.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.icegreen.greenmail.junit5.GreenMailExtension;

import se.esam.lifecycle.support.HttpAgent;
import se.esam.lifecycle.support.People;
import se.esam.lifecycle.support.SharedApplication;
import se.esam.lifecycle.support.TestSmtp;

/**
 * The way in from a public guidance page, over real HTTP on PostgreSQL as a browser makes it: the link on a
 * section, sign-in, the feedback form with document and section filled in, sending it, the reference. The
 * form goes through the same submission as the API: the same refusals naming the field, the idempotency key
 * (a second click sends nothing twice), only members' employees.
 */
@SharedApplication
class FeedbackFromPublicPageIT {

    @RegisterExtension
    static GreenMailExtension mail = TestSmtp.shared().server();

    private static final String[] BROWSER = {"Accept", "text/html,application/xhtml+xml,*/*;q=0.8"};
    private static final Pattern HIDDEN_KEY = Pattern.compile("<input type=\"hidden\" name=\"key\" value=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private String base;

    @BeforeAll
    void base() {
        base = HttpAgent.local(port);
    }

    @Test
    void aMemberGoesFromAPublicSectionThroughSignInToTheFilledFormAndSeesTheReference() {
        HttpAgent browser = HttpAgent.anonymous(base);
        HttpAgent.Response version = browser.get("/guidance/digital-samverkan/4.1", BROWSER);
        assertThat(version.status()).isEqualTo(200);
        String link = "/feedback/new?document=digital-samverkan&version=4.1&section=2.1";
        assertThat(version.body()).contains("href=\"" + link.replace("&", "&amp;") + "\"");

        HttpAgent.Response toSignIn = browser.get(link, BROWSER);
        assertThat(toSignIn.status()).isEqualTo(302);
        assertThat(toSignIn.location()).startsWith("/login");
        browser.get(toSignIn.location(), BROWSER);
        HttpAgent.Response signedIn = browser.signIn("anna", "anna");
        assertThat(signedIn.status()).isEqualTo(302);
        // the address asked for before sign-in, not the home page
        assertThat(signedIn.location()).startsWith(link);

        HttpAgent.Response form = browser.get(signedIn.location(), BROWSER);
        assertThat(form.status()).as("%s", form).isEqualTo(200);
        assertThat(form.body())
                .contains("Lämna en synpunkt", "Digital samverkan 4.1")
                .contains("<input type=\"hidden\" name=\"document\" value=\"digital-samverkan\">")
                .contains("<option value=\"2.1\" selected=\"selected\">2.1 Principen om enhetlig informationshantering")
                .contains("<option value=\"\">Välj typ</option>");

        String description = "Principen behöver ett exempel från en kommun.";
        HttpAgent.Response sent = send(browser, form, Map.of("type", "GAP", "description", description));
        assertThat(sent.status()).as("%s", sent).isEqualTo(302);
        assertThat(sent.location()).matches("/feedback/FB-\\d{4}-\\d{4,}");
        String reference = sent.location().substring("/feedback/".length());

        HttpAgent.Response receipt = browser.get(sent.location(), BROWSER);
        assertThat(receipt.status()).isEqualTo(200);
        assertThat(receipt.body())
                .contains("Tack! Din synpunkt är mottagen och har", "<strong>" + reference + "</strong>")
                .contains("2.1 Principen om enhetlig informationshantering", description);
        // the notice is said once, not on every later visit
        assertThat(browser.get(sent.location(), BROWSER).body()).doesNotContain("Tack!");

        Map<String, Object> stored = HttpAgent.basic(base, People.ANNA)
                .get("/api/feedback/" + reference)
                .json();
        assertThat(stored)
                .containsEntry("status", "IN_TRIAGE")
                .containsEntry("type", "GAP")
                .containsEntry("description", description)
                .containsEntry("organisation", "Pensionsmyndigheten");
        assertThat(stored.get("guidance").toString()).contains("sectionId=2.1", "version=4.1");

        // a second click on the same form (the same key) sends nothing twice: the same reference
        HttpAgent.Response again = send(browser, form, Map.of("type", "GAP", "description", description));
        assertThat(again.location()).isEqualTo(sent.location());
        assertThat(itemsWith(description)).isEqualTo(1);
    }

    @Test
    void theDocumentPageLeadsToTheFormWithTheDocumentAndTheCurrentVersion() {
        HttpAgent.Response document = HttpAgent.anonymous(base).get("/guidance/digital-samverkan", BROWSER);
        assertThat(document.body()).contains("href=\"/feedback/new?document=digital-samverkan\"");

        HttpAgent.Response form = signedIn(People.OLOF).get("/feedback/new?document=digital-samverkan", BROWSER);
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.body())
                .contains("Digital samverkan 4.1")
                .contains("<option value=\"\" selected=\"selected\">Hela vägledningen</option>");
    }

    @Test
    void anUnknownDocumentVersionOrSectionIsRefusedInSwedishNamingTheField() {
        HttpAgent anna = signedIn(People.ANNA);

        HttpAgent.Response document = anna.get("/feedback/new?document=no-such-guidance&section=1", BROWSER);
        assertThat(document.status()).isEqualTo(400);
        assertThat(document.body())
                .contains("data-field=\"document\"", ">Vägledning</a>")
                .contains("Det finns ingen publicerad vägledning med id &#39;no-such-guidance&#39;.")
                // the form offers the documents there are instead
                .contains("<option value=\"digital-samverkan\">Digital samverkan</option>");

        HttpAgent.Response version = anna.get("/feedback/new?document=digital-samverkan&version=9.9", BROWSER);
        assertThat(version.status()).isEqualTo(400);
        assertThat(version.body())
                .contains("data-field=\"version\"", "Digital samverkan har ingen publicerad version 9.9.");

        HttpAgent.Response section = anna.get("/feedback/new?document=digital-samverkan&section=99", BROWSER);
        assertThat(section.status()).isEqualTo(400);
        assertThat(section.body())
                .contains("data-field=\"section\"", ">Avsnitt</a>", "Digital samverkan 4.1 har inget avsnitt 99.");
    }

    @Test
    void aFormWithMistakesComesBackNamingTheFieldsAndStoresNothing() {
        HttpAgent anna = signedIn(People.ANNA);
        HttpAgent.Response form = anna.get("/feedback/new?document=behovsdriven-utveckling&section=2", BROWSER);
        String text = "Ett steg saknas mellan förstå och pröva.";

        HttpAgent.Response noType = send(anna, form, Map.of("description", text));
        assertThat(noType.status()).isEqualTo(400);
        assertThat(noType.body()).contains("data-field=\"type\"", "Välj typ av synpunkt.");
        // what was written is kept
        assertThat(noType.body()).contains(text);

        HttpAgent.Response noText = send(anna, form, Map.of("type", "GAP", "description", "  "));
        assertThat(noText.body()).contains("data-field=\"description\"", "Beskriv synpunkten.");

        HttpAgent.Response badSection = send(anna, form, Map.of("type", "GAP", "description", text, "section", "77"));
        assertThat(badSection.status()).isEqualTo(400);
        assertThat(badSection.body()).contains("data-field=\"section\"", "har inget avsnitt 77");

        HttpAgent.Response tooLong = send(anna, form, Map.of("type", "GAP", "description", "x".repeat(10_001)));
        assertThat(tooLong.body()).contains("data-field=\"description\"", "högst 10 000 tecken");

        assertThat(itemsWith(text)).isZero();
    }

    @Test
    void onlyMembersEmployeesMaySubmitThroughTheForm() {
        for (People.Person notAMember : new People.Person[] {People.KARIN, People.MATS, People.ADMIN, People.ERIK}) {
            HttpAgent browser = signedIn(notAMember);
            HttpAgent.Response form = browser.get("/feedback/new?document=digital-samverkan", BROWSER);
            assertThat(form.status()).as(notAMember.id()).isEqualTo(403);
            assertThat(form.body()).contains("Du kan inte lämna synpunkter här");

            String text = "Skickat av " + notAMember.id() + " som inte är medlem.";
            HttpAgent.Response posted = browser.postForm(
                    "/feedback/new",
                    Map.of(
                            "document",
                            "digital-samverkan",
                            "type",
                            "GAP",
                            "description",
                            text,
                            "_csrf",
                            browser.csrfTokenOn("/feedback")),
                    BROWSER);
            assertThat(posted.status()).as(notAMember.id()).isEqualTo(403);
            assertThat(itemsWith(text)).isZero();
        }
    }

    @Test
    void aPostWithoutTheFormsCsrfTokenIsRefused() {
        HttpAgent anna = signedIn(People.ANNA);
        String text = "Utan token ska inget sparas.";
        HttpAgent.Response posted = anna.postForm(
                "/feedback/new", Map.of("document", "digital-samverkan", "type", "GAP", "description", text), BROWSER);
        assertThat(posted.status()).isEqualTo(403);
        assertThat(itemsWith(text)).isZero();
    }

    /** Posts the form as the browser would: its hidden fields and CSRF token, with these values. */
    private static HttpAgent.Response send(HttpAgent browser, HttpAgent.Response form, Map<String, String> values) {
        Map<String, String> fields = new HashMap<>();
        fields.put("_csrf", HttpAgent.csrfTokenIn(form.body()).orElseThrow());
        Matcher key = HIDDEN_KEY.matcher(form.body());
        assertThat(key.find()).as("the form's idempotency key").isTrue();
        fields.put("key", key.group(1));
        Matcher document =
                Pattern.compile("name=\"document\" value=\"([^\"]+)\"").matcher(form.body());
        assertThat(document.find()).isTrue();
        fields.put("document", document.group(1));
        Matcher version = Pattern.compile("name=\"version\" value=\"([^\"]+)\"").matcher(form.body());
        assertThat(version.find()).isTrue();
        fields.put("version", version.group(1));
        Matcher section = Pattern.compile("<option value=\"([^\"]*)\" selected=\"selected\">")
                .matcher(form.body());
        fields.put("section", section.find() ? section.group(1) : "");
        fields.putAll(values);
        return browser.postForm("/feedback/new", fields, BROWSER);
    }

    private HttpAgent signedIn(People.Person person) {
        return HttpAgent.signedIn(base, person);
    }

    private long itemsWith(String description) {
        return jdbc.sql("select count(*) from feedback where description = ?")
                .param(description)
                .query(Long.class)
                .single();
    }
}
