package se.esam.lifecycle.reporting;

import org.springframework.web.util.UriComponentsBuilder;

/** Links from a figure on the reports page to the list of feedback behind it, keeping the filter. */
public final class DrillLinks {

    private final ReportFilter filter;

    DrillLinks(ReportFilter filter) {
        this.filter = filter;
    }

    public String backlog(Reports.BacklogRow row, boolean overdue) {
        return link(overdue ? "overdue" : "backlog", null, row.stage().name(), null, null, row.expertGroup());
    }

    public String decided(Reports.LeadTime row) {
        return link("decided", row.month(), null, null, null, row.expertGroup());
    }

    public String answered(Reports.LeadTime row) {
        return link("answered", row.month(), null, null, null, row.expertGroup());
    }

    public String outcome(String outcome, String dimension, String key) {
        UriComponentsBuilder uri = builder("outcome", null, null, outcome, "type".equals(dimension) ? key : null, null);
        if ("guidance".equals(dimension)) {
            uri.replaceQueryParam("guidanceId", key);
        }
        if ("organisation".equals(dimension)) {
            uri.replaceQueryParam("organisation", key);
        }
        return uri.build().encode().toUriString();
    }

    public String month(String figure, String month) {
        return link(figure, month, null, null, null, null);
    }

    public String reviews(Reports.DeadlineRow row, boolean late) {
        return link(late ? "late-reviews" : "reviews", row.month(), null, null, null, row.expertGroup());
    }

    public String csv(String table) {
        return filtered(UriComponentsBuilder.fromPath("/api/reports/csv/" + table), filter.expertGroup())
                .build()
                .encode()
                .toUriString();
    }

    private String link(String figure, String month, String stage, String outcome, String type, String group) {
        return builder(figure, month, stage, outcome, type, group)
                .build()
                .encode()
                .toUriString();
    }

    private UriComponentsBuilder builder(
            String figure, String month, String stage, String outcome, String type, String group) {
        UriComponentsBuilder uri = filtered(
                        UriComponentsBuilder.fromPath("/reports/feedback"),
                        group != null ? group : filter.expertGroup())
                .queryParam("figure", figure);
        if (month != null) {
            uri.queryParam("month", month);
        }
        if (stage != null) {
            uri.queryParam("stage", stage);
        }
        if (outcome != null) {
            uri.queryParam("outcome", outcome);
        }
        if (type != null) {
            uri.queryParam("type", type);
        }
        return uri;
    }

    private UriComponentsBuilder filtered(UriComponentsBuilder uri, String group) {
        uri.queryParam("from", filter.fromMonth()).queryParam("to", filter.toMonth());
        if (group != null) {
            uri.queryParam("expertGroup", group);
        }
        if (filter.guidanceId() != null) {
            uri.queryParam("guidanceId", filter.guidanceId());
        }
        if (filter.organisation() != null) {
            uri.queryParam("organisation", filter.organisation());
        }
        return uri;
    }
}
