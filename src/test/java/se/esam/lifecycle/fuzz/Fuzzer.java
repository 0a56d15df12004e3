package se.esam.lifecycle.fuzz;

import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import se.esam.lifecycle.support.HttpAgent;

/**
 * Sends each operation broken in one place (a path or query parameter, a header, one field of the body,
 * or the body as a whole), as the right user, a wrong user and anonymously, and records every answer of
 * 500 or more, and every refusal (4xx) after which the stored data differs. Every choice and value comes
 * from one seeded random source, so a seed replays the run.
 */
final class Fuzzer {

    /** Non-ASCII written as \\uXXXX escapes, so a lone surrogate reaches the server as the escape it is. */
    private static final JsonMapper JSON =
            JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

    private final String base;
    private final FuzzedWorld world;
    private final StoredData stored;
    private final Random random;
    private final Map<String, HttpAgent> agents = new LinkedHashMap<>();

    final List<String> serverErrors = new ArrayList<>();
    final List<String> refusalsThatChangedData = new ArrayList<>();
    final Set<String> covered = new LinkedHashSet<>();
    final Map<Integer, Integer> statuses = new TreeMap<>();
    int sent;
    int snapshots;
    long snapshotNanos;

    Fuzzer(String base, FuzzedWorld world, StoredData stored, Random random) {
        this.base = base;
        this.world = world;
        this.stored = stored;
        this.random = random;
    }

    enum Caller {
        RIGHT,
        WRONG,
        ANONYMOUS
    }

    /** Every operation once per caller, then {@code tries} more requests on operations and callers drawn at random. */
    void run(List<Operation> operations, int tries) {
        Map<String, String> before = snapshot();
        for (KnownCase known : knownCases(operations)) {
            before = send(known.operation(), known.caller(), before, request -> {
                known.change().accept(request);
                request.mutation = "known case: " + known.what();
            });
        }
        int sweep = operations.size() * Caller.values().length;
        for (int i = 0; i < sweep + tries; i++) {
            Operation operation = i < sweep
                    ? operations.get(i / Caller.values().length)
                    : operations.get(random.nextInt(operations.size()));
            Caller caller = i < sweep
                    ? Caller.values()[i % Caller.values().length]
                    : random.nextInt(10) < 6 ? Caller.RIGHT : random.nextBoolean() ? Caller.WRONG : Caller.ANONYMOUS;
            before = send(operation, caller, before, request -> mutate(operation, request));
        }
    }

    /** A case found by hand before this test existed (issue 10), sent first and every run. */
    private record KnownCase(Operation operation, Caller caller, String what, Consumer<Request> change) {}

