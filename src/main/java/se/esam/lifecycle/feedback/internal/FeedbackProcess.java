package se.esam.lifecycle.feedback.internal;

/**
 * The names the BPMN {@code processes/guidance-feedback.bpmn} and its glue share. A renamed element
 * in the diagram must be renamed here too, so that the glue and the tests stop compiling instead of
 * the process failing in production.
 */
public final class FeedbackProcess {

    public static final String KEY = "guidance-feedback";
    public static final String ROUTING_DECISION = "feedback-routing";
    /** Correlated when revision announces a version that answers the feedback (RevisionListener). */
    public static final String MESSAGE_REVISION_PUBLISHED = "GuidanceRevisionPublished";

    public static final class Forms {
        public static final String SUBMIT = "submit-feedback";
        public static final String TRIAGE = "triage-feedback";
        public static final String CLARIFY = "answer-clarification";
        public static final String REVIEW = "review-feedback";

        private Forms() {}
    }

    /** BPMN element ids. */
    public static final class Elements {
        public static final String SUBMITTED = "FeedbackSubmitted";
        public static final String REGISTER = "RegisterFeedback";
        public static final String ROUTE = "RouteFeedback";
        public static final String TRIAGE = "TriageFeedback";
        public static final String TRIAGE_DECISION = "TriageDecision";
        public static final String REQUEST_CLARIFICATION = "RequestClarification";
        public static final String CLARIFICATION_DEADLINE = "ClarificationDeadlinePassed";
        public static final String CLOSE_UNANSWERED = "CloseAsUnanswered";
        public static final String CLOSE_DUPLICATE = "CloseAsDuplicate";
        public static final String CLOSE_OUT_OF_SCOPE = "CloseAsOutOfScope";
        public static final String ASSIGN_TO_GROUP = "AssignToExpertGroup";
        public static final String REVIEW = "ReviewFeedback";
        public static final String REVIEW_REMINDER = "ReviewReminderDue";
        public static final String REMIND_REVIEWERS = "RemindReviewers";
        public static final String REVIEW_OVERDUE = "ReviewOverdue";
        public static final String ESCALATE = "EscalateToKansli";
        public static final String NOTIFY_DISPOSITION = "NotifyDisposition";
        public static final String DISPOSITION_DECISION = "DispositionDecision";
        public static final String HAND_OVER = "HandOverToRevision";

        public static final String AWAIT_REVISION = "RevisionPublished";
        public static final String NOTIFY_PUBLICATION = "NotifyPublication";
        public static final String END_ANSWERED = "FeedbackAnswered";
        public static final String END_DECIDED = "FeedbackDecided";
        public static final String END_DUPLICATE = "FeedbackDuplicate";
        public static final String END_OUT_OF_SCOPE = "FeedbackOutOfScope";
        public static final String END_UNANSWERED = "FeedbackUnanswered";
        public static final String END_REMINDED = "ReminderSent";
        public static final String END_ESCALATED = "ReviewEscalated";

        private Elements() {}
    }

    /** Process variable names. */
    public static final class Vars {
        // given at submission (start form or API)
        public static final String GUIDANCE_ID = "guidanceId";
        public static final String GUIDANCE_VERSION = "guidanceVersion";
        public static final String SECTION_ID = "sectionId";
        public static final String FEEDBACK_TYPE = "feedbackType";
        /**
         * What the forms show of the text: all of it when it fits Camunda's 4,000-character text column,
         * else its beginning and where to read the rest (the feedback table holds the whole text).
         */
        public static final String DESCRIPTION = "description";
        /**
         * The whole text of an API submission (up to 10,000 characters), passed as a transient variable:
         * registration stores it in the feedback table and it never reaches the engine's tables.
         */
        public static final String DESCRIPTION_IN_FULL = "descriptionInFull";
        /** Set by the start event's camunda:initiator from the authenticated user. */
        public static final String SUBMITTER = "submitter";

        // set on registration, for the forms to show
        public static final String REFERENCE = "reference";
        public static final String GUIDANCE_TITLE = "guidanceTitle";
        public static final String SECTION_TITLE = "sectionTitle";
        public static final String FEEDBACK_TYPE_LABEL = "feedbackTypeLabel";
        public static final String SUBMITTER_ORGANISATION = "submitterOrganisation";
        public static final String OWNING_GROUP = "owningGroup";

        // routing (DMN proposal, confirmed or changed at triage)
        public static final String EXPERT_GROUP = "expertGroup";
        public static final String PRIORITY = "priority";

        // triage
        public static final String TRIAGE_DECISION = "triageDecision";
        public static final String DUPLICATE_OF = "duplicateOf";
        public static final String OUT_OF_SCOPE_REASON = "outOfScopeReason";
        public static final String CLARIFICATION_QUESTION = "clarificationQuestion";
        public static final String CLARIFICATION_DUE = "clarificationDue";
        public static final String CLARIFICATION_ANSWER = "clarificationAnswer";
        /**
         * The question the submitter answered, kept by the process when the answer comes (the triage form's
         * own field is cleared then): re-triage and review show it beside {@link #CLARIFICATION_ANSWER}.
         */
        public static final String CLARIFICATION_ASKED = "clarificationAsked";

        public static final String CONTAINS_PERSONAL_DATA = "containsPersonalData";

        // the publishing review, part of triage when the item is sent to an expert group
        /** {@link Publication.Decision}'s name: publish as is, masked, or not at all. */
        public static final String PUBLICATION = "publication";
        /** The text to publish: proposed at registration with personal data masked, may be edited at triage. */
        public static final String PUBLIC_TEXT = "publicText";
        /** Why the text is not published (a secrecy provision, for instance). */
        public static final String PUBLICATION_GROUND = "publicationGround";
        /** What the detector found in the text, in words, for the triage form to show; written by no form. */
        public static final String PERSONAL_DATA_FOUND = "personalDataFound";

        // endorsements, written by the application only (EndorsementVariables); the forms show them read-only
        /** The endorsing organisations in words, for the triage and review forms. */
        public static final String ENDORSEMENTS = "endorsements";
        /** 1 + the number of endorsing organisations: the routing table's "Antal organisationer". */
        public static final String BREADTH = "breadth";

        // review
        public static final String REVIEW_DUE = "reviewDue";
        public static final String REVIEW_REMINDER = "reviewReminder";
        public static final String DISPOSITION = "disposition";
        public static final String DISPOSITION_REASON = "dispositionReason";

        // answered by a revision (message payload)
        public static final String PUBLISHED_VERSION = "publishedVersion";
        /** How the revision handled this feedback, in words for the submitter. */
        public static final String ANSWER = "answer";

        private Vars() {}
    }

    /** Values of {@link Vars#TRIAGE_DECISION}. */
    public static final class TriageDecisions {
        public static final String ROUTE = "route";
        public static final String DUPLICATE = "duplicate";
        public static final String OUT_OF_SCOPE = "outOfScope";
        public static final String CLARIFY = "clarify";

        private TriageDecisions() {}
    }

    private FeedbackProcess() {}
}
