package se.esam.lifecycle.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;

import se.esam.lifecycle.support.ApplicationOnPostgres;
import se.esam.lifecycle.support.HttpAgent;
import se.esam.lifecycle.support.PostgresDatabase;
import se.esam.lifecycle.support.ProcessDriver;
import se.esam.lifecycle.support.TestSmtp;

/**
 * Issue 14 point 2 over real HTTP on PostgreSQL: feedback and a consultation response holding a personnummer, an
 * e-mail address and a phone number go all the way to a published version, through each publishing decision, and
 * then every public surface (pages, Atom feed, public API, the disposition of comments) and every mail to another
 * organisation is read for them. Before the review nothing of them is public; "not published" and unreviewed items
 * show nothing of their text. People who are not the kansli try to write the review through Camunda's APIs.
 */
@ApplicationOnPostgres
class PublishingReviewIT {

    static final TestSmtp smtp = new TestSmtp();

    @RegisterExtension
    static GreenMailExtension mail = smtp.server();

    @DynamicPropertySource
    static void environment(DynamicPropertyRegistry registry) {
        PostgresDatabase.createFor(PublishingReviewIT.class, registry);
        smtp.configure(registry);
    }

    private static final String GUIDANCE = "digital-samverkan";
    private static final String BASE_VERSION = "4.1";
    /** Skatteverket's published test numbers: valid check digits, nobody's real number. */
    private static final String PERSONNUMMER = "811218-9876";

    private static final String SAMORDNINGSNUMMER = "701063-2391";
    private static final String EMAIL = "anna.privat@example.se";
    private static final String PHONE = "070-123 45 67";
    /** Every way the numbers could be written again on a page. */
    private static final List<String> SECRETS = List.of(
            PERSONNUMMER,
            "8112189876",
            "198112189876",
            "19811218-9876",
            SAMORDNINGSNUMMER,
            "7010632391",
            EMAIL,
            PHONE,
            "0701234567",
            "Andersson",
            "Olsson");

    private static final String CLEAN = "Avsnitt 3 saknar ett exempel på ansvarsfördelning. [SYNLIG-SOM-DEN-AR]";
    private static final String WITH_PERSONAL_DATA = "Jag (" + PERSONNUMMER + ") fick fel besked, se avsnitt 3. "
            + "Svara till " + EMAIL + " eller " + PHONE + ". [SYNLIG-MASKERAD]";
    private static final String NOT_TO_PUBLISH = "Uppgifter om min hälsa: " + PERSONNUMMER + ". [HEMLIG-TEXT]";
    private static final String NEVER_REVIEWED = "Avsnitt 4 är oklart, ring " + PHONE + ". [OGRANSKAD-TEXT]";
    private static final String RESPONSE = "Kronofogden tillstyrker. Vår handläggare har samordningsnummer "
            + SAMORDNINGSNUMMER + ", " + PHONE + ". [REMISSVAR-TEXT]";

    @LocalServerPort
    int port;

    @Autowired
    ManagementService management;

    ProcessDriver driver;
    HttpAgent anyone;

    @BeforeAll
    void clients() {
        driver = new ProcessDriver(HttpAgent.local(port));
        anyone = HttpAgent.anonymous(HttpAgent.local(port));
    }

