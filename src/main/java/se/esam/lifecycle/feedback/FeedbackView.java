package se.esam.lifecycle.feedback;

import java.time.Instant;
import java.util.List;

/**
 * Feedback as the API shows it: where it is, what was decided and why, and how it got there.
 *
 * @param registrationNumber the diarienummer the item was registered under on receipt
 * @param stage the stage open feedback is in; absent once it is closed
 * @param overdue in lists only: a review past its due date or a clarification past its deadline
 * @param history in the item's own view only
 * @param endorsements in the item's own view only: the other organisations that stand behind it
 */
record FeedbackView(
        String reference,
        String registrationNumber,
        FeedbackStatus status,
        String statusLabel,
        Stage stage,
        Guidance guidance,
        FeedbackType type,
        String description,
        String organisation,
        String expertGroup,
        String duplicateOf,
        Disposition disposition,
        String reason,
        Instant submittedAt,
        Instant decidedAt,
        Boolean overdue,
        List<HistoryEntry> history,
        Endorsements endorsements) {

    record Guidance(String id, String title, String version, String sectionId, String sectionTitle) {}

    /**
     * @param count how many organisations besides the submitting one stand behind the item
     * @param organisations their names, in the order they endorsed
     * @param details with comments, for the kansli, managers, administrators and the item's expert group only;
     *        null for everyone else
     */
    record Endorsements(int count, List<String> organisations, List<EndorsementDetail> details) {}

    /** @param duplicate the organisation's own item the kansli marked a duplicate of this one; null otherwise */
    record EndorsementDetail(String organisation, String comment, String duplicate, Instant at) {}

    record HistoryEntry(
            Instant at,
            FeedbackStatus stage,
            String stageLabel,
            FeedbackEvent.Action action,
            String by,
            String detail) {}
}
