package se.esam.lifecycle.feedback;

import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import se.esam.lifecycle.guidance.GuidanceReference;
import se.esam.lifecycle.system.ConflictException;

/**
 * One stored feedback item, identified by its tracking reference. Its status moves only by the methods
 * below, along {@link #NEXT}; what a submitter sent is fixed at registration.
 */
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

    /**
     * The lifecycle as {@code guidance-feedback.bpmn} walks it: where each status may go next. Held
     * feedback waits for a revision as accepted feedback does. The process waits for a published version
     * in all three waiting statuses and takes the answer in any of them: whether the item joined the
     * revision first is the revision's business. The closed statuses go nowhere.
     */
    private static final Map<FeedbackStatus, Set<FeedbackStatus>> NEXT = new EnumMap<>(FeedbackStatus.class);

    static {
        NEXT.put(
                FeedbackStatus.IN_TRIAGE,
                EnumSet.of(
                        FeedbackStatus.AWAITING_CLARIFICATION,
                        FeedbackStatus.IN_REVIEW,
                        FeedbackStatus.DUPLICATE,
                        FeedbackStatus.OUT_OF_SCOPE));
        NEXT.put(
                FeedbackStatus.AWAITING_CLARIFICATION, EnumSet.of(FeedbackStatus.IN_TRIAGE, FeedbackStatus.UNANSWERED));
        NEXT.put(
                FeedbackStatus.IN_REVIEW,
                EnumSet.of(
                        FeedbackStatus.ACCEPTED_AWAITING_REVISION,
                        FeedbackStatus.REJECTED,
                        FeedbackStatus.HELD_FOR_NEXT_REVISION));
        NEXT.put(
                FeedbackStatus.ACCEPTED_AWAITING_REVISION,
                EnumSet.of(FeedbackStatus.IN_REVISION, FeedbackStatus.ANSWERED_IN_VERSION));
        NEXT.put(
                FeedbackStatus.HELD_FOR_NEXT_REVISION,
                EnumSet.of(FeedbackStatus.IN_REVISION, FeedbackStatus.ANSWERED_IN_VERSION));
        NEXT.put(FeedbackStatus.IN_REVISION, EnumSet.of(FeedbackStatus.ANSWERED_IN_VERSION));
        for (FeedbackStatus status : FeedbackStatus.values()) {
            NEXT.putIfAbsent(status, EnumSet.noneOf(FeedbackStatus.class));
        }
    }

    /** A move the lifecycle does not have; answered with 409, as another step has usually moved it first. */
    static final class IllegalMove extends ConflictException {

        IllegalMove(String reference, FeedbackStatus from, FeedbackStatus to) {
            super("Synpunkt " + reference + " kan inte gå från \"" + from.label() + "\" till \"" + to.label() + "\".");
        }
    }

    static boolean canMove(FeedbackStatus from, FeedbackStatus to) {
        return NEXT.get(from).contains(to);
    }

    /** @throws IllegalMove unless the lifecycle goes from the one status to the other */
    static void requireMove(String reference, FeedbackStatus from, FeedbackStatus to) {
        if (!canMove(from, to)) {
            throw new IllegalMove(reference, from, to);
        }
    }

    /** Just registered: in triage, nothing decided yet. */
    static Feedback submitted(
            String reference,
            GuidanceReference guidance,
            FeedbackType type,
            String description,
            String submitter,
            String organisation,
            String processInstanceId,
            Instant at) {
        return new Feedback(
                reference,
                guidance.guidanceId(),
                guidance.version(),
                guidance.sectionId(),
                type,
                description,
                submitter,
                organisation,
                FeedbackStatus.IN_TRIAGE,
                null,
                null,
                null,
                false,
                null,
                null,
                null,
                processInstanceId,
                at,
                null);
    }

    // triage: the status stays, what the kansli found is recorded

    Feedback withRouting(String group, Priority newPriority, boolean personalData) {
        return copy(status, c -> {
            c.expertGroup = group;
            c.priority = newPriority;
            c.containsPersonalData = personalData;
        });
    }

    Feedback withDuplicateOf(String original, boolean personalData) {
        return copy(status, c -> {
            c.duplicateOf = original;
            c.containsPersonalData = personalData;
        });
    }

    Feedback withPersonalData(boolean personalData) {
        return copy(status, c -> c.containsPersonalData = personalData);
    }

    /** The reason given to the submitter when feedback is closed without a disposition (out of scope). */
    Feedback withReason(String reason) {
        return copy(status, c -> c.dispositionReason = reason);
    }

    // moves

    Feedback awaitingClarification() {
        return moveTo(FeedbackStatus.AWAITING_CLARIFICATION, c -> {});
    }

    Feedback clarified() {
        return moveTo(FeedbackStatus.IN_TRIAGE, c -> {});
    }

    Feedback inReview(Instant due) {
        return moveTo(FeedbackStatus.IN_REVIEW, c -> c.reviewDue = due);
    }

    /** Ended without a disposition: as a duplicate, out of scope or unanswered. */
    Feedback closed(FeedbackStatus finalStatus, Instant at) {
        if (!finalStatus.closed()) {
            throw new IllegalArgumentException(finalStatus + " does not close feedback");
        }
        return moveTo(finalStatus, c -> c.decidedAt = at);
    }

    Feedback decided(Disposition newDisposition, String reason, Instant at) {
        FeedbackStatus next = switch (newDisposition) {
            case ACCEPTED -> FeedbackStatus.ACCEPTED_AWAITING_REVISION;
            case REJECTED -> FeedbackStatus.REJECTED;
            case HELD -> FeedbackStatus.HELD_FOR_NEXT_REVISION;
        };
        return moveTo(next, c -> {
            c.disposition = newDisposition;
            c.dispositionReason = reason;
            c.decidedAt = at;
        });
    }

    Feedback joinedRevision() {
        return moveTo(FeedbackStatus.IN_REVISION, c -> {});
    }

    Feedback answeredInVersion() {
        return moveTo(FeedbackStatus.ANSWERED_IN_VERSION, c -> {});
    }

    private Feedback moveTo(FeedbackStatus next, Consumer<Changes> change) {
        requireMove(reference, status, next);
        return copy(next, change);
    }

    /** What may change after registration, the status aside: that one goes through {@link #moveTo}. */
    private static final class Changes {
        String expertGroup;
        Priority priority;
        String duplicateOf;
        boolean containsPersonalData;
        Disposition disposition;
        String dispositionReason;
        Instant reviewDue;
        Instant decidedAt;
    }

    private Feedback copy(FeedbackStatus newStatus, Consumer<Changes> change) {
        Changes c = new Changes();
        c.expertGroup = expertGroup;
        c.priority = priority;
        c.duplicateOf = duplicateOf;
        c.containsPersonalData = containsPersonalData;
        c.disposition = disposition;
        c.dispositionReason = dispositionReason;
        c.reviewDue = reviewDue;
        c.decidedAt = decidedAt;
        change.accept(c);
        return new Feedback(
                reference,
                guidanceId,
                guidanceVersion,
                sectionId,
                type,
                description,
                submitter,
                submitterOrganisation,
                newStatus,
                c.expertGroup,
                c.priority,
                c.duplicateOf,
                c.containsPersonalData,
                c.disposition,
                c.dispositionReason,
                c.reviewDue,
                processInstanceId,
                submittedAt,
                c.decidedAt);
    }
}