    private List<KnownCase> knownCases(List<Operation> operations) {
        Map<String, Operation> byName = new LinkedHashMap<>();
        operations.forEach(operation -> byName.put(operation.name(), operation));
        java.util.function.Function<String, Operation> named = name -> java.util.Optional.ofNullable(byName.get(name))
                .orElseThrow(() -> new IllegalStateException("No operation " + name + " to send its known cases to"));
        List<KnownCase> cases = new ArrayList<>();
        Operation feedback = named.apply("POST /api/feedback");
        for (int length : List.of(4_001, 10_000)) {
            cases.add(new KnownCase(
                    feedback,
                    Caller.RIGHT,
                    "description of " + length + " characters",
                    r -> r.setJson(
                            ((ObjectNode) r.json.deepCopy()).put("description", HostileValues.overlong(length)))));
        }
        cases.add(new KnownCase(
                feedback,
                Caller.RIGHT,
                "description twice",
                r -> r.setText("{\"description\":\"a\"," + r.text().substring(1), "application/json")));
        cases.add(new KnownCase(
                feedback,
                Caller.RIGHT,
                "NUL and a lone surrogate in the " + "description",
                r -> r.setJson(((ObjectNode) r.json.deepCopy()).put("description", "a\u0000b\ud800"))));
        Operation respond = named.apply("POST /api/revisions/{id}/consultation-responses");
        cases.add(new KnownCase(
                respond,
                Caller.RIGHT,
                "response twice",
                r -> r.setText("{\"response\":\"a\",\"response\":\"b\"}", "application/json")));
        Operation approval = named.apply("POST /api/revisions/{id}/approval");
        cases.add(new KnownCase(
                approval,
                Caller.RIGHT,
                "decision twice",
                r -> r.setText("{\"decision\":\"approve\",\"decision\":\"return\"}", "application/json")));
        cases.add(new KnownCase(
                approval,
                Caller.RIGHT,
                "return without comments (refused, must leave the approval task as it was)",
                r -> r.setText("{\"decision\":\"return\"}", "application/json")));
        for (Operation operation : operations) {
            if (operation.path().startsWith("/api/reports")
                    && operation.method().equals("GET")) {
                for (String month : List.of("-999999999-01", "+999999999-12")) {
                    cases.add(new KnownCase(operation, Caller.RIGHT, "to=" + month, r -> r.setQuery("to", month)));
                }
            }
        }
        Operation tasks = named.apply("GET /engine-rest/task");
        cases.add(new KnownCase(tasks, Caller.RIGHT, "firstResult=-2", r -> r.setQuery("firstResult", "-2")));
        cases.add(new KnownCase(tasks, Caller.RIGHT, "maxResults=-5", r -> r.setQuery("maxResults", "-5")));
        Operation taskQuery = named.apply("POST /engine-rest/task");
        cases.add(new KnownCase(taskQuery, Caller.RIGHT, "body null", r -> r.setText("null", "application/json")));
        cases.add(new KnownCase(
                taskQuery,
                Caller.RIGHT,
                "variable filter with an object value",
                r -> r.setText(
                        "{\"processVariables\":[{\"name\":\"reference\",\"operator\":\"eq\",\"value\":{\"a\":1}}]}",
                        "application/json")));
        cases.add(new KnownCase(
                taskQuery,
                Caller.RIGHT,
                "variable filter without a name",
                r -> r.setText("{\"processVariables\":[{\"operator\":\"eq\",\"value\":\"x\"}]}", "application/json")));
        Operation local = named.apply("PUT /engine-rest/task/{id}/localVariables/{varName}");
        cases.add(new KnownCase(
                local,
                Caller.RIGHT,
                "variable name of 256 characters",
                r -> r.pathValues.put("varName", HostileValues.percentEncode(HostileValues.overlong(256)))));
        cases.add(new KnownCase(
                local,
                Caller.RIGHT,
                "string of 4,001 characters",
                r -> r.setJson(((ObjectNode) r.json.deepCopy()).put("value", HostileValues.overlong(4_001)))));
        Operation start = named.apply("POST /engine-rest/process-definition/key/{key}/start");
        cases.add(new KnownCase(
                start,
                Caller.RIGHT,
                "startInstructions naming an unknown element",
                r -> r.setJson(((ObjectNode) r.json.deepCopy())
                        .set(
                                "startInstructions",
                                HostileValues.parseJson(
                                        "[{\"type\":\"startBeforeActivity\",\"activityId\":\"NoSuchElement\"}]")))));
        cases.add(new KnownCase(
                start,
                Caller.RIGHT,
                "an Object variable",
                r -> r.setText(
                        r.text()
                                .replaceFirst(
                                        "\\{\"variables\":\\{",
                                        "{\"variables\":{\"x\":"
                                                + "{\"value\":\"{}\",\"type\":\"Object\",\"valueInfo\":{\"objectTypeName\":\"java.util.HashMap\","
                                                + "\"serializationDataFormat\":\"application/json\"}},"),
                        "application/json")));
        return cases;
    }

    private Map<String, String> send(
            Operation operation, Caller caller, Map<String, String> before, Consumer<Request> mutation) {
        long made = world.made();
        Request request = new Request(operation);
        mutation.accept(request);
        if (world.made() != made) {
            // resolving the path made a new task for anna: that is not the request's doing
            before = snapshot();
        }
        String user = switch (caller) {
            case RIGHT -> operation.rightUser();
            case WRONG -> operation.wrongUser();
            case ANONYMOUS -> null;
        };
        HttpAgent agent = agents.computeIfAbsent(
                String.valueOf(user),
                u -> user == null ? HttpAgent.anonymous(base) : HttpAgent.basic(base, user, user));
        String described = (user == null ? "anonymous" : user) + " " + request.describe();
        HttpAgent.Response response;
        try {
            response = agent.send(
                    operation.method(),
                    request.target(),
                    request.body == null
                            ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(request.body),
                    request.contentType,
                    request.headerArray());
        } catch (UncheckedIOException e) {
            sent++;
            covered.add(operation.name() + " as " + caller);
            serverErrors.add(described + "\n    -> no answer: " + e.getCause());
            statuses.merge(0, 1, Integer::sum);
            return snapshot();
        }
        sent++;
        covered.add(operation.name() + " as " + caller);
        statuses.merge(response.status(), 1, Integer::sum);
        if (response.status() >= 500) {
            serverErrors.add(described + "\n    -> " + response.status() + " " + shown(response.body(), 500));
        }
        if (operation.changesState() && operation.path().contains("/task/{id}")) {
            world.taskMayHaveMoved();
        }
        if (!operation.changesState() && response.status() < 300) {
            // a read that was answered: the next refusal is compared with the data as it was before it
            return before;
        }
        Map<String, String> after = snapshot();
        if (response.status() >= 400 && response.status() < 500) {
            List<String> changes = StoredData.changes(before, after);
            if (!changes.isEmpty()) {
                refusalsThatChangedData.add(described + "\n    -> " + response.status() + " "
                        + shown(response.body(), 300) + "\n    changed: " + String.join("; ", changes));
            }
        }
        return after;
    }

