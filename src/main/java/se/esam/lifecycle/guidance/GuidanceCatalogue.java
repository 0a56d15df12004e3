package se.esam.lifecycle.guidance;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The guidance documents feedback can be given on, as stored in our tables. */
@Service
public class GuidanceCatalogue {

    private final JdbcClient jdbc;

    GuidanceCatalogue(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public List<GuidanceDocument> documents() {
        return load(null);
    }

    @Transactional(readOnly = true)
    public Optional<GuidanceDocument> document(String id) {
        return load(id).stream().findFirst();
    }

    /**
     * Checks what a submitter named against the catalogue. A blank version means the latest published
     * one; a blank section means feedback on the whole document.
     *
     * @throws UnknownGuidanceException naming the field that does not match
     */
    @Transactional(readOnly = true)
    public GuidanceReference resolve(String guidanceId, String version, String sectionId) {
        GuidanceDocument document = (guidanceId == null ? Optional.<GuidanceDocument>empty() : document(guidanceId))
                .orElseThrow(() -> new UnknownGuidanceException(
                        "guidanceId", "Det finns ingen vägledning med id '" + guidanceId + "'."));
        GuidanceDocument.Version chosen = isBlank(version)
                ? document.currentVersion()
                : document.version(version.strip())
                        .orElseThrow(() -> new UnknownGuidanceException(
                                "guidanceVersion",
                                document.title() + " har ingen publicerad version " + version.strip() + "."));
        if (isBlank(sectionId)) {
            return new GuidanceReference(
                    document.id(), document.title(), chosen.number(), null, null, document.owningGroup());
        }
        GuidanceDocument.Section section = chosen.section(sectionId.strip())
                .orElseThrow(() -> new UnknownGuidanceException(
                        "sectionId",
                        document.title() + " " + chosen.number() + " har inget avsnitt " + sectionId.strip() + "."));
        return new GuidanceReference(
                document.id(),
                document.title(),
                chosen.number(),
                section.id(),
                section.title(),
                document.owningGroup());
    }

    private List<GuidanceDocument> load(String onlyId) {
        record Row(
                String id,
                String title,
                String summary,
                String owningGroup,
                String version,
                java.sql.Date publishedOn,
                String sectionId,
                String sectionTitle) {}
        // two statements rather than "(:id is null or ...)": PostgreSQL cannot type a null parameter
        String where = onlyId == null ? "" : "where d.id = :id";
        List<Row> rows = jdbc.sql("""
                select d.id, d.title, d.summary, d.owning_group, v.version_number, v.published_on,
                       s.section_id, s.title as section_title
                  from guidance_document d
                  join guidance_version v on v.document_id = d.id
                  left join guidance_section s on s.document_id = v.document_id and s.version_number = v.version_number
                 %s
                 order by d.title, v.published_on, v.version_number, s.position
                """.formatted(where))
                .params(onlyId == null ? Map.<String, Object>of() : Map.<String, Object>of("id", onlyId))
                .query((rs, n) -> new Row(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getDate(6),
                        rs.getString(7),
                        rs.getString(8)))
                .list();
        Map<String, GuidanceDocument> documents = new LinkedHashMap<>();
        Map<String, GuidanceDocument.Version> versions = new LinkedHashMap<>();
        for (Row row : rows) {
            GuidanceDocument document = documents.computeIfAbsent(
                    row.id(),
                    id -> new GuidanceDocument(id, row.title(), row.summary(), row.owningGroup(), new ArrayList<>()));
            GuidanceDocument.Version version = versions.computeIfAbsent(row.id() + "\u0000" + row.version(), key -> {
                var created = new GuidanceDocument.Version(
                        row.version(), row.publishedOn().toLocalDate(), new ArrayList<>());
                document.versions().add(created);
                return created;
            });
            if (row.sectionId() != null) {
                version.sections().add(new GuidanceDocument.Section(row.sectionId(), row.sectionTitle()));
            }
        }
        // the query's order by version_number is text order (4.10 before 4.9); the current version is the last
        Comparator<GuidanceDocument.Version> oldestFirst =
                VersionNumbers.oldestFirst(GuidanceDocument.Version::publishedOn, GuidanceDocument.Version::number);
        documents.values().forEach(document -> document.versions().sort(oldestFirst));
        return List.copyOf(documents.values());
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
