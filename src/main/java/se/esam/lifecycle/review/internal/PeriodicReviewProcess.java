package se.esam.lifecycle.review.internal;

/**
 * The names {@code processes/guidance-periodic-review.bpmn}, its form and its glue share, so that a rename
 * breaks compilation rather than production.
 */
public final class PeriodicReviewProcess {

    public static final String KEY = "guidance-periodic-review";
    /** A newer version of the document was published: the older version's review ends. */
    public static final String MESSAGE_SUPERSEDED = "PeriodicReviewSuperseded";

    /** The business key: one review process per published version. */
    public static String businessKey(String guidanceId, String version) {
        return guidanceId + "/" + version;
    }

    public static final class Forms {
        public static final String REVIEW = "periodic-review";

        private Forms() {}
    }

    /** BPMN element ids. */
    public static final class Elements {
        public static final String REVIEW_FALLS_DUE = "ReviewFallsDue";
        public static final String REVIEW = "PeriodicReview";
        public static final String REMINDER_DUE = "PeriodicReviewReminderDue";
        public static final String REMIND = "RemindOwningGroup";
        public static final String REMINDER_SENT = "PeriodicReviewReminderSent";
        public static final String OVERDUE = "PeriodicReviewOverdue";
        public static final String ESCALATE = "EscalatePeriodicReview";
        public static final String ESCALATED = "PeriodicReviewEscalated";
        public static final String OUTCOME = "ReviewOutcome";
        public static final String RECORD_STILL_VALID = "RecordStillValid";
        public static final String REQUEST_REVISION = "RequestRevision";
        public static final String REVISION_REQUESTED = "RevisionRequested";
        public static final String WITHDRAW = "WithdrawVersion";
        public static final String WITHDRAWN = "VersionWithdrawn";
        public static final String SUPERSEDED = "VersionSuperseded";
        public static final String REVIEW_ENDED = "ReviewEndedBySupersession";

        private Elements() {}
    }

    /** Process variable names. */
    public static final class Vars {
        public static final String GUIDANCE_ID = "guidanceId";
        public static final String GUIDANCE_TITLE = "guidanceTitle";
        public static final String GUIDANCE_VERSION = "guidanceVersion";
        public static final String OWNING_GROUP = "owningGroup";
        /** The day the review is due, as a timer date (start of that Swedish day). */
        public static final String REVIEW_DUE = "reviewDue";
        /** When the task "Periodisk översyn" is opened: the due date less the lead time. */
        public static final String REVIEW_STARTS = "reviewStarts";
        /** When the owning group is reminded, before the due date. */
        public static final String REVIEW_REMINDER = "reviewReminder";

        // shown in the form, written by PrepareReview
        public static final String PUBLISHED_ON = "publishedOn";
        public static final String AGE = "versionAge";
        public static final String REVIEW_DUE_TEXT = "reviewDueText";
        public static final String LAST_REVIEWED = "lastReviewed";
        public static final String OPEN_FEEDBACK = "openFeedback";
        public static final String HELD_FEEDBACK = "heldFeedback";
        public static final String ENDORSEMENTS = "endorsements";

        // written by the owning group in the form
        /** A {@link Outcomes} value. */
        public static final String OUTCOME = "reviewOutcome";
        /** For STILL_VALID: the next review date, yyyy-MM-dd. */
        public static final String NEXT_REVIEW_DATE = "nextReviewDate";
        /** For WITHDRAW: why, shown publicly. */
        public static final String WITHDRAW_REASON = "withdrawReason";

        private Vars() {}
    }

    /** Values of {@link Vars#OUTCOME}. */
    public static final class Outcomes {
        public static final String STILL_VALID = "STILL_VALID";
        public static final String OPEN_REVISION = "OPEN_REVISION";
        public static final String WITHDRAW = "WITHDRAW";

        private Outcomes() {}
    }

    private PeriodicReviewProcess() {}
}