    @Test
    void onlyReviewedTextIsEverPublicAndNeverAPersonnummer() throws Exception {
        String asIs = driver.submit("anna", GUIDANCE, BASE_VERSION, "3", "GAP", CLEAN);
        String masked = driver.submit("anna", GUIDANCE, BASE_VERSION, "3", "ERROR", WITH_PERSONAL_DATA);
        String notPublished = driver.submit("anna", GUIDANCE, BASE_VERSION, "3", "ERROR", NOT_TO_PUBLISH);
        String unreviewed = driver.submit("anna", GUIDANCE, BASE_VERSION, "4", "GAP", NEVER_REVIEWED);

        // before the review: nothing of any text anywhere public
        assertNothingPublicHolds(List.of("[SYNLIG-SOM-DEN-AR]", "[SYNLIG-MASKERAD]", "[HEMLIG-TEXT]", "[OGRANSKAD"));

        // the detector's proposal is what Tasklist shows on the triage form
        String triage = driver.task("karin", "TriageFeedback", masked);
        Map<String, Object> proposal = driver.as("karin")
                .get("/engine-rest/task/" + triage + "/form-variables")
                .json();
        assertThat(((Map<?, ?>) proposal.get("publicText")).get("value").toString())
                .contains("[personnummer borttaget]")
                .doesNotContain(PERSONNUMMER);
        assertThat(((Map<?, ?>) proposal.get("personalDataFound")).get("value"))
                .isEqualTo("Hittades: personnummer, e-postadress, telefonnummer.");

        // as is, with personal data in it: refused, nothing changes
        HttpAgent.Response refused = submitForm("karin", triage, route("publication", "AS_IS"));
        assertThat(refused.status()).as("%s", refused).isEqualTo(400);
        assertThat(refused.body()).contains("publication");
        assertThat(driver.task("karin", "TriageFeedback", masked)).isEqualTo(triage);

        driver.complete("karin", driver.task("karin", "TriageFeedback", asIs), route("publication", "AS_IS"));
        driver.complete("karin", triage, route("publication", "MASKED"));
        driver.complete(
                "karin",
                driver.task("karin", "TriageFeedback", notPublished),
                route("publication", "NOT_PUBLISHED", "publicationGround", "OSL 25 kap. 1 § (hälsa)"));
        // through the API a triage may leave the review out: that item publishes nothing of its text
        driver.complete("karin", driver.task("karin", "TriageFeedback", unreviewed), route());

        List<String> all = List.of(asIs, masked, notPublished, unreviewed);
        for (String reference : all) {
            driver.review("erik", reference, "ACCEPTED", "Tas med i nästa version.");
        }
        String revision = driver.openRevision(GUIDANCE);

        // a substantive draft goes on consultation; Kronofogden answers with personal data in the response
        draft(revision, all, "Avsnitt 3 förtydligas.");
        HttpAgent.Response responded = driver.as("olof")
                .json("POST", "/api/revisions/" + revision + "/consultation-responses", Map.of("response", RESPONSE));
        assertThat(responded.status()).as("%s", responded).isEqualTo(201);
        Job window = management
                .createJobQuery()
                .processInstanceId(driver.processInstance(revision))
                .activityId("ConsultationWindowCloses")
                .singleResult();
        management.executeJob(window.getId());

        // the drafters quote the response in the change notes and a reason: the publisher masks it
        draft(revision, all, "Efter remissen: " + RESPONSE);
        driver.approveQuality(revision);
        HttpAgent.Response approved = driver.as("stina")
                .json("POST", "/api/revisions/" + revision + "/approval", Map.of("decision", "approve"));
        assertThat(approved.status()).as("%s", approved).isEqualTo(200);
        assertThat(approved.json()).containsEntry("status", "PUBLISHED");
        String version = (String) approved.json().get("newVersion");
        assertThat(version).isNotBlank();

        List<Map<String, Object>> dispositions = anyone.get(
                        "/api/public/guidance/" + GUIDANCE + "/" + version + "/dispositions")
                .jsonList();
        Map<String, Object> summaries = new HashMap<>();
        dispositions.forEach(d -> summaries.put((String) d.get("feedbackReference"), d.get("summary")));
        assertThat(summaries).containsOnlyKeys(all);
        assertThat(summaries.get(asIs)).isEqualTo(CLEAN);
        assertThat(summaries.get(masked))
                .isEqualTo("Jag ([personnummer borttaget]) fick fel besked, se avsnitt 3. Svara till "
                        + "[e-postadress borttagen] eller [telefonnummer borttaget]. [SYNLIG-MASKERAD]");
        assertThat(summaries.get(notPublished)).isNull();
        assertThat(summaries.get(unreviewed)).isNull();
        assertThat(dispositions)
                .allSatisfy(d -> assertThat(d.get("organisation")).isEqualTo("Pensionsmyndigheten"));

        String notes = (String) anyone.get("/api/public/guidance/" + GUIDANCE + "/" + version)
                .json()
                .get("changeNotes");
        assertThat(notes).contains("[samordningsnummer borttaget]").contains("[REMISSVAR-TEXT]");

        assertNothingPublicHolds(List.of("[HEMLIG-TEXT]", "[OGRANSKAD-TEXT]", "OSL 25 kap"), version);
        // another organisation's member reads the published revision: the drafters' quote of the response masked
        String asMember = driver.as("anna").get("/api/revisions/" + revision).body();
        String pageAsMember = HttpAgent.signedIn(HttpAgent.local(port), "anna", "anna")
                .get("/revisions/" + revision)
                .body();
        for (String seen : List.of(asMember, pageAsMember)) {
            assertThat(seen)
                    .contains("[samordningsnummer borttaget]")
                    .doesNotContain(SAMORDNINGSNUMMER)
                    .doesNotContain("7010632391")
                    .doesNotContain(PHONE);
        }
        assertThat(anyone.get("/guidance/" + GUIDANCE + "/" + version + "/dispositions")
                        .body())
                .contains("[SYNLIG-SOM-DEN-AR]")
                .contains("[SYNLIG-MASKERAD]")
                .contains("[personnummer borttaget]");
        assertNoMailToAnotherOrganisationHolds(List.of("[HEMLIG-TEXT]", "[OGRANSKAD-TEXT]", "[SYNLIG-MASKERAD]"));
    }

