package se.esam.lifecycle.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.icegreen.greenmail.junit5.GreenMailExtension;

import se.esam.lifecycle.support.ApplicationOnPostgres;
import se.esam.lifecycle.support.HttpAgent;
import se.esam.lifecycle.support.PostgresDatabase;
import se.esam.lifecycle.support.ProcessDriver;
import se.esam.lifecycle.support.TestSmtp;

/**
 * A refusal reads as a refusal where people meet it: jäv and four eyes on claim (also on deciding
 * without claiming first, and on being given the task by someone else), an unknown duplicate at triage
 * and an unknown version or section on the start form answer, through Tasklist's own API and through
 * Camunda's REST API alike, with a 4xx, Camunda's {@code ExceptionDto} and a short Swedish sentence in
 * its message (which Tasklist shows): no engine code, no class name, no definition id; the log has one
 * INFO line for it and no ERROR or stack trace. Nothing is changed by a refusal.
 */
@ApplicationOnPostgres
@ExtendWith(OutputCaptureExtension.class)
class TasklistRefusalsIT {

    static final TestSmtp smtp = new TestSmtp();

    @RegisterExtension
    static GreenMailExtension mail = smtp.server();

    @DynamicPropertySource
    static void environment(DynamicPropertyRegistry registry) {
        PostgresDatabase.createFor(TasklistRefusalsIT.class, registry);
        smtp.configure(registry);
    }

    private static final String TASKLIST_ENGINE = "/camunda/api/engine/engine/default";
    private static final String ENGINE_REST = "/engine-rest";

    private static final String JAV = "Du tillhör den organisation som lämnade synpunkten och får därför inte "
            + "granska den (jäv). Låt någon annan i expertgruppen ta uppgiften.";
    private static final String FOUR_EYES =
            "Du har utarbetat revisionen och får därför inte fastställa den (fyra ögon).";

    /** A line logged at ERROR (the pattern's level column), not the word in a message. */
    private static final String ERROR_LINE = "(?m)^\\S+\\s+ERROR ";

    @LocalServerPort
    int port;

    private String base;
    private ProcessDriver driver;

    @BeforeAll
    void clients() {
        base = "http://localhost:" + port;
        driver = new ProcessDriver(base);
    }

    @Test
    void anExpertFromTheSubmittingOrganisationIsToldOfJavOnClaim(CapturedOutput output) {
        String reference = driver.submit("anna", "digital-samverkan", "4.1", "2", "ERROR", "Jäv vid tilldelning.");
        driver.route(reference, "expert-architecture");
        String review = driver.task("hanna", "ReviewFeedback", reference);

        for (Surface surface : Surface.values()) {
            int from = output.getAll().length();
            HttpAgent.Response claim =
                    surface.post(this, "hanna", "/task/" + review + "/claim", Map.of("userId", "hanna"));

            assertRefusal(claim, 403, JAV);
            assertLoggedAsRefusal(output, from);

            // nor can she decide it without taking it first, as a client of either API could try
            from = output.getAll().length();
            HttpAgent.Response decided = surface.post(
                    this,
                    "hanna",
                    "/task/" + review + "/submit-form",
                    Map.of(
                            "variables",
                            Map.of(
                                    "disposition", Map.of("value", "REJECTED"),
                                    "dispositionReason", Map.of("value", "Avslås av jävig granskare."))));
            assertRefusal(decided, 403, JAV);
            assertLoggedAsRefusal(output, from);

            // nor can someone else give it to her, and then the sentence speaks of her, not to the one choosing
            from = output.getAll().length();
            HttpAgent.Response given =
                    surface.post(this, "admin", "/task/" + review + "/assignee", Map.of("userId", "hanna"));
            assertRefusal(
                    given,
                    403,
                    "Den du vill ge uppgiften tillhör den organisation som lämnade synpunkten och får därför inte "
                            + "granska den (jäv). Välj någon annan i expertgruppen.");
            assertLoggedAsRefusal(output, from);
        }
        assertThat(driver.as("admin").get("/engine-rest/task/" + review).json().get("assignee"))
                .isNull();
        assertThat(driver.as("anna").get("/api/feedback/" + reference).json()).containsEntry("status", "IN_REVIEW");
    }

