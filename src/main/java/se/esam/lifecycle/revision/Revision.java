package se.esam.lifecycle.revision;

import java.time.Instant;
import java.util.List;

/**
 * A revision of one guidance document, from its opening to the version it publishes.
 *
 * @param changeClass null until the first draft is recorded
 */
record Revision(
        long id,
        String guidanceId,
        String baseVersion,
        RevisionStatus status,
        ChangeClass changeClass,
        String changeNotes,
        String newVersion,
        List<String> draftedBy,
        String approvedBy,
        String processInstanceId,
        Instant consultationEnds,
        Instant openedAt,
        Instant publishedAt) {

    /** The business key of its process and the name people use. */
    public String label() {
        return label(id);
    }

    static String label(long id) {
        return "REV-" + id;
    }

    static long idOf(String label) {
        return Long.parseLong(label.substring("REV-".length()));
    }

    /** A feedback item in the revision and how the new version answers it. */
    record Item(String reference, Trace trace, String traceSection, String traceReason) {}

    enum Trace {
        ANSWERED,
        NOT_ADDRESSED
    }

    /** Also a row of the {@code sections} variable, under its component names, as the drafting form edits it. */
    record Section(String sectionId, String title, String body) {}

    record ConsultationResponse(String organisation, String author, String response, Instant submittedAt) {}
}
