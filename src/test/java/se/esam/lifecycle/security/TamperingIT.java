package se.esam.lifecycle.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.icegreen.greenmail.junit5.GreenMailExtension;

import se.esam.lifecycle.feedback.internal.FeedbackProcess;
import se.esam.lifecycle.review.PeriodicReviewStarter;
import se.esam.lifecycle.review.internal.PeriodicReviewProcess;
import se.esam.lifecycle.revision.internal.RevisionProcess;
import se.esam.lifecycle.security.ProcessModel.FormField;
import se.esam.lifecycle.security.ProcessModel.Step;
import se.esam.lifecycle.support.HttpAgent;
import se.esam.lifecycle.support.ProcessDriver;
import se.esam.lifecycle.support.SharedApplication;
import se.esam.lifecycle.support.TestSmtp;

/**
 * A person writes only what the step's form asks (issue 11, point 2), tried as every role that can
 * hold each step: for every user task and start form of {@code processes/*.bpmn}, each variable the
 * process reads that the form does not offer is written through every path that takes variables, on
 * {@code /engine-rest} (HTTP Basic) and on Tasklist's own API (a browser session with its
 * {@code X-XSRF-TOKEN}). Each attempt must be answered 400 naming the variable, and leave our tables and
 * the engine's running state (tasks, assignees, variables, executions) exactly as they were. The lists
 * come from the models and the {@code Vars} classes ({@link ProcessModel}), so a new task or variable is
 * attacked without editing this test. Then values of the wrong type, size or option on fields the form
 * does offer.
 */
@SharedApplication
class TamperingIT {

    static final TestSmtp smtp = TestSmtp.shared();

    @RegisterExtension
    static GreenMailExtension mail = smtp.server();

    private static final String ENGINE_REST = "/engine-rest";
    private static final String TASKLIST_API = "/camunda/api/engine/engine/default";

    /**
     * Who can hold each step: one person of every role the BPMN gives it (candidate groups, assignee,
     * candidate starters) and the administrator, who may work on any task.
     */
    private static final Map<String, List<String>> HOLDERS = Map.of(
            "start of " + FeedbackProcess.KEY,
            List.of("anna", "admin"),
            // a revision is opened only by the document's owning group: the administrator cannot hold this one
            "start of " + RevisionProcess.KEY,
            List.of("lena"),
            FeedbackProcess.Elements.TRIAGE,
            List.of("karin", "admin"),
            FeedbackProcess.Elements.REQUEST_CLARIFICATION,
            List.of("anna", "admin"),
            FeedbackProcess.Elements.REVIEW,
            List.of("erik", "admin"),
            RevisionProcess.Elements.DRAFT,
            List.of("erik", "admin"),
            RevisionProcess.Elements.QUALITY_REVIEW,
            List.of("karin", "admin"),
            RevisionProcess.Elements.APPROVE,
            List.of("maria", "admin"),
            PeriodicReviewProcess.Elements.REVIEW,
            List.of("erik", "admin"));

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PeriodicReviewStarter periodicReviews;

    @Autowired
    ManagementService management;

    private String base;
    private ProcessDriver driver;
    /** Task definition key → the open task of that kind set up for this test. */
    private final Map<String, String> tasks = new HashMap<>();

    private final Map<String, HttpAgent> browsers = new HashMap<>();
    private final Map<String, String> xsrf = new HashMap<>();

