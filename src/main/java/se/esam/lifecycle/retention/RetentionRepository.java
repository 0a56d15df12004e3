package se.esam.lifecycle.retention;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import se.esam.lifecycle.retention.RecordType.DisposalAction;

/**
 * The disposal SQL of every record type, in one place. It reads and changes the feedback, revision and mail
 * tables directly instead of through an API of each module: disposal is one rule applied across them, a
 * legal hold has to stop it in all of them at once, and three modules exposing delete methods for a fourth
 * would spread the rule and put a dependency on retention into each. The tables' shape is fixed by their
 * migrations; RetentionIT runs every statement against them on PostgreSQL.
 */
@Repository
class RetentionRepository {

    /** What replaces a person's name or user id. */
    static final String ERASED = "[raderad]";
    /** What replaces disposed free text. */
    static final String DISPOSED = "[gallrad]";

    /** FeedbackStatus.closed(): the statuses with an outcome (RetentionRulesTest holds the two together). */
    static final List<String> CLOSED_FEEDBACK =
            List.of("ANSWERED_IN_VERSION", "REJECTED", "DUPLICATE", "OUT_OF_SCOPE", "UNANSWERED");

    private static final String CLOSED = "f.status in ("
            + CLOSED_FEEDBACK.stream().map(status -> "'" + status + "'").collect(Collectors.joining(", ")) + ")";
    private static final String FEEDBACK_NOT_HELD = "f.reference not in (select case_reference from legal_hold)";
    private static final String REVISION_LABEL = "('REV-' || cast(r.id as varchar(20)))";
    private static final String REVISION_NOT_HELD = REVISION_LABEL + " not in (select case_reference from legal_hold)";
    /** The engine's process instances of held cases: their mail and their history stay. */
    private static final String HELD_PROCESSES = "select f.process_instance_id from feedback f "
            + "where f.process_instance_id is not null and f.reference in (select case_reference from legal_hold) "
            + "union select r.process_instance_id from revision r where r.process_instance_id is not null and "
            + REVISION_LABEL + " in (select case_reference from legal_hold)";
    /** Feedback events that belong to a clarification; the other events are the audit trail. */
    private static final String CLARIFICATION_EVENT = "e.action in ('CLARIFICATION_REQUESTED', 'CLARIFIED')";

    private final JdbcClient jdbc;

    RetentionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // --- disposal

    /** Disposes of what has passed its time and is not held; returns how many records. */
    int dispose(RecordType type, DisposalAction action, Instant cutoff) {
        Timestamp before = Timestamp.from(cutoff);
        return switch (type) {
            case FEEDBACK -> disposeFeedback(before);
            case CLARIFICATION -> disposeFeedbackEvents(action, before, CLARIFICATION_EVENT, true);
            case AUDIT_EVENT ->
                disposeFeedbackEvents(action, before, "not " + CLARIFICATION_EVENT, false)
                        + disposeRevisionEvents(action, before);
            case CONSULTATION_RESPONSE -> disposeConsultationResponses(action, before);
            case MAIL ->
                jdbc.sql("delete from mail_outbox where created_at < :before "
                                + "and (sent_at is not null or failed_at is not null) "
                                + "and (process_instance_id is null or process_instance_id not in (" + HELD_PROCESSES
                                + "))")
                        .param("before", before)
                        .update();
            case REVISION_DRAFT ->
                jdbc.sql("delete from revision_section where revision_id in (select r.id from "
                                + "revision r where r.status = 'PUBLISHED' and r.published_at < :before and "
                                + REVISION_NOT_HELD + ")")
                        .param("before", before)
                        .update();
            case ENGINE_HISTORY -> throw new IllegalArgumentException("the engine's history is disposed by the engine");
        };
    }

    private int disposeFeedback(Timestamp before) {
        String due = "select f.reference from feedback f where " + CLOSED + " and f.status_since < :before and "
                + FEEDBACK_NOT_HELD + " and f.description <> '" + DISPOSED + "'";
        // the idempotency keys name the submitter too and serve no purpose once the item is closed
        jdbc.sql("delete from feedback_submission where reference in (" + due + ")")
                .param("before", before)
                .update();
        // an endorsement belongs to the item's record: its comment and the person behind it go with the item's text
        jdbc.sql("update feedback_endorsement set comment = null, endorsed_by = :erased where reference in (" + due
                        + ")")
                .param("erased", ERASED)
                .param("before", before)
                .update();
        return jdbc.sql("update feedback set description = :disposed, submitter = :erased where reference in (" + due
                        + ")")
                .param("disposed", DISPOSED)
                .param("erased", ERASED)
                .param("before", before)
                .update();
    }

