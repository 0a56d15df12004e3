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
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;

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

    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {};
    private static final ParameterizedTypeReference<List<Map<String, Object>>> JSON_LIST =
            new ParameterizedTypeReference<>() {};
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Autowired
    TestRestTemplate http;

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
        ResponseEntity<Map<String, Object>> untraced = submitForm(
                "per",
                draft,
                Map.of(
                        "sections", listValue(sections),
                        "items", listValue(List.of(item(annas, "ANSWERED", "3", null), item(olofs, null, null, null))),
                        "changeNotes", stringValue("Förtydligat ansvaret i avsnitt 3."),
                        "changeClass", stringValue("EDITORIAL")));
        assertThat(untraced.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        // Camunda's REST API: Camunda's error shape, the field and the untraced item in its message
        assertThat(untraced.getBody()).containsEntry("type", "InvalidInputException");
        assertThat(untraced.getBody().get("message").toString())
                .startsWith("items: ")
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
                        .getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);

        complete("karin", processTask("karin", "QualityReview", revisionId), Map.of("qualityDecision", "approve"));
        assertThat(get("maria", "/api/revisions/" + revisionId).getBody())
                .containsEntry("newVersion", "4.2")
                .containsEntry("status", "AWAITING_APPROVAL");

        // four eyes: per drafted, so per may not approve, neither through our API nor Camunda's
        ResponseEntity<Map<String, Object>> perApproves =
                post("per", "/api/revisions/" + revisionId + "/approval", Map.of("decision", "approve"));
        assertThat(perApproves.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(perApproves.getBody().get("detail").toString()).contains("fyra ögon");
        String approval = processTask("maria", "ApproveRevision", revisionId);
        assertThat(post("per", "/engine-rest/task/" + approval + "/claim", Map.of("userId", "per"))
                        .getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(post("per", "/engine-rest/task/" + approval + "/complete", Map.of())
                        .getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        // someone outside the approving group is refused too
        assertThat(post("erik", "/api/revisions/" + revisionId + "/approval", Map.of("decision", "approve"))
                        .getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);

        ResponseEntity<Map<String, Object>> approved =
                post("maria", "/api/revisions/" + revisionId + "/approval", Map.of("decision", "approve"));
        assertThat(approved.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(approved.getBody()).containsEntry("status", "PUBLISHED").containsEntry("approvedBy", "maria");

        // the audit trail says who did what at which stage, for the kansli and administrators only
        List<Map<String, Object>> audit = http.withBasicAuth("karin", "karin")
                .exchange("/api/revisions/" + revisionId + "/audit", HttpMethod.GET, null, JSON_LIST)
                .getBody();
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
        assertThat(http.withBasicAuth("admin", "admin")
                        .exchange("/api/revisions/" + revisionId + "/audit", HttpMethod.GET, null, JSON_LIST)
                        .getBody())
                .hasSameSizeAs(audit);
        for (String outsider : List.of("anna", "per", "maria", "mats")) {
            assertThat(get(outsider, "/api/revisions/" + revisionId + "/audit").getStatusCode())
                    .as(outsider)
                    .isEqualTo(HttpStatus.FORBIDDEN);
        }

        // anyone reads the result
        TestRestTemplate anonymous = new TestRestTemplate();
        String base = http.getRootUri();
        List<Map<String, Object>> dispositions = anonymous
                .exchange(
                        base + "/api/public/guidance/digital-samverkan/4.2/dispositions",
                        HttpMethod.GET,
                        null,
                        JSON_LIST)
                .getBody();
        assertThat(dispositions)
                .extracting(d -> d.get("feedbackReference") + " " + d.get("organisation") + " " + d.get("trace"))
                .containsExactlyInAnyOrder(
                        annas + " Pensionsmyndigheten ANSWERED", olofs + " Kronofogden NOT_ADDRESSED");
        String page = anonymous.getForObject(base + "/guidance/digital-samverkan/4.2", String.class);
        assertThat(page)
                .contains("Förtydligat ansvaret för informationsutbyte i avsnitt 3.")
                .contains("Den som lämnar ut uppgifter ansvarar för utbytet.");
        String dispositionPage =
                anonymous.getForObject(base + "/guidance/digital-samverkan/4.2/dispositions", String.class);
        assertThat(dispositionPage)
                .contains(annas)
                .contains(olofs)
                .contains("Förvaltningsmodellen ses över i en egen vägledning.");
        assertThat(anonymous.getForObject(base + "/guidance/feed.atom", String.class))
                .contains("4.2");

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
        assertThat(http.withBasicAuth("karin", "karin")
                        .exchange("/api/revisions", HttpMethod.GET, null, JSON_LIST)
                        .getBody())
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
        ResponseEntity<String> membership = http.withBasicAuth("admin", "admin")
                .exchange("/engine-rest/group/expert-communication/members/lena", HttpMethod.PUT, null, String.class);
        assertThat(membership.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        complete(
                "lena",
                task("lena", "ReviewFeedback", reference),
                Map.of("disposition", "ACCEPTED", "dispositionReason", "Exemplen skrivs om."));
        String revisionId = (String) openRevision("klarsprak-digitala-tjanster").get("id");

        ResponseEntity<Map<String, Object>> early = post(
                "olof",
                "/api/revisions/" + revisionId + "/consultation-responses",
                Map.of("response", "Vi tillstyrker."));
        // while drafting, the revision is not there for other members at all
        assertThat(early.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

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
                        .getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);

        Map<String, Object> onConsultation =
                get("olof", "/api/revisions/" + revisionId).getBody();
        assertThat(onConsultation).containsEntry("status", "IN_CONSULTATION");
        assertThat(onConsultation.get("consultationEnds")).isNotNull();
        assertThat(post(
                                "olof",
                                "/api/revisions/" + revisionId + "/consultation-responses",
                                Map.of("response", "Kronofogden tillstyrker förslaget."))
                        .getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        assertThat(post("olof", "/api/revisions/" + revisionId + "/consultation-responses", Map.of("response", " "))
                        .getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(get("lena", "/api/revisions/" + revisionId)
                        .getBody()
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
                        .getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        complete("karin", processTask("karin", "QualityReview", revisionId), Map.of("qualityDecision", "approve"));
        String approvalTask = processTask("maria", "ApproveRevision", revisionId);
        String before = approvalTaskState(approvalTask);

        for (Map<String, Object> refused : List.of(
                Map.<String, Object>of("decision", "return"),
                Map.<String, Object>of("decision", "return", "comments", "  "))) {
            ResponseEntity<Map<String, Object>> answer =
                    post("maria", "/api/revisions/" + revisionId + "/approval", refused);
            assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(answer.getBody().get("errors").toString()).contains("field=comments");
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
            ResponseEntity<Map<String, Object>> answer =
                    post("maria", "/api/revisions/" + wrong + "/approval", Map.of("decision", "approve"));
            assertThat(answer.getStatusCode()).as(wrong).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(answer.getBody().get("errors").toString()).as(wrong).contains("field=id");
        }
        assertThat(approvalTaskState(approvalTask)).isEqualTo(before);

        int approvals = 20;
        CyclicBarrier together = new CyclicBarrier(approvals);
        ExecutorService pool = Executors.newFixedThreadPool(approvals);
        List<HttpStatusCode> statuses = new ArrayList<>();
        try {
            List<Callable<ResponseEntity<Map<String, Object>>>> work = new ArrayList<>();
            for (int i = 0; i < approvals; i++) {
                String approver = i % 2 == 0 ? "maria" : "per";
                work.add(() -> {
                    together.await();
                    return post(approver, "/api/revisions/" + revisionId + "/approval", Map.of("decision", "approve"));
                });
            }
            for (Future<ResponseEntity<Map<String, Object>>> answer : pool.invokeAll(work)) {
                assertThat(answer.get().getStatusCode())
                        .as("%s", answer.get().getBody())
                        .isIn(HttpStatus.OK, HttpStatus.CONFLICT);
                statuses.add(answer.get().getStatusCode());
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(statuses).hasSize(approvals);
        assertThat(statuses).filteredOn(HttpStatus.OK::equals).hasSize(1);
        assertThat(get("karin", "/api/revisions/" + revisionId).getBody()).containsEntry("status", "PUBLISHED");
        List<Map<String, Object>> audit = http.withBasicAuth("karin", "karin")
                .exchange("/api/revisions/" + revisionId + "/audit", HttpMethod.GET, null, JSON_LIST)
                .getBody();
        assertThat(audit).filteredOn(e -> "APPROVED".equals(e.get("action"))).hasSize(1);
    }

    /** Who holds the task and which authorizations exist on it: what a refused request must not change. */
    private String approvalTaskState(String taskId) {
        List<Map<String, Object>> found = http.withBasicAuth("karin", "karin")
                .exchange("/engine-rest/task?taskId=" + taskId, HttpMethod.GET, null, JSON_LIST)
                .getBody();
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
        ResponseEntity<Map<String, Object>> response = post(
                user,
                "/api/feedback",
                Map.of("guidanceId", guidance, "sectionId", section, "type", "GAP", "description", text));
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return (String) response.getBody().get("reference");
    }

    private String status(String user, String reference) {
        return (String) get(user, "/api/feedback/" + reference).getBody().get("status");
    }

    private Map<String, Object> openRevision(String guidanceId) {
        return http
                .withBasicAuth("karin", "karin")
                .exchange("/api/revisions", HttpMethod.GET, null, JSON_LIST)
                .getBody()
                .stream()
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
        List<Map<String, Object>> found = http.withBasicAuth(user, user)
                .exchange(query, HttpMethod.GET, null, JSON_LIST)
                .getBody();
        assertThat(found).as(query + " for " + user).hasSize(1);
        return (String) found.get(0).get("id");
    }

    private void complete(String user, String taskId, Map<String, Object> values) {
        Map<String, Object> variables = new HashMap<>();
        values.forEach((name, value) -> variables.put(name, stringValue(value)));
        ResponseEntity<Map<String, Object>> response = submitForm(user, taskId, variables);
        assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
    }

    private ResponseEntity<Map<String, Object>> submitForm(String user, String taskId, Map<String, Object> variables) {
        post(user, "/engine-rest/task/" + taskId + "/claim", Map.of("userId", user));
        return post(user, "/engine-rest/task/" + taskId + "/submit-form", Map.of("variables", variables));
    }

    private ResponseEntity<Map<String, Object>> post(String user, String path, Object body) {
        return http.withBasicAuth(user, user).exchange(path, HttpMethod.POST, new HttpEntity<>(body), JSON);
    }

    private ResponseEntity<Map<String, Object>> get(String user, String path) {
        return http.withBasicAuth(user, user).exchange(path, HttpMethod.GET, null, JSON);
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