    @BeforeAll
    void openOneTaskOfEveryKind() {
        base = "http://localhost:" + port;
        driver = new ProcessDriver(base);
        String triage = driver.submit("anna", "digital-samverkan", "4.1", "2.1", "GAP", "Manipulationsprov: triage.");
        String clarify = driver.submit("anna", "digital-samverkan", "4.1", "3", "ERROR", "Manipulationsprov: fråga.");
        driver.askForClarification(clarify, "Vilken mening menar ni?");
        String review = driver.submit("anna", "digital-samverkan", "4.1", "4", "GAP", "Manipulationsprov: granskning.");
        driver.route(review, "expert-architecture");
        String drafting = startRevision("erik", "digital-samverkan");
        String quality = startRevision("erik", "behovsdriven-utveckling");
        submitTask("erik", driver.task("erik", "DraftRevision", quality), draft());
        String approval = startRevision("lena", "molntjanster-rattsligt-uttalande");
        submitTask("lena", driver.task("lena", "DraftRevision", approval), draft());
        submitTask(
                "karin",
                driver.task("karin", "QualityReview", approval),
                Map.of("qualityDecision", "approve", "qualityComments", "Godkänd."));

        tasks.put(FeedbackProcess.Elements.TRIAGE, driver.task("karin", "TriageFeedback", triage));
        tasks.put(FeedbackProcess.Elements.REQUEST_CLARIFICATION, driver.task("anna", "RequestClarification", clarify));
        tasks.put(FeedbackProcess.Elements.REVIEW, driver.task("erik", "ReviewFeedback", review));
        tasks.put(RevisionProcess.Elements.DRAFT, driver.task("erik", "DraftRevision", drafting));
        tasks.put(RevisionProcess.Elements.QUALITY_REVIEW, driver.task("karin", "QualityReview", quality));
        tasks.put(RevisionProcess.Elements.APPROVE, driver.task("maria", "ApproveRevision", approval));
        tasks.put(PeriodicReviewProcess.Elements.REVIEW, openPeriodicReview("behovsdriven-utveckling", "1.0"));
    }

    /** The catalogue's reviews as start-up starts them outside tests, and this one's timer fired. */
    private String openPeriodicReview(String document, String version) {
        periodicReviews.scheduleCurrentVersions();
        String key = PeriodicReviewProcess.businessKey(document, version);
        management
                .createJobQuery()
                .processInstanceId(driver.processInstance(key))
                .activityId(PeriodicReviewProcess.Elements.REVIEW_FALLS_DUE)
                .list()
                .forEach(job -> management.executeJob(job.getId()));
        return driver.task("erik", PeriodicReviewProcess.Elements.REVIEW, key);
    }

    @Test
    void everyStepOfTheModelsHasItsHoldersAndATaskHere() {
        List<Step> steps = ProcessModel.steps();
        assertThat(steps).isNotEmpty();
        for (Step step : steps) {
            assertThat(HOLDERS).as("who can hold %s", step).containsKey(step.toString());
            if (!step.start()) {
                assertThat(tasks).as("an open task of %s", step).containsKey(step.elementId());
            }
            assertThat(ProcessModel.notOffered(step))
                    .as("variables %s does not offer", step)
                    .isNotEmpty();
        }
    }

    /** What every "nothing changed" below rests on: a write that puts back the same values is still seen. */
    @Test
    void theFootprintSeesAWriteEvenOfTheSameValues() {
        String triage = tasks.get(FeedbackProcess.Elements.TRIAGE);
        Map<String, String> before = Footprint.of(jdbc);

        jdbc.sql("update act_ru_task set assignee_ = assignee_ where id_ = :id")
                .param("id", triage)
                .update();
        Map<String, String> afterTask = Footprint.of(jdbc);
        jdbc.sql("update feedback set description = description where reference = ("
                        + "select business_key_ from act_ru_execution where id_ = ("
                        + "select proc_inst_id_ from act_ru_task where id_ = :id))")
                .param("id", triage)
                .update();
        Map<String, String> afterFeedback = Footprint.of(jdbc);

        assertThat(afterTask).as("after rewriting a task").isNotEqualTo(before);
        assertThat(afterTask.get("act_ru_task")).isNotEqualTo(before.get("act_ru_task"));
        assertThat(afterFeedback.get("feedback"))
                .as("after rewriting a feedback row")
                .isNotEqualTo(afterTask.get("feedback"));
        assertThat(Footprint.of(jdbc)).as("read twice with no write between").isEqualTo(afterFeedback);
    }

    // --- variables the form does not offer

