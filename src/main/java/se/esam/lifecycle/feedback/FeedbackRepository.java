package se.esam.lifecycle.feedback;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

@Repository
class FeedbackRepository {

    private static final String COLUMNS = """
            reference, guidance_id, guidance_version, section_id, feedback_type, description, submitter,
            submitter_organisation, status, expert_group, priority, duplicate_of, contains_personal_data,
            disposition, disposition_reason, review_due, process_instance_id, submitted_at, decided_at""";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final FeedbackMetrics metrics;
    private final TransactionTemplate ownTransaction;
    private final ApplicationEventPublisher events;

    FeedbackRepository(
            JdbcClient jdbc,
            Clock clock,
            FeedbackMetrics metrics,
            PlatformTransactionManager transactions,
            ApplicationEventPublisher events) {
        this.events = events;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.jdbc = jdbc;
        this.clock = clock;
        this.metrics = metrics;
    }

    void insert(Feedback f) {
        jdbc.sql("insert into feedback (" + COLUMNS + ", status_since, submitted_month) values "
                        + "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        f.reference(),
                        f.guidanceId(),
                        f.guidanceVersion(),
                        f.sectionId(),
                        f.type().name(),
                        f.description(),
                        f.submitter(),
                        f.submitterOrganisation(),
                        f.status().name(),
                        f.expertGroup(),
                        name(f.priority()),
                        f.duplicateOf(),
                        f.containsPersonalData(),
                        name(f.disposition()),
                        f.dispositionReason(),
                        timestamp(f.reviewDue()),
                        f.processInstanceId(),
                        timestamp(f.submittedAt()),
                        timestamp(f.decidedAt()),
                        timestamp(f.submittedAt()),
                        month(f.submittedAt()))
                .update();
        events.publishEvent(new FeedbackFiguresChanged(null, figures(f.reference())));
        metrics.submitted(f.type());
    }

    /**
     * Stores the item and keeps its reporting columns: a change of status adds the time spent in the
     * stage it leaves, and deciding or answering it records the month and the lead time.
     *
     * @throws Feedback.IllegalMove when the stored status may not move to the item's, as when another
     *         step moved it after the item was read
     */
    void update(Feedback f) {
        record Before(FeedbackStatus status, Instant since, String outcome, FeedbackFiguresChanged.Figures figures) {}
        Before before = jdbc.sql("select status, status_since, " + FIGURES + " from feedback where reference = ?")
                .param(f.reference())
                .query((rs, n) -> new Before(
                        FeedbackStatus.valueOf(rs.getString("status")),
                        instant(rs, "status_since"),
                        rs.getString("outcome"),
                        figures(rs)))
                .single();
        if (before.status() != f.status()) {
            Feedback.requireMove(f.reference(), before.status(), f.status());
        }
        if (before.outcome() == null && outcome(f) != null) {
            metrics.decided(outcome(f));
        }
        Instant now = clock.instant();
        boolean moved = before.status() != f.status();
        List<Object> values = new ArrayList<>(Arrays.asList(
                f.status().name(),
                f.expertGroup(),
                name(f.priority()),
                f.duplicateOf(),
                f.containsPersonalData(),
                name(f.disposition()),
                f.dispositionReason(),
                timestamp(f.reviewDue()),
                f.processInstanceId(),
                timestamp(f.decidedAt()),
                outcome(f),
                month(f.decidedAt()),
                f.decidedAt() == null ? null : seconds(f.submittedAt(), f.decidedAt()),
                timestamp(moved || before.since() == null ? now : before.since()),
                month(f.reviewDue())));
        StringBuilder sql = new StringBuilder("""
                update feedback set status = ?, expert_group = ?, priority = ?, duplicate_of = ?,
                       contains_personal_data = ?, disposition = ?, disposition_reason = ?, review_due = ?,
                       process_instance_id = ?, decided_at = ?, outcome = ?, decided_month = ?,
                       decision_seconds = ?, status_since = ?, review_due_month = ?""");
        String stage = moved && before.status().stage() != null
                ? before.status().stage().secondsColumn()
                : null;
        if (stage != null) {
            sql.append(", ").append(stage).append(" = ").append(stage).append(" + ?");
            values.add(before.since() == null ? 0L : seconds(before.since(), now));
        }
        if (moved && f.status() == FeedbackStatus.ANSWERED_IN_VERSION) {
            sql.append(", answered_at = ?, answered_month = ?, publication_seconds = ?");
            values.addAll(Arrays.asList(timestamp(now), month(now), seconds(f.submittedAt(), now)));
        }
        sql.append(" where reference = ?");
        values.add(f.reference());
        jdbc.sql(sql.toString()).params(values).update();
        FeedbackFiguresChanged.Figures after = figures(f.reference());
        if (!after.equals(before.figures())) {
            events.publishEvent(new FeedbackFiguresChanged(before.figures(), after));
        }
    }