    private int disposeFeedbackEvents(DisposalAction action, Timestamp before, String which, boolean clarification) {
        String due = "select e.id from feedback_event e join feedback f on f.reference = e.reference where " + which
                + " and " + CLOSED + " and f.status_since < :before and " + FEEDBACK_NOT_HELD;
        if (action == DisposalAction.DELETE) {
            return jdbc.sql("delete from feedback_event where id in (" + due + ")")
                    .param("before", before)
                    .update();
        }
        if (clarification) {
            // the question and the answer go, and who asked and answered; that there was a clarification stays
            return jdbc.sql("update feedback_event set detail = :disposed, actor = :erased where id in (" + due
                            + ") and (detail is null or detail <> :disposed)")
                    .param("disposed", DISPOSED)
                    .param("erased", ERASED)
                    .param("before", before)
                    .update();
        }
        return jdbc.sql("update feedback_event set actor = :erased where id in (" + due
                        + ") and actor is not null and actor <> :erased")
                .param("erased", ERASED)
                .param("before", before)
                .update();
    }

    private int disposeRevisionEvents(DisposalAction action, Timestamp before) {
        String due = "select e.id from revision_event e join revision r on r.id = e.revision_id where "
                + "r.status = 'PUBLISHED' and r.published_at < :before and " + REVISION_NOT_HELD;
        if (action == DisposalAction.DELETE) {
            return jdbc.sql("delete from revision_event where id in (" + due + ")")
                    .param("before", before)
                    .update();
        }
        return jdbc.sql("update revision_event set actor = :erased where id in (" + due
                        + ") and actor is not null and actor <> :erased")
                .param("erased", ERASED)
                .param("before", before)
                .update();
    }

    private int disposeConsultationResponses(DisposalAction action, Timestamp before) {
        String due = "select c.id from consultation_response c join revision r on r.id = c.revision_id where "
                + "r.status = 'PUBLISHED' and r.published_at < :before and " + REVISION_NOT_HELD;
        if (action == DisposalAction.DELETE) {
            return jdbc.sql("delete from consultation_response where id in (" + due + ")")
                    .param("before", before)
                    .update();
        }
        // the organisation's statement stays; the person who wrote it for the organisation does not
        return jdbc.sql("update consultation_response set author = :erased where id in (" + due
                        + ") and author <> :erased")
                .param("erased", ERASED)
                .param("before", before)
                .update();
    }

    /** Process instance ids of held cases: the engine's history of these stays. */
    List<String> heldProcessInstances() {
        return jdbc.sql(HELD_PROCESSES).query(String.class).list();
    }

    // --- the run's bookkeeping

    /** Locks the schedule's row for this transaction: one disposal run at a time across the cluster. */
    void lockRuns() {
        jdbc.sql("select id from retention_schedule where id = 1 for update")
                .query(Integer.class)
                .single();
    }

    /** True for the one node that claims tonight's run; false for every other, and for a second try. */
    boolean claimNightly(LocalDate day) {
        return jdbc.sql("update retention_schedule set last_nightly = :day where id = 1 and "
                                + "(last_nightly is null or last_nightly < :day)")
                        .param("day", day)
                        .update()
                == 1;
    }

    record LogEntry(
            String runId,
            String recordType,
            String action,
            String decision,
            int disposedCount,
            Instant cutoff,
            Instant runAt,
            String runBy) {}

    void log(LogEntry entry) {
        jdbc.sql("insert into disposal_log (run_id, record_type, action, decision, disposed_count, cutoff, run_at, "
                        + "run_by) values (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        entry.runId(),
                        entry.recordType(),
                        entry.action(),
                        entry.decision(),
                        entry.disposedCount(),
                        Timestamp.from(entry.cutoff()),
                        Timestamp.from(entry.runAt()),
                        entry.runBy())
                .update();
    }

    List<LogEntry> log(int limit) {
        return jdbc
                .sql("select * from disposal_log order by run_at desc, id desc")
                .query((rs, n) -> new LogEntry(
                        rs.getString("run_id"),
                        rs.getString("record_type"),
                        rs.getString("action"),
                        rs.getString("decision"),
                        rs.getInt("disposed_count"),
                        rs.getTimestamp("cutoff").toInstant(),
                        rs.getTimestamp("run_at").toInstant(),
                        rs.getString("run_by")))
                .list()
                .stream()
                .limit(limit)
                .toList();
    }