    @Test
    void theDrafterIsToldOfFourEyesOnClaimingTheApproval(CapturedOutput output) {
        String reference =
                driver.submit("olof", "digital-samverkan", "4.1", "3", "GAP", "Fyra ögon vid fastställelse.");
        driver.route(reference, "expert-architecture");
        driver.review("erik", reference, "ACCEPTED", "Tas med i nästa version.");
        String revision = driver.openRevision("digital-samverkan");
        driver.draftEditorially("per", revision, List.of(reference), null);
        driver.approveQuality(revision);
        String approval = driver.task("maria", "ApproveRevision", revision);

        for (Surface surface : Surface.values()) {
            int from = output.getAll().length();
            HttpAgent.Response claim =
                    surface.post(this, "per", "/task/" + approval + "/claim", Map.of("userId", "per"));

            assertRefusal(claim, 403, FOUR_EYES);
            assertLoggedAsRefusal(output, from);

            from = output.getAll().length();
            HttpAgent.Response decided = surface.post(
                    this,
                    "per",
                    "/task/" + approval + "/submit-form",
                    Map.of("variables", Map.of("approvalDecision", Map.of("value", "approve"))));
            assertRefusal(decided, 403, FOUR_EYES);
            assertLoggedAsRefusal(output, from);

            from = output.getAll().length();
            HttpAgent.Response given =
                    surface.post(this, "admin", "/task/" + approval + "/assignee", Map.of("userId", "per"));
            assertRefusal(
                    given,
                    403,
                    "Den du vill ge uppgiften har utarbetat revisionen och får därför inte fastställa den "
                            + "(fyra ögon). Välj en annan beslutsfattare.");
            assertLoggedAsRefusal(output, from);
        }
        assertThat(driver.as("maria").get("/api/revisions/" + revision).json())
                .containsEntry("status", "AWAITING_APPROVAL");
        assertThat(driver.as("admin")
                        .get("/engine-rest/task/" + approval)
                        .json()
                        .get("assignee"))
                .isNull();
    }

    @Test
    void theKansliIsToldThatTheDuplicateItNamedDoesNotExist(CapturedOutput output) {
        String reference = driver.submit("anna", "digital-samverkan", "4.1", "2", "GAP", "Dubblett av vad?");
        String triage = driver.task("karin", "TriageFeedback", reference);
        Map<String, Object> duplicate = Map.of(
                "variables",
                Map.of("triageDecision", Map.of("value", "duplicate"), "duplicateOf", Map.of("value", "FB-1999-9999")));

        for (Surface surface : Surface.values()) {
            HttpAgent.Response claim =
                    surface.post(this, "karin", "/task/" + triage + "/claim", Map.of("userId", "karin"));
            assertThat(claim.status()).as("%s", claim).isEqualTo(204);
            int from = output.getAll().length();

            HttpAgent.Response submitted = surface.post(this, "karin", "/task/" + triage + "/submit-form", duplicate);

            assertRefusal(submitted, 400, "Det finns ingen annan synpunkt med referensen 'FB-1999-9999'.");
            assertThat(submitted.json()).as("%s", submitted).containsEntry("field", "duplicateOf");
            assertLoggedAsRefusal(output, from);
            assertThat(surface.post(this, "karin", "/task/" + triage + "/unclaim", Map.of())
                            .status())
                    .isEqualTo(204);
        }
        assertThat(driver.as("anna").get("/api/feedback/" + reference).json()).containsEntry("status", "IN_TRIAGE");
    }

