package se.esam.lifecycle.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

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
import se.esam.lifecycle.support.EngineClock;
import se.esam.lifecycle.support.HttpAgent;
import se.esam.lifecycle.support.PostgresDatabase;
import se.esam.lifecycle.support.ProcessDriver;
import se.esam.lifecycle.support.TestSmtp;

/**
 * One test per finding of issue 11, each as the attacker did it, over real HTTP on PostgreSQL with the
 * real engine: a task holder pointing a step at another organisation's feedback or another group's
 * revision, granting themselves authority, skipping the consultation, opening another group's
 * revision, reading what their role may not, learning who finished a task, and locking out an account.
 * A refused write must change nothing ({@link Footprint}).
 */
@ApplicationOnPostgres
class TamperingFindingsIT {

    static final TestSmtp smtp = new TestSmtp();

    @RegisterExtension
    static GreenMailExtension mail = smtp.server();

    @DynamicPropertySource
    static void environment(DynamicPropertyRegistry registry) {
        PostgresDatabase.createFor(TamperingFindingsIT.class, registry);
        smtp.configure(registry);
    }

    /** The text every draft in this class writes into section 1. */
    private static final String DRAFT_TEXT = "Vägledningen gäller alla medlemsorganisationer";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private String base;
    private ProcessDriver driver;
    /** olof's (Kronofogden) feedback in review by the law group: what anna and erik try to point at. */
    private String olofs;
    /** The architecture group's revision of digital-samverkan, drafting. */
    private String architectureRevision;
    /** The law group's revision of molntjanster-rattsligt-uttalande, in the kansli's quality review. */
    private String lawRevision;

    @BeforeAll
    void setUp() {
        base = "http://localhost:" + port;
        driver = new ProcessDriver(base);
        olofs = driver.submit(
                "olof", "dataskydd-informationsutbyte", "2.0", "2", "ERROR", "Fyndprov: olofs synpunkt om artikel 26.");
        driver.route(olofs, "expert-law");
        architectureRevision = startRevision("erik", "digital-samverkan");
        lawRevision = startRevision("lena", "molntjanster-rattsligt-uttalande");
        submitTask("lena", driver.task("lena", "DraftRevision", lawRevision), draft("EDITORIAL"));
    }

    // --- another organisation's feedback

    @Test
    void aClarificationAnswerCannotPointAtAnotherOrganisationsFeedback() {
        String annas = clarificationAskedOf("anna", "Fyndprov: annas synpunkt som behöver förtydligas.");
        String task = driver.task("anna", "RequestClarification", annas);
        Map<String, Object> olofsBefore = feedback(olofs);
        Map<String, String> before = Footprint.of(jdbc);

        HttpAgent.Response response = submit(
                "anna",
                task,
                Map.of("clarificationAnswer", "Fyndprov: annas svar i olofs historik.", "reference", olofs));

        assertRefusedNaming(response, "reference", before);
        assertThat(feedback(olofs)).isEqualTo(olofsBefore);
        assertThat(driver.as("anna").get("/engine-rest/task/" + task).status())
                .as("anna's task is still hers")
                .isEqualTo(200);
    }

    @Test
    void aClarificationAnswerCannotHandTheNextClarificationToAnotherSubmitter() {
        String annas = clarificationAskedOf("anna", "Fyndprov: annas synpunkt, inlämnaren skrivs över.");
        String task = driver.task("anna", "RequestClarification", annas);
        Map<String, String> before = Footprint.of(jdbc);

        HttpAgent.Response response = submit(
                "anna",
                task,
                Map.of("clarificationAnswer", "Fyndprov: svar som ska hamna hos olof.", "submitter", "olof"));

        assertRefusedNaming(response, "submitter", before);
        HttpAgent.Response olofsTasks = driver.as("olof").get("/engine-rest/task?processInstanceBusinessKey=" + annas);
        assertThat(olofsTasks.jsonList())
                .as("olof holds nothing of anna's: %s", olofsTasks)
                .isEmpty();
    }

