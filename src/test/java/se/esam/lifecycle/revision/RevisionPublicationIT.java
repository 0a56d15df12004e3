package se.esam.lifecycle.revision;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;

import se.esam.lifecycle.support.HttpAgent;
import se.esam.lifecycle.support.PostgresDatabase;
import se.esam.lifecycle.support.TestEnvironment;
import se.esam.lifecycle.support.TestSmtp;

/**
 * From two submissions to a published version, over real HTTP on a fresh PostgreSQL database: people
 * submit through our API, do their tasks through Camunda's REST API as Tasklist does, the approver
 * decides through our API, and anyone reads the result without logging in.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestEnvironment
@DirtiesContext
class RevisionPublicationIT {

    static final TestSmtp smtp = new TestSmtp();

    @RegisterExtension
    static GreenMailExtension mail = smtp.server();

    @DynamicPropertySource
    static void environment(DynamicPropertyRegistry registry) {
        PostgresDatabase.createFor(RevisionPublicationIT.class, registry);
        smtp.configure(registry);
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void twoSubmissionsBecomeAPublishedVersionThatAnyoneCanReadAndBothSubmittersAreTold() throws Exception {
        String annas = submit("anna", "3", "Avsnitt 3 säger inte vem som ansvarar för informationsutbytet.");
        String olofs = submit("olof", "4", "Förvaltningsmodellen i avsnitt 4 passar inte små myndigheter.");
        for (String reference : List.of(annas, olofs)) {
            complete(
                    "karin",
                    task("karin", "TriageFeedback", reference),
                    Map.of("triageDecision", "route", "expertGroup", "expert-architecture", "priority", "NORMAL"));
            complete(
                    "erik",
                    task("erik", "ReviewFeedback", reference),
                    Map.of("disposition", "ACCEPTED", "dispositionReason", "Tas med i nästa version av vägledningen."));
        }

        Map<String, Object> revision = openRevision("digital-samverkan");
        String revisionId = (String) revision.get("id");
        assertThat(revision.get("items").toString()).contains(annas).contains(olofs);
        assertThat(status("anna", annas)).isEqualTo("IN_REVISION");

        // per drafts; an untraced item keeps the revision in drafting
        String draft = processTask("per", "DraftRevision", revisionId);
        List<Map<String, Object>> sections = List.of(
                section("1", "Inledning", "Vägledningen gäller alla medlemsorganisationer."),
                section("3", "Informationsutbyte", "Den som lämnar ut uppgifter ansvarar för utbytet."),
                section("4", "Styrning och förvaltning", "Förvaltningen följer eSams modell."));
        HttpAgent.Response untraced = submitForm(
                "per",
                draft,
                Map.of(
                        "sections", listValue(sections),
                        "items", listValue(List.of(item(annas, "ANSWERED", "3", null), item(olofs, null, null, null))),
                        "changeNotes", stringValue("Förtydligat ansvaret i avsnitt 3."),
                        "changeClass", stringValue("EDITORIAL")));
        assertThat(untraced.status()).isEqualTo(400);
        // Camunda's REST API: Camunda's error shape, the field beside a Swedish sentence naming the untraced item
        assertThat(untraced.json())
                .containsEntry("type", "InvalidInputException")
                .containsEntry("field", "items");
        assertThat(untraced.json().get("message").toString())
                .doesNotStartWith("items")
                .contains(olofs);

        assertThat(submitForm(
                                "per",
                                draft,
                                Map.of(
                                        "sections", listValue(sections),
                                        "items",
                                                listValue(
                                                        List.of(
                                                                item(annas, "ANSWERED", "3", null),
                                                                item(
                                                                        olofs,
                                                                        "NOT_ADDRESSED",
                                                                        null,
                                                                        "Förvaltningsmodellen ses över i en egen vägledning."))),
                                        "changeNotes",
                                                stringValue("Förtydligat ansvaret för informationsutbyte i avsnitt 3."),
                                        "changeClass", stringValue("EDITORIAL")))
                        .status())
                .isEqualTo(204);

        complete("karin", processTask("karin", "QualityReview", revisionId), Map.of("qualityDecision", "approve"));
        assertThat(get("maria", "/api/revisions/" + revisionId).json())
                .containsEntry("newVersion", "4.2")
                .containsEntry("status", "AWAITING_APPROVAL");

        // four eyes: per drafted, so per may not approve, neither through our API nor Camunda's
        HttpAgent.Response perApproves =
                post("per", "/api/revisions/" + revisionId + "/approval", Map.of("decision", "approve"));
        assertThat(perApproves.status()).isEqualTo(403);
        assertThat(perApproves.json().get("detail").toString()).contains("fyra ögon");
        String approval = processTask("maria", "ApproveRevision", revisionId);
        assertThat(post("per", "/engine-rest/task/" + approval + "/claim", Map.of("userId", "per"))
                        .status())
                .isEqualTo(403);
        assertThat(post("per", "/engine-rest/task/" + approval + "/complete", Map.of())
                        .status())
                .isEqualTo(403);
        // someone outside the approving group is refused too
        assertThat(post("erik", "/api/revisions/" + revisionId + "/approval", Map.of("decision", "approve"))
                        .status())
                .isEqualTo(403);

        HttpAgent.Response approved =
                post("maria", "/api/revisions/" + revisionId + "/approval", Map.of("decision", "approve"));
        assertThat(approved.status()).isEqualTo(200);
        assertThat(approved.json()).containsEntry("status", "PUBLISHED").containsEntry("approvedBy", "maria");

        // the audit trail says who did what at which stage, for the kansli and administrators only
        List<Map<String, Object>> audit =
                agent("karin").get("/api/revisions/" + revisionId + "/audit").jsonList();
        assertThat(audit)
                .extracting(e -> e.get("stage") + " " + e.get("action") + " by " + e.get("by"))
                .containsExactly(
                        "DRAFTING OPENED by null",
                        "DRAFTING FEEDBACK_JOINED by null",
                        "DRAFTING FEEDBACK_JOINED by null",
                        "DRAFTING DRAFTED by per",
                        "DRAFTING SENT_TO_QUALITY_REVIEW by null",
                        "QUALITY_REVIEW QUALITY_APPROVED by karin",
                        "AWAITING_APPROVAL APPROVED by maria",
                        "AWAITING_APPROVAL PUBLISHED by null");
        assertThat(agent("admin").get("/api/revisions/" + revisionId + "/audit").jsonList())
                .hasSameSizeAs(audit);
        for (String outsider : List.of("anna", "per", "maria", "mats")) {
            assertThat(get(outsider, "/api/revisions/" + revisionId + "/audit").status())
                    .as(outsider)
                    .isEqualTo(403);
        }

        // anyone reads the result
        HttpAgent anonymous = HttpAgent.anonymous(HttpAgent.local(port));
        List<Map<String, Object>> dispositions = anonymous
                .get("/api/public/guidance/digital-samverkan/4.2/dispositions")
                .jsonList();
        assertThat(dispositions)
                .extracting(d -> d.get("feedbackReference") + " " + d.get("organisation") + " " + d.get("trace"))
                .containsExactlyInAnyOrder(
                        annas + " Pensionsmyndigheten ANSWERED", olofs + " Kronofogden NOT_ADDRESSED");
        String page = anonymous.get("/guidance/digital-samverkan/4.2").body();
        assertThat(page)
                .contains("Förtydligat ansvaret för informationsutbyte i avsnitt 3.")
                .contains("Den som lämnar ut uppgifter ansvarar för utbytet.");
        String dispositionPage =
                anonymous.get("/guidance/digital-samverkan/4.2/dispositions").body();
        assertThat(dispositionPage)
                .contains(annas)
                .contains(olofs)
                .contains("Förvaltningsmodellen ses över i en egen vägledning.");
        assertThat(anonymous.get("/guidance/feed.atom").body()).contains("4.2");

        for (String reference : List.of(annas, olofs)) {
            assertThat(status(reference.equals(annas) ? "anna" : "olof", reference))
                    .isEqualTo("ANSWERED_IN_VERSION");
        }
        assertThat(smtp.subjectsTo("anna@pensionsmyndigheten.example"))
                .filteredOn(s -> s.contains("version 4.2"))
                .singleElement()
                .asString()
                .contains(annas);
        assertThat(smtp.subjectsTo("olof@kronofogden.example"))
                .filteredOn(s -> s.contains("version 4.2"))
                .singleElement()
                .asString()
                .contains(olofs);
        // published, so no longer among the open revisions
        assertThat(agent("karin").get("/api/revisions").jsonList())
                .extracting(r -> r.get("id"))
                .doesNotContain(revisionId);
    }

    @Test
    void consultationResponsesAreRecordedOnlyWhileTheRevisionIsOnConsultation() {
        String reference = submitOn("anna", "klarsprak-digitala-tjanster", "2", "Exemplen är svåra att följa.");
        complete(
                "karin",
                task("karin", "TriageFeedback", reference),
                Map.of("triageDecision", "route", "expertGroup", "expert-communication", "priority", "LOW"));
        // nobody in the demo is in the communication group: the kansli grants membership as admin would
        HttpAgent.Response membership =
                agent("admin").json("PUT", "/engine-rest/group/expert-communication/members/lena", null);
        assertThat(membership.status()).isEqualTo(204);
        complete(
                "lena",
                task("lena", "ReviewFeedback", reference),
                Map.of("disposition", "ACCEPTED", "dispositionReason", "Exemplen skrivs om."));
        String revisionId = (String) openRevision("klarsprak-digitala-tjanster").get("id");

        HttpAgent.Response early = post(
                "olof",
                "/api/revisions/" + revisionId + "/consultation-responses",
                Map.of("response", "Vi tillstyrker."));
        // while drafting, the revision is not there for other members at all
        assertThat(early.status()).isEqualTo(404);

        assertThat(submitForm(
                                "lena",
                                processTask("lena", "DraftRevision", revisionId),
                                Map.of(
                                        "sections",
                                                listValue(List.of(section(
                                                        "2", "Skriv för mottagaren", "Skriv kort och konkret."))),
                                        "items", listValue(List.of(item(reference, "ANSWERED", "2", null))),
                                        "changeNotes", stringValue("Nya exempel i avsnitt 2."),
                                        "changeClass", stringValue("SUBSTANTIVE")))
                        .status())
                .isEqualTo(204);

        Map<String, Object> onConsultation =
                get("olof", "/api/revisions/" + revisionId).json();
        assertThat(onConsultation).containsEntry("status", "IN_CONSULTATION");
        assertThat(onConsultation.get("consultationEnds")).isNotNull();
        assertThat(post(
                                "olof",
                                "/api/revisions/" + revisionId + "/consultation-responses",
                                Map.of("response", "Kronofogden tillstyrker förslaget."))
                        .status())
                .isEqualTo(201);
        assertThat(post("olof", "/api/revisions/" + revisionId + "/consultation-responses", Map.of("response", " "))
                        .status())
                .isEqualTo(400);
        assertThat(get("lena", "/api/revisions/" + revisionId)
                        .json()
                        .get("responses")
                        .toString())
                .contains("Kronofogden")
                .contains("tillstyrker");
        assertThat(smtp.subjectsTo("anna@pensionsmyndigheten.example"))
                .anySatisfy(subject -> assertThat(subject).startsWith("Remiss:"));
    }

    /**
     * A refused decision leaves the approval task as it was; twenty decisions at the same moment through
     * our API give one approval and 409 for the rest, never a 5xx.
     */
    @Test
    void aRefusedApprovalLeavesTheTaskAsItWasAndOfTwentySimultaneousApprovalsOneWinsTheRestGet409() throws Exception {
        String reference = submitOn("anna", "behovsdriven-utveckling", "2", "Avsnitt 2 behöver ett exempel.");
        complete(
                "karin",
                task("karin", "TriageFeedback", reference),
                Map.of("triageDecision", "route", "expertGroup", "expert-architecture", "priority", "NORMAL"));
        complete(
                "erik",
                task("erik", "ReviewFeedback", reference),
                Map.of("disposition", "ACCEPTED", "dispositionReason", "Ett exempel läggs till."));
        String revisionId = (String) openRevision("behovsdriven-utveckling").get("id");
        assertThat(submitForm(
                                "erik",
                                processTask("erik", "DraftRevision", revisionId),
                                Map.of(
                                        "sections",
                                                listValue(List.of(
                                                        section("2", "Exempel", "Ett exempel från en kommun."))),
                                        "items", listValue(List.of(item(reference, "ANSWERED", "2", null))),
                                        "changeNotes", stringValue("Exempel i avsnitt 2."),
                                        "changeClass", stringValue("EDITORIAL")))
                        .status())
                .isEqualTo(204);
        complete("karin", processTask("karin", "QualityReview", revisionId), Map.of("qualityDecision", "approve"));
        String approvalTask = processTask("maria", "ApproveRevision", revisionId);
        String before = approvalTaskState(approvalTask);

        for (Map<String, Object> refused : List.of(
                Map.<String, Object>of("decision", "return"),
                Map.<String, Object>of("decision", "return", "comments", "  "))) {
            HttpAgent.Response answer = post("maria", "/api/revisions/" + revisionId + "/approval", refused);
            assertThat(answer.status()).isEqualTo(400);
            assertThat(answer.json().get("errors").toString()).contains("field=comments");
            assertThat(approvalTaskState(approvalTask)).isEqualTo(before);
        }
        for (String wrong : List.of(
                "REV-+" + revisionId.substring(4),
                "REV-0" + revisionId.substring(4),
                "rev-1",
                "REV-",
                "REV-1x",
                "-1",
                "0")) {
            HttpAgent.Response answer =
                    post("maria", "/api/revisions/" + wrong + "/approval", Map.of("decision", "approve"));
            assertThat(answer.status()).as(wrong).isEqualTo(400);
            assertThat(answer.json().get("errors").toString()).as(wrong).contains("field=id");
        }
        assertThat(approvalTaskState(approvalTask)).isEqualTo(before);

        int approvals = 20;
        CyclicBarrier together = new CyclicBarrier(approvals);
        ExecutorService pool = Executors.newFixedThreadPool(approvals);
        List<Integer> statuses = new ArrayList<>();
        try {
            List<Callable<HttpAgent.Response>> work = new ArrayList<>();
            for (int i = 0; i < approvals; i++) {
                String approver = i % 2 == 0 ? "maria" : "per";
                work.add(() -> {
                    together.await();
                    return post(approver, "/api/revisions/" + revisionId + "/approval", Map.of("decision", "approve"));
                });
            }
            for (Future<HttpAgent.Response> answer : pool.invokeAll(work)) {
                assertThat(answer.get().status()).as("%s", answer.get()).isIn(200, 409);
                statuses.add(answer.get().status());
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(statuses).hasSize(approvals);
        assertThat(statuses).filteredOn(status -> status == 200).hasSize(1);
        assertThat(get("karin", "/api/revisions/" + revisionId).json()).containsEntry("status", "PUBLISHED");
        List<Map<String, Object>> audit =
                agent("karin").get("/api/revisions/" + revisionId + "/audit").jsonList();
        assertThat(audit).filteredOn(e -> "APPROVED".equals(e.get("action"))).hasSize(1);
    }

    /** Who holds the task and which authorizations exist on it: what a refused request must not change. */
    private String approvalTaskState(String taskId) {
        List<Map<String, Object>> found =
                agent("karin").get("/engine-rest/task?taskId=" + taskId).jsonList();
        assertThat(found).hasSize(1);
        return "assignee=" + found.get(0).get("assignee") + " owner="
                + found.get(0).get("owner")
                + " authorizations="
                + jdbc.sql("select user_id_, group_id_, perms_ from act_ru_authorization "
                                + "where resource_id_ = ? order by user_id_, group_id_")
                        .param(taskId)
                        .query((rs, n) -> rs.getString(1) + "/" + rs.getString(2) + "/" + rs.getInt(3))
                        .list();
    }

    // --- what the clients do

    private String submit(String user, String section, String text) {
        return submitOn(user, "digital-samverkan", section, text);
    }

    private String submitOn(String user, String guidance, String section, String text) {
        HttpAgent.Response response = post(
                user,
                "/api/feedback",
                Map.of("guidanceId", guidance, "sectionId", section, "type", "GAP", "description", text));
        assertThat(response.status()).isEqualTo(201);
        return (String) response.json().get("reference");
    }

    private String status(String user, String reference) {
        return (String) get(user, "/api/feedback/" + reference).json().get("status");
    }

    private Map<String, Object> openRevision(String guidanceId) {
        return agent("karin").get("/api/revisions").jsonList().stream()
                .filter(r -> guidanceId.equals(r.get("guidanceId")))
                .findFirst()
                .orElseThrow();
    }

    private String task(String user, String taskKey, String feedbackReference) {
        return tasks(
                user,
                "/engine-rest/task?taskDefinitionKey=" + taskKey + "&processInstanceBusinessKey=" + feedbackReference);
    }

    private String processTask(String user, String taskKey, String revisionId) {
        return tasks(
                user, "/engine-rest/task?taskDefinitionKey=" + taskKey + "&processInstanceBusinessKey=" + revisionId);
    }

    private String tasks(String user, String query) {
        List<Map<String, Object>> found = agent(user).get(query).jsonList();
        assertThat(found).as(query + " for " + user).hasSize(1);
        return (String) found.get(0).get("id");
    }

    private void complete(String user, String taskId, Map<String, Object> values) {
        Map<String, Object> variables = new HashMap<>();
        values.forEach((name, value) -> variables.put(name, stringValue(value)));
        HttpAgent.Response response = submitForm(user, taskId, variables);
        assertThat(response.status()).as("%s", response).isEqualTo(204);
    }

    private HttpAgent.Response submitForm(String user, String taskId, Map<String, Object> variables) {
        post(user, "/engine-rest/task/" + taskId + "/claim", Map.of("userId", user));
        return post(user, "/engine-rest/task/" + taskId + "/submit-form", Map.of("variables", variables));
    }

    private HttpAgent.Response post(String user, String path, Object body) {
        return agent(user).json("POST", path, body);
    }

    private HttpAgent.Response get(String user, String path) {
        return agent(user).get(path);
    }

    /** A demo person's API client (demo passwords are the user ids); a new one each time, so no cookies carry over. */
    private HttpAgent agent(String user) {
        return HttpAgent.basic(HttpAgent.local(port), user, user);
    }

    private static Map<String, Object> stringValue(Object value) {
        return Map.of("value", value);
    }

    /** A list as Tasklist sends it back: a JSON-serialised object variable. */
    private static Map<String, Object> listValue(List<Map<String, Object>> list) {
        try {
            return Map.of("value", MAPPER.writeValueAsString(list), "type", "Json");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> section(String id, String title, String body) {
        return Map.of("sectionId", id, "title", title, "body", body);
    }

    private static Map<String, Object> item(String reference, String trace, String section, String reason) {
        Map<String, Object> row = new HashMap<>();
        row.put("reference", reference);
        row.put("trace", trace);
        row.put("traceSection", section);
        row.put("traceReason", reason);
        return row;
    }
}