    @TestFactory
    Stream<DynamicContainer> variablesAFormDoesNotOfferAreRefusedOnEveryPathAndChangeNothing() {
        List<Step> steps = ProcessModel.steps();
        assertThat(steps).isNotEmpty();
        return steps.stream()
                .map(step -> dynamicContainer(
                        step.toString(),
                        HOLDERS.get(step.toString()).stream()
                                .map(role -> dynamicContainer(
                                        "as " + role,
                                        ProcessModel.notOffered(step).stream()
                                                .map(variable ->
                                                        dynamicContainer(variable, writes(step, role, variable)))))));
    }

    /**
     * The step's own holder tries every path on {@code /engine-rest} and one path of each verb on Tasklist's
     * API; the administrator completes and writes on {@code /engine-rest}. One guard stands behind both
     * surfaces, so every verb on every surface and every variable for every holder is tried, without the
     * full product (thousands of requests on a machine the whole build shares).
     */
    private Stream<DynamicNode> writes(Step step, String role, String variable) {
        Map<String, Object> value = Map.of(variable, tamperedValue(variable));
        boolean admin = role.equals("admin");
        List<Path> rest = step.start() ? START_PATHS : admin ? TASK_PATHS_SAMPLED : TASK_PATHS;
        List<DynamicNode> tests = new ArrayList<>();
        tests.add(dynamicTest(
                (rest == TASK_PATHS_SAMPLED ? "complete and PUT" : "every path") + " on " + ENGINE_REST,
                () -> refusedAndNothingChanged(step, role, variable, ENGINE_REST, rest, value)));
        if (!admin) {
            List<Path> tasklist = step.start() ? START_PATHS : TASKLIST_PATHS;
            tests.add(dynamicTest(
                    "each verb on " + TASKLIST_API,
                    () -> refusedAndNothingChanged(step, role, variable, TASKLIST_API, tasklist, value)));
        }
        return tests.stream();
    }

    /**
     * Every path in turn, each answered 400 naming the variable; our tables and the engine's state are
     * compared before the first and after the last, so a write that slipped through any of them is seen.
     */
    private void refusedAndNothingChanged(
            Step step, String role, String variable, String surface, List<Path> paths, Map<String, Object> extra) {
        String target = step.start() ? step.processKey() : tasks.get(step.elementId());
        if (!step.start()) {
            holdAs(role, target);
        }
        Map<String, String> before = Footprint.of(jdbc);
        Map<String, Object> form = new LinkedHashMap<>(validForm(step));
        form.putAll(extra);
        List<String> accepted = new ArrayList<>();
        for (Path path : paths) {
            HttpAgent.Response response =
                    path.send(agent(role, surface), surface, target, variable, form, headers(role, surface));
            if (response.status() != 400 || !response.body().contains(variable)) {
                accepted.add(path.name() + ": " + response);
            }
        }

        assertThat(accepted)
                .as("paths on which %s writing %s was not refused with 400 naming it", role, variable)
                .isEmpty();
        assertThat(Footprint.of(jdbc)).as("nothing changed").isEqualTo(before);
    }

    // --- values a form field does not take

