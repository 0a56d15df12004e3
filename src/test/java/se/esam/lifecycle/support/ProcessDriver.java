package se.esam.lifecycle.support;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What people do to move feedback and revisions along: submit through our API, and do their tasks
 * through Camunda's REST API as Tasklist does, each as themselves (HTTP Basic, password = user id as
 * in the demo). Every step checks that it worked, so a scenario that could not be set up fails loudly
 * instead of testing nothing. One driver per test class.
 */
public final class ProcessDriver {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String base;
    private final Map<String, HttpAgent> clients = new HashMap<>();

    public ProcessDriver(String base) {
        this.base = base;
    }

    /** The API client of a demo user. */
    public HttpAgent as(String user) {
        return clients.computeIfAbsent(user, u -> HttpAgent.basic(base, u, u));
    }

    /** Submits feedback through our API and returns its reference. */
    public String submit(String user, String guidanceId, String version, String section, String type, String text) {
        Map<String, Object> submission = new LinkedHashMap<>();
        submission.put("guidanceId", guidanceId);
        submission.put("guidanceVersion", version);
        submission.put("sectionId", section);
        submission.put("type", type);
        submission.put("description", text);
        HttpAgent.Response response = as(user).json("POST", "/api/feedback", submission);
        require(response.status() == 201, response);
        return (String) response.json().get("reference");
    }

    /** The one task of this kind in the process with this business key, as the user sees it. */
    public String task(String user, String taskDefinitionKey, String businessKey) {
        HttpAgent.Response response = as(user).get("/engine-rest/task?taskDefinitionKey=" + taskDefinitionKey
                + "&processInstanceBusinessKey=" + HttpAgent.encode(businessKey));
        require(response.status() == 200 && response.jsonList().size() == 1, response);
        return (String) response.jsonList().get(0).get("id");
    }

    /** The running process instance with this business key (read as the administrator). */
    public String processInstance(String businessKey) {
        HttpAgent.Response response =
                as("admin").get("/engine-rest/process-instance?businessKey=" + HttpAgent.encode(businessKey));
        require(response.status() == 200 && response.jsonList().size() == 1, response);
        return (String) response.jsonList().get(0).get("id");
    }

    /** Claims the task and submits its form with these values, as Tasklist does. */
    public void complete(String user, String taskId, Map<String, Object> values) {
        HttpAgent.Response claimed =
                as(user).json("POST", "/engine-rest/task/" + taskId + "/claim", Map.of("userId", user));
        require(claimed.status() == 204, claimed);
        Map<String, Object> variables = new LinkedHashMap<>();
        values.forEach((name, value) ->
                variables.put(name, value instanceof List<?> list ? listValue(list) : Map.of("value", value)));
        HttpAgent.Response submitted =
                as(user).json("POST", "/engine-rest/task/" + taskId + "/submit-form", Map.of("variables", variables));
        require(submitted.status() == 204, submitted);
    }

    // --- the feedback process

    public void route(String reference, String expertGroup) {
        complete(
                "karin",
                task("karin", "TriageFeedback", reference),
                Map.of("triageDecision", "route", "expertGroup", expertGroup, "priority", "NORMAL"));
    }

    /** Routes the item with the publishing review's "publish as is", so its text reaches the public pages. */
    public void routeAndPublishAsIs(String reference, String expertGroup) {
        complete(
                "karin",
                task("karin", "TriageFeedback", reference),
                Map.of(
                        "triageDecision",
                        "route",
                        "expertGroup",
                        expertGroup,
                        "priority",
                        "NORMAL",
                        "publication",
                        "AS_IS"));
    }

    public void askForClarification(String reference, String question) {
        complete(
                "karin",
                task("karin", "TriageFeedback", reference),
                Map.of("triageDecision", "clarify", "clarificationQuestion", question));
    }

    public void review(String reviewer, String reference, String disposition, String reason) {
        complete(
                reviewer,
                task(reviewer, "ReviewFeedback", reference),
                Map.of("disposition", disposition, "dispositionReason", reason));
    }

    // --- the revision process

    /** The open revision of a document, as the kansli lists it: its label (REV-n). */
    public String openRevision(String guidanceId) {
        HttpAgent.Response response = as("karin").get("/api/revisions");
        require(response.status() == 200, response);
        return response.jsonList().stream()
                .filter(r -> guidanceId.equals(r.get("guidanceId")))
                .map(r -> (String) r.get("id"))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("No open revision of " + guidanceId + ": " + response));
    }

    /**
     * Drafts the revision as an editorial change that answers every listed feedback item in section 3,
     * so that it goes to quality review and then to the chief architect.
     */
    public void draftEditorially(String drafter, String revision, List<String> references, String notAddressedReason) {
        List<Map<String, Object>> sections = List.of(
                section("1", "Inledning", "Vägledningen gäller alla medlemsorganisationer."),
                section("3", "Informationsutbyte", "Den som lämnar ut uppgifter ansvarar för utbytet."));
        List<Map<String, Object>> items = references.stream()
                .map(reference -> item(reference, notAddressedReason))
                .toList();
        complete(
                drafter,
                task(drafter, "DraftRevision", revision),
                Map.of(
                        "sections",
                        sections,
                        "items",
                        items,
                        "changeNotes",
                        "Förtydligat ansvaret för informationsutbyte i avsnitt 3.",
                        "changeClass",
                        "EDITORIAL"));
    }

    public void approveQuality(String revision) {
        complete("karin", task("karin", "QualityReview", revision), Map.of("qualityDecision", "approve"));
    }

    private static Map<String, Object> section(String id, String title, String body) {
        return Map.of("sectionId", id, "title", title, "body", body);
    }

    private static Map<String, Object> item(String reference, String notAddressedReason) {
        Map<String, Object> row = new HashMap<>();
        row.put("reference", reference);
        row.put("trace", notAddressedReason == null ? "ANSWERED" : "NOT_ADDRESSED");
        row.put("traceSection", notAddressedReason == null ? "3" : null);
        row.put("traceReason", notAddressedReason);
        return row;
    }

    /** A list as Tasklist sends it back: a JSON-serialised object variable. */
    private static Map<String, Object> listValue(List<?> list) {
        try {
            return Map.of("value", JSON.writeValueAsString(list), "type", "Json");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void require(boolean condition, HttpAgent.Response response) {
        if (!condition) {
            throw new IllegalStateException("Scenario step failed: " + response);
        }
    }
}