    private Map<String, String> snapshot() {
        long started = System.nanoTime();
        Map<String, String> tables = stored.snapshot();
        snapshots++;
        snapshotNanos += System.nanoTime() - started;
        return tables;
    }

    // --- mutations: each request is the operation's valid request broken in one place (or, now and then, not)

    private void mutate(Operation operation, Request request) {
        List<Runnable> mutations = new ArrayList<>();
        mutations.add(() -> request.mutation = "none (the valid request)");
        if (!request.pathValues.isEmpty()) {
            mutations.add(() -> mutatePath(request));
            mutations.add(() -> mutatePath(request));
        }
        mutations.add(() -> mutateQuery(request));
        if (!request.headers.isEmpty()) {
            mutations.add(() -> mutateHeader(request, new ArrayList<>(request.headers.keySet())));
        }
        mutations.add(() -> mutateAccept(request));
        if (operation.body() != null) {
            for (int i = 0; i < 4; i++) {
                mutations.add(() -> mutateBodyField(request));
            }
            mutations.add(() -> mutateWholeBody(request));
            mutations.add(() -> mutateWholeBody(request));
        } else if (operation.changesState()) {
            mutations.add(() -> mutateWholeBody(request));
        }
        mutations.get(random.nextInt(mutations.size())).run();
    }

    private void mutatePath(Request request) {
        List<String> names = new ArrayList<>(request.pathValues.keySet());
        String name = names.get(random.nextInt(names.size()));
        String value = random.nextInt(4) == 0
                ? sample(HostileValues.rawUrlPieces())
                : HostileValues.percentEncode(truncate(sample(HostileValues.strings()), 2_000));
        request.pathValues.put(name, value);
        request.mutation = "path {" + name + "} = " + value;
    }

    private void mutateQuery(Request request) {
        int choice = random.nextInt(5);
        String value = random.nextInt(5) == 0
                ? sample(HostileValues.rawUrlPieces())
                : HostileValues.percentEncode(truncate(sample(HostileValues.strings()), 6_000));
        if (choice == 0 || request.query.isEmpty()) {
            String name = List.of(
                            "firstResult",
                            "maxResults",
                            "from",
                            "to",
                            "sortBy",
                            "sortOrder",
                            "processVariables",
                            "unknownParameter")
                    .get(random.nextInt(8));
            if (choice == 0 && name.endsWith("Result")) {
                value = List.of("-2", "-5", "-2147483648", "2147483648", "99999999999", "1.5", "")
                        .get(random.nextInt(7));
            }
            request.query.add(Map.entry(name, value));
            request.mutation = "query added " + name + "=" + value;
        } else if (choice == 1) {
            Map.Entry<String, String> existing = request.query.get(random.nextInt(request.query.size()));
            request.query.add(Map.entry(existing.getKey(), value));
            request.mutation = "query " + existing.getKey() + " twice, second = " + value;
        } else {
            int index = random.nextInt(request.query.size());
            String name = request.query.get(index).getKey();
            request.query.set(index, Map.entry(name, value));
            request.mutation = "query " + name + "=" + value;
        }
    }

    private void mutateHeader(Request request, List<String> names) {
        String name = names.get(random.nextInt(names.size()));
        // Java's HTTP client sends only tabs, visible ASCII and Latin-1 in a header; a server never sees the rest
        String value = truncate(sample(HostileValues.strings()), 4_000).replaceAll("[^\\t\\x20-\\x7e\\xa0-\\xff]", "");
        request.headers.put(name, value);
        request.mutation = "header " + name + ": " + escape(value);
    }