    @Test
    void aReviewerCannotPointTheReviewAtAnotherItem() {
        String annas = driver.submit(
                "anna", "digital-samverkan", "4.1", "2.1", "GAP", "Fyndprov: annas synpunkt som erik granskar.");
        driver.route(annas, "expert-architecture");
        String task = claimed("erik", driver.task("erik", "ReviewFeedback", annas));
        Map<String, Object> olofsBefore = feedback(olofs);
        Map<String, String> before = Footprint.of(jdbc);

        HttpAgent.Response response = submit(
                "erik",
                task,
                Map.of(
                        "disposition",
                        "REJECTED",
                        "dispositionReason",
                        "Fyndprov: avslås av fel grupp.",
                        "reference",
                        olofs));

        assertRefusedNaming(response, "reference", before);
        assertThat(feedback(olofs)).isEqualTo(olofsBefore);
    }

    // --- authority

    @Test
    void theKansliCannotMakeItselfTheApproverInTheQualityReview() {
        String task = claimed("karin", driver.task("karin", "QualityReview", lawRevision));
        Map<String, String> before = Footprint.of(jdbc);

        HttpAgent.Response response = submit(
                "karin",
                task,
                Map.of(
                        "qualityDecision",
                        "approve",
                        "qualityComments",
                        "Fyndprov: godkänd.",
                        "approverGroup",
                        "kansli"));

        assertRefusedNaming(response, "approverGroup", before);
        HttpAgent.Response karins = driver.as("karin")
                .get("/engine-rest/task?taskDefinitionKey=ApproveRevision" + "&candidateGroup=kansli");
        assertThat(karins.jsonList())
                .as("no approval task for the kansli: %s", karins)
                .isEmpty();
        assertThat(unclaim(task)).isEqualTo(204);
    }

    @Test
    void aDrafterCannotWriteIntoAnotherGroupsRevision() {
        String task = claimed("erik", driver.task("erik", "DraftRevision", architectureRevision));
        Map<String, Object> lawBefore = revision(lawRevision);
        Map<String, String> before = Footprint.of(jdbc);

        Map<String, Object> values = new LinkedHashMap<>(draft("EDITORIAL"));
        values.put("revisionId", lawRevision);
        HttpAgent.Response response = submit("erik", task, values);

        assertRefusedNaming(response, "revisionId", before);
        assertThat(revision(lawRevision)).isEqualTo(lawBefore);
        assertThat(unclaim(task)).isEqualTo(204);
    }

    @Test
    void aDrafterCannotSkipTheConsultationOfASubstantiveChange() {
        String task = claimed("erik", driver.task("erik", "DraftRevision", architectureRevision));
        Map<String, String> before = Footprint.of(jdbc);

        Map<String, Object> values = new LinkedHashMap<>(draft("SUBSTANTIVE"));
        values.put("consultationHeld", true);
        HttpAgent.Response response = submit("erik", task, values);

        assertRefusedNaming(response, "consultationHeld", before);
        assertThat(revision(architectureRevision)).containsEntry("status", "DRAFTING");
        assertThat(unclaim(task)).isEqualTo(204);
    }

    /**
     * The routing table's proposed group, deleted from the triage task (the API lets the task's holder delete a
     * variable), then "route" on both surfaces: refused with 400 naming expertGroup, not an engine exception.
     */
    @Test
    void aRoutingWhoseExpertGroupWasDeletedIsRefusedNamingTheFieldOnBothSurfaces() {
        String reference = driver.submit("olof", "digital-samverkan", "4.1", "3", "ERROR", "Fyndprov: utan grupp.");
        String task = claimed("karin", driver.task("karin", "TriageFeedback", reference));
        HttpAgent.Response deleted = driver.as("karin")
                .send("DELETE", "/engine-rest/task/" + task + "/variables/expertGroup", noBody(), null);
        assertThat(deleted.status()).as("%s", deleted).isEqualTo(204);
        Map<String, String> before = Footprint.of(jdbc);
        Map<String, Object> route = Map.of("triageDecision", "route", "priority", "NORMAL");

        assertRefusedNaming(submit("karin", task, route), "expertGroup", before);

        HttpAgent tasklist = HttpAgent.signedIn(base, "karin", "karin");
        String xsrf = tasklist.openWebapps();
        HttpAgent.Response viaTasklist = tasklist.json(
                "POST",
                "/camunda/api/engine/engine/default/task/" + task + "/submit-form",
                Map.of("variables", CamundaVariables.of(route)),
                "X-XSRF-TOKEN",
                xsrf);
        assertRefusedNaming(viaTasklist, "expertGroup", before);
        assertThat(viaTasklist.body()).contains("Välj en expertgrupp.").doesNotContain("ENGINE-");
        assertThat(feedback(reference)).containsEntry("status", "IN_TRIAGE");
    }

