package se.esam.lifecycle.guidance;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What has been published, as anyone may read it: documents, their versions with sections and change
 * notes, and each version's disposition of comments. Read straight from the tables; nothing here writes.
 */
@Component
class PublishedGuidance {

    /** Newest first: by publication date, then by version number read as numbers (4.10 after 4.9). */
    static final Comparator<VersionSummary> NEWEST_FIRST = VersionNumbers.oldestFirst(
                    VersionSummary::publishedOn, VersionSummary::number)
            .reversed();

    private final JdbcClient jdbc;
    private final PublicLabels labels;

    PublishedGuidance(JdbcClient jdbc, PublicLabels labels) {
        this.jdbc = jdbc;
        this.labels = labels;
    }

    /** A document in the catalogue with its current (newest) version. */
    record DocumentSummary(
            String id,
            String title,
            String summary,
            String owningGroup,
            String owningGroupName,
            String currentVersion,
            LocalDate currentVersionPublishedOn) {}

    /** A document with all its published versions, newest first. */
    record Document(
            String id,
            String title,
            String summary,
            String owningGroup,
            String owningGroupName,
            List<VersionSummary> versions) {

        public Optional<VersionSummary> version(String number) {
            return versions.stream().filter(v -> v.number().equals(number)).findFirst();
        }

        public VersionSummary current() {
            return versions.get(0);
        }

        /** The version published before the given one, if any. */
        public Optional<VersionSummary> before(String number) {
            for (int i = 0; i < versions.size() - 1; i++) {
                if (versions.get(i).number().equals(number)) {
                    return Optional.of(versions.get(i + 1));
                }
            }
            return Optional.empty();
        }
    }

    /** @param withdrawnOn set when the version has been withdrawn (it stays readable) */
    record VersionSummary(
            String number, LocalDate publishedOn, String changeClass, String changeClassLabel, LocalDate withdrawnOn) {

        VersionSummary(String number, LocalDate publishedOn, String changeClass, String changeClassLabel) {
            this(number, publishedOn, changeClass, changeClassLabel, null);
        }
    }

    /**
     * What the periodic review says about a version: when its owning group last found it valid, when the next
     * review is due at the latest, or since when and why it is withdrawn. Each is absent until it happens.
     */
    record Review(LocalDate lastReviewedOn, LocalDate nextReviewDue, LocalDate withdrawnOn, String withdrawnReason) {

        static final Review NONE = new Review(null, null, null, null);

        public boolean withdrawn() {
            return withdrawnOn != null;
        }
    }

    /** One published version: its sections in order and its change notes. */
    record Version(
            String documentId,
            String documentTitle,
            String number,
            LocalDate publishedOn,
            String changeClass,
            String changeClassLabel,
            String changeNotes,
            List<Section> sections,
            Review review) {

        Version(
                String documentId,
                String documentTitle,
                String number,
                LocalDate publishedOn,
                String changeClass,
                String changeClassLabel,
                String changeNotes,
                List<Section> sections) {
            this(
                    documentId,
                    documentTitle,
                    number,
                    publishedOn,
                    changeClass,
                    changeClassLabel,
                    changeNotes,
                    sections,
                    Review.NONE);
        }

        public Optional<Section> section(String sectionId) {
            return sections.stream().filter(s -> s.id().equals(sectionId)).findFirst();
        }
    }

    record Section(String id, String title, String body) {

        /** The body split at blank lines, for rendering as paragraphs. */
        public List<String> paragraphs() {
            if (body == null || body.isBlank()) {
                return List.of();
            }
            return Arrays.stream(body.strip().split("\\R\\s*\\R"))
                    .map(String::strip)
                    .filter(p -> !p.isEmpty())
                    .toList();
        }
    }

    /** One feedback item in a version's disposition of comments: organisation, never the person. */
    record DispositionItem(
            String feedbackReference,
            String type,
            String typeLabel,
            String organisation,
            String summary,
            String disposition,
            String dispositionLabel,
            String trace,
            String traceSection,
            String traceLabel,
            String reason) {}

    /** A published version as the feed announces it. */
    record FeedEntry(
            String documentId,
            String documentTitle,
            String number,
            LocalDate publishedOn,
            String changeClass,
            String changeNotes,
            LocalDate withdrawnOn,
            String withdrawnReason) {}

    @Transactional(readOnly = true)
    List<DocumentSummary> catalogue() {
        record Row(String id, String title, String summary, String owningGroup, VersionSummary version) {}
        List<Row> rows = jdbc.sql("""
                select d.id, d.title, d.summary, d.owning_group, v.version_number, v.published_on, v.change_class
                  from guidance_document d
                  join guidance_version v on v.document_id = d.id
                 order by d.title, d.id
                """)
                .query((rs, n) -> new Row(
                        rs.getString("id"),
                        rs.getString("title"),
                        rs.getString("summary"),
                        rs.getString("owning_group"),
                        versionSummary(
                                rs.getString("version_number"),
                                rs.getObject("published_on", LocalDate.class),
                                rs.getString("change_class"))))
                .list();
        Map<String, Row> newest = new LinkedHashMap<>();
        for (Row row : rows) {
            newest.merge(
                    row.id(),
                    row,
                    (kept, candidate) ->
                            NEWEST_FIRST.compare(candidate.version(), kept.version()) < 0 ? candidate : kept);
        }
        return newest.values().stream()
                .map(row -> new DocumentSummary(
                        row.id(),
                        row.title(),
                        row.summary(),
                        row.owningGroup(),
                        PublicLabels.group(row.owningGroup()),
                        row.version().number(),
                        row.version().publishedOn()))
                .toList();
    }

