package se.esam.lifecycle.feedback;

import java.time.Instant;
import java.util.List;

/** Feedback as the API shows it: where it is, what was decided and why, and how it got there. */
record FeedbackView(
        String reference,
        FeedbackStatus status,
        String statusLabel,
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
        List<HistoryEntry> history) {

    record Guidance(String id, String title, String version, String sectionId, String sectionTitle) {}

    record HistoryEntry(
            Instant at,
            FeedbackStatus stage,
            String stageLabel,
            FeedbackEvent.Action action,
            String by,
            String detail) {}
}