    private void mutateAccept(Request request) {
        String accept = List.of(
                        "application/xml", "text/csv", "image/png", "*/*;q=x", "application/json;q=0", "", "text/html")
                .get(random.nextInt(7));
        request.headers.put("Accept", accept);
        request.mutation = "header Accept: " + accept;
    }

    /** One field anywhere in the JSON body replaced, removed, or a hostile field added. */
    private void mutateBodyField(Request request) {
        JsonNode body = request.json.deepCopy();
        List<JsonNode> containers = new ArrayList<>();
        collectContainers(body, containers);
        JsonNode container = containers.get(random.nextInt(containers.size()));
        JsonNode hostile = sample(HostileValues.json());
        String what;
        if (container instanceof ObjectNode object) {
            List<String> fields = new ArrayList<>();
            object.fieldNames().forEachRemaining(fields::add);
            int choice = random.nextInt(fields.isEmpty() ? 1 : 6);
            if (choice == 0) {
                String name = sample(HostileValues.names());
                JsonNode value = isVariableMap(object) || random.nextBoolean()
                        ? sample(HostileValues.camundaVariables())
                        : hostile;
                object.set(name, value);
                what = "field " + escape(truncate(name, 80)) + " added = " + shown(value.toString(), 200);
            } else if (choice == 1) {
                String name = fields.get(random.nextInt(fields.size()));
                object.remove(name);
                what = "field " + name + " removed";
            } else {
                String name = fields.get(random.nextInt(fields.size()));
                JsonNode value = isVariableMap(object) && random.nextBoolean()
                        ? sample(HostileValues.camundaVariables())
                        : hostile;
                object.set(name, value);
                what = "field " + name + " = " + shown(value.toString(), 200);
            }
        } else {
            ArrayNode array = (ArrayNode) container;
            array.add(hostile);
            what = "array element added = " + shown(hostile.toString(), 200);
        }
        request.setJson(body);
        request.mutation = "body " + what;
    }

    private static boolean isVariableMap(ObjectNode object) {
        Iterator<JsonNode> values = object.elements();
        return values.hasNext() && values.next().has("value");
    }

    private static void collectContainers(JsonNode node, List<JsonNode> into) {
        if (node.isContainerNode()) {
            into.add(node);
            node.elements().forEachRemaining(child -> collectContainers(child, into));
        }
    }

    /** The body as a whole: duplicate keys, trailing garbage, not JSON at all, nested too deep, too big, wrong type. */
    private void mutateWholeBody(Request request) {
        String valid = request.body == null ? "{}" : new String(request.body, StandardCharsets.UTF_8);
        int choice = random.nextInt(8);
        switch (choice) {
            case 0 -> {
                if (request.json instanceof ObjectNode object
                        && object.fieldNames().hasNext()) {
                    String key = object.fieldNames().next();
                    String duplicate =
                            "{\"" + key + "\":" + write(sample(HostileValues.json())) + "," + valid.substring(1);
                    request.setText(duplicate, "application/json");
                    request.mutation = "body with the key " + key + " twice";
                } else {
                    request.setText("{\"a\":1,\"a\":2}", "application/json");
                    request.mutation = "body with a key twice";
                }
            }
            case 1 -> {
                String garbage = List.of(" x", "}", "{}", "\u0000", " // c", "]", ",", "\n{\"a\":1}", "null")
                        .get(random.nextInt(9));
                request.setText(valid + garbage, "application/json");
                request.mutation = "body followed by " + escape(garbage);
            }
            case 2 -> {
                String text = List.of(
                                "null",
                                "",
                                "[]",
                                "\"x\"",
                                "1",
                                "true",
                                "{",
                                "{\"a\":",
                                "{'a':1}",
                                "{a:1}",
                                "/* c */{}",
                                "NaN",
                                "\ufeff{}",
                                "[{}]")
                        .get(random.nextInt(14));
                request.setText(text, "application/json");
                request.mutation = "body " + escape(text);
            }
            case 3 -> {
                int depth = List.of(200, 1_500, 20_000).get(random.nextInt(3));
                String nested = random.nextBoolean()
                        ? "[".repeat(depth) + "]".repeat(depth)
                        : "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
                request.setText(nested, "application/json");
                request.mutation = "body nested " + depth + " deep";
            }
            case 4 -> {
                request.setText("{\"a\":\"" + "x".repeat(1_100_000) + "\"}", "application/json");
                request.mutation = "body of 1.1 MB";
            }
            case 5 -> {
                String type = List.of(
                                "text/plain",
                                "application/xml",
                                "application/x-www-form-urlencoded",
                                "application/x-java-serialized-object",
                                "multipart/form-data",
                                "application/json;charset=UTF-16")
                        .get(random.nextInt(6));
                request.setText(valid, type);
                request.mutation = "body as " + type;
            }
            case 6 -> {
                request.body = valid.getBytes(StandardCharsets.UTF_8);
                request.contentType = null;
                request.mutation = "body without a Content-Type";
            }
            default -> {
                // bytes that are not UTF-8 inside a JSON string
                byte[] prefix = "{\"description\":\"".getBytes(StandardCharsets.UTF_8);
                byte[] bytes = new byte[prefix.length + 4];
                System.arraycopy(prefix, 0, bytes, 0, prefix.length);
                bytes[prefix.length] = (byte) 0xC3;
                bytes[prefix.length + 1] = (byte) 0x28;
                bytes[prefix.length + 2] = (byte) '"';
                bytes[prefix.length + 3] = (byte) '}';
                request.body = bytes;
                request.contentType = "application/json";
                request.mutation = "body with bytes that are not UTF-8";
            }
        }
    }

