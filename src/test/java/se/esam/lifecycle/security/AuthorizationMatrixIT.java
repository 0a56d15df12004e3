package se.esam.lifecycle.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.yaml.snakeyaml.Yaml;

import com.icegreen.greenmail.junit5.GreenMailExtension;

import se.esam.lifecycle.support.HttpAgent;
import se.esam.lifecycle.support.PostgresDatabase;
import se.esam.lifecycle.support.ProcessDriver;
import se.esam.lifecycle.support.TestEnvironment;
import se.esam.lifecycle.support.TestSmtp;

/**
 * Least privilege, cell by cell: every role against every endpoint of our API and pages, the public
 * side, Camunda's REST API and the webapps' API, over real HTTP on a fresh PostgreSQL database with the
 * real engine. The data is made through the real processes first (see {@link #createDataThroughTheProcesses}).
 *
 * <p>The expected matrix is the table below. A request line (method, path, optional JSON body) is
 * followed by one line per outcome: the roles, the expected status, and for list endpoints the exact set
 * of items visible ({@code -} nothing, {@code +} something). {@code others} are the roles not yet named
 * for that request, so every role has exactly one expectation for every request. {@code login} is a
 * redirect to the login page, {@code 302>/path} a redirect there. Beyond the status, every cell checks
 * that no feedback text leaks: each seeded description carries a marker (Matrisprov-A1, ...), and a
 * response may only carry the markers of what it is allowed to show; a refusal carries none, and names
 * no feedback reference but the one asked for.
 *
 * <p>Placeholders: {A1} {A2} {A3} anna's feedback (Pensionsmyndigheten), {O1} {O2} {O3} {O4} olof's
 * (Kronofogden; O3 routed to information security, O4 to communication);
 * {REV} the revision (REV-n), {REVNO} its number; task ids {TRIAGE_A2}, {CLARIFY_A3}, {REVIEW_A1},
 * {REVIEW_O1}, {REVIEW_O3}, {REVIEW_O4}, {APPROVE_REV}; process instance ids {PI_O1}, {PI_A3}; {SELF} the
 * caller's user id.
 * Tasks are shown as taskDefinitionKey:item, process instances and variables by their item.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestEnvironment
@DirtiesContext // closes the application before the JVM's shutdown drops its database
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixIT {

    static final TestSmtp smtp = new TestSmtp();

    @RegisterExtension
    static GreenMailExtension mail = smtp.server();

    @DynamicPropertySource
    static void environment(DynamicPropertyRegistry registry) {
        PostgresDatabase.createFor(AuthorizationMatrixIT.class, registry);
        smtp.configure(registry);
    }

    /** Every demo role: each expert group has at least one member here (information security: ivar). */
    static final List<String> ROLES = List.of(
            "anonymous",
            "anna",
            "olof",
            "karin",
            "erik",
            "hanna",
            "lena",
            "ivar",
            "ulla",
            "maria",
            "stina",
            "per",
            "mats",
            "admin");

    /**
     * Who sees what. Nothing here changes data. Every request here tells signed-in roles apart: at least
     * one is allowed (or sees something) where another is refused (or sees less); checked by
     * {@link #everyRuleTellsSignedInRolesApart}.
     */
    static final String READING = """
            # --- our API: feedback is seen by its organisation, the expert group it was routed to, and those who
            #     oversee all feedback (kansli, managers, administrators); anyone else is told it does not exist
            GET /api/feedback
                anonymous                                   401
                anna hanna                                  200  A1 A2 A3
                olof                                        200  O1 O2 O3 O4
                karin mats admin                            200  A1 A2 A3 O1 O2 O3 O4
                others                                      200  -
            GET /api/feedback/{A1}
                anonymous                                   401
                anna hanna karin erik per mats admin        200
                others                                      404
            # other organisations' open items to endorse: only members' submitters, only published text (none here)
            GET /api/feedback/endorsable
                anonymous                                   401
                anna olof                                   200  -
                others                                      403
            GET /api/feedback/{A2}
                anonymous                                   401
                anna hanna karin mats admin                 200
                others                                      404
            GET /api/feedback/{A3}
                anonymous                                   401
                anna hanna karin mats admin                 200
                others                                      404
            GET /api/feedback/{O1}
                anonymous                                   401
                olof karin lena mats admin                  200
                others                                      404
            GET /api/feedback/{O2}
                anonymous                                   401
                olof karin erik hanna per mats admin        200
                others                                      404
            GET /api/feedback/{O3}
                anonymous                                   401
                olof karin ivar mats admin                  200
                others                                      404
            GET /api/feedback/{O4}
                anonymous                                   401
                olof karin ulla mats admin                  200
                others                                      404

            # --- a revision that is neither on consultation nor published (REV awaits approval): its owning
            #     group (architecture), the kansli, its approvers (chief architect) and administrators; anyone
            #     else is told it does not exist
            GET /api/revisions
                anonymous                                   401
                karin erik hanna per maria admin            200  REV
                others                                      200  -
            GET /api/revisions/{REV}
                anonymous                                   401
                karin erik hanna per maria admin            200
                others                                      404
            GET /revisions/{REVNO}
                anonymous                                   login
                karin erik hanna per maria admin            200
                others                                      404

            # --- disposal, legal holds and a person's data: the kansli and administrators (a person nobody knows
            #     is not found for them, and refused to everyone else alike)
            GET /api/retention/log
                anonymous                                   401
                karin admin                                 200
                others                                      403
            GET /api/retention/legal-holds
                anonymous                                   401
                karin admin                                 200
                others                                      403
            GET /api/people/nobody-here/personal-data
                anonymous                                   401
                karin admin                                 404
                others                                      403
            GET /retention
                anonymous                                   login
                karin admin                                 200
                others                                      403
            # --- the register (diarium) names the sender of every incoming document: the kansli and
            #     administrators only, as JSON, CSV, its feed and its page
            GET /api/register
                anonymous                                   401
                karin admin                                 200
                others                                      403
            GET /api/register?format=csv
                anonymous                                   401
                karin admin                                 200
                others                                      403
            GET /api/register/feed?after=0&limit=5
                anonymous                                   401
                karin admin                                 200
                others                                      403
            GET /register
                anonymous                                   login
                karin admin                                 200
                others                                      403
            # --- archive packages: the kansli and administrators, and only of closed cases (none is closed here);
            #     everyone else is refused before any case is looked up
            GET /api/archive/{A1}
                anonymous                                   401
                karin admin                                 409
                others                                      403
            GET /api/archive/{REV}
                anonymous                                   401
                karin admin                                 409
                others                                      403
            GET /api/archive/FB-1999-9999
                anonymous                                   401
                karin admin                                 404
                others                                      403
            GET /api/archive?from=2026-01-01&to=2026-12-31
                anonymous                                   401
                karin admin                                 200
                others                                      403

            # --- our pages: a browser that is not signed in is sent to the login page
            GET /feedback
                anonymous                                   login
                anna hanna                                  200  A1 A2 A3
                olof                                        200  O1 O2 O3 O4
                karin mats admin                            200  A1 A2 A3 O1 O2 O3 O4
                others                                      200  -
            GET /feedback/endorsable
                anonymous                                   login
                anna olof                                   200
                others                                      403
            GET /feedback/{A1}
                anonymous                                   login
                anna hanna karin erik per mats admin        200
                others                                      404
            GET /feedback/{A2}
                anonymous                                   login
                anna hanna karin mats admin                 200
                others                                      404
            GET /feedback/{O1}
                anonymous                                   login
                olof karin lena mats admin                  200
                others                                      404
            GET /feedback/{O2}
                anonymous                                   login
                olof karin erik hanna per mats admin        200
                others                                      404
            GET /feedback/{O3}
                anonymous                                   login
                olof karin ivar mats admin                  200
                others                                      404

            # --- Camunda's REST API: the engine's authorizations decide; a revision's instance is read by the
            #     kansli, its owning group and its approvers (its history by the kansli), not by managers
            GET /engine-rest/task
                anonymous                                   401
                anna                                        200  RequestClarification:A3
                karin mats admin                            200  TriageFeedback:A2 RequestClarification:A3 ReviewFeedback:A1 ReviewFeedback:O1 ReviewFeedback:O3 ReviewFeedback:O4 ApproveRevision:REV
                erik hanna                                  200  ReviewFeedback:A1
                lena                                        200  ReviewFeedback:O1
                ivar                                        200  ReviewFeedback:O3
                ulla                                        200  ReviewFeedback:O4
                maria                                       200  ApproveRevision:REV
                per                                         200  ReviewFeedback:A1 ApproveRevision:REV
                others                                      200  -
            GET /engine-rest/process-instance
                anonymous                                   401
                anna                                        200  A1 A2 A3
                olof                                        200  O1 O2 O3 O4
                karin admin                                 200  A1 A2 A3 O1 O2 O3 O4 REV
                mats                                        200  A1 A2 A3 O1 O2 O3 O4
                erik hanna per                              200  A1 O2 REV
                lena                                        200  O1
                ivar                                        200  O3
                ulla                                        200  O4
                maria                                       200  REV
                stina                                       200  -
            GET /engine-rest/history/process-instance
                anonymous                                   401
                karin admin                                 200  A1 A2 A3 O1 O2 O3 O4 REV
                mats                                        200  A1 A2 A3 O1 O2 O3 O4
                others                                      200  -
            GET /engine-rest/process-definition
                anonymous                                   401
                anna olof                                   200  guidance-feedback
                others                                      200  guidance-feedback guidance-periodic-review guidance-revision
            GET /engine-rest/variable-instance?variableName=description
                anonymous                                   401
                anna                                        200  A1 A2 A3
                olof                                        200  O1 O2 O3 O4
                karin mats admin                            200  A1 A2 A3 O1 O2 O3 O4
                erik hanna per                              200  A1 O2
                lena                                        200  O1
                ivar                                        200  O3
                ulla                                        200  O4
                others                                      200  -
            GET /engine-rest/history/variable-instance?variableName=description
                anonymous                                   401
                karin mats admin                            200  A1 A2 A3 O1 O2 O3 O4
                others                                      200  -
            GET /engine-rest/authorization
                anonymous                                   401
                admin                                       200  +
                others                                      200  -
            GET /engine-rest/user
                anonymous                                   401
                admin                                       200  admin anna olof karin erik lena maria per stina hanna ulla ivar mats
                others                                      200  {SELF}

            # --- the webapps (a browser session that has loaded Tasklist) and their API
            GET /camunda/app/cockpit/default/
                anonymous                                   login
                karin mats admin                            200
                others                                      403
            GET /camunda/app/admin/default/
                anonymous                                   login
                admin                                       200
                others                                      403
            GET /camunda/api/admin/auth/user/default
                anonymous                                   401
                admin                                       200  welcome tasklist cockpit admin
                karin mats                                  200  welcome tasklist cockpit
                others                                      200  welcome tasklist
            GET /camunda/api/engine/engine/default/task
                anonymous                                   401
                anna                                        200  RequestClarification:A3
                karin mats admin                            200  TriageFeedback:A2 RequestClarification:A3 ReviewFeedback:A1 ReviewFeedback:O1 ReviewFeedback:O3 ReviewFeedback:O4 ApproveRevision:REV
                erik hanna                                  200  ReviewFeedback:A1
                lena                                        200  ReviewFeedback:O1
                ivar                                        200  ReviewFeedback:O3
                ulla                                        200  ReviewFeedback:O4
                maria                                       200  ApproveRevision:REV
                per                                         200  ReviewFeedback:A1 ApproveRevision:REV
                others                                      200  -
            GET /camunda/api/engine/engine/default/user
                anonymous                                   401
                admin                                       200  admin anna olof karin erik lena maria per stina hanna ulla ivar mats
                others                                      200  {SELF}
            GET /camunda/api/cockpit/plugin/base/default/process-definition/statistics
                anonymous                                   401
                karin mats admin                            200  guidance-feedback guidance-periodic-review guidance-revision
                others                                      403
            """;

    /**
     * What is the same for every signed-in person by design, so it cannot tell roles apart: the public
     * side, pages every signed-in person has, addresses that do not exist, and what nobody may do. Kept
     * apart so that {@link #everyRuleTellsSignedInRolesApart} holds every other table to telling roles
     * apart; a row here that did tell them apart would belong in another table.
     */
    static final String SAME_FOR_EVERYONE = """
            GET /api/guidance
                anonymous                                   401
                others                                      200
            GET /api/feedback/FB-1999-9999
                anonymous                                   401
                others                                      404
            GET /api/no-such-endpoint
                anonymous                                   401
                others                                      404
            GET /
                anonymous                                   login
                others                                      200
            GET /no-such-page
                anonymous                                   login
                others                                      404
            GET /camunda/app/tasklist/default/
                anonymous                                   login
                others                                      200

            # --- follows and the digest setting: every signed-in person has their own, and only their own (a
            #     follow that is not theirs is not found); whose they are comes from the sign-in, never the body
            GET /api/follows
                anonymous                                   401
                others                                      200
            GET /api/settings/digest
                anonymous                                   401
                others                                      200
            GET /settings
                anonymous                                   login
                others                                      200
            GET /api/follows/999999
                anonymous                                   401
                others                                      404
            POST /api/follows {"guidanceId":"digital-samverkan","sectionId":"99.9"}
                anonymous                                   401
                others                                      400
            PUT /api/settings/digest {"frequency":"HOURLY"}
                anonymous                                   401
                others                                      400

            # --- the public side: everyone, signed in or not
            GET /guidance
                others                                      200
            GET /guidance/digital-samverkan
                others                                      200
            GET /guidance/feed.atom
                others                                      200
            GET /api/public/guidance
                others                                      200
            GET /api/public/guidance/digital-samverkan
                others                                      200
            GET /login
                others                                      200
            GET /accessibility
                others                                      200
            GET /actuator/health
                others                                      200
            GET /v3/api-docs
                others                                      200
            GET /swagger-ui.html
                others                                      302>/swagger-ui/index.html
            GET /swagger-ui/index.html
                others                                      200

            # --- nobody: the webapps' first-administrator setup is closed once an administrator exists
            POST /camunda/api/admin/setup/default/user/create {"profile":{"id":"intruder","firstName":"In","lastName":"Kräktare","email":"intruder@example.com"},"credentials":{"password":"Intruder-Passw0rd!"}}
                anonymous                                   401
                others                                      403
            """;

    /**
     * Who may do what. Allowed actions that change something are undone after their cell (a claim is
     * unclaimed, a returned revision is drafted and reviewed again), so every cell meets the same data;
     * the only irreversible one, the administrator's deletion, comes last. Completing a task with an
     * empty form tells "may work on it" (400: the step refused the empty input, nothing changed) from
     * "may not" (403) without moving the process on.
     */
    static final String ACTING = """
            POST /engine-rest/task/{TRIAGE_A2}/claim {"userId":"{SELF}"}
                anonymous                                   401
                karin admin                                 204
                others                                      403
            POST /engine-rest/task/{REVIEW_A1}/claim {"userId":"{SELF}"}
                anonymous                                   401
                erik per admin                              204
                others                                      403
            POST /engine-rest/task/{REVIEW_O1}/claim {"userId":"{SELF}"}
                anonymous                                   401
                lena admin                                  204
                others                                      403
            POST /engine-rest/task/{REVIEW_O3}/claim {"userId":"{SELF}"}
                anonymous                                   401
                ivar admin                                  204
                others                                      403
            POST /engine-rest/task/{REVIEW_O4}/claim {"userId":"{SELF}"}
                anonymous                                   401
                ulla admin                                  204
                others                                      403
            POST /engine-rest/task/{APPROVE_REV}/claim {"userId":"{SELF}"}
                anonymous                                   401
                maria per admin                             204
                others                                      403
            POST /engine-rest/task/{TRIAGE_A2}/complete {}
                anonymous                                   401
                karin admin                                 400
                others                                      403
            POST /engine-rest/task/{CLARIFY_A3}/complete {}
                anonymous                                   401
                anna admin                                  400
                others                                      403
            POST /engine-rest/task/{REVIEW_A1}/complete {}
                anonymous                                   401
                erik per admin                              400
                others                                      403
            POST /engine-rest/task/{REVIEW_O1}/complete {}
                anonymous                                   401
                lena admin                                  400
                others                                      403
            POST /engine-rest/task/{REVIEW_O3}/complete {}
                anonymous                                   401
                ivar admin                                  400
                others                                      403
            POST /engine-rest/task/{REVIEW_O4}/complete {}
                anonymous                                   401
                ulla admin                                  400
                others                                      403
            POST /engine-rest/task/{APPROVE_REV}/complete {}
                anonymous                                   401
                maria per admin                             400
                others                                      403
            POST /api/revisions/{REV}/approval {"decision":"return","comments":"Matrisprov: tillbaka till utkastet."}
                anonymous                                   401
                maria per admin                             200
                others                                      403
            # a revision that does not exist for a member is not "not on consultation" to them either
            POST /api/revisions/{REV}/consultation-responses {"response":"Vi tillstyrker."}
                anonymous                                   401
                karin erik hanna per maria admin            400
                others                                      404
            PUT /engine-rest/process-instance/{PI_O1}/suspended {"suspended":true}
                anonymous                                   401
                admin                                       204
                others                                      403
            POST /engine-rest/process-instance/{PI_O1}/variables {"modifications":{"matrixProbe":{"value":"x"}}}
                anonymous                                   401
                admin                                       204
                others                                      403
            # endorsing: members' submitters only; the own organisation's item 400; an item whose text was not
            # published (none here) does not exist for another organisation
            POST /api/feedback/{O4}/endorsements {"comment":"Matrisprov: samma problem."}
                anonymous                                   401
                olof                                        400
                anna                                        404
                others                                      403
            POST /api/feedback {"guidanceId":"digital-samverkan","type":"GAP","description":"Matrisprov-ny synpunkt."}
                anonymous                                   401
                anna olof admin                             201
                others                                      403
            POST /engine-rest/process-definition/key/guidance-feedback/submit-form {"variables":{"guidanceId":{"value":"digital-samverkan"},"feedbackType":{"value":"GAP"},"description":{"value":"Matrisprov-ny synpunkt i Tasklist."}}}
                anonymous                                   401
                anna olof admin                             200
                others                                      403
            # nothing in the matrix's data has passed its retention period: a run disposes of nothing
            POST /api/retention/run
                anonymous                                   401
                karin admin                                 200
                others                                      403
            POST /api/cases/FB-1999-9999/legal-hold {"reason":"Matrisprov: utlämnande prövas."}
                anonymous                                   401
                karin admin                                 404
                others                                      403
            POST /api/people/nobody-here/erasure
                anonymous                                   401
                karin admin                                 404
                others                                      403
            DELETE /engine-rest/process-instance/{PI_A3}
                anonymous                                   401
                admin                                       204
                others                                      403
            """;

    private static final Pattern REFERENCE = Pattern.compile("FB-\\d{4}-\\d{4}");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Z0-9_]+)}");
    private static final Pattern STATUS = Pattern.compile("\\d{3}|login|302>\\S+");
    private static final List<String> FEEDBACK = List.of("A1", "A2", "A3", "O1", "O2", "O3", "O4");

    @LocalServerPort
    int port;

    private String base;
    private ProcessDriver driver;
    /** Placeholder → value; task ids change when a returned revision comes back for approval. */
    private final Map<String, String> values = new HashMap<>();
    /** Reference, business key or process instance id → the item's name in the table. */
    private final Map<String, String> items = new HashMap<>();

    private final Map<String, HttpAgent> browsers = new HashMap<>();
    private final Map<String, String> webappTokens = new HashMap<>();

    @BeforeAll
    void createDataThroughTheProcesses() {
        base = "http://localhost:" + port;
        driver = new ProcessDriver(base);
        String a1 = driver.submit(
                "anna", "digital-samverkan", "4.1", "2.1", "GAP", "Matrisprov-A1: exempel för kommuner saknas.");
        String a2 = driver.submit(
                "anna",
                "behovsdriven-utveckling",
                null,
                "2",
                "SUGGESTION",
                "Matrisprov-A2: beskriv hur behoven samlas in.");
        String a3 = driver.submit(
                "anna", "digital-samverkan", "4.1", "3", "ERROR", "Matrisprov-A3: avsnittet motsäger sig självt.");
        String o1 = driver.submit(
                "olof",
                "dataskydd-informationsutbyte",
                "2.0",
                "2",
                "ERROR",
                "Matrisprov-O1: hänvisningen till artikel 26 är fel.");
        String o2 = driver.submit(
                "olof",
                "digital-samverkan",
                "4.1",
                "4",
                "GAP",
                "Matrisprov-O2: förvaltningsmodellen passar inte små myndigheter.");
        String o3 = driver.submit(
                "olof",
                "molntjanster-informationssakerhet",
                null,
                null,
                "GAP",
                "Matrisprov-O3: krypteringskraven saknar nivåer.");
        String o4 = driver.submit(
                "olof",
                "klarsprak-digitala-tjanster",
                null,
                null,
                "SUGGESTION",
                "Matrisprov-O4: fler exempel på klarspråk.");
        driver.route(a1, "expert-architecture");
        driver.askForClarification(a3, "Vilken mening i avsnitt 3 menar ni?");
        driver.route(o1, "expert-law");
        driver.route(o2, "expert-architecture");
        driver.route(o3, "expert-information-security");
        driver.route(o4, "expert-communication");
        driver.review("erik", o2, "ACCEPTED", "Tas med i nästa version.");
        String revision = driver.openRevision("digital-samverkan");
        draftEditorially(revision, o2);
        driver.approveQuality(revision);

        Map<String, String> references = Map.of("A1", a1, "A2", a2, "A3", a3, "O1", o1, "O2", o2, "O3", o3, "O4", o4);
        references.forEach((name, reference) -> {
            values.put(name, reference);
            items.put(reference, name);
            items.put(driver.processInstance(reference), name);
        });
        values.put("REV", revision);
        values.put("REVNO", revision.substring("REV-".length()));
        items.put(revision, "REV");
        items.put(driver.processInstance(revision), "REV");
        values.put("PI_O1", driver.processInstance(o1));
        values.put("PI_A3", driver.processInstance(a3));
        values.put("TRIAGE_A2", driver.task("karin", "TriageFeedback", a2));
        values.put("CLARIFY_A3", driver.task("anna", "RequestClarification", a3));
        values.put("REVIEW_A1", driver.task("erik", "ReviewFeedback", a1));
        values.put("REVIEW_O1", driver.task("lena", "ReviewFeedback", o1));
        values.put("REVIEW_O3", driver.task("ivar", "ReviewFeedback", o3));
        values.put("REVIEW_O4", driver.task("ulla", "ReviewFeedback", o4));
        values.put("APPROVE_REV", driver.task("maria", "ApproveRevision", revision));

        // the world the table describes: exactly these tasks are open
        assertThat(visible("/engine-rest/task", driver.as("admin").get("/engine-rest/task")))
                .containsExactlyInAnyOrder(
                        "TriageFeedback:A2",
                        "RequestClarification:A3",
                        "ReviewFeedback:A1",
                        "ReviewFeedback:O1",
                        "ReviewFeedback:O3",
                        "ReviewFeedback:O4",
                        "ApproveRevision:REV");
    }

    @TestFactory
    Stream<DynamicContainer> everyRoleGetsExactlyWhatItsRoleAllowsAndNothingElse() {
        List<Request> requests = new ArrayList<>(parse(READING));
        requests.addAll(parse(SAME_FOR_EVERYONE));
        requests.addAll(parse(ACTING));
        return requests.stream()
                .map(request -> dynamicContainer(
                        request.toString(),
                        request.cells().stream()
                                .map(cell -> dynamicTest(cell.toString(), () -> check(request, cell)))));
    }

    /**
     * A row whose answer is the same for every signed-in role cannot tell roles apart: outside the table of
     * what is the same for everyone by design, every row has signed-in roles with different answers.
     */
    @Test
    void everyRuleTellsSignedInRolesApart() {
        List<Request> rules = new ArrayList<>(parse(READING));
        rules.addAll(parse(ACTING));
        assertThat(rules).isNotEmpty();
        for (Request rule : rules) {
            assertThat(signedInOutcomes(rule))
                    .as("%s answers every signed-in role alike", rule)
                    .hasSizeGreaterThan(1);
        }
        List<Request> same = parse(SAME_FOR_EVERYONE);
        assertThat(same).isNotEmpty();
        for (Request rule : same) {
            assertThat(signedInOutcomes(rule))
                    .as("%s tells roles apart: it belongs in another table", rule)
                    .hasSize(1);
        }
    }

    /**
     * Every expert group of the demo directory has a member in the matrix, with a cell where that member is
     * allowed and another signed-in role refused.
     */
    @Test
    void everyExpertGroupHasACellWhereItsMemberIsAllowedAndAnotherRoleRefused() throws Exception {
        Map<String, List<String>> members = expertGroupMembers();
        assertThat(members).as("expert groups in config/demo/identity.yaml").isNotEmpty();
        List<Request> rules = new ArrayList<>(parse(READING));
        rules.addAll(parse(ACTING));
        members.forEach((group, users) -> {
            List<String> inMatrix = users.stream().filter(ROLES::contains).toList();
            assertThat(inMatrix)
                    .as("members of %s among the matrix's roles", group)
                    .isNotEmpty();
            List<String> telling = rules.stream()
                    .filter(rule ->
                            rule.cells().stream().anyMatch(cell -> inMatrix.contains(cell.role()) && allowed(cell))
                                    && rule.cells().stream()
                                            .anyMatch(cell -> !cell.role().equals("anonymous")
                                                    && !inMatrix.contains(cell.role())
                                                    && !allowed(cell)))
                    .map(Request::toString)
                    .toList();
            assertThat(telling)
                    .as("rows where %s is allowed and another signed-in role refused", group)
                    .isNotEmpty();
        });
    }

    private static Set<String> signedInOutcomes(Request rule) {
        Set<String> outcomes = new TreeSet<>();
        rule.cells().stream()
                .filter(cell -> !cell.role().equals("anonymous"))
                .forEach(cell -> outcomes.add(cell.status() + " " + cell.visible()));
        return outcomes;
    }

    private static boolean allowed(Cell cell) {
        return (cell.status().startsWith("2") || cell.status().startsWith("302>"))
                && (cell.visible() == null || !cell.visible().equals(List.of("-")));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, List<String>> expertGroupMembers() throws Exception {
        Map<String, Object> yaml = new Yaml().load(Files.readString(Path.of("config", "demo", "identity.yaml")));
        Map<String, Object> identity =
                (Map<String, Object>) ((Map<String, Object>) yaml.get("guidance")).get("identity");
        Map<String, List<String>> members = new LinkedHashMap<>();
        for (Map<String, Object> group : (List<Map<String, Object>>) identity.get("groups")) {
            String id = (String) group.get("id");
            if (id.startsWith("expert-")) {
                members.put(id, new ArrayList<>());
            }
        }
        for (Map<String, Object> user : (List<Map<String, Object>>) identity.get("users")) {
            for (Object group : (List<Object>) user.get("groups")) {
                if (members.containsKey(group)) {
                    members.get(group).add((String) user.get("id"));
                }
            }
        }
        return members;
    }

    // --- one cell

    private void check(Request request, Cell cell) {
        String path = resolve(request.path(), cell.role());
        boolean webappsApi = path.startsWith("/camunda/api/");
        HttpAgent agent = agentFor(cell.role(), path);
        String[] headers =
                webappsApi && !request.method().equals("GET") && !cell.role().equals("anonymous")
                        ? new String[] {"X-XSRF-TOKEN", webappTokens.get(cell.role())}
                        : new String[0];
        HttpAgent.Response response = request.body() == null
                ? agent.send(request.method(), path, HttpRequest.BodyPublishers.noBody(), null, headers)
                : agent.json(request.method(), path, resolve(request.body(), cell.role()), headers);

        try {
            expect(request, cell, path, response);
        } catch (AssertionError failed) {
            // the report names dynamic tests by number: say which cell this is
            throw new AssertionError("[" + request + " as " + cell + "] " + failed.getMessage(), failed);
        } finally {
            undo(path, response);
        }
    }

    private void expect(Request request, Cell cell, String path, HttpAgent.Response response) {
        if (cell.status().equals("login")) {
            assertThat(response.status()).as("%s", response).isEqualTo(302);
            assertThat(response.location()).as("%s", response).startsWith("/login");
        } else if (cell.status().startsWith("302>")) {
            assertThat(response.status()).as("%s", response).isEqualTo(302);
            assertThat(response.location())
                    .as("%s", response)
                    .startsWith(cell.status().substring(4));
        } else {
            assertThat(response.status()).as("%s", response).isEqualTo(Integer.parseInt(cell.status()));
        }

        Set<String> allowedToShow = new TreeSet<>();
        if (cell.visible() != null) {
            Set<String> seen = visible(path, response);
            if (cell.visible().equals(List.of("+"))) {
                assertThat(seen).as("%s", response).isNotEmpty();
            } else {
                List<String> expected = cell.visible().stream()
                        .filter(v -> !v.equals("-"))
                        .map(v -> v.equals("{SELF}") ? cell.role() : v)
                        .toList();
                assertThat(seen)
                        .as("visible to %s: %s", cell.role(), response)
                        .containsExactlyInAnyOrderElementsOf(expected);
                allowedToShow.addAll(expected);
            }
        }
        boolean granted = cell.status().startsWith("2");
        List<String> asked = placeholders(request.path());
        if (granted) {
            allowedToShow.addAll(asked);
            // a feedback item that is shown is shown with its text
            asked.stream()
                    .filter(FEEDBACK::contains)
                    .filter(name -> request.method().equals("GET"))
                    .forEach(name ->
                            assertThat(response.body()).as("%s", response).contains(marker(name)));
        }
        for (String name : FEEDBACK) {
            if (!allowedToShow.contains(name)) {
                assertThat(response.body())
                        .as("%s must not show %s's text", cell.role(), name)
                        .doesNotContain(marker(name));
            }
        }
        if (!granted) {
            Set<String> named = new TreeSet<>(referencesIn(response.body()));
            named.removeAll(referencesIn(path));
            assertThat(named).as("references named in a refusal: %s", response).isEmpty();
        }
        nothingChangedUnlessAllowed(request, cell, path, response);
    }

    /** What an allowed action changed is as it should be; a refused one changed nothing. */
    private void nothingChangedUnlessAllowed(Request request, Cell cell, String path, HttpAgent.Response response) {
        HttpAgent admin = driver.as("admin");
        if (path.endsWith("/claim") || path.endsWith("/complete")) {
            HttpAgent.Response task = admin.get("/engine-rest/task/" + path.split("/")[3]);
            assertThat(task.status())
                    .as("the task is still open after %s", response)
                    .isEqualTo(200);
            if (path.endsWith("/claim") && response.status() == 204) {
                assertThat(task.json().get("assignee")).isEqualTo(cell.role());
            } else if (!request.path().contains("{CLARIFY_A3}")) {
                assertThat(task.json().get("assignee"))
                        .as("nobody holds the task after %s", response)
                        .isNull();
            }
        } else if (path.endsWith("/approval")) {
            assertThat(admin.get("/api/revisions/" + values.get("REV")).json())
                    .containsEntry("status", response.status() == 200 ? "DRAFTING" : "AWAITING_APPROVAL");
        } else if (path.endsWith("/suspended")) {
            assertThat(admin.get("/engine-rest/process-instance/" + values.get("PI_O1"))
                            .json()
                            .get("suspended"))
                    .isEqualTo(response.status() == 204);
        } else if (path.endsWith("/variables")) {
            HttpAgent.Response probe = admin.get(path + "/matrixProbe");
            assertThat(probe.status()).as("%s", probe).isEqualTo(response.status() == 204 ? 200 : 404);
        } else if (request.method().equals("DELETE")) {
            assertThat(admin.get(path).status()).isEqualTo(response.status() == 204 ? 404 : 200);
        } else if (path.contains("/setup/")) {
            assertThat(admin.get("/engine-rest/user?id=intruder").jsonList()).isEmpty();
        }
    }

    /**
     * Puts back what the action changed, whatever the cell expected, so that one wrong answer does not
     * spoil the cells after it: a claim is unclaimed, a returned revision drafted and reviewed again.
     */
    private void undo(String path, HttpAgent.Response response) {
        HttpAgent admin = driver.as("admin");
        if (path.endsWith("/claim") && response.status() == 204) {
            assertThat(admin.json("POST", path.replace("/claim", "/unclaim"), null)
                            .status())
                    .isEqualTo(204);
        } else if (path.endsWith("/approval") && response.status() == 200) {
            draftEditorially(values.get("REV"), values.get("O2"));
            driver.approveQuality(values.get("REV"));
            values.put("APPROVE_REV", driver.task("maria", "ApproveRevision", values.get("REV")));
        } else if (path.endsWith("/suspended") && response.status() == 204) {
            assertThat(admin.json("PUT", path, Map.of("suspended", false)).status())
                    .isEqualTo(204);
        } else if (path.endsWith("/variables") && response.status() == 204) {
            assertThat(admin.send("DELETE", path + "/matrixProbe", HttpRequest.BodyPublishers.noBody(), null)
                            .status())
                    .isEqualTo(204);
        }
    }

    /**
     * erik drafts the revision as an editorial change answering the feedback in section 3, the lists sent
     * as Tasklist's forms send them (Json), so that it goes to quality review and the chief architect.
     */
    private void draftEditorially(String revision, String reference) {
        String task = driver.task("erik", "DraftRevision", revision);
        HttpAgent erik = driver.as("erik");
        HttpAgent.Response claimed =
                erik.json("POST", "/engine-rest/task/" + task + "/claim", Map.of("userId", "erik"));
        assertThat(claimed.status()).as("%s", claimed).isEqualTo(204);
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("reference", reference);
        item.put("trace", "ANSWERED");
        item.put("traceSection", "3");
        item.put("traceReason", null);
        HttpAgent.Response drafted = erik.json(
                "POST",
                "/engine-rest/task/" + task + "/submit-form",
                Map.of(
                        "variables",
                        CamundaVariables.of(Map.of(
                                "sections",
                                List.of(
                                        Map.of(
                                                "sectionId",
                                                "1",
                                                "title",
                                                "Inledning",
                                                "body",
                                                "Vägledningen gäller alla medlemsorganisationer."),
                                        Map.of(
                                                "sectionId",
                                                "3",
                                                "title",
                                                "Informationsutbyte",
                                                "body",
                                                "Den som lämnar ut uppgifter ansvarar för utbytet.")),
                                "items",
                                List.of(item),
                                "changeNotes",
                                "Förtydligat ansvaret för informationsutbyte i avsnitt 3.",
                                "changeClass",
                                "EDITORIAL"))));
        assertThat(drafted.status()).as("%s", drafted).isEqualTo(204);
    }

    // --- who is asking

    /** API paths take HTTP Basic; pages and the webapps a signed-in browser that has loaded Tasklist. */
    private HttpAgent agentFor(String role, String path) {
        if (role.equals("anonymous")) {
            return HttpAgent.anonymous(base);
        }
        if (path.startsWith("/api/") || path.startsWith("/engine-rest/")) {
            return driver.as(role);
        }
        return browsers.computeIfAbsent(role, user -> {
            HttpAgent browser = HttpAgent.signedIn(base, user, user);
            webappTokens.put(user, browser.openWebapps());
            return browser;
        });
    }

    // --- what is visible in an answer

    private Set<String> visible(String path, HttpAgent.Response response) {
        String endpoint = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        Set<String> seen = new TreeSet<>();
        if (response.status() != 200) {
            return seen;
        }
        if (endpoint.equals("/feedback")) {
            referencesIn(response.body()).forEach(reference -> seen.add(item(reference)));
        } else if (endpoint.equals("/api/feedback") || endpoint.equals("/api/feedback/endorsable")) {
            response.listOf("reference").forEach(reference -> seen.add(item(reference)));
        } else if (endpoint.equals("/api/revisions")) {
            response.listOf("id").forEach(id -> seen.add(item(id)));
        } else if (endpoint.endsWith("/task")) {
            response.jsonList()
                    .forEach(task -> seen.add(
                            task.get("taskDefinitionKey") + ":" + item((String) task.get("processInstanceId"))));
        } else if (endpoint.endsWith("/process-instance")) {
            response.listOf("businessKey").forEach(key -> seen.add(item(key)));
        } else if (endpoint.endsWith("/variable-instance")) {
            response.listOf("processInstanceId").forEach(id -> seen.add(item(id)));
        } else if (endpoint.endsWith("/process-definition") || endpoint.endsWith("/statistics")) {
            response.jsonList()
                    .forEach(definition -> seen.add(String.valueOf(
                            definition.containsKey("key")
                                    ? definition.get("key")
                                    : ((Map<?, ?>) definition.get("definition")).get("key"))));
        } else if (endpoint.endsWith("/user") || endpoint.endsWith("/authorization")) {
            seen.addAll(response.listOf("id"));
        } else if (endpoint.endsWith("/auth/user/default")) {
            ((List<?>) response.json().get("authorizedApps")).forEach(app -> seen.add(String.valueOf(app)));
        } else {
            throw new IllegalStateException("No reading of visible items for " + endpoint);
        }
        return seen;
    }

    private String item(String id) {
        return items.getOrDefault(id, id);
    }

    private static String marker(String item) {
        return "Matrisprov-" + item;
    }

    private static Set<String> referencesIn(String text) {
        Set<String> found = new LinkedHashSet<>();
        Matcher matcher = REFERENCE.matcher(text == null ? "" : text);
        while (matcher.find()) {
            found.add(matcher.group());
        }
        return found;
    }

    private String resolve(String text, String role) {
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder resolved = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            String value = name.equals("SELF") ? role : values.get(name);
            if (value == null) {
                throw new IllegalStateException("Unknown placeholder {" + name + "}");
            }
            matcher.appendReplacement(resolved, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(resolved);
        return resolved.toString();
    }

    private static List<String> placeholders(String text) {
        List<String> names = new ArrayList<>();
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    // --- the table

    record Request(String method, String path, String body, List<Cell> cells) {

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    record Cell(String role, String status, List<String> visible) {

        @Override
        public String toString() {
            return role + " → " + status + (visible == null ? "" : " " + String.join(" ", visible));
        }
    }

    /** Reads the table; a request that does not name every role exactly once is a mistake in the table. */
    static List<Request> parse(String table) {
        List<Request> requests = new ArrayList<>();
        String method = null;
        String path = null;
        String body = null;
        Map<String, Cell> cells = null;
        for (String line : (table + "\nEND").split("\n")) {
            if (line.isBlank() || line.strip().startsWith("#")) {
                continue;
            }
            if (!Character.isWhitespace(line.charAt(0))) {
                if (cells != null) {
                    Map<String, Cell> complete = cells;
                    if (!complete.keySet().containsAll(ROLES)) {
                        throw new IllegalStateException(method + " " + path + " has no expectation for "
                                + ROLES.stream()
                                        .filter(r -> !complete.containsKey(r))
                                        .toList());
                    }
                    List<Cell> ordered = ROLES.stream().map(complete::get).toList();
                    requests.add(new Request(method, path, body, ordered));
                }
                if (line.equals("END")) {
                    break;
                }
                String[] parts = line.strip().split(" ", 3);
                method = parts[0];
                path = parts[1];
                body = parts.length > 2 ? parts[2] : null;
                cells = new LinkedHashMap<>();
                continue;
            }
            String[] tokens = line.strip().split("\\s+");
            int at = 0;
            while (at < tokens.length && !STATUS.matcher(tokens[at]).matches()) {
                at++;
            }
            if (at == 0 || at == tokens.length) {
                throw new IllegalStateException("Expected roles and a status: " + line);
            }
            List<String> visible = at + 1 < tokens.length ? List.of(tokens).subList(at + 1, tokens.length) : null;
            List<String> roles = new ArrayList<>();
            for (int i = 0; i < at; i++) {
                if (tokens[i].equals("others")) {
                    Map<String, Cell> named = cells;
                    ROLES.stream().filter(r -> !named.containsKey(r)).forEach(roles::add);
                } else if (ROLES.contains(tokens[i])) {
                    roles.add(tokens[i]);
                } else {
                    throw new IllegalStateException("Unknown role " + tokens[i] + " in: " + line);
                }
            }
            for (String role : roles) {
                if (cells.put(role, new Cell(role, tokens[at], visible)) != null) {
                    throw new IllegalStateException(role + " named twice for " + method + " " + path);
                }
            }
        }
        return requests;
    }
}
