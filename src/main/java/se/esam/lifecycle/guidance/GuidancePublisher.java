package se.esam.lifecycle.guidance;

import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import se.esam.lifecycle.privacy.PersonalData;
import se.esam.lifecycle.system.NotFoundException;

/**
 * Writes new versions of guidance. A published version is never changed: a revision publishes the
 * next one, with its sections, change notes and the disposition of every feedback item behind it.
 */
@Service
public class GuidancePublisher {

    private final JdbcClient jdbc;

    GuidancePublisher(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Section(String id, String title, String body) {}

    /** How one feedback item was handled, as the public may read it. */
    public record PublishedDisposition(
            String feedbackReference,
            String feedbackType,
            String organisationName,
            String summary,
            String disposition,
            String trace,
            String traceSection,
            String reason) {}

    public record NewVersion(
            String guidanceId,
            String number,
            LocalDate publishedOn,
            String changeClass,
            String changeNotes,
            long revisionId,
            List<Section> sections,
            List<PublishedDisposition> dispositions) {}

    /**
     * Holds the document's row lock until the caller's transaction ends, so that work on one document
     * (opening its revision, say) happens one at a time across threads and nodes.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void lock(String guidanceId) {
        jdbc.sql("select id from guidance_document where id = ? for update")
                .param(guidanceId)
                .query(String.class)
                .optional()
                .orElseThrow(() -> new NotFoundException("Ingen vägledning " + guidanceId));
    }

    @Transactional(readOnly = true)
    public List<Section> sections(String guidanceId, String version) {
        return jdbc.sql("select section_id, title, body from guidance_section where document_id = ? "
                        + "and version_number = ? order by position")
                .params(guidanceId, version)
                .query((rs, n) -> new Section(rs.getString(1), rs.getString(2), rs.getString(3)))
                .list();
    }

    /**
     * Whatever reaches here has passed the kansli's publishing review (feedback text) or four-eyes approval (the
     * rest); personal data is masked once more as it is written, so that a personnummer quoted in change notes or
     * a reason (from a consultation response, say) is never public. Sections keep contact details, which guidance
     * may give on purpose, but never an identity number.
     */
    @Transactional
    public void publish(NewVersion version) {
        jdbc.sql("""
                insert into guidance_version (document_id, version_number, published_on, change_class, change_notes,
                                              revision_id)
                values (?, ?, ?, ?, ?, ?)""")
                .params(
                        version.guidanceId(),
                        version.number(),
                        version.publishedOn(),
                        version.changeClass(),
                        PersonalData.mask(version.changeNotes()),
                        version.revisionId())
                .update();
        int position = 0;
        for (Section section : version.sections()) {
            jdbc.sql("insert into guidance_section (document_id, version_number, section_id, title, body, position) "
                            + "values (?, ?, ?, ?, ?, ?)")
                    .params(
                            version.guidanceId(),
                            version.number(),
                            section.id(),
                            PersonalData.maskIdentityNumbers(section.title()),
                            PersonalData.maskIdentityNumbers(section.body()),
                            position++)
                    .update();
        }
        for (PublishedDisposition d : version.dispositions()) {
            jdbc.sql("""
                    insert into published_disposition (document_id, version_number, feedback_reference, feedback_type,
                           organisation_name, summary, disposition, trace, trace_section, reason)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(
                            version.guidanceId(),
                            version.number(),
                            d.feedbackReference(),
                            d.feedbackType(),
                            d.organisationName(),
                            PersonalData.mask(d.summary()),
                            d.disposition(),
                            d.trace(),
                            d.traceSection(),
                            PersonalData.mask(d.reason()))
                    .update();
        }
    }

    /** 4.1 becomes 4.2 for an editorial change and 5.0 for a substantive one; see {@link VersionNumbers#next}. */
    public static String nextVersion(String current, boolean major) {
        return VersionNumbers.next(current, major);
    }
}
