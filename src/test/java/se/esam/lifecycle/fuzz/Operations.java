package se.esam.lifecycle.fuzz;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What the fuzzer sends to: every operation of our API as our OpenAPI document describes it (so a new
 * endpoint is fuzzed without touching this test), and the {@code /engine-rest} operations a submitter
 * reaches, which Camunda's own document describes and ours does not.
 */
final class Operations {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FEEDBACK_PROCESS = "guidance-feedback";

    /** Valid values of request body fields of our API, by name; the rest come from the schema. */
    private static final Map<String, String> BODY_VALUES = Map.of(
            "guidanceId",
            FuzzedWorld.GUIDANCE,
            "guidanceVersion",
            FuzzedWorld.VERSION,
            "sectionId",
            "2.1",
            "type",
            "GAP",
            "description",
            "Exempel saknas.",
            "response",
            "Vi tillstyrker.",
            "decision",
            "return",
            "comments",
            "Förtydliga avsnitt 3.",
            "comment",
            "Samma problem hos oss.",
            "frequency",
            "WEEKLY");

    private Operations() {}

    // --- our API, from /v3/api-docs

    static List<Operation> fromOpenApi(JsonNode document, FuzzedWorld world) {
        List<Operation> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths =
                        document.path("paths").fields();
                paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            if (!path.getKey().startsWith("/api/")) {
                continue;
            }
            for (Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields(); methods.hasNext(); ) {
                Map.Entry<String, JsonNode> method = methods.next();
                if (!List.of("get", "post", "put", "patch", "delete").contains(method.getKey())) {
                    continue;
                }
                operations.add(
                        operation(document, path.getKey(), method.getKey().toUpperCase(), method.getValue(), world));
            }
        }
        return operations;
    }

    private static Operation operation(
            JsonNode document, String path, String method, JsonNode spec, FuzzedWorld world) {
        Map<String, Supplier<String>> pathParameters = new LinkedHashMap<>();
        Map<String, String> query = new LinkedHashMap<>();
        Map<String, Supplier<String>> headers = new LinkedHashMap<>();
        for (JsonNode parameter : spec.path("parameters")) {
            String name = parameter.path("name").asText();
            JsonNode schema = resolve(document, parameter.path("schema"));
            switch (parameter.path("in").asText()) {
                case "path" -> pathParameters.put(name, pathValue(path, name, world));
                case "header" -> headers.put(name, () -> "fuzz-" + UUID.randomUUID());
                case "query" -> {
                    if (schema.has("properties")) {
                        // a parameter object (Spring's @ModelAttribute): its properties are the real parameters
                        schema.path("properties")
                                .fieldNames()
                                .forEachRemaining(p -> query.put(p, FuzzedWorld.QUERY_VALUES.getOrDefault(p, "x")));
                    } else {
                        query.put(
                                name,
                                FuzzedWorld.QUERY_VALUES.getOrDefault(
                                        name,
                                        schema.has("enum")
                                                ? schema.path("enum").get(0).asText()
                                                : "x"));
                    }
                }
                default -> {}
            }
        }
        JsonNode body = null;
        JsonNode content = spec.path("requestBody").path("content");
        if (content.has("application/json")) {
            body = template(document, content.path("application/json").path("schema"), null, 0);
        }
        String[] users = users(path);
        return new Operation(method, path, pathParameters, query, headers, body, users[0], users[1]);
    }

    /** The user the operation is for, and one it is not for (the fuzzer adds the anonymous caller itself). */
    private static String[] users(String path) {
        if (path.endsWith("/approval")) {
            return new String[] {"maria", "anna"};
        }
        if (path.endsWith("/consultation-responses")) {
            return new String[] {"olof", "mats"};
        }
        // another organisation endorses anna's item; anna may not endorse her own organisation's
        if (path.endsWith("/endorsements")) {
            return new String[] {"olof", "anna"};
        }
        if (path.startsWith("/api/feedback")) {
            return new String[] {"anna", "olof"};
        }
        if (path.startsWith("/api/reports")) {
            return new String[] {"mats", "anna"};
        }
        if (path.startsWith("/api/register")) {
            return new String[] {"karin", "anna"};
        }
        if (path.startsWith("/api/mail")) {
            return new String[] {"admin", "anna"};
        }
        if (path.startsWith("/api/revisions")) {
            return new String[] {"karin", "anna"};
        }
        if (path.startsWith("/api/retention")
                || path.startsWith("/api/cases")
                || path.startsWith("/api/people")
                || path.startsWith("/api/archive")) {
            return new String[] {"karin", "anna"};
        }
        return new String[] {"anna", "olof"};
    }

    private static Supplier<String> pathValue(String path, String name, FuzzedWorld world) {
        return switch (name) {
            case "reference" ->
                path.endsWith("/endorsements") ? () -> world.annasPublishedReference : () -> world.annasReference;
            case "version" -> () -> FuzzedWorld.VERSION;
            case "table" -> () -> "backlog";
            case "id" ->
                path.startsWith("/api/revisions")
                        ? () -> world.revision
                        // a follow's number: anna's first, or nobody's (404) before she follows anything
                        : path.startsWith("/api/follows") ? () -> "1" : () -> FuzzedWorld.GUIDANCE;
            default -> () -> "x";
        };
    }

    /** A valid value for a schema: known field values by name, else the schema's enum, example or type. */
    private static JsonNode template(JsonNode document, JsonNode schemaOrRef, String name, int depth) {
        JsonNode schema = resolve(document, schemaOrRef);
        if (name != null && BODY_VALUES.containsKey(name)) {
            return NODES.textNode(BODY_VALUES.get(name));
        }
        if (schema.has("enum")) {
            return schema.path("enum").get(0);
        }
        if (schema.has("example")) {
            return schema.path("example");
        }
        String type = schema.path("type").asText("object");
        return switch (type) {
            case "string" -> NODES.textNode("text");
            case "integer", "number" -> NODES.numberNode(1);
            case "boolean" -> NODES.booleanNode(true);
            case "array" -> NODES.arrayNode();
            default -> {
                ObjectNode object = NODES.objectNode();
                if (depth < 4) {
                    schema.path("properties")
                            .fields()
                            .forEachRemaining(property -> object.set(
                                    property.getKey(),
                                    template(document, property.getValue(), property.getKey(), depth + 1)));
                }
                yield object;
            }
        };
    }

    private static JsonNode resolve(JsonNode document, JsonNode schema) {
        JsonNode resolved = schema;
        for (int hops = 0; resolved.has("$ref") && hops < 10; hops++) {
            String[] parts =
                    resolved.path("$ref").asText().replaceFirst("^#/", "").split("/");
            JsonNode target = document;
            for (String part : parts) {
                target = target.path(part);
            }
            resolved = target;
        }
        return resolved;
    }

    // --- /engine-rest: what a submitter (anna) reaches, with another organisation's submitter as the wrong user

    static List<Operation> engineRest(FuzzedWorld world) {
        Supplier<String> task = world::annasTask;
        Supplier<String> process = world::annasProcess;
        Map<String, Supplier<String>> onTask = Map.of("id", task);
        Map<String, Supplier<String>> onVariable = new LinkedHashMap<>(onTask);
        onVariable.put("varName", () -> "clarificationAnswer");
        Map<String, Supplier<String>> onProcess = Map.of("id", process);
        Map<String, Supplier<String>> onDefinition = Map.of("key", () -> FEEDBACK_PROCESS);
        Map<String, String> paging = Map.of("firstResult", "0", "maxResults", "10");
        String answer = "{\"variables\":{\"clarificationAnswer\":{\"value\":\"Vi menar alla kommuner.\"}}}";
        String start = "{\"variables\":{\"guidanceId\":{\"value\":\"digital-samverkan\"},"
                + "\"guidanceVersion\":{\"value\":\"4.1\"},\"sectionId\":{\"value\":\"2.1\"},"
                + "\"feedbackType\":{\"value\":\"GAP\"},\"description\":{\"value\":\"Exempel saknas.\"}}}";
        String variableFilter = "{\"processVariables\":[{\"name\":\"reference\",\"operator\":\"eq\",\"value\":\"FB\"}],"
                + "\"sorting\":[{\"sortBy\":\"created\",\"sortOrder\":\"desc\"}]}";

        List<Operation> operations = new ArrayList<>();
        operations.add(engine(
                "GET",
                "/engine-rest/task",
                Map.of(),
                Map.of(
                        "taskDefinitionKey",
                        "RequestClarification",
                        "firstResult",
                        "0",
                        "maxResults",
                        "10",
                        "sortBy",
                        "created",
                        "sortOrder",
                        "desc",
                        "processVariables",
                        "reference_like_FB%",
                        "dueBefore",
                        "2099-12-31T00:00:00.000+0100"),
                null));
        operations.add(engine("GET", "/engine-rest/task/count", Map.of(), Map.of("assignee", "anna"), null));
        operations.add(engine("POST", "/engine-rest/task", Map.of(), paging, variableFilter));
        operations.add(engine("POST", "/engine-rest/task/count", Map.of(), Map.of(), variableFilter));
        operations.add(engine("GET", "/engine-rest/task/{id}", onTask, Map.of(), null));
        operations.add(
                engine("GET", "/engine-rest/task/{id}/variables", onTask, Map.of("deserializeValues", "false"), null));
        operations.add(engine("GET", "/engine-rest/task/{id}/localVariables", onTask, Map.of(), null));
        operations.add(engine("GET", "/engine-rest/task/{id}/form-variables", onTask, Map.of(), null));
        operations.add(engine("GET", "/engine-rest/task/{id}/deployed-form", onTask, Map.of(), null));
        operations.add(engine("POST", "/engine-rest/task/{id}/claim", onTask, Map.of(), "{\"userId\":\"anna\"}"));
        operations.add(engine("POST", "/engine-rest/task/{id}/complete", onTask, Map.of(), answer));
        operations.add(engine("POST", "/engine-rest/task/{id}/submit-form", onTask, Map.of(), answer));
        operations.add(engine(
                "POST",
                "/engine-rest/task/{id}/variables",
                onTask,
                Map.of(),
                "{\"modifications\":{\"clarificationAnswer\":{\"value\":\"Alla kommuner.\"}},\"deletions\":[]}"));
        operations.add(engine(
                "PUT",
                "/engine-rest/task/{id}/variables/{varName}",
                onVariable,
                Map.of(),
                "{\"value\":\"Alla kommuner.\",\"type\":\"String\"}"));
        operations.add(engine(
                "PUT",
                "/engine-rest/task/{id}/localVariables/{varName}",
                onVariable,
                Map.of(),
                "{\"value\":\"Alla kommuner.\",\"type\":\"String\"}"));
        operations.add(engine("DELETE", "/engine-rest/task/{id}/localVariables/{varName}", onVariable, Map.of(), null));
        operations.add(engine(
                "GET",
                "/engine-rest/process-definition",
                Map.of(),
                Map.of("key", FEEDBACK_PROCESS, "latestVersion", "true"),
                null));
        operations.add(engine("GET", "/engine-rest/process-definition/key/{key}", onDefinition, Map.of(), null));
        operations.add(engine(
                "GET", "/engine-rest/process-definition/key/{key}/form-variables", onDefinition, Map.of(), null));
        operations.add(engine(
                "GET", "/engine-rest/process-definition/key/{key}/deployed-start-form", onDefinition, Map.of(), null));
        operations.add(
                engine("POST", "/engine-rest/process-definition/key/{key}/start", onDefinition, Map.of(), start));
        operations.add(
                engine("POST", "/engine-rest/process-definition/key/{key}/submit-form", onDefinition, Map.of(), start));
        operations.add(engine(
                "GET",
                "/engine-rest/process-instance",
                Map.of(),
                Map.of("processDefinitionKey", FEEDBACK_PROCESS, "firstResult", "0", "maxResults", "10"),
                null));
        operations.add(engine(
                "POST",
                "/engine-rest/process-instance",
                Map.of(),
                paging,
                "{\"processDefinitionKey\":\"guidance-feedback\",\"variables\":[{\"name\":\"reference\","
                        + "\"operator\":\"like\",\"value\":\"FB%\"}]}"));
        operations.add(engine("GET", "/engine-rest/process-instance/{id}", onProcess, Map.of(), null));
        operations.add(engine("GET", "/engine-rest/process-instance/{id}/variables", onProcess, Map.of(), null));
        operations.add(engine(
                "GET",
                "/engine-rest/history/process-instance",
                Map.of(),
                Map.of("processDefinitionKey", FEEDBACK_PROCESS, "firstResult", "0", "maxResults", "10"),
                null));
        operations.add(engine(
                "POST",
                "/engine-rest/history/process-instance",
                Map.of(),
                paging,
                "{\"processDefinitionKey\":\"guidance-feedback\",\"sorting\":[{\"sortBy\":\"startTime\","
                        + "\"sortOrder\":\"asc\"}]}"));
        operations.add(engine(
                "GET",
                "/engine-rest/history/task",
                Map.of(),
                Map.of("taskDefinitionKey", "RequestClarification", "firstResult", "0", "maxResults", "10"),
                null));
        operations.add(engine(
                "GET",
                "/engine-rest/history/variable-instance",
                Map.of(),
                Map.of("variableName", "reference", "deserializeValues", "false"),
                null));
        operations.add(engine(
                "GET", "/engine-rest/history/activity-instance", Map.of(), Map.of("activityType", "userTask"), null));
        operations.add(engine(
                "GET",
                "/engine-rest/variable-instance",
                Map.of(),
                Map.of("variableName", "reference", "deserializeValues", "false"),
                null));
        operations.add(engine(
                "POST",
                "/engine-rest/message",
                Map.of(),
                Map.of(),
                "{\"messageName\":\"GuidanceRevisionPublished\",\"businessKey\":\"" + world.annasReference
                        + "\",\"processVariables\":{\"publishedVersion\":{\"value\":\"4.2\"}}}"));
        operations.add(engine(
                "POST",
                "/engine-rest/signal",
                Map.of(),
                Map.of(),
                "{\"name\":\"fuzz\",\"variables\":{\"x\":{\"value\":\"y\"}}}"));
        return operations;
    }

    private static Operation engine(
            String method,
            String path,
            Map<String, Supplier<String>> pathParameters,
            Map<String, String> query,
            String body) {
        return new Operation(
                method, path, pathParameters, query, Map.of(), body == null ? null : json(body), "anna", "olof");
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(text, e);
        }
    }
}