    private static final String FIGURES = """
            expert_group, guidance_id, submitter_organisation, feedback_type, outcome, submitted_month,
            decided_month, answered_month, decision_seconds, publication_seconds, triage_seconds,
            clarification_seconds, review_seconds, revision_seconds, review_due_month,
            case when decided_at is not null and review_due is not null then review_due < decided_at end
                as reviewed_late""";

    /** The item's reporting columns as stored, read back rather than recomputed so that they cannot differ. */
    private FeedbackFiguresChanged.Figures figures(String reference) {
        return jdbc.sql("select " + FIGURES + " from feedback where reference = ?")
                .param(reference)
                .query((rs, n) -> figures(rs))
                .single();
    }

    private static FeedbackFiguresChanged.Figures figures(ResultSet rs) throws SQLException {
        return new FeedbackFiguresChanged.Figures(
                rs.getString("expert_group"),
                rs.getString("guidance_id"),
                rs.getString("submitter_organisation"),
                rs.getString("feedback_type"),
                rs.getString("outcome"),
                strip(rs.getString("submitted_month")),
                strip(rs.getString("decided_month")),
                strip(rs.getString("answered_month")),
                rs.getObject("decision_seconds", Long.class),
                rs.getObject("publication_seconds", Long.class),
                rs.getLong("triage_seconds"),
                rs.getLong("clarification_seconds"),
                rs.getLong("review_seconds"),
                rs.getLong("revision_seconds"),
                strip(rs.getString("review_due_month")),
                rs.getObject("reviewed_late", Boolean.class));
    }

    private static String strip(String month) {
        return month == null ? null : month.strip();
    }

    private static long seconds(Instant from, Instant to) {
        return Math.max(0, Duration.between(from, to).toSeconds());
    }

    record SubmissionKey(String hash, String reference) {}

    Optional<SubmissionKey> submission(String submitter, String idempotencyKey) {
        return jdbc.sql("select request_hash, reference from feedback_submission where submitter = ? "
                        + "and idempotency_key = ?")
                .params(submitter, idempotencyKey)
                .query((rs, n) -> new SubmissionKey(rs.getString("request_hash"), rs.getString("reference")))
                .optional();
    }

    /**
     * Creates the key's row, without a reference, in a transaction of its own committed at once, so that
     * requests with the same key find one row to lock; nothing when the row exists.
     */
    void reserveSubmission(String submitter, String idempotencyKey, String hash) {
        ownTransaction.executeWithoutResult(status -> {
            try {
                jdbc.sql("insert into feedback_submission (submitter, idempotency_key, request_hash, created_at) "
                                + "values (?, ?, ?, ?)")
                        .params(submitter, idempotencyKey, hash, timestamp(clock.instant()))
                        .update();
            } catch (DataIntegrityViolationException | ConcurrencyFailureException exists) {
                status.setRollbackOnly();
            }
        });
    }

    /** The key's row, locked until the transaction ends; empty while another transaction holds it. */
    Optional<SubmissionKey> lockSubmission(String submitter, String idempotencyKey) {
        return jdbc.sql("select request_hash, reference from feedback_submission where submitter = ? "
                        + "and idempotency_key = ? for update skip locked")
                .params(submitter, idempotencyKey)
                .query((rs, n) -> new SubmissionKey(rs.getString("request_hash"), rs.getString("reference")))
                .optional();
    }

    /** Removes a key without a reference that nobody holds (its submission was refused or failed). */
    void releaseSubmission(String submitter, String idempotencyKey) {
        ownTransaction.executeWithoutResult(status -> lockSubmission(submitter, idempotencyKey)
                .filter(key -> key.reference() == null)
                .ifPresent(
                        key -> jdbc.sql("delete from feedback_submission where submitter = ? and idempotency_key = ?")
                                .params(submitter, idempotencyKey)
                                .update()));
    }

    /** Records the submission made under a locked key: its reference and the request it answers. */
    void completeSubmission(String submitter, String idempotencyKey, String hash, String reference) {
        jdbc.sql("update feedback_submission set reference = ?, request_hash = ?, created_at = ? where submitter = ? "
                        + "and idempotency_key = ?")
                .params(reference, hash, timestamp(clock.instant()), submitter, idempotencyKey)
                .update();
    }

