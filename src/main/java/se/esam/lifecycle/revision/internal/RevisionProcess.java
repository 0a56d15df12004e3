package se.esam.lifecycle.revision.internal;

/**
 * The names {@code processes/guidance-revision.bpmn} and its glue share: element ids, messages and
 * variables, so that a rename breaks compilation rather than production.
 */
public final class RevisionProcess {

    public static final String KEY = "guidance-revision";
    public static final String APPROVAL_DECISION = "revision-approval";
    /** Starts a revision when the first feedback on a guidance document is accepted. */
    public static final String MESSAGE_REVISION_REQUESTED = "RevisionRequested";
    /** Feedback accepted while the revision is drafting joins it. */
    public static final String MESSAGE_FEEDBACK_JOINED = "FeedbackJoinedRevision";

    public static final class Forms {
        public static final String START = "start-revision";
        public static final String DRAFT = "draft-revision";
        public static final String QUALITY_REVIEW = "quality-review-revision";
        public static final String APPROVE = "approve-revision";

        private Forms() {}
    }

    /** BPMN element ids. */
    public static final class Elements {
        public static final String STARTED_BY_HAND = "RevisionStartedByHand";
        public static final String REQUESTED = "RevisionRequested";
        public static final String OPEN = "OpenRevision";
        public static final String DRAFT = "DraftRevision";
        public static final String CLASSIFY = "ClassifyChange";
        public static final String OPEN_CONSULTATION = "OpenConsultation";
        public static final String CONSULTATION_CLOSES = "ConsultationWindowCloses";
        public static final String CLOSE_CONSULTATION = "CloseConsultation";
        public static final String QUALITY_REVIEW = "QualityReview";
        public static final String QUALITY_DECISION = "QualityDecision";
        public static final String APPROVE = "ApproveRevision";
        public static final String APPROVAL_DECISION = "ApprovalDecision";
        public static final String PUBLISH = "PublishVersion";
        public static final String PUBLISHED = "VersionPublished";
        public static final String FEEDBACK_JOINED = "FeedbackJoined";
        public static final String ADD_FEEDBACK = "AddFeedbackToRevision";
        public static final String FEEDBACK_ADDED = "FeedbackAdded";

        private Elements() {}
    }

    /** Process variable names. */
    public static final class Vars {
        public static final String REVISION_ID = "revisionId";
        public static final String GUIDANCE_ID = "guidanceId";
        public static final String GUIDANCE_TITLE = "guidanceTitle";
        public static final String BASE_VERSION = "baseVersion";
        public static final String OWNING_GROUP = "owningGroup";
        /** Who started the revision by hand in Tasklist (the start event's initiator). */
        public static final String STARTED_BY = "startedBy";
        /** Reference of the feedback that opened the revision or joins it (message payload). */
        public static final String FEEDBACK_REFERENCE = "feedbackReference";

        // drafting
        /** JSON array of {sectionId, title, body}: the new text, section by section. */
        public static final String SECTIONS = "sections";
        /** JSON array of {reference, type, organisation, description, trace, traceSection, traceReason}. */
        public static final String ITEMS = "items";

        public static final String CHANGE_NOTES = "changeNotes";
        /** A {@link ChangeClass} name: EDITORIAL or SUBSTANTIVE. */
        public static final String CHANGE_CLASS = "changeClass";
        /** Consultation responses and comments returned by the kansli or approver, for the drafting group to read. */
        public static final String RESPONSES_SUMMARY = "responsesSummary";

        public static final String RETURN_COMMENTS = "returnComments";

        // classification (DMN)
        public static final String APPROVER_GROUP = "approverGroup";
        /** A {@link VersionBump} name: MAJOR or MINOR. */
        public static final String VERSION_BUMP = "versionBump";

        public static final String NEEDS_CONSULTATION = "needsConsultation";
        public static final String NEW_VERSION = "newVersion";

        // set when the draft goes to quality review, for that form and the approval's to show
        /**
         * JSON array of {sectionId, title, change, before, after}: the sections the draft adds, changes or
         * removes compared with the version it revises ({@link SectionChanges}).
         */
        public static final String SECTION_CHANGES = "sectionChanges";
        /** The names of everyone who drafted the revision, who therefore may not approve it (four eyes). */
        public static final String DRAFTED_BY = "draftedBy";

        // consultation
        public static final String CONSULTATION_HELD = "consultationHeld";
        public static final String CONSULTATION_ENDS = "consultationEnds";

        // quality review and approval
        /** approve or return. */
        public static final String QUALITY_DECISION = "qualityDecision";

        public static final String QUALITY_COMMENTS = "qualityComments";
        /** approve or return. */
        public static final String APPROVAL_DECISION = "approvalDecision";

        public static final String APPROVAL_COMMENTS = "approvalComments";

        private Vars() {}
    }

    /** Values of the quality and approval decisions. */
    public static final class Decisions {
        public static final String APPROVE = "approve";
        public static final String RETURN = "return";

        private Decisions() {}
    }

    private RevisionProcess() {}
}