    /** Nobody but the kansli writes a publishing review: not the submitter, not the expert group, on any API. */
    @Test
    void nobodyButTheKansliWritesTheReviewThroughCamundasApis() {
        String reference = driver.submit("anna", GUIDANCE, BASE_VERSION, "2", "GAP", WITH_PERSONAL_DATA);
        String triage = driver.task("karin", "TriageFeedback", reference);
        Map<String, Object> asIs = Map.of("value", "AS_IS");

        // the submitter (and another organisation's) on the kansli's task: not theirs to see or write
        for (String outsider : List.of("anna", "olof", "erik")) {
            HttpAgent.Response put =
                    driver.as(outsider).json("PUT", "/engine-rest/task/" + triage + "/variables/publication", asIs);
            assertThat(put.status()).as("%s on /engine-rest: %s", outsider, put).isIn(403, 404);
            HttpAgent browser = HttpAgent.signedIn(HttpAgent.local(port), outsider, outsider);
            String xsrf = browser.openWebapps();
            HttpAgent.Response viaTasklist = browser.json(
                    "POST",
                    "/camunda/api/engine/engine/default/task/" + triage + "/submit-form",
                    Map.of("variables", Map.of("triageDecision", Map.of("value", "route"), "publication", asIs)),
                    "X-XSRF-TOKEN",
                    xsrf);
            assertThat(viaTasklist.status())
                    .as("%s on Tasklist's API: %s", outsider, viaTasklist)
                    .isIn(403, 404);
        }
        // nor at the start: the start form has no such field
        HttpAgent.Response start = driver.as("anna")
                .json(
                        "POST",
                        "/engine-rest/process-definition/key/guidance-feedback/submit-form",
                        Map.of(
                                "variables",
                                Map.of(
                                        "guidanceId", Map.of("value", GUIDANCE),
                                        "guidanceVersion", Map.of("value", BASE_VERSION),
                                        "sectionId", Map.of("value", "2"),
                                        "feedbackType", Map.of("value", "GAP"),
                                        "description", Map.of("value", "Text."),
                                        "publication", asIs,
                                        "publicText", Map.of("value", "Allt får publiceras."))));
        assertThat(start.status()).as("%s", start).isEqualTo(400);
        assertThat(start.body()).containsAnyOf("\"field\":\"publication\"", "\"field\":\"publicText\"");

        // nor the submitter on her own clarification task
        driver.askForClarification(reference, "Vilket avsnitt menar ni?");
        String clarification = driver.task("anna", "RequestClarification", reference);
        HttpAgent.Response smuggled = submitForm(
                "anna",
                clarification,
                Map.of("clarificationAnswer", "Avsnitt 2.", "publication", "AS_IS", "publicText", "Allt."));
        assertThat(smuggled.status()).as("%s", smuggled).isEqualTo(400);
        assertThat(smuggled.body()).containsAnyOf("\"field\":\"publication\"", "\"field\":\"publicText\"");

        // nor the expert group at its review
        driver.complete("anna", clarification, Map.of("clarificationAnswer", "Avsnitt 2."));
        driver.complete(
                "karin",
                driver.task("karin", "TriageFeedback", reference),
                route("publication", "NOT_PUBLISHED", "publicationGround", "Personuppgifter om hälsa."));
        String review = driver.task("erik", "ReviewFeedback", reference);
        HttpAgent.Response byExpert = submitForm(
                "erik",
                review,
                Map.of(
                        "disposition", "ACCEPTED",
                        "dispositionReason", "Ja.",
                        "publication", "AS_IS",
                        "publicText", WITH_PERSONAL_DATA));
        assertThat(byExpert.status()).as("%s", byExpert).isEqualTo(400);
        HttpAgent.Response variable =
                driver.as("erik").json("PUT", "/engine-rest/task/" + review + "/variables/publication", asIs);
        assertThat(variable.status()).as("%s", variable).isEqualTo(400);
    }

    // --- helpers

    private static Map<String, Object> route(String... publication) {
        Map<String, Object> values = new HashMap<>(
                Map.of("triageDecision", "route", "expertGroup", "expert-architecture", "priority", "NORMAL"));
        for (int i = 0; i < publication.length; i += 2) {
            values.put(publication[i], publication[i + 1]);
        }
        return values;
    }