    /**
     * Only an administrator can steer a process by hand (Cockpit, instance modification). Steered into a step
     * that would move the revision in a way the model does not have (closing a consultation that was never
     * opened), the revision refuses with 409 and the reason, not a 500, and nothing is changed.
     */
    @Test
    void aHandMadeMoveTheRevisionModelDoesNotHaveIs409AndChangesNothing() {
        Map<String, String> before = Footprint.of(jdbc);

        HttpAgent.Response response = driver.as("admin")
                .json(
                        "POST",
                        "/engine-rest/process-instance/" + driver.processInstance(architectureRevision)
                                + "/modification",
                        Map.of(
                                "instructions",
                                List.of(Map.of("type", "startBeforeActivity", "activityId", "CloseConsultation"))));

        assertThat(response.status()).as("%s", response).isEqualTo(409);
        assertThat(response.body())
                .as("%s", response)
                .contains("kan inte gå till")
                .doesNotContain("ENGINE-")
                .doesNotContain("java.");
        assertThat(revision(architectureRevision)).containsEntry("status", "DRAFTING");
        assertThat(Footprint.of(jdbc)).as("nothing changed").isEqualTo(before);
    }

    @Test
    void aMemberOfAnotherExpertGroupCannotStartARevisionOfTheDocument() {
        // klarspråk belongs to the communication group; erik is in architecture. The start form alone was
        // refused already; with a feedbackReference the step took it for a start by message and let it through.
        for (Map<String, Object> variables : List.of(
                Map.<String, Object>of("guidanceId", "klarsprak-digitala-tjanster"),
                Map.<String, Object>of("guidanceId", "klarsprak-digitala-tjanster", "feedbackReference", olofs))) {
            Map<String, String> before = Footprint.of(jdbc);

            HttpAgent.Response response = driver.as("erik")
                    .json(
                            "POST",
                            "/engine-rest/process-definition/key/" + "guidance-revision/submit-form",
                            Map.of("variables", CamundaVariables.of(variables)));

            assertThat(response.status()).as("%s", response).isIn(400, 403);
            assertThat(Footprint.of(jdbc))
                    .as("nothing changed after %s", response)
                    .isEqualTo(before);
            assertThat(openRevisionsOf("klarsprak-digitala-tjanster")).isEmpty();
        }
    }

    @Test
    void aMemberOfAnotherExpertGroupCannotOpenARevisionByCorrelatingTheMessage() {
        // informationssäkerhet belongs to the information security group; lena is in law
        String lenas = driver.submit(
                "olof",
                "molntjanster-informationssakerhet",
                null,
                null,
                "GAP",
                "Fyndprov: synpunkt som lena försöker föra till revision.");
        Map<String, String> before = Footprint.of(jdbc);

        HttpAgent.Response response = driver.as("lena")
                .json(
                        "POST",
                        "/engine-rest/message",
                        Map.of(
                                "messageName",
                                "RevisionRequested",
                                "processVariables",
                                CamundaVariables.of(Map.of(
                                        "guidanceId",
                                        "molntjanster-informationssakerhet",
                                        "feedbackReference",
                                        lenas))));

        assertThat(response.status()).as("%s", response).isIn(400, 403);
        assertThat(Footprint.of(jdbc)).as("nothing changed after %s", response).isEqualTo(before);
        assertThat(openRevisionsOf("molntjanster-informationssakerhet")).isEmpty();
    }

    // --- reading