    void audit(Instant at, String action, String actor, String subject, String detail) {
        jdbc.sql("insert into retention_audit (occurred_at, action, actor, subject, detail) values (?, ?, ?, ?, ?)")
                .params(Timestamp.from(at), action, actor, subject, detail)
                .update();
    }

    // --- legal holds

    boolean caseExists(String reference) {
        if (reference.startsWith("FB-")) {
            return jdbc.sql("select count(*) from feedback where reference = ?")
                            .param(reference)
                            .query(Long.class)
                            .single()
                    > 0;
        }
        return jdbc.sql("select count(*) from revision r where " + REVISION_LABEL + " = ?")
                        .param(reference)
                        .query(Long.class)
                        .single()
                > 0;
    }

    record Hold(String caseReference, String reason, String placedBy, Instant placedAt) {}

    Optional<Hold> hold(String reference) {
        return jdbc.sql("select * from legal_hold where case_reference = ?")
                .param(reference)
                .query((rs, n) -> new Hold(
                        rs.getString("case_reference"),
                        rs.getString("reason"),
                        rs.getString("placed_by"),
                        rs.getTimestamp("placed_at").toInstant()))
                .optional();
    }

    List<Hold> holds() {
        return jdbc.sql("select * from legal_hold order by placed_at, case_reference")
                .query((rs, n) -> new Hold(
                        rs.getString("case_reference"),
                        rs.getString("reason"),
                        rs.getString("placed_by"),
                        rs.getTimestamp("placed_at").toInstant()))
                .list();
    }

    void placeHold(Hold hold) {
        jdbc.sql("insert into legal_hold (case_reference, reason, placed_by, placed_at) values (?, ?, ?, ?)")
                .params(hold.caseReference(), hold.reason(), hold.placedBy(), Timestamp.from(hold.placedAt()))
                .update();
    }

    boolean liftHold(String reference) {
        return jdbc.sql("delete from legal_hold where case_reference = ?")
                        .param(reference)
                        .update()
                == 1;
    }

    // --- a person's data

    List<Map<String, Object>> feedbackOf(String userId) {
        return jdbc.sql("select reference, guidance_id, guidance_version, section_id, feedback_type, description, "
                        + "submitter_organisation, status, submitted_at from feedback where submitter = ? "
                        + "order by submitted_at, reference")
                .param(userId)
                .query()
                .listOfRows();
    }

    List<Map<String, Object>> endorsementsBy(String userId) {
        return jdbc.sql("select reference, organisation, comment, source, created_at from feedback_endorsement "
                        + "where endorsed_by = ? order by created_at, id")
                .param(userId)
                .query()
                .listOfRows();
    }

    List<Map<String, Object>> followsOf(String userId) {
        return jdbc.sql("select guidance_id, section_id, created_at from follow where person_id = ? "
                        + "order by created_at, id")
                .param(userId)
                .query()
                .listOfRows();
    }

    List<Map<String, Object>> digestSettingsOf(String userId) {
        List<Map<String, Object>> settings = new java.util.ArrayList<>(
                jdbc.sql("select 'preference' as kind, frequency, updated_at as at from digest_preference "
                                + "where person_id = ?")
                        .param(userId)
                        .query()
                        .listOfRows());
        settings.addAll(jdbc.sql("select 'digest sent' as kind, frequency, sent_at as at, period_key from digest_sent "
                        + "where person_id = ? order by sent_at")
                .param(userId)
                .query()
                .listOfRows());
        return settings;
    }

    /**
     * A person's follows, digest setting and the log of digests sent are the person's own settings, no record
     * of a case: nothing requires keeping them once the person asks for erasure.
     */
    int eraseFollowsAndDigestsOf(String userId) {
        return jdbc.sql("delete from follow where person_id = ?").param(userId).update()
                + jdbc.sql("delete from digest_preference where person_id = ?")
                        .param(userId)
                        .update()
                + jdbc.sql("delete from digest_sent where person_id = ?")
                        .param(userId)
                        .update();
    }