    private HttpAgent.Response submitForm(String user, String task, Map<String, Object> values) {
        driver.as(user).json("POST", "/engine-rest/task/" + task + "/claim", Map.of("userId", user));
        Map<String, Object> variables = new HashMap<>();
        values.forEach((name, value) -> variables.put(name, Map.of("value", value)));
        return driver.as(user)
                .json("POST", "/engine-rest/task/" + task + "/submit-form", Map.of("variables", variables));
    }

    /** A substantive draft answering every item in section 3; the last item is not addressed, with the notes as reason. */
    private void draft(String revision, List<String> references, String notes) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < references.size(); i++) {
            boolean last = i == references.size() - 1;
            Map<String, Object> row = new HashMap<>();
            row.put("reference", references.get(i));
            row.put("trace", last ? "NOT_ADDRESSED" : "ANSWERED");
            row.put("traceSection", last ? null : "3");
            row.put("traceReason", last ? notes : null);
            items.add(row);
        }
        driver.complete(
                "per",
                driver.task("per", "DraftRevision", revision),
                Map.of(
                        "sections",
                        List.of(
                                Map.of("sectionId", "1", "title", "Inledning", "body", "Vägledningen gäller alla."),
                                Map.of(
                                        "sectionId",
                                        "3",
                                        "title",
                                        "Informationsutbyte",
                                        "body",
                                        "Den som lämnar ut uppgifter ansvarar för utbytet.")),
                        "items",
                        items,
                        "changeNotes",
                        notes,
                        "changeClass",
                        "SUBSTANTIVE"));
    }

    /** Every public page, the feed and the public API, read by someone who is not signed in. */
    private void assertNothingPublicHolds(List<String> markers, String... versions) {
        List<String> paths = new ArrayList<>(List.of(
                "/guidance",
                "/guidance/" + GUIDANCE,
                "/guidance/" + GUIDANCE + "/" + BASE_VERSION,
                "/guidance/feed.atom",
                "/api/public/guidance",
                "/api/public/guidance/" + GUIDANCE,
                "/api/public/guidance/" + GUIDANCE + "/" + BASE_VERSION));
        for (String version : versions) {
            paths.addAll(List.of(
                    "/guidance/" + GUIDANCE + "/" + version,
                    "/guidance/" + GUIDANCE + "/" + version + "/dispositions",
                    "/guidance/" + GUIDANCE + "/compare?from=" + BASE_VERSION + "&to=" + version,
                    "/api/public/guidance/" + GUIDANCE + "/" + version,
                    "/api/public/guidance/" + GUIDANCE + "/" + version + "/dispositions",
                    "/api/public/guidance/" + GUIDANCE + "/compare?from=" + BASE_VERSION + "&to=" + version));
        }
        for (String path : paths) {
            HttpAgent.Response page = anyone.get(path);
            assertThat(page.status()).as(path).isEqualTo(200);
            List<String> forbidden = new ArrayList<>(SECRETS);
            forbidden.addAll(markers);
            for (String secret : forbidden) {
                assertThat(page.body()).as("%s must not show %s", path, secret).doesNotContain(secret);
            }
        }
    }

    /**
     * Mail to anyone but the submitter herself (Pensionsmyndigheten) never carries her text or the consultation
     * response; her own mails may quote her own text, and the answer to her may quote the response masked.
     */
    private void assertNoMailToAnotherOrganisationHolds(List<String> markers) throws Exception {
        MimeMessage[] received = mail.getReceivedMessages();
        assertThat(received).isNotEmpty();
        for (MimeMessage message : received) {
            boolean toAnna = false;
            for (Address to : message.getAllRecipients()) {
                toAnna |= to.toString().equals("anna@pensionsmyndigheten.example");
            }
            String text = message.getSubject() + "\n" + GreenMailUtil.getBody(message);
            // the response's personal data reaches nobody, Anna included (a reason quoting it is masked)
            List<String> forbidden = new ArrayList<>(List.of(SAMORDNINGSNUMMER, "7010632391"));
            if (!toAnna) {
                forbidden.addAll(SECRETS);
                forbidden.addAll(markers);
                forbidden.add("[REMISSVAR-TEXT]");
            }
            for (String secret : forbidden) {
                assertThat(text)
                        .as("mail '%s' to %s", message.getSubject(), List.of(message.getAllRecipients()))
                        .doesNotContain(secret);
            }
        }
    }
}
