package se.esam.lifecycle.feedback;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.List;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import se.esam.lifecycle.system.ConflictException;

@Repository
class EndorsementRepository {

    private static final String COLUMNS =
            "reference, organisation, comment, endorsed_by, source, via_reference, created_at";

    private final JdbcClient jdbc;

    EndorsementRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The unique constraint decides who was first: two requests of one organisation at once both pass the checks
     * before it, and the second waits on the first and is refused here.
     *
     * @throws ConflictException when the organisation already endorses the item
     */
    void insert(Endorsement e) {
        try {
            jdbc.sql("insert into feedback_endorsement (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?)")
                    .params(
                            e.reference(),
                            e.organisation(),
                            e.comment(),
                            e.endorsedBy(),
                            e.source().name(),
                            e.viaReference(),
                            Timestamp.from(e.createdAt()))
                    .update();
        } catch (DataIntegrityViolationException exists) {
            throw alreadyEndorsed(e.reference());
        }
    }

    static ConflictException alreadyEndorsed(String reference) {
        return new ConflictException("Er organisation står redan bakom synpunkt " + reference + ".");
    }

    boolean exists(String reference, String organisation) {
        return jdbc.sql("select count(*) from feedback_endorsement where reference = ? and organisation = ?")
                        .params(reference, organisation)
                        .query(Long.class)
                        .single()
                > 0;
    }

    List<Endorsement> of(String reference) {
        return jdbc.sql("select " + COLUMNS + " from feedback_endorsement where reference = ? order by created_at, id")
                .param(reference)
                .query(EndorsementRepository::map)
                .list();
    }

    /** Open items others may endorse: those whose text the publishing review published, newest first. */
    record Endorsable(
            String reference,
            String guidanceId,
            String guidanceVersion,
            String sectionId,
            FeedbackType type,
            FeedbackStatus status,
            String organisation,
            String publicText,
            long endorsements,
            boolean endorsedByCaller) {}

    List<Endorsable> endorsable(String guidanceId, String callerOrganisation, int limit) {
        return jdbc.sql("""
                        select f.reference, f.guidance_id, f.guidance_version, f.section_id, f.feedback_type,
                               f.status, f.submitter_organisation, p.public_text,
                               (select count(*) from feedback_endorsement e where e.reference = f.reference) as n,
                               (select count(*) from feedback_endorsement e where e.reference = f.reference
                                   and e.organisation = :caller) as mine
                        from feedback f join feedback_publication p on p.reference = f.reference
                        where p.public_text is not null and f.status in (:open)
                          and (cast(:guidance as varchar(100)) is null or f.guidance_id = :guidance)
                        order by f.submitted_at desc, f.reference desc
                        limit :limit""")
                .param("caller", callerOrganisation)
                .param("open", openStatuses())
                .param("guidance", guidanceId)
                .param("limit", limit)
                .query((rs, n) -> new Endorsable(
                        rs.getString("reference"),
                        rs.getString("guidance_id"),
                        rs.getString("guidance_version"),
                        rs.getString("section_id"),
                        FeedbackType.valueOf(rs.getString("feedback_type")),
                        FeedbackStatus.valueOf(rs.getString("status")),
                        rs.getString("submitter_organisation"),
                        rs.getString("public_text"),
                        rs.getLong("n"),
                        rs.getLong("mine") > 0))
                .list();
    }

    /** An open item and how many organisations stand behind it besides the submitting one. */
    record Count(String reference, String guidanceId, String guidanceVersion, String sectionId, long endorsements) {}

    List<Count> mostEndorsedOpen(String guidanceId, int limit) {
        return jdbc.sql("""
                        select f.reference, f.guidance_id, f.guidance_version, f.section_id, count(e.id) as n
                        from feedback f join feedback_endorsement e on e.reference = f.reference
                        where f.status in (:open)
                          and (cast(:guidance as varchar(100)) is null or f.guidance_id = :guidance)
                        group by f.reference, f.guidance_id, f.guidance_version, f.section_id, f.submitted_at
                        order by n desc, f.submitted_at, f.reference
                        limit :limit""")
                .param("open", openStatuses())
                .param("guidance", guidanceId)
                .param("limit", limit)
                .query((rs, n) -> new Count(
                        rs.getString("reference"),
                        rs.getString("guidance_id"),
                        rs.getString("guidance_version"),
                        rs.getString("section_id"),
                        rs.getLong("n")))
                .list();
    }

    static List<String> openStatuses() {
        return Arrays.stream(FeedbackStatus.values())
                .filter(s -> !s.closed())
                .map(Enum::name)
                .toList();
    }

    private static Endorsement map(ResultSet rs, int row) throws SQLException {
        Timestamp created = rs.getTimestamp("created_at");
        return new Endorsement(
                rs.getString("reference"),
                rs.getString("organisation"),
                rs.getString("comment"),
                rs.getString("endorsed_by"),
                Endorsement.Source.valueOf(rs.getString("source")),
                rs.getString("via_reference"),
                created.toInstant());
    }
}
