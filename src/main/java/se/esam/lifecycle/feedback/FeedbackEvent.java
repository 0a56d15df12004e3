package se.esam.lifecycle.feedback;

import java.time.Instant;

/** One line of a feedback item's history: at which stage who did what, and when. */
record FeedbackEvent(Instant occurredAt, FeedbackStatus stage, Action action, String actor, String detail) {

    enum Action {
        SUBMITTED,
        ROUTED,
        /** Another organisation stands behind the item (the page, the API, or a duplicate merged into it). */
        ENDORSED,
        /** The publishing review: publish as is, masked, or not (with its ground). */
        PUBLICATION_REVIEWED,
        CLARIFICATION_REQUESTED,
        CLARIFIED,
        CLOSED_UNANSWERED,
        MARKED_DUPLICATE,
        REJECTED_OUT_OF_SCOPE,
        SENT_TO_REVIEW,
        REMINDED,
        ESCALATED,
        DECIDED,
        HANDED_TO_REVISION,
        JOINED_REVISION,
        ANSWERED_IN_VERSION
    }
}