    @Test
    void submittersAndOtherGroupsCannotReadADraftRevision() {
        // the law group's revision, drafted and in the kansli's quality review: its text is not yet anyone else's
        String number = lawRevision.substring("REV-".length());
        String instance = driver.processInstance(lawRevision);
        for (String outsider : List.of("anna", "olof", "erik", "stina")) {
            HttpAgent.Response api = driver.as(outsider).get("/api/revisions/" + lawRevision);
            assertThat(api.status()).as("%s reads %s", outsider, api).isIn(403, 404);
            HttpAgent.Response page =
                    HttpAgent.signedIn(base, outsider, outsider).get("/revisions/" + number);
            assertThat(page.status()).as("%s reads %s", outsider, page).isIn(403, 404);
            assertThat(page.body()).doesNotContain(DRAFT_TEXT);
            // serialized, so that Json lists show their text rather than the shape of their nodes
            for (String engine : List.of(
                    "/engine-rest/process-instance/" + instance + "/variables?" + "deserializeValues=false",
                    "/engine-rest/variable-instance?deserializeValues=false&" + "processInstanceIdIn=" + instance,
                    "/engine-rest/history/variable-instance?" + "deserializeValues=false&processInstanceId="
                            + instance)) {
                HttpAgent.Response variables = driver.as(outsider).get(engine);
                assertThat(variables.body())
                        .as("%s reads %s", outsider, variables)
                        .doesNotContain(DRAFT_TEXT);
            }
        }
        // the owning group and the kansli do read it: the refusals above are about who asks
        assertThat(driver.as("lena").get("/api/revisions/" + lawRevision).status())
                .isEqualTo(200);
        assertThat(driver.as("karin").get("/api/revisions/" + lawRevision).status())
                .isEqualTo(200);
        assertThat(driver.as("lena")
                        .get("/engine-rest/process-instance/" + instance + "/variables?" + "deserializeValues=false")
                        .body())
                .contains(DRAFT_TEXT);
    }

    @Test
    void aMemberReadsARevisionOnConsultationButNotAnotherOrganisationsResponse() {
        String revision = startRevision("erik", "behovsdriven-utveckling");
        submitTask("erik", driver.task("erik", "DraftRevision", revision), draft("SUBSTANTIVE"));
        assertThat(revision(revision)).containsEntry("status", "IN_CONSULTATION");
        HttpAgent.Response responded = driver.as("anna")
                .json(
                        "POST",
                        "/api/revisions/" + revision + "/consultation-responses",
                        Map.of("response", "Fyndprov-remissvar: Pensionsmyndigheten avstyrker."));
        assertThat(responded.status()).as("%s", responded).isEqualTo(201);

        HttpAgent.Response api = driver.as("olof").get("/api/revisions/" + revision);
        HttpAgent.Response page =
                HttpAgent.signedIn(base, "olof", "olof").get("/revisions/" + revision.substring("REV-".length()));

        assertThat(api.status()).as("%s", api).isEqualTo(200);
        assertThat(api.body()).doesNotContain("Fyndprov-remissvar").doesNotContain("\"anna\"");
        assertThat(page.status()).as("%s", page).isEqualTo(200);
        assertThat(page.body()).contains(DRAFT_TEXT).doesNotContain("Fyndprov-remissvar");
        // the owning group reads the response: it is there to be hidden
        assertThat(driver.as("erik").get("/api/revisions/" + revision).body()).contains("Fyndprov-remissvar");
    }

