package se.esam.lifecycle.revision;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A revision as a record for the archive, and which published revision answered a feedback item. Read only. */
@Component
public class RevisionRecords {

    public record Record(
            String label,
            String guidanceId,
            String baseVersion,
            String status,
            String statusLabel,
            boolean published,
            String changeClass,
            String changeNotes,
            String newVersion,
            List<String> draftedBy,
            String approvedBy,
            String processInstanceId,
            Instant consultationEnds,
            Instant openedAt,
            Instant publishedAt,
            List<Section> sections,
            List<Item> items,
            List<ConsultationResponse> consultationResponses,
            List<Event> events) {}

    public record Section(String sectionId, String title, String body) {}

    public record Item(String feedbackReference, String trace, String traceSection, String traceReason) {}

    public record ConsultationResponse(String organisation, String author, String response, Instant submittedAt) {}

    public record Event(Instant occurredAt, String stage, String action, String actor, String detail) {}

    /** The published revision whose version answers a feedback item, and how. */
    public record Answer(
            String revision,
            String guidanceId,
            String version,
            Instant publishedAt,
            String trace,
            String traceSection,
            String traceReason) {}

    private static final Pattern LABEL = Pattern.compile("REV-[1-9][0-9]{0,17}");

    private final RevisionRepository revisions;
    private final JdbcClient jdbc;

    RevisionRecords(RevisionRepository revisions, JdbcClient jdbc) {
        this.revisions = revisions;
        this.jdbc = jdbc;
    }

    /** @param label as people name a revision, {@code REV-12} */
    public Optional<Record> find(String label) {
        if (!LABEL.matcher(label).matches()) {
            return Optional.empty();
        }
        return revisions.find(Revision.idOf(label)).map(this::record);
    }

    /** Revisions published in [from, to), oldest first. */
    public List<String> publishedBetween(Instant from, Instant to) {
        return jdbc
                .sql("select id from revision where status = 'PUBLISHED' and published_at >= ? and published_at < ? "
                        + "order by published_at, id")
                .params(Timestamp.from(from), Timestamp.from(to))
                .query(Long.class)
                .list()
                .stream()
                .map(Revision::label)
                .toList();
    }

    public Optional<Answer> answerTo(String feedbackReference) {
        return jdbc
                .sql("""
                        select r.id, r.guidance_id, r.new_version, r.published_at, i.trace, i.trace_section,
                               i.trace_reason
                          from revision_item i join revision r on r.id = i.revision_id
                         where i.feedback_reference = ? and r.status = 'PUBLISHED'
                         order by r.published_at desc""")
                .param(feedbackReference)
                .query((rs, n) -> new Answer(
                        Revision.label(rs.getLong(1)),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getTimestamp(4).toInstant(),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7)))
                .list()
                .stream()
                .findFirst();
    }

    private Record record(Revision r) {
        return new Record(
                r.label(),
                r.guidanceId(),
                r.baseVersion(),
                r.status().name(),
                r.status().label(),
                r.status() == RevisionStatus.PUBLISHED,
                r.changeClass() == null ? null : r.changeClass().name(),
                r.changeNotes(),
                r.newVersion(),
                r.draftedBy(),
                r.approvedBy(),
                r.processInstanceId(),
                r.consultationEnds(),
                r.openedAt(),
                r.publishedAt(),
                revisions.sections(r.id()).stream()
                        .map(s -> new Section(s.sectionId(), s.title(), s.body()))
                        .toList(),
                revisions.items(r.id()).stream()
                        .map(i -> new Item(
                                i.reference(),
                                i.trace() == null ? null : i.trace().name(),
                                i.traceSection(),
                                i.traceReason()))
                        .toList(),
                revisions.responses(r.id()).stream()
                        .map(c -> new ConsultationResponse(c.organisation(), c.author(), c.response(), c.submittedAt()))
                        .toList(),
                revisions.events(r.id()).stream()
                        .map(e -> new Event(
                                e.occurredAt(), e.stage().name(), e.action().name(), e.actor(), e.detail()))
                        .toList());
    }
}
