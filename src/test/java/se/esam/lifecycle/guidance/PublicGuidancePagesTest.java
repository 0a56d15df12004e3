package se.esam.lifecycle.guidance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.io.WireFeedInput;

import se.esam.lifecycle.support.HttpAgent;
import se.esam.lifecycle.support.TestEnvironment;
import se.esam.lifecycle.support.TestSmtp;

/**
 * The published guidance as anyone reads it: pages and JSON without signing in. Version 4.2 of Digital
 * samverkan and its disposition of comments are written straight into the tables, as the revision
 * process will when it publishes; some of its text tries to smuggle markup in.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestEnvironment
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@SuppressWarnings("unchecked") // JSON read as maps and lists
@DirtiesContext // version 4.2 written here is not for other test classes to find
class PublicGuidancePagesTest {

    private static final String SCRIPT = "<script>alert('x')</script>";
    private static final String ESCAPED_SCRIPT = "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;";

    /** Nothing here sends mail, but the application needs somewhere to send it. */
    static final TestSmtp smtp = new TestSmtp();

    @RegisterExtension
    static final GreenMailExtension mailServer = smtp.server();

    @DynamicPropertySource
    static void environment(DynamicPropertyRegistry registry) {
        smtp.configure(registry);
    }

    @LocalServerPort
    int port;

    /** Anyone: nobody signed in. */
    HttpAgent http;

    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    void publishVersionFourPointTwo() {
        http = HttpAgent.anonymous(HttpAgent.local(port));
        jdbc.sql("""
                insert into guidance_version (document_id, version_number, published_on, change_class, change_notes)
                values ('digital-samverkan', '4.2', ?, 'SUBSTANTIVE', ?)""")
                .params(LocalDate.of(2026, 2, 3), "Avsnitt 3 kräver nu API:er. Avsnitt 5 utgår. " + SCRIPT)
                .update();
        List<String[]> sections = List.of(
                new String[] {
                    "1",
                    "Inledning",
                    "Digital samverkan är eSams ramverk för hur offentliga aktörer " + "samarbetar digitalt."
                },
                new String[] {"2", "Principer för digital samverkan", "Samverkan ska utgå från tydliga behov."},
                new String[] {
                    "3",
                    "Informationsutbyte",
                    "Informationsutbyte ska ske genom API:er. Skriv aldrig " + SCRIPT + " i en specifikation."
                },
                new String[] {
                    "4",
                    "Styrning och förvaltning",
                    "Varje gemensam lösning ska ha en förvaltare.\n\n" + "Förändringar ska aviseras i god tid."
                });
        int position = 0;
        for (String[] section : sections) {
            jdbc.sql("""
                    insert into guidance_section (document_id, version_number, section_id, title, body, position)
                    values ('digital-samverkan', '4.2', ?, ?, ?, ?)""").params(section[0], section[1], section[2], position++).update();
        }
        jdbc.sql("""
                insert into published_disposition (document_id, version_number, feedback_reference, feedback_type,
                    organisation_name, summary, disposition, trace, trace_section, reason)
                values ('digital-samverkan', '4.2', ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        "FB-2026-0007",
                        "GAP",
                        "Pensionsmyndigheten",
                        "Krav på API saknas i avsnitt 3.",
                        "ACCEPTED",
                        "ANSWERED",
                        "3",
                        "Avsnitt 3 har skrivits om.")
                .update();
        jdbc.sql("""
                insert into published_disposition (document_id, version_number, feedback_reference, feedback_type,
                    organisation_name, summary, disposition, trace, trace_section, reason)
                values ('digital-samverkan', '4.2', ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        "FB-2026-0009",
                        "NOT_WORKING_IN_PRACTICE",
                        "Kronofogden <b>",
                        null,
                        "REJECTED",
                        "NOT_ADDRESSED",
                        null,
                        "Ligger utanför ramverket. " + SCRIPT)
                .update();
    }

    @Test
    void catalogueListsTheSixPublishedDocumentsWithGroupAndCurrentVersion() {
        HttpAgent.Response page = http.get("/guidance");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body())
                .contains(
                        "Digital samverkan",
                        "Behovsdriven utveckling",
                        "Rättsligt uttalande om röjande och molntjänster",
                        "Informationssäkerhet vid användning av molntjänster",
                        "Klarspråk i digitala tjänster",
                        "Dataskydd vid informationsutbyte")
                .contains("Arkitektur", "Juridik", "Informationssäkerhet", "Kommunikation")
                .contains("href=\"/guidance/digital-samverkan/4.2\"", "2026-02-03")
                .contains("eSam vägledningar", "href=\"/guidance/feed.atom\"", "href=\"/login\"")
                .doesNotContain("<script");

        List<Map<String, Object>> json = http.get("/api/public/guidance").jsonList();
        assertThat(json).hasSize(6);
        assertThat(json)
                .filteredOn(d -> d.get("id").equals("digital-samverkan"))
                .singleElement()
                .satisfies(d -> {
                    assertThat(d).containsEntry("currentVersion", "4.2").containsEntry("owningGroupName", "Arkitektur");
                });
    }

    @Test
    void documentPageListsVersionsNewestFirstWithAFormToCompareThem() {
        String page = http.get("/guidance/digital-samverkan").body();

        assertThat(page)
                .containsSubsequence(">4.2<", ">4.1<", ">4.0<")
                .contains("Innehållslig")
                .contains(
                        "action=\"/guidance/digital-samverkan/compare\"",
                        "method=\"get\"",
                        "name=\"from\"",
                        "name=\"to\"");

        Map<String, Object> json =
                http.get("/api/public/guidance/digital-samverkan").json();
        assertThat(json).containsEntry("title", "Digital samverkan");
        assertThat((List<Map<String, Object>>) json.get("versions"))
                .extracting(v -> v.get("number"))
                .containsExactly("4.2", "4.1", "4.0");
    }

    @Test
    void versionPageShowsSectionTextAndChangeNotesEscaped() {
        String catalogued = http.get("/guidance/digital-samverkan/4.1").body();
        assertThat(catalogued)
                .contains(
                        "Principen om enhetlig informationshantering",
                        "Samma information ska beskrivas och hanteras på samma sätt",
                        "href=\"/guidance/digital-samverkan/4.1/dispositions\"");

        HttpAgent.Response page = http.get("/guidance/digital-samverkan/4.2");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body())
                .contains("Avsnitt 3 kräver nu API:er. Avsnitt 5 utgår. " + ESCAPED_SCRIPT)
                .contains("Skriv aldrig " + ESCAPED_SCRIPT + " i en specifikation.")
                .contains("<p>Varje gemensam lösning ska ha en förvaltare.</p>")
                .contains("<p>Förändringar ska aviseras i god tid.</p>")
                .contains("Innehållslig")
                .doesNotContain(SCRIPT);

        Map<String, Object> json =
                http.get("/api/public/guidance/digital-samverkan/4.2").json();
        assertThat(json)
                .containsEntry("changeClass", "SUBSTANTIVE")
                .containsEntry("changeNotes", "Avsnitt 3 kräver nu API:er. Avsnitt 5 utgår. " + SCRIPT);
        assertThat((List<Map<String, Object>>) json.get("sections"))
                .extracting(s -> s.get("id"))
                .containsExactly("1", "2", "3", "4");
    }

    @Test
    void dispositionOfCommentsShowsEachFeedbackItemWithItsReason() {
        HttpAgent.Response page = http.get("/guidance/digital-samverkan/4.2/dispositions");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body())
                .containsSubsequence(
                        "FB-2026-0007",
                        "Något saknas",
                        "Pensionsmyndigheten",
                        "Godtagen",
                        "Besvarad genom ändring i avsnitt 3",
                        "Avsnitt 3 har skrivits om.")
                .containsSubsequence(
                        "FB-2026-0009",
                        "Fungerar inte i praktiken",
                        "Kronofogden &lt;b&gt;",
                        "Avslagen",
                        "Inte åtgärdad",
                        "Ligger utanför ramverket. " + ESCAPED_SCRIPT)
                .doesNotContain(SCRIPT, "Kronofogden <b>");

        List<Map<String, Object>> json = http.get("/api/public/guidance/digital-samverkan/4.2/dispositions")
                .jsonList();
        assertThat(json).hasSize(2);
        assertThat(json.get(0))
                .containsEntry("feedbackReference", "FB-2026-0007")
                .containsEntry("type", "GAP")
                .containsEntry("organisation", "Pensionsmyndigheten")
                .containsEntry("disposition", "ACCEPTED")
                .containsEntry("trace", "ANSWERED")
                .containsEntry("traceSection", "3")
                .containsEntry("reason", "Avsnitt 3 har skrivits om.");

        String none =
                http.get("/guidance/behovsdriven-utveckling/1.0/dispositions").body();
        assertThat(none).contains("Inga synpunkter har behandlats i den här versionen.");
    }

    @Test
    void comparisonShowsAddedChangedAndUnchangedSectionsOfDigitalSamverkan() {
        Map<String, Object> json = http.get("/api/public/guidance/digital-samverkan/compare?from=4.0&to=4.1")
                .json();

        List<Map<String, Object>> sections = (List<Map<String, Object>>) json.get("sections");
        assertThat(sections)
                .extracting(s -> s.get("sectionId") + " " + s.get("status"))
                .containsExactly("1 UNCHANGED", "2 UNCHANGED", "2.1 ADDED", "3 CHANGED", "4 UNCHANGED", "5 ADDED");
        Map<String, Object> changed = sections.get(3);
        assertThat((String) changed.get("oldText")).startsWith("Informationsutbyte mellan organisationer bör ske");
        assertThat((String) changed.get("newText")).startsWith("Informationsutbyte mellan organisationer ska ske");
        assertThat((List<Map<String, Object>>) changed.get("textDifferences"))
                .contains(Map.of("kind", "DELETED", "text", "bör"), Map.of("kind", "INSERTED", "text", "ska"));

        String page =
                http.get("/guidance/digital-samverkan/compare?from=4.0&to=4.1").body();
        assertThat(page)
                .contains("Nytt avsnitt", "Ändrat", "Oförändrat", "<del>bör</del><ins>ska</ins>")
                .containsSubsequence("Principen om enhetlig informationshantering", "Tillämpning i praktiken");

        String removed =
                http.get("/guidance/digital-samverkan/compare?from=4.1&to=4.2").body();
        assertThat(removed).contains("Borttaget", ESCAPED_SCRIPT).doesNotContain(SCRIPT);
        Map<String, Object> removedJson = http.get("/api/public/guidance/digital-samverkan/compare?from=4.1&to=4.2")
                .json();
        assertThat((List<Map<String, Object>>) removedJson.get("sections"))
                .extracting(s -> s.get("sectionId") + " " + s.get("status"))
                .containsExactly("1 CHANGED", "2 CHANGED", "2.1 REMOVED", "3 CHANGED", "4 CHANGED", "5 REMOVED");
    }

    @Test
    void feedIsAtomListingPublishedVersionsNewestFirst() throws Exception {
        HttpAgent.Response response = http.get("/guidance/feed.atom");

        assertThat(response.status()).isEqualTo(200);
        assertThat(MediaType.parseMediaType(response.contentType()).isCompatibleWith(MediaType.APPLICATION_ATOM_XML))
                .isTrue();
        Feed feed = (Feed) new WireFeedInput().build(new StringReader(response.body()));
        assertThat(feed.getFeedType()).isEqualTo("atom_1.0");
        List<Entry> entries = feed.getEntries();
        assertThat(entries).hasSize(8);
        assertThat(entries.get(0).getTitle()).isEqualTo("Digital samverkan 4.2");
        assertThat(entries.get(0).getAlternateLinks().get(0).getHref()).endsWith("/guidance/digital-samverkan/4.2");
        assertThat(entries.get(0).getSummary().getValue())
                .isEqualTo("Avsnitt 3 kräver nu API:er. Avsnitt 5 utgår. " + SCRIPT);
        assertThat(entries)
                .extracting(Entry::getTitle)
                .containsSubsequence(
                        "Digital samverkan 4.1",
                        "Dataskydd vid informationsutbyte 2.0",
                        "Klarspråk i digitala tjänster 1.2",
                        "Digital samverkan 4.0");
        List<Date> updated = entries.stream().map(Entry::getUpdated).toList();
        for (int i = 1; i < updated.size(); i++) {
            assertThat(updated.get(i)).isBeforeOrEqualTo(updated.get(i - 1));
        }
        assertThat(response.body()).doesNotContain(SCRIPT);
    }

    @Test
    void unknownDocumentOrVersionIsNotFound() {
        HttpAgent.Response page = http.get("/guidance/digital-samverkan/9.9");
        assertThat(page.status()).isEqualTo(404);
        assertThat(page.body()).contains("Sidan finns inte", "Digital samverkan har ingen publicerad version 9.9.");
        assertThat(http.get("/guidance/ingen-sadan").status()).isEqualTo(404);
        assertThat(http.get("/guidance/ingen-sadan/1.0/dispositions").status()).isEqualTo(404);

        HttpAgent.Response json = http.get("/api/public/guidance/digital-samverkan/9.9");
        assertThat(json.status()).isEqualTo(404);
        assertThat(MediaType.parseMediaType(json.contentType()).isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .isTrue();
        assertThat(json.json()).containsEntry("status", 404);
        assertThat(http.get("/api/public/guidance/ingen-sadan").status()).isEqualTo(404);
    }

    @Test
    void comparisonWithoutAKnownVersionIsABadRequestNamingTheField() {
        HttpAgent.Response missing = http.get("/api/public/guidance/digital-samverkan/compare?from=4.0");
        assertThat(missing.status()).isEqualTo(400);
        assertThat((List<Map<String, Object>>) missing.json().get("errors"))
                .extracting(e -> e.get("field"))
                .containsExactly("to");

        HttpAgent.Response unknown = http.get("/api/public/guidance/digital-samverkan/compare?from=3.9&to=4.1");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat((List<Map<String, Object>>) unknown.json().get("errors"))
                .extracting(e -> e.get("field"))
                .containsExactly("from");

        HttpAgent.Response page =
                http.get("/guidance/digital-samverkan/compare?from=4.0&to=" + HttpAgent.encode("<b>"));
        assertThat(page.status()).isEqualTo(400);
        assertThat(page.body())
                .contains(
                        "Digital samverkan har ingen publicerad version &lt;b&gt;.",
                        "name=\"to\" aria-invalid=\"true\"");
    }

    @Test
    void everyPublicAddressAnswersWithoutLoginWhileFeedbackStillNeedsIt() {
        List<String> pages = List.of(
                "/guidance",
                "/guidance/digital-samverkan",
                "/guidance/digital-samverkan/4.1",
                "/guidance/digital-samverkan/4.1/dispositions",
                "/guidance/digital-samverkan/compare?from=4.0&to=4.1",
                "/guidance/feed.atom",
                "/assets/css/public.css",
                "/api/public/guidance",
                "/api/public/guidance/digital-samverkan",
                "/api/public/guidance/digital-samverkan/4.1",
                "/api/public/guidance/digital-samverkan/4.1/dispositions",
                "/api/public/guidance/digital-samverkan/compare?from=4.0&to=4.1");
        for (String page : pages) {
            assertThat(http.get(page).status()).as(page).isEqualTo(200);
        }

        HttpAgent.Response feedback = http.get("/feedback");
        assertThat(feedback.status()).isEqualTo(302);
        assertThat(feedback.location()).isEqualTo("/login");
        assertThat(http.get("/api/feedback").status()).isEqualTo(401);
    }
}
