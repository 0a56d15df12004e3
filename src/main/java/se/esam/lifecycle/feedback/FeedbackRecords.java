package se.esam.lifecycle.feedback;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A feedback item as a record for the archive: everything stored about it, its whole history included, and
 * nothing shaped for a reader (the archive module decides what goes into a package). Read only.
 */
@Component
public class FeedbackRecords {

    /** @param closedAt when it reached its final status; null while it is open */
    public record Item(
            String reference,
            String guidanceId,
            String guidanceVersion,
            String sectionId,
            String type,
            String typeLabel,
            String description,
            String submitter,
            String submitterOrganisation,
            String status,
            String statusLabel,
            boolean closed,
            String expertGroup,
            String priority,
            String duplicateOf,
            boolean containsPersonalData,
            String disposition,
            String dispositionLabel,
            String dispositionReason,
            String processInstanceId,
            Instant submittedAt,
            Instant decidedAt,
            Instant answeredAt,
            Instant closedAt,
            List<Event> events) {

        /** The rounds of clarification: each question asked and the answer given, in the history's order. */
        public List<Event> clarifications() {
            return events.stream()
                    .filter(e -> e.action().equals(FeedbackEvent.Action.CLARIFICATION_REQUESTED.name())
                            || e.action().equals(FeedbackEvent.Action.CLARIFIED.name())
                            || e.action().equals(FeedbackEvent.Action.CLOSED_UNANSWERED.name()))
                    .toList();
        }
    }

    public record Event(Instant occurredAt, String stage, String action, String actor, String detail) {}

    private static final List<String> CLOSED = Arrays.stream(FeedbackStatus.values())
            .filter(FeedbackStatus::closed)
            .map(Enum::name)
            .toList();

    private final JdbcClient jdbc;

    FeedbackRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Item> find(String reference) {
        return jdbc.sql("""
                        select reference, guidance_id, guidance_version, section_id, feedback_type, description,
                               submitter, submitter_organisation, status, expert_group, priority, duplicate_of,
                               contains_personal_data, disposition, disposition_reason, process_instance_id,
                               submitted_at, decided_at, answered_at, status_since
                          from feedback where reference = ?""").param(reference).query(this::item).optional();
    }

    /** Feedback that reached its final status in [from, to), oldest first. */
    public List<String> closedBetween(Instant from, Instant to) {
        return jdbc.sql("select reference from feedback where status in (:closed) "
                        + "and status_since >= :from and status_since < :to order by status_since, reference")
                .param("closed", CLOSED)
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .query(String.class)
                .list();
    }

    private Item item(ResultSet rs, int row) throws SQLException {
        String reference = rs.getString("reference");
        FeedbackStatus status = FeedbackStatus.valueOf(rs.getString("status"));
        return new Item(
                reference,
                rs.getString("guidance_id"),
                rs.getString("guidance_version"),
                rs.getString("section_id"),
                rs.getString("feedback_type"),
                FeedbackType.valueOf(rs.getString("feedback_type")).label(),
                rs.getString("description"),
                rs.getString("submitter"),
                rs.getString("submitter_organisation"),
                status.name(),
                status.label(),
                status.closed(),
                rs.getString("expert_group"),
                rs.getString("priority"),
                rs.getString("duplicate_of"),
                rs.getBoolean("contains_personal_data"),
                rs.getString("disposition"),
                rs.getString("disposition") == null
                        ? null
                        : Disposition.valueOf(rs.getString("disposition")).label(),
                rs.getString("disposition_reason"),
                rs.getString("process_instance_id"),
                instant(rs, "submitted_at"),
                instant(rs, "decided_at"),
                instant(rs, "answered_at"),
                status.closed() ? instant(rs, "status_since") : null,
                events(reference));
    }

    private List<Event> events(String reference) {
        return jdbc.sql("select occurred_at, stage, action, actor, detail from feedback_event "
                        + "where reference = ? order by occurred_at, id")
                .param(reference)
                .query((rs, n) -> new Event(
                        instant(rs, "occurred_at"),
                        rs.getString("stage"),
                        rs.getString("action"),
                        rs.getString("actor"),
                        rs.getString("detail")))
                .list();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