    @TestFactory
    Stream<DynamicNode> valuesOfTheWrongTypeSizeOrOptionAreRefusedAndChangeNothing() {
        List<DynamicNode> cells = new ArrayList<>();
        Map<String, Map<String, Object>> attacks = new LinkedHashMap<>();
        // fields the clarification form offers, with what no form sends
        attacks.put(
                "Object in a text field",
                Map.of("clarificationAnswer", CamundaVariables.object("java.util.HashMap", "{\"a\":\"b\"}")));
        attacks.put(
                "Xml in a text field",
                Map.of("clarificationAnswer", CamundaVariables.raw("Xml", "<svar>hej</svar>", null)));
        attacks.put(
                "File in a text field",
                Map.of(
                        "clarificationAnswer",
                        CamundaVariables.raw(
                                "File",
                                Base64.getEncoder().encodeToString("hej".getBytes()),
                                Map.of("filename", "svar.txt"))));
        attacks.put(
                "Bytes in a text field",
                Map.of(
                        "clarificationAnswer",
                        CamundaVariables.raw("Bytes", Base64.getEncoder().encodeToString("hej".getBytes()), null)));
        attacks.put(
                "Json in a text field", Map.of("clarificationAnswer", CamundaVariables.raw("Json", "{\"a\":1}", null)));
        attacks.put(
                "4,001 characters in a text field without maxLength",
                Map.of("clarificationAnswer", CamundaVariables.typed("x".repeat(4001))));
        for (String surface : List.of(ENGINE_REST, TASKLIST_API)) {
            attacks.forEach((name, variable) -> {
                String field = variable.keySet().iterator().next();
                cells.add(dynamicTest(
                        name + ", completing on " + surface,
                        () -> typeRefused(
                                "anna",
                                FeedbackProcess.Elements.REQUEST_CLARIFICATION,
                                surface,
                                TASK_PATHS.get(0),
                                field,
                                variable)));
                cells.add(dynamicTest(
                        name + ", PUT task variable on " + surface,
                        () -> typeRefused(
                                "anna",
                                FeedbackProcess.Elements.REQUEST_CLARIFICATION,
                                surface,
                                TASK_PATHS.get(3),
                                field,
                                variable)));
            });
        }
        Map<String, FormField> review = ProcessModel.editableFields("review-feedback");
        assertThat(review.get("disposition").options()).isNotEmpty().doesNotContain("APPROVED_BY_ME");
        Map<String, FormField> triage = ProcessModel.editableFields("triage-feedback");
        assertThat(triage.get("containsPersonalData").type()).isEqualTo("checkbox");
        Map<String, FormField> draft = ProcessModel.editableFields("draft-revision");
        assertThat(draft.get("sections").childKeys()).isNotEmpty().doesNotContain("owner");
        List<Map<String, Object>> sectionsWithAnExtraKey =
                List.of(Map.of("sectionId", "1", "title", "Inledning", "body", "Text.", "owner", "expert-law"));
        for (String surface : List.of(ENGINE_REST, TASKLIST_API)) {
            for (Path path : List.of(TASK_PATHS.get(0), TASK_PATHS.get(3))) {
                String how = path.name() + " on " + surface;
                cells.add(dynamicTest(
                        "a radio value outside its options, " + how,
                        () -> typeRefused(
                                "erik",
                                FeedbackProcess.Elements.REVIEW,
                                surface,
                                path,
                                "disposition",
                                Map.of("disposition", CamundaVariables.typed("APPROVED_BY_ME")))));
                cells.add(dynamicTest(
                        "a select value outside its options, " + how,
                        () -> typeRefused(
                                "karin",
                                FeedbackProcess.Elements.TRIAGE,
                                surface,
                                path,
                                "expertGroup",
                                Map.of("expertGroup", CamundaVariables.typed("kansli")))));
                cells.add(dynamicTest(
                        "text in a checkbox, " + how,
                        () -> typeRefused(
                                "karin",
                                FeedbackProcess.Elements.TRIAGE,
                                surface,
                                path,
                                "containsPersonalData",
                                Map.of("containsPersonalData", CamundaVariables.typed("ja")))));
                cells.add(dynamicTest(
                        "a dynamic list row with a key the list does not have, " + how,
                        () -> typeRefused(
                                "erik",
                                RevisionProcess.Elements.DRAFT,
                                surface,
                                path,
                                "sections",
                                Map.of("sections", CamundaVariables.typed(sectionsWithAnExtraKey)))));
                cells.add(dynamicTest(
                        "a dynamic list sent as an Object, " + how,
                        () -> typeRefused(
                                "erik",
                                RevisionProcess.Elements.DRAFT,
                                surface,
                                path,
                                "sections",
                                Map.of(
                                        "sections",
                                        CamundaVariables.object(
                                                "java.util.ArrayList",
                                                CamundaVariables.json(List.of(Map.of(
                                                        "sectionId", "1", "title", "Inledning", "body", "Text."))))))));
            }
        }
        Map<String, FormField> start = ProcessModel.editableFields("submit-feedback");
        int tooLong = start.get("description").maxLength() == null
                ? 4001
                : Math.min(start.get("description").maxLength(), 4000) + 1;
        for (String surface : List.of(ENGINE_REST, TASKLIST_API)) {
            for (Path path : START_PATHS) {
                cells.add(dynamicTest(
                        "a description beyond its maxLength, " + path.name() + " on " + surface,
                        () -> startRefused(
                                "anna",
                                surface,
                                path,
                                "description",
                                Map.of("description", CamundaVariables.typed("x".repeat(tooLong))))));
                cells.add(dynamicTest(
                        "an Object in a start form field, " + path.name() + " on " + surface,
                        () -> startRefused(
                                "anna",
                                surface,
                                path,
                                "description",
                                Map.of("description", CamundaVariables.object("java.util.HashMap", "{\"a\":\"b\"}")))));
                cells.add(dynamicTest(
                        "a select value outside its options, " + path.name() + " on " + surface,
                        () -> startRefused(
                                "anna",
                                surface,
                                path,
                                "guidanceId",
                                Map.of("guidanceId", CamundaVariables.typed("hemlig-vagledning")))));
            }
        }
        return cells.stream();
    }

