package se.esam.lifecycle.revision;

import java.time.Instant;

/** One line of a revision's audit trail: at which stage who did what, and when. No actor: the system. */
record RevisionEvent(Instant occurredAt, RevisionStatus stage, Action action, String actor, String detail) {

    enum Action {
        OPENED,
        FEEDBACK_JOINED,
        DRAFTED,
        CONSULTATION_OPENED,
        CONSULTATION_RESPONDED,
        CONSULTATION_CLOSED,
        SENT_TO_QUALITY_REVIEW,
        QUALITY_APPROVED,
        QUALITY_RETURNED,
        APPROVED,
        RETURNED,
        PUBLISHED
    }
}
