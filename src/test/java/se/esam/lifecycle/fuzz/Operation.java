package se.esam.lifecycle.fuzz;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One HTTP operation as the fuzzer knows it: a request that would be valid for {@code rightUser}
 * (path parameters filled from the test's own data, query parameters, headers, a JSON body), which the
 * fuzzer then sends broken, as that user, as {@code wrongUser} and anonymously.
 *
 * @param pathParameters values resolved at send time, since the task or revision they name moves on
 * @param headers likewise: an idempotency key is new for each request
 * @param body a valid JSON body, or null for an operation that takes none
 */
record Operation(
        String method,
        String path,
        Map<String, Supplier<String>> pathParameters,
        Map<String, String> query,
        Map<String, Supplier<String>> headers,
        JsonNode body,
        String rightUser,
        String wrongUser) {

    Operation {
        pathParameters = new LinkedHashMap<>(pathParameters);
        query = new LinkedHashMap<>(query);
        headers = new LinkedHashMap<>(headers);
    }

    /** How the operation is named in reports: method and path template. */
    String name() {
        return method + " " + path;
    }

    boolean changesState() {
        return !method.equals("GET");
    }
}