    void clarificationDue(String reference, Instant due) {
        jdbc.sql("update feedback set clarification_due = ? where reference = ?")
                .params(timestamp(due), reference)
                .update();
    }

    /** How the item ended up: its disposition, or how it was closed without one; null while undecided. */
    private static String outcome(Feedback f) {
        if (f.disposition() != null) {
            return f.disposition().name();
        }
        return switch (f.status()) {
            case DUPLICATE, OUT_OF_SCOPE, UNANSWERED -> f.status().name();
            default -> null;
        };
    }

    private String month(Instant at) {
        return at == null ? null : YearMonth.from(at.atZone(clock.getZone())).toString();
    }

    Optional<Feedback> find(String reference) {
        return jdbc.sql("select " + COLUMNS + " from feedback where reference = ?")
                .param(reference)
                .query(FeedbackRepository::map)
                .optional();
    }

    String referenceOfProcess(String processInstanceId) {
        return jdbc.sql("select reference from feedback where process_instance_id = ?")
                .param(processInstanceId)
                .query(String.class)
                .single();
    }

    List<Feedback> waitingForRevision(String guidanceId) {
        return jdbc.sql("select " + COLUMNS + " from feedback where guidance_id = ? and status in (?, ?) "
                        + "order by submitted_at, reference")
                .params(
                        guidanceId,
                        FeedbackStatus.ACCEPTED_AWAITING_REVISION.name(),
                        FeedbackStatus.HELD_FOR_NEXT_REVISION.name())
                .query(FeedbackRepository::map)
                .list();
    }

    void addEvent(String reference, FeedbackEvent event) {
        jdbc.sql("insert into feedback_event (reference, occurred_at, stage, action, actor, detail) "
                        + "values (?, ?, ?, ?, ?, ?)")
                .params(
                        reference,
                        timestamp(event.occurredAt()),
                        event.stage().name(),
                        event.action().name(),
                        event.actor(),
                        event.detail())
                .update();
    }

    /** Replaces any earlier review of the item: a later triage decides afresh. */
    void savePublication(String reference, Publication p) {
        jdbc.sql("delete from feedback_publication where reference = ?")
                .param(reference)
                .update();
        jdbc.sql(
                        "insert into feedback_publication (reference, decision, public_text, ground, reviewed_by, reviewed_at) "
                                + "values (?, ?, ?, ?, ?, ?)")
                .params(
                        reference,
                        p.decision().name(),
                        p.publicText(),
                        p.ground(),
                        p.reviewedBy(),
                        timestamp(p.reviewedAt()))
                .update();
    }

    Optional<Publication> publication(String reference) {
        return jdbc.sql("select decision, public_text, ground, reviewed_by, reviewed_at from feedback_publication "
                        + "where reference = ?")
                .param(reference)
                .query((rs, n) -> new Publication(
                        Publication.Decision.valueOf(rs.getString("decision")),
                        rs.getString("public_text"),
                        rs.getString("ground"),
                        rs.getString("reviewed_by"),
                        instant(rs, "reviewed_at")))
                .optional();
    }

    List<FeedbackEvent> events(String reference) {
        return jdbc.sql("select occurred_at, stage, action, actor, detail from feedback_event "
                        + "where reference = ? order by occurred_at, id")
                .param(reference)
                .query((rs, n) -> new FeedbackEvent(
                        instant(rs, "occurred_at"),
                        FeedbackStatus.valueOf(rs.getString("stage")),
                        FeedbackEvent.Action.valueOf(rs.getString("action")),
                        rs.getString("actor"),
                        rs.getString("detail")))
                .list();
    }

    private static Feedback map(ResultSet rs, int row) throws SQLException {
        return new Feedback(
                rs.getString("reference"),
                rs.getString("guidance_id"),
                rs.getString("guidance_version"),
                rs.getString("section_id"),
                FeedbackType.valueOf(rs.getString("feedback_type")),
                rs.getString("description"),
                rs.getString("submitter"),
                rs.getString("submitter_organisation"),
                FeedbackStatus.valueOf(rs.getString("status")),
                rs.getString("expert_group"),
                enumOrNull(Priority.class, rs.getString("priority")),
                rs.getString("duplicate_of"),
                rs.getBoolean("contains_personal_data"),
                enumOrNull(Disposition.class, rs.getString("disposition")),
                rs.getString("disposition_reason"),
                instant(rs, "review_due"),
                rs.getString("process_instance_id"),
                instant(rs, "submitted_at"),
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
