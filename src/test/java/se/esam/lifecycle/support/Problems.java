package se.esam.lifecycle.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

/** Assertions on our API's problem details (RFC 9457) as {@link HttpAgent} receives them. */
public final class Problems {

    private Problems() {}

    /** The fields a problem detail's {@code errors} name, in order (empty when it has none). */
    @SuppressWarnings("unchecked")
    public static List<Object> fieldsOf(HttpAgent.Response response) {
        Object errors = response.json().get("errors");
        if (errors == null) {
            return List.of();
        }
        return ((List<Map<String, Object>>) errors)
                .stream().map(e -> e.get("field")).toList();
    }

    /** A problem detail of that status, and its errors name the field. */
    public static void assertProblemNaming(HttpAgent.Response response, int status, String field) {
        assertThat(response.status()).as("%s", response).isEqualTo(status);
        assertThat(response.contentType()).as("%s", response).startsWith("application/problem+json");
        assertThat(response.json()).as("%s", response).containsEntry("status", status);
        assertThat(fieldsOf(response)).as("%s", response).contains(field);
    }
}