    List<Map<String, Object>> clarificationAnswersOf(String userId) {
        return jdbc.sql("select reference, occurred_at, detail from feedback_event where actor = ? and "
                        + "action = 'CLARIFIED' order by occurred_at, id")
                .param(userId)
                .query()
                .listOfRows();
    }

    List<Map<String, Object>> consultationResponsesOf(String userId) {
        return jdbc.sql("select " + "('REV-' || cast(revision_id as varchar(20))) as revision, organisation, response, "
                        + "submitted_at from consultation_response where author = ? order by submitted_at, id")
                .param(userId)
                .query()
                .listOfRows();
    }

    List<Map<String, Object>> mailsTo(String email) {
        return jdbc
                .sql("select id, recipients, subject, body, created_at, sent_at from mail_outbox where "
                        + "lower(recipients) like :pattern order by created_at, id")
                .param("pattern", "%" + likeEscaped(email.toLowerCase(java.util.Locale.ROOT)) + "%")
                .query()
                .listOfRows()
                .stream()
                .filter(mail -> namesRecipient((String) mail.get("recipients"), email))
                .toList();
    }

    List<Map<String, Object>> auditEventsNaming(String userId) {
        List<Map<String, Object>> events = new java.util.ArrayList<>(
                jdbc.sql("select reference as case_reference, occurred_at, stage, action, detail from feedback_event "
                                + "where actor = ? and action <> 'CLARIFIED' order by occurred_at, id")
                        .param(userId)
                        .query()
                        .listOfRows());
        events.addAll(jdbc.sql("select ('REV-' || cast(revision_id as varchar(20))) as case_reference, occurred_at, "
                        + "stage, action, detail from revision_event where actor = ? order by occurred_at, id")
                .param(userId)
                .query()
                .listOfRows());
        events.addAll(jdbc.sql("select subject as case_reference, occurred_at, action, detail from retention_audit "
                        + "where actor = ? or subject = ? order by occurred_at, id")
                .param(userId)
                .param(userId)
                .query()
                .listOfRows());
        return events;
    }

    /** Mails to the person that were sent or given up on, outside held cases: erasable under the mail rule. */
    int eraseMailsTo(String email) {
        List<Long> ids = jdbc
                .sql("select id, recipients from mail_outbox where lower(recipients) like :pattern "
                        + "and (sent_at is not null or failed_at is not null) and (process_instance_id is null or "
                        + "process_instance_id not in (" + HELD_PROCESSES + "))")
                .param("pattern", "%" + likeEscaped(email.toLowerCase(java.util.Locale.ROOT)) + "%")
                .query((rs, n) -> namesRecipient(rs.getString("recipients"), email) ? rs.getLong("id") : null)
                .list()
                .stream()
                .filter(java.util.Objects::nonNull)
                .toList();
        for (long id : ids) {
            jdbc.sql("delete from mail_outbox where id = ?").param(id).update();
        }
        return ids.size();
    }

    /** The engine's process instances of the person's closed feedback outside held cases. */
    List<String> closedProcessesOf(String userId) {
        return jdbc.sql("select f.process_instance_id from feedback f where f.submitter = ? and " + CLOSED + " and "
                        + FEEDBACK_NOT_HELD + " and f.process_instance_id is not null")
                .param(userId)
                .query(String.class)
                .list();
    }

    /** The cases (references) of the person's records that a hold keeps. */
    List<String> heldCasesOf(String userId) {
        return jdbc.sql("select f.reference from feedback f where f.submitter = ? and f.reference in (select "
                        + "case_reference from legal_hold) union select " + REVISION_LABEL + " from revision r "
                        + "join consultation_response c on c.revision_id = r.id where c.author = ? and "
                        + REVISION_LABEL + " in (select case_reference from legal_hold)")
                .param(userId)
                .param(userId)
                .query(String.class)
                .list();
    }

    private static boolean namesRecipient(String recipients, String email) {
        if (recipients == null) {
            return false;
        }
        for (String recipient : recipients.split("[,;]")) {
            String address = recipient.strip();
            int open = address.lastIndexOf('<');
            if (open >= 0 && address.endsWith(">")) {
                address = address.substring(open + 1, address.length() - 1);
            }
            if (address.equalsIgnoreCase(email)) {
                return true;
            }
        }
        return false;
    }

    private static String likeEscaped(String value) {
        // an e-mail address has no % and _ in practice; a stray one only widens the search, which the exact
        // check of each recipient narrows again
        return value;
    }
}