    private void typeRefused(
            String role, String elementId, String surface, Path path, String field, Map<String, Object> attack) {
        String task = tasks.get(elementId);
        holdAs(role, task);
        Map<String, String> before = Footprint.of(jdbc);
        Map<String, Object> form = new LinkedHashMap<>(CamundaVariables.of(validValues(elementId)));
        form.putAll(attack);

        HttpAgent.Response response =
                path.send(agent(role, surface), surface, task, field, form, headers(role, surface));

        assertThat(response.status()).as("%s", response).isEqualTo(400);
        assertThat(response.body())
                .as("the refusal names the field: %s", response)
                .contains(field);
        assertThat(Footprint.of(jdbc)).as("nothing changed after %s", response).isEqualTo(before);
    }

    private void startRefused(String role, String surface, Path path, String field, Map<String, Object> attack) {
        Map<String, String> before = Footprint.of(jdbc);
        Map<String, Object> form = new LinkedHashMap<>(CamundaVariables.of(submission()));
        form.putAll(attack);

        HttpAgent.Response response =
                path.send(agent(role, surface), surface, FeedbackProcess.KEY, field, form, headers(role, surface));

        assertThat(response.status()).as("%s", response).isEqualTo(400);
        assertThat(response.body())
                .as("the refusal names the field: %s", response)
                .contains(field);
        assertThat(Footprint.of(jdbc)).as("nothing changed after %s", response).isEqualTo(before);
    }

    // --- the paths that take variables

    /** One way of sending variables to a task or a process definition. */
    record Path(String name, Sender sender) {

        HttpAgent.Response send(
                HttpAgent agent,
                String surface,
                String target,
                String variable,
                Map<String, Object> form,
                String[] headers) {
            return sender.send(agent, surface, target, variable, form, headers);
        }
    }

    @FunctionalInterface
    interface Sender {
        HttpAgent.Response send(
                HttpAgent agent,
                String surface,
                String target,
                String variable,
                Map<String, Object> form,
                String[] headers);
    }

