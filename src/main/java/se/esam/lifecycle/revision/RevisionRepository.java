package se.esam.lifecycle.revision;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class RevisionRepository {

    private static final String COLUMNS = "id, guidance_id, base_version, status, change_class, change_notes, "
            + "new_version, drafted_by, approved_by, process_instance_id, consultation_ends, opened_at, published_at";

    private final JdbcClient jdbc;

    RevisionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(String guidanceId, String baseVersion, String processInstanceId, Instant openedAt) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into revision (guidance_id, base_version, open_for_guidance, status, process_instance_id, "
                        + "opened_at) values (?, ?, ?, ?, ?, ?)")
                .params(
                        guidanceId,
                        baseVersion,
                        guidanceId,
                        RevisionStatus.DRAFTING.name(),
                        processInstanceId,
                        Timestamp.from(openedAt))
                .update(key, "id");
        return key.getKey().longValue();
    }

    Optional<Revision> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from revision where id = ?")
                .param(id)
                .query(RevisionRepository::map)
                .optional();
    }

    Optional<Revision> openFor(String guidanceId) {
        return jdbc.sql("select " + COLUMNS + " from revision where open_for_guidance = ?")
                .param(guidanceId)
                .query(RevisionRepository::map)
                .optional();
    }

    List<Revision> open() {
        return jdbc.sql("select " + COLUMNS + " from revision where open_for_guidance is not null order by id")
                .query(RevisionRepository::map)
                .list();
    }

    void status(long id, RevisionStatus status) {
        jdbc.sql("update revision set status = ? where id = ?")
                .params(status.name(), id)
                .update();
    }

    void draft(long id, ChangeClass changeClass, String changeNotes, List<String> draftedBy) {
        jdbc.sql("update revision set change_class = ?, change_notes = ?, drafted_by = ? where id = ?")
                .params(changeClass.name(), changeNotes, String.join(",", draftedBy), id)
                .update();
    }

    void newVersion(long id, String version) {
        jdbc.sql("update revision set new_version = ? where id = ?")
                .params(version, id)
                .update();
    }

    void consultation(long id, Instant ends) {
        jdbc.sql("update revision set status = ?, consultation_ends = ? where id = ?")
                .params(RevisionStatus.IN_CONSULTATION.name(), Timestamp.from(ends), id)
                .update();
    }

    void approved(long id, String approver) {
        jdbc.sql("update revision set approved_by = ? where id = ?")
                .params(approver, id)
                .update();
    }

    void published(long id, Instant at) {
        jdbc.sql("update revision set status = ?, open_for_guidance = null, published_at = ? where id = ?")
                .params(RevisionStatus.PUBLISHED.name(), Timestamp.from(at), id)
                .update();
    }

    void addItem(long id, String reference, Instant at) {
        jdbc.sql("insert into revision_item (revision_id, feedback_reference, joined_at) values (?, ?, ?)")
                .params(id, reference, Timestamp.from(at))
                .update();
    }

    boolean hasItem(long id, String reference) {
        return jdbc.sql("select count(*) from revision_item where revision_id = ? and feedback_reference = ?")
                        .params(id, reference)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    void trace(long id, Revision.Item item) {
        jdbc.sql("update revision_item set trace = ?, trace_section = ?, trace_reason = ? "
                        + "where revision_id = ? and feedback_reference = ?")
                .params(
                        item.trace() == null ? null : item.trace().name(),
                        item.traceSection(),
                        item.traceReason(),
                        id,
                        item.reference())
                .update();
    }

    List<Revision.Item> items(long id) {
        return jdbc.sql("select feedback_reference, trace, trace_section, trace_reason from revision_item "
                        + "where revision_id = ? order by joined_at, feedback_reference")
                .param(id)
                .query((rs, n) -> new Revision.Item(
                        rs.getString(1),
                        rs.getString(2) == null ? null : Revision.Trace.valueOf(rs.getString(2)),
                        rs.getString(3),
                        rs.getString(4)))
                .list();
    }

    void replaceSections(long id, List<Revision.Section> sections) {
        jdbc.sql("delete from revision_section where revision_id = ?").param(id).update();
        int position = 0;
        for (Revision.Section section : sections) {
            jdbc.sql(
                            "insert into revision_section (revision_id, section_id, title, body, position) values (?, ?, ?, ?, ?)")
                    .params(id, section.sectionId(), section.title(), section.body(), position++)
                    .update();
        }
    }

    List<Revision.Section> sections(long id) {
        return jdbc.sql("select section_id, title, body from revision_section where revision_id = ? order by position")
                .param(id)
                .query((rs, n) -> new Revision.Section(rs.getString(1), rs.getString(2), rs.getString(3)))
                .list();
    }

    void addEvent(long id, RevisionEvent event) {
        jdbc.sql("insert into revision_event (revision_id, occurred_at, stage, action, actor, detail) "
                        + "values (?, ?, ?, ?, ?, ?)")
                .params(
                        id,
                        Timestamp.from(event.occurredAt()),
                        event.stage().name(),
                        event.action().name(),
                        event.actor(),
                        event.detail())
                .update();
    }

    List<RevisionEvent> events(long id) {
        return jdbc.sql("select occurred_at, stage, action, actor, detail from revision_event "
                        + "where revision_id = ? order by occurred_at, id")
                .param(id)
                .query((rs, n) -> new RevisionEvent(
                        instant(rs, "occurred_at"),
                        RevisionStatus.valueOf(rs.getString("stage")),
                        RevisionEvent.Action.valueOf(rs.getString("action")),
                        rs.getString("actor"),
                        rs.getString("detail")))
                .list();
    }

    void addResponse(long id, Revision.ConsultationResponse response) {
        jdbc.sql("insert into consultation_response (revision_id, organisation, author, response, submitted_at) "
                        + "values (?, ?, ?, ?, ?)")
                .params(
                        id,
                        response.organisation(),
                        response.author(),
                        response.response(),
                        Timestamp.from(response.submittedAt()))
                .update();
    }

    List<Revision.ConsultationResponse> responses(long id) {
        return jdbc.sql("select organisation, author, response, submitted_at from consultation_response "
                        + "where revision_id = ? order by submitted_at, id")
                .param(id)
                .query((rs, n) -> new Revision.ConsultationResponse(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getTimestamp(4).toInstant()))
                .list();
    }

    private static Revision map(ResultSet rs, int row) throws SQLException {
        String drafted = rs.getString("drafted_by");
        return new Revision(
                rs.getLong("id"),
                rs.getString("guidance_id"),
                rs.getString("base_version"),
                RevisionStatus.valueOf(rs.getString("status")),
                changeClass(rs.getString("change_class")),
                rs.getString("change_notes"),
                rs.getString("new_version"),
                drafted == null || drafted.isBlank() ? List.of() : Arrays.asList(drafted.split(",")),
                rs.getString("approved_by"),
                rs.getString("process_instance_id"),
                instant(rs, "consultation_ends"),
                instant(rs, "opened_at"),
                instant(rs, "published_at"));
    }

    private static ChangeClass changeClass(String stored) {
        return stored == null ? null : ChangeClass.valueOf(stored);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