    @Test
    void feedbackFlaggedAsPersonalDataNeverReachesTheRevisionOrAnyoneElsesMail() throws Exception {
        String marker = "Fyndprov-personuppgift: Sven Svensson 19650101-1234";
        String flagged = driver.submit("olof", "dataskydd-informationsutbyte", "2.0", "2", "ERROR", marker);
        HttpAgent.Response triaged = submit(
                "karin",
                claimed("karin", driver.task("karin", "TriageFeedback", flagged)),
                Map.of(
                        "triageDecision",
                        "route",
                        "expertGroup",
                        "expert-law",
                        "priority",
                        "NORMAL",
                        "containsPersonalData",
                        true));
        assertThat(triaged.status()).as("%s", triaged).isEqualTo(204);
        driver.review("lena", flagged, "ACCEPTED", "Fyndprov: tas med i revisionen.");
        String revision = driver.openRevision("dataskydd-informationsutbyte");
        // anna's item joins the same revision, and anna is mailed the group's decision on it
        String annas = driver.submit(
                "anna",
                "dataskydd-informationsutbyte",
                "2.0",
                "2",
                "GAP",
                "Fyndprov: annas synpunkt i samma revision.");
        driver.route(annas, "expert-law");
        driver.review("lena", annas, "ACCEPTED", "Fyndprov: tas också med i revisionen.");
        HttpAgent.Response items = driver.as("admin")
                .get("/engine-rest/process-instance/" + driver.processInstance(revision)
                        + "/variables/items?deserializeValue=false");
        assertThat(items.status()).as("%s", items).isEqualTo(200);
        assertThat(items.body()).as("the revision lists the item").contains(flagged);

        assertThat(items.body()).doesNotContain("Sven Svensson");
        assertThat(driver.as("lena").get("/api/revisions/" + revision).body()).doesNotContain("Sven Svensson");
        assertThat(HttpAgent.signedIn(base, "lena", "lena")
                        .get("/revisions/" + revision.substring("REV-".length()))
                        .body())
                .doesNotContain("Sven Svensson");
        // olof wrote it and gets his own text back; nobody else outside the kansli may
        List<String> toOthers = new ArrayList<>();
        for (MimeMessage message : mail.getReceivedMessages()) {
            if (Arrays.stream(message.getAllRecipients())
                    .noneMatch(r ->
                            r.toString().contains("kronofogden") || r.toString().contains("karin@"))) {
                toOthers.add(textOf(message));
            }
        }
        assertThat(toOthers).as("mails to others than olof and the kansli").isNotEmpty();
        assertThat(toOthers).noneMatch(text -> text.contains("Sven Svensson"));
    }

    @Test
    void aRefusalOnAFinishedTaskDoesNotNameWhoFinishedIt() {
        String annas = driver.submit(
                "anna", "digital-samverkan", "4.1", "2.1", "GAP", "Fyndprov: synpunkt som erik avgör före olof.");
        driver.route(annas, "expert-architecture");
        String task = driver.task("erik", "ReviewFeedback", annas);
        driver.review("erik", annas, "REJECTED", "Fyndprov: avslås med motivering.");

        for (String outsider : List.of("olof", "lena")) {
            for (String action : List.of("complete", "submit-form", "claim")) {
                HttpAgent.Response late = driver.as(outsider)
                        .json(
                                "POST",
                                "/engine-rest/task/" + task + "/" + action,
                                action.equals("claim") ? Map.of("userId", outsider) : Map.of());
                assertThat(late.status()).as("%s", late).isIn(403, 404, 409);
                assertThat(late.body()).as("%s", late).doesNotContain("erik").doesNotContain("Eriksson");
            }
        }
    }

    // --- availability

    @Test
    void wrongPasswordsFromAnonymousCallersNeverLockTheAccount() {
        // mats only: nothing else in this class signs in as mats
        try {
            for (int attempt = 1; attempt <= 12; attempt++) {
                // each guess from another address, each after Camunda's delay would have run out
                String source = "203.0.113." + attempt;
                HttpAgent guesser = HttpAgent.anonymous(base);
                HttpAgent.Response guess = attempt % 2 == 0
                        ? guesser.postForm(
                                "/login",
                                Map.of(
                                        "username",
                                        "mats",
                                        "password",
                                        "gissning" + attempt,
                                        "_csrf",
                                        guesser.csrfTokenOn("/login")),
                                "X-Forwarded-For",
                                source)
                        : HttpAgent.basic(base, "mats", "gissning" + attempt)
                                .get("/api/guidance", "X-Forwarded-For", source);
                assertThat(guess.status()).as("%s", guess).isIn(302, 401, 429);
                EngineClock.advance(java.time.Duration.ofHours(1));
            }

            HttpAgent.Response real =
                    HttpAgent.basic(base, "mats", "mats").get("/api/guidance", "X-Forwarded-For", "198.51.100.7");
            assertThat(real.status()).as("mats from his own address: %s", real).isEqualTo(200);
            HttpAgent browser = HttpAgent.anonymous(base);
            HttpAgent.Response login = browser.postForm(
                    "/login",
                    Map.of("username", "mats", "password", "mats", "_csrf", browser.csrfTokenOn("/login")),
                    "X-Forwarded-For",
                    "198.51.100.8");
            assertThat(login.status()).isEqualTo(302);
            assertThat(login.location())
                    .as("the login form from his own address")
                    .doesNotStartWith("/login");
        } finally {
            EngineClock.reset();
        }
    }