    /**
     * Completing (the whole form, valid but for the variable), and every way of writing or deleting one
     * task variable, local or not.
     */
    static final List<Path> TASK_PATHS = List.of(
            new Path(
                    "complete",
                    (agent, surface, task, variable, form, headers) -> agent.json(
                            "POST", surface + "/task/" + task + "/complete", Map.of("variables", form), headers)),
            new Path(
                    "submit-form",
                    (agent, surface, task, variable, form, headers) -> agent.json(
                            "POST", surface + "/task/" + task + "/submit-form", Map.of("variables", form), headers)),
            new Path(
                    "resolve",
                    (agent, surface, task, variable, form, headers) -> agent.json(
                            "POST", surface + "/task/" + task + "/resolve", Map.of("variables", form), headers)),
            new Path(
                    "PUT variables/{name}",
                    (agent, surface, task, variable, form, headers) -> agent.json(
                            "PUT", surface + "/task/" + task + "/variables/" + variable, form.get(variable), headers)),
            new Path(
                    "PUT localVariables/{name}",
                    (agent, surface, task, variable, form, headers) -> agent.json(
                            "PUT",
                            surface + "/task/" + task + "/localVariables/" + variable,
                            form.get(variable),
                            headers)),
            new Path(
                    "POST variables modifications",
                    (agent, surface, task, variable, form, headers) -> agent.json(
                            "POST",
                            surface + "/task/" + task + "/variables",
                            Map.of("modifications", Map.of(variable, form.get(variable))),
                            headers)),
            new Path(
                    "POST localVariables modifications",
                    (agent, surface, task, variable, form, headers) -> agent.json(
                            "POST",
                            surface + "/task/" + task + "/localVariables",
                            Map.of("modifications", Map.of(variable, form.get(variable))),
                            headers)),
            new Path(
                    "POST variables deletions",
                    (agent, surface, task, variable, form, headers) -> agent.json(
                            "POST",
                            surface + "/task/" + task + "/variables",
                            Map.of("deletions", List.of(variable)),
                            headers)),
            new Path(
                    "DELETE variables/{name}",
                    (agent, surface, task, variable, form, headers) -> agent.send(
                            "DELETE",
                            surface + "/task/" + task + "/variables/" + variable,
                            HttpRequest.BodyPublishers.noBody(),
                            null,
                            headers)),
            new Path(
                    "DELETE localVariables/{name}",
                    (agent, surface, task, variable, form, headers) -> agent.send(
                            "DELETE",
                            surface + "/task/" + task + "/localVariables/" + variable,
                            HttpRequest.BodyPublishers.noBody(),
                            null,
                            headers)));

    /** One path per verb: submit-form (POST), PUT, POST modifications and DELETE, local and not. */
    static final List<Path> TASKLIST_PATHS =
            List.of(TASK_PATHS.get(1), TASK_PATHS.get(4), TASK_PATHS.get(5), TASK_PATHS.get(8));

    /** Completing and writing one variable. */
    static final List<Path> TASK_PATHS_SAMPLED = List.of(TASK_PATHS.get(0), TASK_PATHS.get(3));

    /** Starting a process: with the start form, and plainly with variables. */
    static final List<Path> START_PATHS = List.of(
            new Path(
                    "start",
                    (agent, surface, key, variable, form, headers) -> agent.json(
                            "POST",
                            surface + "/process-definition/key/" + key + "/start",
                            Map.of("variables", form),
                            headers)),
            new Path(
                    "submit-form",
                    (agent, surface, key, variable, form, headers) -> agent.json(
                            "POST",
                            surface + "/process-definition/key/" + key + "/submit-form",
                            Map.of("variables", form),
                            headers)));

    // --- the forms filled in as their holders would

    private static Map<String, Object> validForm(Step step) {
        if (step.start()) {
            return CamundaVariables.of(
                    step.processKey().equals(FeedbackProcess.KEY)
                            ? submission()
                            : Map.of("guidanceId", "dataskydd-informationsutbyte"));
        }
        return CamundaVariables.of(validValues(step.elementId()));
    }

    private static Map<String, Object> validValues(String elementId) {
        return switch (elementId) {
            case FeedbackProcess.Elements.TRIAGE ->
                Map.of(
                        "triageDecision",
                        "route",
                        "expertGroup",
                        "expert-architecture",
                        "priority",
                        "NORMAL",
                        "containsPersonalData",
                        false);
            case FeedbackProcess.Elements.REQUEST_CLARIFICATION ->
                Map.of("clarificationAnswer", "Vi menar den andra meningen.");
            case FeedbackProcess.Elements.REVIEW ->
                Map.of("disposition", "REJECTED", "dispositionReason", "Avslås: redan beskrivet i avsnitt 2.");
            case RevisionProcess.Elements.DRAFT -> draft();
            case RevisionProcess.Elements.QUALITY_REVIEW ->
                Map.of("qualityDecision", "return", "qualityComments", "Förtydliga avsnitt 1.");
            case RevisionProcess.Elements.APPROVE ->
                Map.of("approvalDecision", "return", "approvalComments", "Förtydliga avsnitt 1.");
            case PeriodicReviewProcess.Elements.REVIEW ->
                Map.of(
                        "reviewOutcome",
                        "STILL_VALID",
                        "nextReviewDate",
                        java.time.LocalDate.now().plusMonths(12).toString());
            default -> throw new IllegalStateException("No form values for " + elementId);
        };
    }

