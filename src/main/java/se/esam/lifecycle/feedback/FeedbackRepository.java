package se.esam.lifecycle.feedback;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class FeedbackRepository {

    private static final String COLUMNS = """
            reference, guidance_id, guidance_version, section_id, feedback_type, description, submitter,
            submitter_organisation, status, expert_group, priority, duplicate_of, contains_personal_data,
            disposition, disposition_reason, review_due, process_instance_id, submitted_at, decided_at""";

    private final JdbcClient jdbc;

    FeedbackRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Feedback f) {
        jdbc.sql("insert into feedback (" + COLUMNS + ") values "
                + "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(f.reference(), f.guidanceId(), f.guidanceVersion(), f.sectionId(), f.type().name(),
                        f.description(), f.submitter(), f.submitterOrganisation(), f.status().name(),
                        f.expertGroup(), name(f.priority()), f.duplicateOf(), f.containsPersonalData(),
                        name(f.disposition()), f.dispositionReason(), timestamp(f.reviewDue()),
                        f.processInstanceId(), timestamp(f.submittedAt()), timestamp(f.decidedAt()))
                .update();
    }

    void update(Feedback f) {
        jdbc.sql("""
                update feedback set status = ?, expert_group = ?, priority = ?, duplicate_of = ?,
                       contains_personal_data = ?, disposition = ?, disposition_reason = ?, review_due = ?,
                       process_instance_id = ?, decided_at = ?
                 where reference = ?""")
                .params(f.status().name(), f.expertGroup(), name(f.priority()), f.duplicateOf(),
                        f.containsPersonalData(), name(f.disposition()), f.dispositionReason(),
                        timestamp(f.reviewDue()), f.processInstanceId(), timestamp(f.decidedAt()), f.reference())
                .update();
    }

    Optional<Feedback> find(String reference) {
        return jdbc.sql("select " + COLUMNS + " from feedback where reference = ?").param(reference)
                .query(FeedbackRepository::map).optional();
    }

    String referenceOfProcess(String processInstanceId) {
        return jdbc.sql("select reference from feedback where process_instance_id = ?").param(processInstanceId)
                .query(String.class).single();
    }

    List<Feedback> waitingForRevision(String guidanceId) {
        return jdbc.sql("select " + COLUMNS + " from feedback where guidance_id = ? and status in (?, ?) "
                + "order by submitted_at, reference")
                .params(guidanceId, FeedbackStatus.ACCEPTED_AWAITING_REVISION.name(),
                        FeedbackStatus.HELD_FOR_NEXT_REVISION.name())
                .query(FeedbackRepository::map).list();
    }

    List<Feedback> findByOrganisation(String organisation) {
        return jdbc.sql("select " + COLUMNS + " from feedback where submitter_organisation = ? "
                + "order by submitted_at desc, reference desc").param(organisation)
                .query(FeedbackRepository::map).list();
    }

    void addEvent(String reference, FeedbackEvent event) {
        jdbc.sql("insert into feedback_event (reference, occurred_at, stage, action, actor, detail) "
                + "values (?, ?, ?, ?, ?, ?)")
                .params(reference, timestamp(event.occurredAt()), event.stage().name(), event.action().name(),
                        event.actor(), event.detail())
                .update();
    }

    List<FeedbackEvent> events(String reference) {
        return jdbc.sql("select occurred_at, stage, action, actor, detail from feedback_event "
                + "where reference = ? order by occurred_at, id").param(reference)
                .query((rs, n) -> new FeedbackEvent(instant(rs, "occurred_at"),
                        FeedbackStatus.valueOf(rs.getString("stage")),
                        FeedbackEvent.Action.valueOf(rs.getString("action")), rs.getString("actor"),
                        rs.getString("detail")))
                .list();
    }

    private static Feedback map(ResultSet rs, int row) throws SQLException {
        return new Feedback(rs.getString("reference"), rs.getString("guidance_id"), rs.getString("guidance_version"),
                rs.getString("section_id"), FeedbackType.valueOf(rs.getString("feedback_type")),
                rs.getString("description"), rs.getString("submitter"), rs.getString("submitter_organisation"),
                FeedbackStatus.valueOf(rs.getString("status")), rs.getString("expert_group"),
                enumOrNull(Priority.class, rs.getString("priority")), rs.getString("duplicate_of"),
                rs.getBoolean("contains_personal_data"),
                enumOrNull(Disposition.class, rs.getString("disposition")), rs.getString("disposition_reason"),
                instant(rs, "review_due"), rs.getString("process_instance_id"), instant(rs, "submitted_at"),
                instant(rs, "decided_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    private static <E extends Enum<E>> E enumOrNull(Class<E> type, String name) {
        return name == null ? null : Enum.valueOf(type, name);
    }
}
