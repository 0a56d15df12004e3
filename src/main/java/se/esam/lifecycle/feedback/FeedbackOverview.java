package se.esam.lifecycle.feedback;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The overview's reading of the feedback table: one page of the items a filter lets through, newest
 * first, and how many there are in all. Every condition is on an indexed column (migration V9); the
 * search in descriptions is the one condition that reads the rows themselves.
 */
@Repository
class FeedbackOverview {

    /** Overdue as the reports count it ({@link FeedbackStatus#overdueCondition}). */
    static final String OVERDUE = FeedbackStatus.overdueCondition(":now");

    private static final String COLUMNS = """
            reference, guidance_id, guidance_version, section_id, feedback_type, description,
            submitter_organisation, status, expert_group, duplicate_of, disposition, disposition_reason,
            submitted_at, decided_at""";

    private final JdbcClient jdbc;
    private final Clock clock;

    FeedbackOverview(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** One item as the overview lists it. */
    record Row(
            String reference,
            String guidanceId,
            String guidanceVersion,
            String sectionId,
            FeedbackType type,
            String description,
            String organisation,
            FeedbackStatus status,
            String expertGroup,
            String duplicateOf,
            Disposition disposition,
            String reason,
            Instant submittedAt,
            Instant decidedAt,
            boolean overdue) {}

    record Found(List<Row> rows, long total) {}

    /**
     * @param onlyOrganisation the reader's own organisation when the reader may see no other; null
     *     when the reader oversees all feedback
     */
    Found find(FeedbackFilter filter, String onlyOrganisation) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        Map<String, Object> params = new HashMap<>();
        params.put("now", Timestamp.from(clock.instant()));
        if (onlyOrganisation != null) {
            where.append(" and submitter_organisation = :scope");
            params.put("scope", onlyOrganisation);
        }
        if (filter.narrowsStatus()) {
            List<String> statuses =
                    filter.statuses().stream().map(FeedbackStatus::name).toList();
            if (statuses.isEmpty()) {
                // a status outside the stage asked for: nothing, without asking the database
                return new Found(List.of(), 0);
            }
            where.append(" and status in (:statuses)");
            params.put("statuses", statuses);
        }
        if (filter.expertGroup() != null) {
            where.append(" and expert_group = :expertGroup");
            params.put("expertGroup", filter.expertGroup());
        }
        if (filter.guidanceId() != null) {
            where.append(" and guidance_id = :guidanceId");
            params.put("guidanceId", filter.guidanceId());
        }
        if (filter.organisation() != null) {
            where.append(" and submitter_organisation = :organisation");
            params.put("organisation", filter.organisation());
        }
        if (filter.overdue()) {
            where.append(" and ").append(OVERDUE);
        }
        if (filter.text() != null) {
            // a whole reference finds that item by its key; any text is also looked for in the descriptions
            where.append(" and (lower(description) like :text escape '\\'");
            params.put("text", "%" + escapeLike(filter.text().toLowerCase(java.util.Locale.ROOT)) + "%");
            if (filter.textAsReference() != null) {
                where.append(" or reference = :reference");
                params.put("reference", filter.textAsReference());
            }
            where.append(")");
        }
        long total = jdbc.sql("select count(*) from feedback" + where)
                .params(params)
                .query(Long.class)
                .single();
        if (total <= filter.offset()) {
            return new Found(List.of(), total);
        }
        params.put("size", filter.size());
        params.put("offset", filter.offset());
        List<Row> rows = jdbc.sql("select " + COLUMNS + ", case when " + OVERDUE + " then 1 else 0 end as overdue "
                        + "from feedback" + where + " order by submitted_at desc, reference desc "
                        + "limit :size offset :offset")
                .params(params)
                .query(FeedbackOverview::row)
                .list();
        return new Found(rows, total);
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        String disposition = rs.getString("disposition");
        return new Row(
                rs.getString("reference"),
                rs.getString("guidance_id"),
                rs.getString("guidance_version"),
                rs.getString("section_id"),
                FeedbackType.valueOf(rs.getString("feedback_type")),
                rs.getString("description"),
                rs.getString("submitter_organisation"),
                FeedbackStatus.valueOf(rs.getString("status")),
                rs.getString("expert_group"),
                rs.getString("duplicate_of"),
                disposition == null ? null : Disposition.valueOf(disposition),
                rs.getString("disposition_reason"),
                instant(rs, "submitted_at"),
                instant(rs, "decided_at"),
                rs.getInt("overdue") == 1);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
