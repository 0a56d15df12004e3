package se.esam.lifecycle.feedback;

import java.time.Instant;

/** One stored feedback item, identified by its tracking reference. */
record Feedback(
        String reference,
        String guidanceId,
        String guidanceVersion,
        String sectionId,
        FeedbackType type,
        String description,
        String submitter,
        String submitterOrganisation,
        FeedbackStatus status,
        String expertGroup,
        Priority priority,
        String duplicateOf,
        boolean containsPersonalData,
        Disposition disposition,
        String dispositionReason,
        Instant reviewDue,
        String processInstanceId,
        Instant submittedAt,
        Instant decidedAt) {

    Feedback withRouting(String group, Priority newPriority, boolean personalData) {
        return new Feedback(reference, guidanceId, guidanceVersion, sectionId, type, description, submitter,
                submitterOrganisation, status, group, newPriority, duplicateOf, personalData, disposition,
                dispositionReason, reviewDue, processInstanceId, submittedAt, decidedAt);
    }

    Feedback withDuplicateOf(String original, boolean personalData) {
        return new Feedback(reference, guidanceId, guidanceVersion, sectionId, type, description, submitter,
                submitterOrganisation, status, expertGroup, priority, original, personalData, disposition,
                dispositionReason, reviewDue, processInstanceId, submittedAt, decidedAt);
    }

    Feedback withPersonalData(boolean personalData) {
        return new Feedback(reference, guidanceId, guidanceVersion, sectionId, type, description, submitter,
                submitterOrganisation, status, expertGroup, priority, duplicateOf, personalData, disposition,
                dispositionReason, reviewDue, processInstanceId, submittedAt, decidedAt);
    }

    /** The reason given to the submitter when feedback is closed without a disposition (out of scope). */
    Feedback withReason(String reason) {
        return new Feedback(reference, guidanceId, guidanceVersion, sectionId, type, description, submitter,
                submitterOrganisation, status, expertGroup, priority, duplicateOf, containsPersonalData, disposition,
                reason, reviewDue, processInstanceId, submittedAt, decidedAt);
    }

    Feedback inStatus(FeedbackStatus newStatus) {
        return new Feedback(reference, guidanceId, guidanceVersion, sectionId, type, description, submitter,
                submitterOrganisation, newStatus, expertGroup, priority, duplicateOf, containsPersonalData,
                disposition, dispositionReason, reviewDue, processInstanceId, submittedAt, decidedAt);
    }

    Feedback inReview(Instant due) {
        return new Feedback(reference, guidanceId, guidanceVersion, sectionId, type, description, submitter,
                submitterOrganisation, FeedbackStatus.IN_REVIEW, expertGroup, priority, duplicateOf,
                containsPersonalData, disposition, dispositionReason, due, processInstanceId, submittedAt, decidedAt);
    }

    Feedback closed(FeedbackStatus finalStatus, Instant at) {
        return new Feedback(reference, guidanceId, guidanceVersion, sectionId, type, description, submitter,
                submitterOrganisation, finalStatus, expertGroup, priority, duplicateOf, containsPersonalData,
                disposition, dispositionReason, reviewDue, processInstanceId, submittedAt, at);
    }

    Feedback decided(Disposition newDisposition, String reason, Instant at) {
        FeedbackStatus next = switch (newDisposition) {
            case ACCEPTED -> FeedbackStatus.ACCEPTED_AWAITING_REVISION;
            case REJECTED -> FeedbackStatus.REJECTED;
            case HELD -> FeedbackStatus.HELD_FOR_NEXT_REVISION;
        };
        return new Feedback(reference, guidanceId, guidanceVersion, sectionId, type, description, submitter,
                submitterOrganisation, next, expertGroup, priority, duplicateOf, containsPersonalData,
                newDisposition, reason, reviewDue, processInstanceId, submittedAt, at);
    }
}
