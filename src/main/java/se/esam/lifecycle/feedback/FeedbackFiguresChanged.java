package se.esam.lifecycle.feedback;

/**
 * An item's reporting columns changed: what they held before (null for a new item) and hold now. Published by
 * the feedback repository in the transaction that changes them, so that read models kept beside the feedback
 * table (the reports' monthly figures) change with it or not at all.
 */
public record FeedbackFiguresChanged(Figures before, Figures after) {

    /**
     * The reporting columns of one item, as the feedback table holds them.
     *
     * @param expertGroup null while the item has no group (and for items closed in triage)
     * @param outcome the disposition or how it was closed; null while undecided
     * @param decisionSeconds submission to decision, null while undecided
     * @param publicationSeconds submission to the version that answered it, null until then
     * @param reviewDueMonth the month its review was due, null without a review
     * @param reviewedLate whether the review was due before the decision; null until decided with a review
     */
    public record Figures(
            String expertGroup,
            String guidanceId,
            String organisation,
            String type,
            String outcome,
            String submittedMonth,
            String decidedMonth,
            String answeredMonth,
            Long decisionSeconds,
            Long publicationSeconds,
            long triageSeconds,
            long clarificationSeconds,
            long reviewSeconds,
            long revisionSeconds,
            String reviewDueMonth,
            Boolean reviewedLate) {

        /** The seconds spent in the stage, as its column adds them up. */
        public long seconds(Stage stage) {
            return switch (stage) {
                case TRIAGE -> triageSeconds;
                case CLARIFICATION -> clarificationSeconds;
                case REVIEW -> reviewSeconds;
                case REVISION -> revisionSeconds;
            };
        }
    }
}