    private <T> T sample(HostileValues.Gen<T> gen) {
        return gen.next(random);
    }

    private static String write(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String truncate(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length);
    }

    /** For reports: control characters and surrogates as escapes, long text cut. */
    static String shown(String text, int length) {
        if (text == null) {
            return "";
        }
        String cut = text.length() > length ? text.substring(0, length) + "… (" + text.length() + " chars)" : text;
        return escape(cut);
    }

    static String escape(String text) {
        StringBuilder shown = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c < 0x20 || c == 0x7f || Character.isSurrogate(c) || (c >= 0x200b && c <= 0x202e) || c == 0xfeff) {
                shown.append(String.format("\\u%04x", (int) c));
            } else {
                shown.append(c);
            }
        }
        return shown.toString();
    }

    /** One request on its way: the operation's valid request, changed by one mutation. */
    private final class Request {

        private final Operation operation;
        final Map<String, String> pathValues = new LinkedHashMap<>();
        final List<Map.Entry<String, String>> query = new ArrayList<>();
        final Map<String, String> headers = new LinkedHashMap<>();
        JsonNode json;
        byte[] body;
        String contentType;
        String mutation;

        Request(Operation operation) {
            this.operation = operation;
            for (Map.Entry<String, Supplier<String>> parameter :
                    operation.pathParameters().entrySet()) {
                pathValues.put(
                        parameter.getKey(),
                        HostileValues.percentEncode(parameter.getValue().get()));
            }
            operation.query().forEach((name, value) -> query.add(Map.entry(name, HostileValues.percentEncode(value))));
            operation.headers().forEach((name, value) -> headers.put(name, value.get()));
            if (operation.body() != null) {
                setJson(operation.body());
            }
        }

        void setJson(JsonNode node) {
            json = node;
            setText(write(node), "application/json");
        }

        String text() {
            return body == null ? "" : new String(body, StandardCharsets.UTF_8);
        }

        void setQuery(String name, String value) {
            query.removeIf(parameter -> parameter.getKey().equals(name));
            query.add(Map.entry(name, HostileValues.percentEncode(value)));
        }

        void setText(String text, String type) {
            body = text.getBytes(StandardCharsets.UTF_8);
            contentType = type;
        }

        String target() {
            String path = operation.path();
            for (Map.Entry<String, String> value : pathValues.entrySet()) {
                path = path.replace("{" + value.getKey() + "}", value.getValue());
            }
            StringBuilder target = new StringBuilder(path);
            for (Map.Entry<String, String> parameter : query) {
                target.append(target.indexOf("?") < 0 ? '?' : '&')
                        .append(parameter.getKey())
                        .append('=')
                        .append(parameter.getValue());
            }
            return target.toString();
        }

        String[] headerArray() {
            List<String> pairs = new ArrayList<>();
            headers.forEach((name, value) -> {
                pairs.add(name);
                pairs.add(value);
            });
            return pairs.toArray(String[]::new);
        }

        String describe() {
            String shownBody = body == null ? "" : " body " + shown(new String(body, StandardCharsets.UTF_8), 400);
            return operation.method() + " " + shown(target(), 400) + shownBody
                    + (contentType == null || body == null ? "" : " (" + contentType + ")")
                    + "\n    [" + operation.name() + "; mutation: " + shown(mutation, 300) + "]";
        }
    }
}