    private static Map<String, Object> submission() {
        return Map.of(
                "guidanceId",
                "digital-samverkan",
                "guidanceVersion",
                "4.1",
                "sectionId",
                "2.1",
                "feedbackType",
                "GAP",
                "description",
                "Manipulationsprov: ny synpunkt.");
    }

    private static Map<String, Object> draft() {
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
                "EDITORIAL");
    }

    /**
     * What a step reads but its form does not offer, as an attacker would write it: the switches as
     * booleans, everything else as text naming another organisation's or group's things.
     */
    private static Object tamperedValue(String variable) {
        Set<String> switches = Set.of(
                RevisionProcess.Vars.CONSULTATION_HELD,
                RevisionProcess.Vars.NEEDS_CONSULTATION,
                FeedbackProcess.Vars.CONTAINS_PERSONAL_DATA);
        Map<String, String> pointed = Map.of(
                FeedbackProcess.Vars.REFERENCE, "FB-2026-9999",
                FeedbackProcess.Vars.SUBMITTER, "olof",
                FeedbackProcess.Vars.EXPERT_GROUP, "expert-law",
                RevisionProcess.Vars.REVISION_ID, "REV-9999",
                RevisionProcess.Vars.APPROVER_GROUP, "kansli",
                RevisionProcess.Vars.OWNING_GROUP, "expert-law");
        if (switches.contains(variable)) {
            return CamundaVariables.typed(true);
        }
        return CamundaVariables.typed(pointed.getOrDefault(variable, "Manipulerat-" + variable));
    }

    // --- who is asking

    private HttpAgent agent(String role, String surface) {
        return surface.equals(ENGINE_REST) ? driver.as(role) : browser(role);
    }

    private String[] headers(String role, String surface) {
        if (surface.equals(ENGINE_REST)) {
            return new String[0];
        }
        browser(role);
        return new String[] {"X-XSRF-TOKEN", xsrf.get(role)};
    }

    private HttpAgent browser(String role) {
        return browsers.computeIfAbsent(role, user -> {
            HttpAgent browser = HttpAgent.signedIn(base, user, user);
            xsrf.put(user, browser.openWebapps());
            return browser;
        });
    }

    /** The task is assigned to the role (the administrator assigns it) before the role acts on it. */
    private void holdAs(String role, String task) {
        HttpAgent admin = driver.as("admin");
        HttpAgent.Response current = admin.get("/engine-rest/task/" + task);
        assertThat(current.status()).as("the task is open: %s", current).isEqualTo(200);
        Object assignee = current.json().get("assignee");
        if (role.equals("admin") || role.equals(assignee)) {
            return;
        }
        HttpAgent.Response assigned =
                admin.json("POST", "/engine-rest/task/" + task + "/assignee", Map.of("userId", role));
        assertThat(assigned.status()).as("%s", assigned).isEqualTo(204);
    }

    // --- setting up

    private String startRevision(String member, String guidanceId) {
        HttpAgent.Response started = driver.as(member)
                .json(
                        "POST",
                        "/engine-rest/process-definition/key/" + RevisionProcess.KEY + "/submit-form",
                        Map.of("variables", CamundaVariables.of(Map.of("guidanceId", guidanceId))));
        assertThat(started.status()).as("%s", started).isEqualTo(200);
        return driver.openRevision(guidanceId);
    }

    private void submitTask(String user, String task, Map<String, Object> values) {
        HttpAgent.Response claimed =
                driver.as(user).json("POST", "/engine-rest/task/" + task + "/claim", Map.of("userId", user));
        assertThat(claimed.status()).as("%s", claimed).isEqualTo(204);
        HttpAgent.Response submitted = driver.as(user)
                .json(
                        "POST",
                        "/engine-rest/task/" + task + "/submit-form",
                        Map.of("variables", CamundaVariables.of(values)));
        assertThat(submitted.status()).as("%s", submitted).isEqualTo(204);
    }
}