    // --- helpers

    private void assertRefusedNaming(HttpAgent.Response response, String variable, Map<String, String> before) {
        assertThat(response.status()).as("%s", response).isEqualTo(400);
        assertThat(response.body())
                .as("the refusal names %s: %s", variable, response)
                .contains(variable);
        assertThat(Footprint.of(jdbc)).as("nothing changed after %s", response).isEqualTo(before);
    }

    private String clarificationAskedOf(String submitter, String text) {
        String reference = driver.submit(submitter, "digital-samverkan", "4.1", "3", "ERROR", text);
        driver.askForClarification(reference, "Fyndprov: vilken mening menar ni?");
        return reference;
    }

    private Map<String, Object> feedback(String reference) {
        HttpAgent.Response response = driver.as("admin").get("/api/feedback/" + reference);
        assertThat(response.status()).as("%s", response).isEqualTo(200);
        return response.json();
    }

    private Map<String, Object> revision(String label) {
        HttpAgent.Response response = driver.as("admin").get("/api/revisions/" + label);
        assertThat(response.status()).as("%s", response).isEqualTo(200);
        return response.json();
    }

    private List<String> openRevisionsOf(String guidanceId) {
        HttpAgent.Response open = driver.as("admin").get("/api/revisions");
        assertThat(open.status()).as("%s", open).isEqualTo(200);
        return open.jsonList().stream()
                .filter(r -> guidanceId.equals(r.get("guidanceId")))
                .map(r -> (String) r.get("id"))
                .toList();
    }

    private String startRevision(String member, String guidanceId) {
        HttpAgent.Response started = driver.as(member)
                .json(
                        "POST",
                        "/engine-rest/process-definition/key/" + "guidance-revision/submit-form",
                        Map.of("variables", CamundaVariables.of(Map.of("guidanceId", guidanceId))));
        assertThat(started.status()).as("%s", started).isEqualTo(200);
        return driver.openRevision(guidanceId);
    }

    private String claimed(String user, String task) {
        HttpAgent.Response claimed =
                driver.as(user).json("POST", "/engine-rest/task/" + task + "/claim", Map.of("userId", user));
        assertThat(claimed.status()).as("%s", claimed).isEqualTo(204);
        return task;
    }

    private int unclaim(String task) {
        return driver.as("admin")
                .json("POST", "/engine-rest/task/" + task + "/unclaim", null)
                .status();
    }

    private HttpAgent.Response submit(String user, String task, Map<String, Object> values) {
        return driver.as(user)
                .json(
                        "POST",
                        "/engine-rest/task/" + task + "/submit-form",
                        Map.of("variables", CamundaVariables.of(values)));
    }

    private void submitTask(String user, String task, Map<String, Object> values) {
        claimed(user, task);
        HttpAgent.Response submitted = submit(user, task, values);
        assertThat(submitted.status()).as("%s", submitted).isEqualTo(204);
    }

    private static java.net.http.HttpRequest.BodyPublisher noBody() {
        return java.net.http.HttpRequest.BodyPublishers.noBody();
    }

    private static Map<String, Object> draft(String changeClass) {
        return Map.of(
                "sections",
                List.of(Map.of(
                        "sectionId",
                        "1",
                        "title",
                        "Inledning",
                        "body",
                        "Vägledningen gäller alla medlemsorganisationer.")),
                "items",
                List.of(),
                "changeNotes",
                "Förtydligat inledningen.",
                "changeClass",
                changeClass);
    }

    private static String textOf(Part part) throws Exception {
        Object content = part.getContent();
        if (content instanceof String text) {
            return text;
        }
        StringBuilder text = new StringBuilder();
        if (content instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                text.append(textOf(multipart.getBodyPart(i)));
            }
        }
        return text.toString();
    }
}
