package se.esam.lifecycle.feedback;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.StringJoiner;

/** A filter written back into an address, so that a page link keeps the filter it was shown with. */
final class FeedbackLinks {

    private FeedbackLinks() {}

    /**
     * The filter's parameters as a query string starting with {@code ?} (empty without any), each value
     * form-encoded so that a search for {@code a+b} or {@code x&y} comes back as typed; defaults left out.
     */
    static String query(FeedbackFilter filter) {
        StringJoiner query = new StringJoiner("&", "?", "").setEmptyValue("");
        add(query, "status", filter.status() == null ? null : filter.status().name());
        add(query, "stage", filter.stage() == null ? null : filter.stage().name());
        add(query, "expertGroup", filter.expertGroup());
        add(query, "guidanceId", filter.guidanceId());
        add(query, "organisation", filter.organisation());
        add(query, "overdue", filter.overdue() ? "true" : null);
        add(query, "q", filter.text());
        add(query, "page", filter.page() == 1 ? null : String.valueOf(filter.page()));
        add(query, "size", filter.size() == FeedbackFilter.DEFAULT_SIZE ? null : String.valueOf(filter.size()));
        return query.toString();
    }

    private static void add(StringJoiner query, String name, String value) {
        if (value != null) {
            query.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
    }
}