    @Transactional(readOnly = true)
    Optional<Document> document(String id) {
        record Row(String title, String summary, String owningGroup) {}
        Optional<Row> document = jdbc.sql("select title, summary, owning_group from guidance_document where id = ?")
                .param(id)
                .query((rs, n) -> new Row(rs.getString("title"), rs.getString("summary"), rs.getString("owning_group")))
                .optional();
        if (document.isEmpty()) {
            return Optional.empty();
        }
        List<VersionSummary> versions = new ArrayList<>(jdbc.sql("""
                select version_number, published_on, change_class, withdrawn_on
                  from guidance_version
                 where document_id = ?
                """)
                .param(id)
                .query((rs, n) -> new VersionSummary(
                        rs.getString("version_number"),
                        rs.getObject("published_on", LocalDate.class),
                        rs.getString("change_class"),
                        labels.changeClass(rs.getString("change_class")),
                        rs.getObject("withdrawn_on", LocalDate.class)))
                .list());
        if (versions.isEmpty()) {
            return Optional.empty();
        }
        versions.sort(NEWEST_FIRST);
        Row row = document.get();
        return Optional.of(new Document(
                id,
                row.title(),
                row.summary(),
                row.owningGroup(),
                PublicLabels.group(row.owningGroup()),
                List.copyOf(versions)));
    }

    @Transactional(readOnly = true)
    Optional<Version> version(String documentId, String number) {
        record Row(String title, LocalDate publishedOn, String changeClass, String changeNotes, Review review) {}
        Optional<Row> version = jdbc.sql("""
                select d.title, v.published_on, v.change_class, v.change_notes, v.last_reviewed_on, v.review_due,
                       v.withdrawn_on, v.withdrawn_reason
                  from guidance_version v
                  join guidance_document d on d.id = v.document_id
                 where v.document_id = ? and v.version_number = ?
                """)
                .params(documentId, number)
                .query((rs, n) -> new Row(
                        rs.getString("title"),
                        rs.getObject("published_on", LocalDate.class),
                        rs.getString("change_class"),
                        rs.getString("change_notes"),
                        new Review(
                                rs.getObject("last_reviewed_on", LocalDate.class),
                                rs.getObject("review_due", LocalDate.class),
                                rs.getObject("withdrawn_on", LocalDate.class),
                                rs.getString("withdrawn_reason"))))
                .optional();
        if (version.isEmpty()) {
            return Optional.empty();
        }
        List<Section> sections = jdbc.sql("""
                select section_id, title, body
                  from guidance_section
                 where document_id = ? and version_number = ?
                 order by position, section_id
                """)
                .params(documentId, number)
                .query((rs, n) -> new Section(rs.getString("section_id"), rs.getString("title"), rs.getString("body")))
                .list();
        Row row = version.get();
        return Optional.of(new Version(
                documentId,
                row.title(),
                number,
                row.publishedOn(),
                row.changeClass(),
                labels.changeClass(row.changeClass()),
                row.changeNotes(),
                sections,
                row.review()));
    }

    /** The version's disposition of comments; empty when no feedback shaped it (or it came from the catalogue). */
    @Transactional(readOnly = true)
    List<DispositionItem> dispositions(String documentId, String number) {
        return jdbc.sql("""
                select feedback_reference, feedback_type, organisation_name, summary, disposition, trace,
                       trace_section, reason
                  from published_disposition
                 where document_id = ? and version_number = ?
                 order by feedback_reference
                """)
                .params(documentId, number)
                .query((rs, n) -> {
                    String type = rs.getString("feedback_type");
                    String disposition = rs.getString("disposition");
                    String trace = rs.getString("trace");
                    String traceSection = rs.getString("trace_section");
                    return new DispositionItem(
                            rs.getString("feedback_reference"),
                            type,
                            labels.feedbackType(type),
                            rs.getString("organisation_name"),
                            rs.getString("summary"),
                            disposition,
                            labels.disposition(disposition),
                            trace,
                            traceSection,
                            PublicLabels.trace(trace, traceSection),
                            rs.getString("reason"));
                })
                .list();
    }

    /** Every published version of every document, newest first. */
    @Transactional(readOnly = true)
    List<FeedEntry> feed() {
        List<FeedEntry> entries = new ArrayList<>(jdbc.sql("""
                select v.document_id, d.title, v.version_number, v.published_on, v.change_class, v.change_notes,
                       v.withdrawn_on, v.withdrawn_reason
                  from guidance_version v
                  join guidance_document d on d.id = v.document_id
                """)
                .query((rs, n) -> new FeedEntry(
                        rs.getString("document_id"),
                        rs.getString("title"),
                        rs.getString("version_number"),
                        rs.getObject("published_on", LocalDate.class),
                        rs.getString("change_class"),
                        rs.getString("change_notes"),
                        rs.getObject("withdrawn_on", LocalDate.class),
                        rs.getString("withdrawn_reason")))
                .list());
        entries.sort(VersionNumbers.oldestFirst(FeedEntry::publishedOn, FeedEntry::number)
                .thenComparing(FeedEntry::documentId)
                .reversed());
        return entries;
    }

    private VersionSummary versionSummary(String number, LocalDate publishedOn, String changeClass) {
        return new VersionSummary(number, publishedOn, changeClass, labels.changeClass(changeClass));
    }
}