    @Test
    void theSubmitterIsToldWhichVersionOrSectionTheGuidanceDoesNotHave(CapturedOutput output) {
        Map<String, String> refusals = Map.of(
                "9.9", "guidanceVersion|Digital samverkan har ingen publicerad version 9.9.",
                "4.1/99", "sectionId|Digital samverkan 4.1 har inget avsnitt 99.");
        long before = driver.as("admin")
                                .get(
                                        "/engine-rest/history/process-instance/count?processDefinitionKey=guidance-feedback")
                                .json()
                                .get("count")
                        instanceof Number n
                ? n.longValue()
                : -1;

        for (Surface surface : Surface.values()) {
            for (var refusal : refusals.entrySet()) {
                String[] versionAndSection = refusal.getKey().split("/");
                Map<String, Object> variables = Map.of(
                        "guidanceId", Map.of("value", "digital-samverkan"),
                        "guidanceVersion", Map.of("value", versionAndSection[0]),
                        "sectionId", Map.of("value", versionAndSection.length > 1 ? versionAndSection[1] : ""),
                        "feedbackType", Map.of("value", "GAP"),
                        "description", Map.of("value", "Okänd version eller okänt avsnitt."));
                int from = output.getAll().length();

                HttpAgent.Response started = surface.post(
                        this,
                        "anna",
                        "/process-definition/key/guidance-feedback/submit-form",
                        Map.of("variables", variables));

                // the sentence a person reads in Tasklist, and the field beside it for a program
                String[] fieldAndSentence = refusal.getValue().split("\\|");
                assertRefusal(started, 400, fieldAndSentence[1]);
                assertThat(started.json()).as("%s", started).containsEntry("field", fieldAndSentence[0]);
                assertLoggedAsRefusal(output, from);
            }
        }
        assertThat(driver.as("admin")
                        .get("/engine-rest/history/process-instance/count?processDefinitionKey=guidance-feedback")
                        .json()
                        .get("count"))
                .isEqualTo((int) before);
    }

    // --- helpers

    /** Tasklist's own engine API (a signed-in session with the webapps' CSRF token) or Camunda's REST API. */
    enum Surface {
        TASKLIST {
            @Override
            HttpAgent.Response post(TasklistRefusalsIT test, String user, String path, Object body) {
                HttpAgent browser = HttpAgent.signedIn(test.base, user, user);
                String xsrf = browser.openWebapps();
                return browser.json("POST", TASKLIST_ENGINE + path, body, "X-XSRF-TOKEN", xsrf);
            }
        },
        ENGINE_REST_API {
            @Override
            HttpAgent.Response post(TasklistRefusalsIT test, String user, String path, Object body) {
                return test.driver.as(user).json("POST", ENGINE_REST + path, body);
            }
        };

        abstract HttpAgent.Response post(TasklistRefusalsIT test, String user, String path, Object body);
    }

    /** The status, Camunda's error shape, exactly our sentence, and nothing of the engine's inside. */
    private static void assertRefusal(HttpAgent.Response response, int status, String message) {
        assertThat(response.status()).as("%s", response).isEqualTo(status);
        assertThat(response.contentType()).as("%s", response).startsWith("application/json");
        assertThat(response.json())
                .as("%s", response)
                .containsEntry("message", message)
                .containsKey("type")
                .doesNotContainKeys("status", "title", "detail");
        assertThat(response.body())
                .as("%s", response)
                .doesNotContain("ENGINE-")
                .doesNotContain("se.esam")
                .doesNotContain("org.camunda")
                .doesNotContain("guidance-feedback:")
                .doesNotContain("guidance-revision:")
                .doesNotContain("TaskListener")
                .doesNotContain("Cannot ");
        assertThat(message).doesNotContain("Exception");
    }

    /** One INFO line saying it was refused; no ERROR line and no stack trace. */
    private static void assertLoggedAsRefusal(CapturedOutput output, int from) {
        String logged = output.getAll().substring(from);
        assertThat(logged)
                .contains("Refused")
                .doesNotContainPattern(ERROR_LINE)
                .doesNotContain("ENGINE-16004")
                .doesNotContain("\tat ");
    }
}
