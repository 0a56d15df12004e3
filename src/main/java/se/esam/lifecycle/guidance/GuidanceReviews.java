package se.esam.lifecycle.guidance;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.esam.lifecycle.system.NotFoundException;

/**
 * Whether a published version still holds: its next periodic review, the last time its owning group found it
 * valid, and its withdrawal. The text of a version never changes; these facts about it do, and the public
 * pages show them.
 */
@Service
public class GuidanceReviews {

    private final JdbcClient jdbc;

    GuidanceReviews(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A published version as its periodic review sees it.
     *
     * @param reviewPeriodMonths the document's period from the catalogue; null for the default
     * @param current whether no newer version of the document has been published
     */
    public record ReviewedVersion(
            String documentId,
            String documentTitle,
            String owningGroup,
            String number,
            LocalDate publishedOn,
            Integer reviewPeriodMonths,
            LocalDate reviewDue,
            LocalDate lastReviewedOn,
            LocalDate withdrawnOn,
            String withdrawnReason,
            boolean current) {

        public boolean withdrawn() {
            return withdrawnOn != null;
        }
    }

    /** The newest version of every document: the ones a periodic review looks after. */
    @Transactional(readOnly = true)
    public List<ReviewedVersion> currentVersions() {
        return jdbc.sql("select id from guidance_document order by id").query(String.class).list().stream()
                .map(this::currentVersion)
                .flatMap(Optional::stream)
                .toList();
    }

    @Transactional(readOnly = true)
    public Optional<ReviewedVersion> currentVersion(String documentId) {
        List<ReviewedVersion> versions = versions(documentId);
        return versions.stream().filter(ReviewedVersion::current).findFirst();
    }

    @Transactional(readOnly = true)
    public Optional<ReviewedVersion> version(String documentId, String number) {
        return versions(documentId).stream()
                .filter(v -> v.number().equals(number))
                .findFirst();
    }

    /** Plans the version's first review, unless one is planned already (starting twice changes nothing). */
    @Transactional
    public LocalDate planReview(String documentId, String number, LocalDate due) {
        ReviewedVersion version = require(documentId, number);
        if (version.reviewDue() != null) {
            return version.reviewDue();
        }
        set("review_due = ?", due, documentId, number);
        return due;
    }

    /** The owning group found the version still valid on {@code on}; the next review is due {@code nextDue}. */
    @Transactional
    public void reviewed(String documentId, String number, LocalDate on, LocalDate nextDue) {
        require(documentId, number);
        jdbc.sql("update guidance_version set last_reviewed_on = ?, review_due = ? "
                        + "where document_id = ? and version_number = ?")
                .params(on, nextDue, documentId, number)
                .update();
    }

    /** The owning group opened a revision: the version is reviewed, and the next one will be planned for it. */
    @Transactional
    public void revisionOpened(String documentId, String number, LocalDate on) {
        reviewed(documentId, number, on, null);
    }

    /** The version no longer holds; it stays readable, with the notice of when and why. */
    @Transactional
    public void withdraw(String documentId, String number, LocalDate on, String reason) {
        require(documentId, number);
        jdbc.sql("update guidance_version set withdrawn_on = ?, withdrawn_reason = ?, review_due = null "
                        + "where document_id = ? and version_number = ?")
                .params(on, reason, documentId, number)
                .update();
    }

    /** A newer version was published: the older one is no longer reviewed. */
    @Transactional
    public void superseded(String documentId, String number) {
        set("review_due = ?", null, documentId, number);
    }

    private void set(String assignment, Object value, String documentId, String number) {
        jdbc.sql("update guidance_version set " + assignment + " where document_id = ? and version_number = ?")
                .params(value, documentId, number)
                .update();
    }

    private ReviewedVersion require(String documentId, String number) {
        return version(documentId, number)
                .orElseThrow(() -> new NotFoundException("Ingen version " + number + " av " + documentId));
    }

    /** Every published version of the document, the current one marked. */
    @Transactional(readOnly = true)
    public List<ReviewedVersion> versions(String documentId) {
        record Row(
                String title,
                String owningGroup,
                Integer period,
                String number,
                LocalDate publishedOn,
                LocalDate reviewDue,
                LocalDate lastReviewedOn,
                LocalDate withdrawnOn,
                String withdrawnReason) {}
        List<Row> rows = jdbc.sql("""
                select d.title, d.owning_group, d.review_period_months, v.version_number, v.published_on,
                       v.review_due, v.last_reviewed_on, v.withdrawn_on, v.withdrawn_reason
                  from guidance_document d
                  join guidance_version v on v.document_id = d.id
                 where d.id = ?
                """)
                .param(documentId)
                .query((rs, n) -> new Row(
                        rs.getString(1),
                        rs.getString(2),
                        (Integer) rs.getObject(3, Integer.class),
                        rs.getString(4),
                        rs.getObject(5, LocalDate.class),
                        rs.getObject(6, LocalDate.class),
                        rs.getObject(7, LocalDate.class),
                        rs.getObject(8, LocalDate.class),
                        rs.getString(9)))
                .list();
        String newest = rows.stream()
                .max(VersionNumbers.oldestFirst(Row::publishedOn, Row::number))
                .map(Row::number)
                .orElse(null);
        return rows.stream()
                .map(r -> new ReviewedVersion(
                        documentId,
                        r.title(),
                        r.owningGroup(),
                        r.number(),
                        r.publishedOn(),
                        r.period(),
                        r.reviewDue(),
                        r.lastReviewedOn(),
                        r.withdrawnOn(),
                        r.withdrawnReason(),
                        r.number().equals(newest)))
                .toList();
    }
}
