package se.esam.lifecycle.follow;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import se.esam.lifecycle.feedback.FeedbackStatus;

/**
 * What happened in a window, for everyone at once: a fixed number of statements per run, grouped per person in
 * memory ({@link Digest}). Reads the tables of guidance, revision and feedback as the reports do; only what is
 * public (published versions and dispositions, consultations) and each organisation's own open items.
 */
@Repository
class DigestNews {

    /** A published version and the sections it added, changed or removed against the version it revised. */
    record NewVersion(
            String guidanceId,
            String title,
            String number,
            String previous,
            Instant publishedAt,
            Set<String> changed) {}

    record Consultation(long revisionId, String guidanceId, String title, Instant openedAt, Instant endsAt) {}

    /** A disposition as the version published it: the public summary and reason, never the unreviewed text. */
    record PublishedDisposition(
            String guidanceId,
            String title,
            String version,
            String reference,
            String disposition,
            String traceSection,
            String reason) {}

    record OpenItem(
            String reference, String organisation, String guidanceTitle, FeedbackStatus status, Instant statusSince) {}

    record News(
            List<NewVersion> versions,
            List<Consultation> consultations,
            List<PublishedDisposition> dispositions,
            List<OpenItem> openItems) {}

    // RevisionEvent.Action.CONSULTATION_OPENED: the revision module's audit action, stored by name
    private static final String CONSULTATION_OPENED = "CONSULTATION_OPENED";

    private final JdbcClient jdbc;

    DigestNews(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Everything in {@code (from, to]}, five statements. */
    News between(Instant from, Instant to) {
        return new News(versions(from, to), consultations(from, to), dispositions(from, to), openItems());
    }

    private List<NewVersion> versions(Instant from, Instant to) {
        record Row(String guidanceId, String title, String number, String previous, Instant publishedAt) {}
        List<Row> rows = jdbc.sql("""
                select v.document_id, d.title, v.version_number, r.base_version, r.published_at
                  from guidance_version v
                  join revision r on r.id = v.revision_id
                  join guidance_document d on d.id = v.document_id
                 where r.published_at > ? and r.published_at <= ?
                 order by r.published_at, v.document_id
                """)
                .params(Timestamp.from(from), Timestamp.from(to))
                .query((rs, n) -> new Row(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getTimestamp(5).toInstant()))
                .list();
        if (rows.isEmpty()) {
            return List.of();
        }
        // the sections of every new version and of the version each revised, in one statement
        record Section(String guidanceId, String version, String id, String title, String body) {}
        List<Section> sections = jdbc.sql("""
                select s.document_id, s.version_number, s.section_id, s.title, s.body
                  from guidance_section s
                  join guidance_version v on v.document_id = s.document_id
                  join revision r on r.id = v.revision_id
                 where r.published_at > ? and r.published_at <= ?
                   and (s.version_number = v.version_number or s.version_number = r.base_version)
                """)
                .params(Timestamp.from(from), Timestamp.from(to))
                .query((rs, n) -> new Section(
                        rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)))
                .list();
        Map<String, Map<String, Section>> byVersion = new HashMap<>();
        for (Section section : sections) {
            byVersion
                    .computeIfAbsent(section.guidanceId() + "\u0000" + section.version(), k -> new HashMap<>())
                    .put(section.id(), section);
        }
        return rows.stream()
                .map(row -> {
                    Map<String, Section> now =
                            byVersion.getOrDefault(row.guidanceId() + "\u0000" + row.number(), Map.of());
                    Map<String, Section> before =
                            byVersion.getOrDefault(row.guidanceId() + "\u0000" + row.previous(), Map.of());
                    Set<String> changed = new LinkedHashSet<>();
                    now.values().stream()
                            .filter(s -> {
                                Section old = before.get(s.id());
                                return old == null
                                        || !Objects.equals(old.title(), s.title())
                                        || !Objects.equals(old.body(), s.body());
                            })
                            .map(Section::id)
                            .sorted()
                            .forEach(changed::add);
                    before.keySet().stream()
                            .filter(id -> !now.containsKey(id))
                            .sorted()
                            .forEach(changed::add);
                    return new NewVersion(
                            row.guidanceId(), row.title(), row.number(), row.previous(), row.publishedAt(), changed);
                })
                .toList();
    }

    private List<Consultation> consultations(Instant from, Instant to) {
        return jdbc.sql("""
                select r.id, r.guidance_id, d.title, e.occurred_at, r.consultation_ends
                  from revision_event e
                  join revision r on r.id = e.revision_id
                  join guidance_document d on d.id = r.guidance_id
                 where e.action = ? and e.occurred_at > ? and e.occurred_at <= ?
                 order by e.occurred_at
                """)
                .params(CONSULTATION_OPENED, Timestamp.from(from), Timestamp.from(to))
                .query((rs, n) -> {
                    Timestamp ends = rs.getTimestamp(5);
                    return new Consultation(
                            rs.getLong(1),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getTimestamp(4).toInstant(),
                            ends == null ? null : ends.toInstant());
                })
                .list();
    }

    private List<PublishedDisposition> dispositions(Instant from, Instant to) {
        return jdbc.sql("""
                select p.document_id, d.title, p.version_number, p.feedback_reference, p.disposition,
                       p.trace_section, p.reason
                  from published_disposition p
                  join guidance_version v on v.document_id = p.document_id and v.version_number = p.version_number
                  join revision r on r.id = v.revision_id
                  join guidance_document d on d.id = p.document_id
                 where r.published_at > ? and r.published_at <= ?
                 order by p.document_id, p.feedback_reference
                """)
                .params(Timestamp.from(from), Timestamp.from(to))
                .query((rs, n) -> new PublishedDisposition(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7)))
                .list();
    }

    /** Every open item, with its organisation: each person's digest takes only its own organisation's. */
    private List<OpenItem> openItems() {
        List<String> open = java.util.Arrays.stream(FeedbackStatus.values())
                .filter(status -> !status.closed())
                .map(Enum::name)
                .toList();
        return jdbc.sql("""
                select f.reference, f.submitter_organisation, d.title, f.status, coalesce(f.status_since, f.submitted_at)
                  from feedback f
                  join guidance_document d on d.id = f.guidance_id
                 where f.status in (:open)
                 order by f.reference
                """)
                .param("open", open)
                .query((rs, n) -> new OpenItem(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        FeedbackStatus.valueOf(rs.getString(4)),
                        rs.getTimestamp(5).toInstant()))
                .list();
    }
}
