package se.esam.lifecycle.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;

import se.esam.lifecycle.guidance.GuidanceReference;
import se.esam.lifecycle.system.ConflictException;

/** Feedback's lifecycle as {@code guidance-feedback.bpmn} walks it, and nothing else. */
class FeedbackLifecycleTest {

    private static final Instant SUBMITTED = Instant.parse("2026-03-02T09:00:00Z");
    private static final Instant LATER = Instant.parse("2026-03-09T09:00:00Z");
    private static final GuidanceReference GUIDANCE = new GuidanceReference(
            "digital-samverkan", "Digital samverkan", "4.1", "3.2", "Gränssnitt", "expert-architecture");

    private static final Feedback NEW = Feedback.submitted(
            "FB-2026-0001",
            GUIDANCE,
            FeedbackType.ERROR,
            "Avsnittet motsäger bilagan.",
            "anna",
            "org-kommun",
            "pi-1",
            SUBMITTED);

    @Test
    void registeredFeedbackIsInTriageWithNothingDecided() {
        assertThat(NEW.status()).isEqualTo(FeedbackStatus.IN_TRIAGE);
        assertThat(NEW.guidanceId()).isEqualTo("digital-samverkan");
        assertThat(NEW.guidanceVersion()).isEqualTo("4.1");
        assertThat(NEW.sectionId()).isEqualTo("3.2");
        assertThat(NEW.submittedAt()).isEqualTo(SUBMITTED);
        assertThat(NEW.expertGroup()).isNull();
        assertThat(NEW.disposition()).isNull();
        assertThat(NEW.decidedAt()).isNull();
        assertThat(NEW.containsPersonalData()).isFalse();
    }

    @Test
    void triageSendsFeedbackToReviewWithADueDate() {
        Feedback inReview = NEW.withRouting("expert-law", Priority.HIGH, true).inReview(LATER);

        assertThat(inReview.status()).isEqualTo(FeedbackStatus.IN_REVIEW);
        assertThat(inReview.reviewDue()).isEqualTo(LATER);
        assertThat(inReview.expertGroup()).isEqualTo("expert-law");
        assertThat(inReview.priority()).isEqualTo(Priority.HIGH);
        assertThat(inReview.containsPersonalData()).isTrue();
    }

    @Test
    void triageMayAskForClarificationWhichEitherReturnsItToTriageOrClosesItUnanswered() {
        Feedback waiting = NEW.awaitingClarification();

        assertThat(waiting.status()).isEqualTo(FeedbackStatus.AWAITING_CLARIFICATION);
        assertThat(waiting.clarified().status()).isEqualTo(FeedbackStatus.IN_TRIAGE);
        Feedback unanswered = waiting.closed(FeedbackStatus.UNANSWERED, LATER);
        assertThat(unanswered.status()).isEqualTo(FeedbackStatus.UNANSWERED);
        assertThat(unanswered.decidedAt()).isEqualTo(LATER);
    }

    @Test
    void clarifiedFeedbackGoesThroughTriageAgain() {
        Feedback again = NEW.awaitingClarification().clarified();

        assertThat(again.awaitingClarification().status()).isEqualTo(FeedbackStatus.AWAITING_CLARIFICATION);
        assertThat(again.inReview(LATER).status()).isEqualTo(FeedbackStatus.IN_REVIEW);
    }

    @Test
    void triageMayCloseFeedbackAsADuplicateOrOutOfScope() {
        Feedback duplicate = NEW.withDuplicateOf("FB-2026-0000", false).closed(FeedbackStatus.DUPLICATE, LATER);
        Feedback outOfScope = NEW.withReason("Gäller inte vägledningen.").closed(FeedbackStatus.OUT_OF_SCOPE, LATER);

        assertThat(duplicate.status()).isEqualTo(FeedbackStatus.DUPLICATE);
        assertThat(duplicate.duplicateOf()).isEqualTo("FB-2026-0000");
        assertThat(duplicate.decidedAt()).isEqualTo(LATER);
        assertThat(outOfScope.status()).isEqualTo(FeedbackStatus.OUT_OF_SCOPE);
        assertThat(outOfScope.dispositionReason()).isEqualTo("Gäller inte vägledningen.");
        assertThat(outOfScope.disposition()).isNull();
    }

    @Test
    void eachDispositionLeadsToItsStatusAndIsRecordedWithReasonAndTime() {
        Feedback inReview = NEW.inReview(LATER);

        assertDecided(
                inReview.decided(Disposition.ACCEPTED, "Stämmer.", LATER),
                Disposition.ACCEPTED,
                FeedbackStatus.ACCEPTED_AWAITING_REVISION);
        assertDecided(
                inReview.decided(Disposition.REJECTED, "Avsiktligt.", LATER),
                Disposition.REJECTED,
                FeedbackStatus.REJECTED);
        assertDecided(
                inReview.decided(Disposition.HELD, "Nästa gång.", LATER),
                Disposition.HELD,
                FeedbackStatus.HELD_FOR_NEXT_REVISION);
    }

    @Test
    void acceptedAndHeldFeedbackJoinARevisionAndAreAnsweredInItsVersion() {
        for (Disposition waiting : List.of(Disposition.ACCEPTED, Disposition.HELD)) {
            Feedback joined =
                    NEW.inReview(LATER).decided(waiting, "Skäl.", LATER).joinedRevision();

            assertThat(joined.status()).isEqualTo(FeedbackStatus.IN_REVISION);
            Feedback answered = joined.answeredInVersion();
            assertThat(answered.status()).isEqualTo(FeedbackStatus.ANSWERED_IN_VERSION);
            assertThat(answered.disposition()).as("the disposition stays").isEqualTo(waiting);
            assertThat(answered.decidedAt()).isEqualTo(LATER);
        }
    }

    @Test
    void feedbackWaitingForARevisionTakesItsAnswerEvenIfItHadNotJoinedOne() {
        for (Disposition waiting : List.of(Disposition.ACCEPTED, Disposition.HELD)) {
            Feedback answered =
                    NEW.inReview(LATER).decided(waiting, "Skäl.", LATER).answeredInVersion();

            assertThat(answered.status()).isEqualTo(FeedbackStatus.ANSWERED_IN_VERSION);
        }
    }

    @Test
    void editsInTriageKeepTheStatusAndEverythingNotEdited() {
        Feedback routed = NEW.withRouting("expert-law", Priority.LOW, false);
        Feedback edited = routed.withPersonalData(true).withReason("Skäl.");

        assertThat(edited)
                .isEqualTo(new Feedback(
                        NEW.reference(),
                        NEW.guidanceId(),
                        NEW.guidanceVersion(),
                        NEW.sectionId(),
                        NEW.type(),
                        NEW.description(),
                        NEW.submitter(),
                        NEW.submitterOrganisation(),
                        FeedbackStatus.IN_TRIAGE,
                        "expert-law",
                        Priority.LOW,
                        null,
                        true,
                        null,
                        "Skäl.",
                        null,
                        NEW.processInstanceId(),
                        SUBMITTED,
                        null));
    }

    /** Every move the methods can make from every status: exactly the legal ones succeed. */
    @Test
    void exactlyTheLifecyclesMovesAreAllowedAndEveryOtherIsRefused() {
        List<String> refused = new ArrayList<>();
        List<String> allowed = new ArrayList<>();
        for (FeedbackStatus from : FeedbackStatus.values()) {
            Feedback item = in(from);
            for (Move move : MOVES) {
                try {
                    Feedback moved = move.apply().apply(item);
                    allowed.add(from + " -> " + moved.status());
                    assertThat(Feedback.canMove(from, moved.status())).isTrue();
                } catch (Feedback.IllegalMove e) {
                    refused.add(from + " -> " + move.to());
                    assertThat(Feedback.canMove(from, move.to())).isFalse();
                    assertThat(e)
                            .isInstanceOf(ConflictException.class)
                            .hasMessageContaining(item.reference())
                            .hasMessageContaining(from.label())
                            .hasMessageContaining(move.to().label());
                }
            }
        }

        assertThat(allowed)
                .containsExactlyInAnyOrder(
                        "IN_TRIAGE -> AWAITING_CLARIFICATION",
                        "IN_TRIAGE -> IN_REVIEW",
                        "IN_TRIAGE -> DUPLICATE",
                        "IN_TRIAGE -> OUT_OF_SCOPE",
                        "AWAITING_CLARIFICATION -> IN_TRIAGE",
                        "AWAITING_CLARIFICATION -> UNANSWERED",
                        "IN_REVIEW -> ACCEPTED_AWAITING_REVISION",
                        "IN_REVIEW -> REJECTED",
                        "IN_REVIEW -> HELD_FOR_NEXT_REVISION",
                        "ACCEPTED_AWAITING_REVISION -> IN_REVISION",
                        "ACCEPTED_AWAITING_REVISION -> ANSWERED_IN_VERSION",
                        "HELD_FOR_NEXT_REVISION -> IN_REVISION",
                        "HELD_FOR_NEXT_REVISION -> ANSWERED_IN_VERSION",
                        "IN_REVISION -> ANSWERED_IN_VERSION");
        assertThat(refused)
                .contains(
                        "IN_TRIAGE -> ACCEPTED_AWAITING_REVISION",
                        "IN_REVIEW -> IN_REVISION",
                        "IN_REVIEW -> ANSWERED_IN_VERSION",
                        "IN_REVISION -> IN_REVISION",
                        "ANSWERED_IN_VERSION -> IN_REVISION",
                        "REJECTED -> IN_REVISION");
    }

    @Test
    void aClosedItemNeverMovesAgain() {
        Set<FeedbackStatus> closed = EnumSet.noneOf(FeedbackStatus.class);
        for (FeedbackStatus status : FeedbackStatus.values()) {
            if (status.closed()) {
                closed.add(status);
                for (FeedbackStatus next : FeedbackStatus.values()) {
                    assertThat(Feedback.canMove(status, next))
                            .as("%s -> %s", status, next)
                            .isFalse();
                }
            }
        }
        assertThat(closed)
                .containsExactlyInAnyOrder(
                        FeedbackStatus.ANSWERED_IN_VERSION,
                        FeedbackStatus.REJECTED,
                        FeedbackStatus.DUPLICATE,
                        FeedbackStatus.OUT_OF_SCOPE,
                        FeedbackStatus.UNANSWERED);
    }

    @Test
    void anItemIsClosedOnlyWithAStatusThatCloses() {
        assertThatThrownBy(() -> NEW.closed(FeedbackStatus.IN_REVIEW, LATER))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aMoveCheckedAgainstTheStoredStatusIsRefusedWhenAnotherStepMovedItFirst() {
        assertThatThrownBy(
                        () -> Feedback.requireMove("FB-2026-0001", FeedbackStatus.DUPLICATE, FeedbackStatus.IN_REVIEW))
                .isInstanceOf(Feedback.IllegalMove.class)
                .hasMessage("Synpunkt FB-2026-0001 kan inte gå från \"Dubblett\" till \"Granskas av expertgrupp\".");
    }

    private record Move(FeedbackStatus to, UnaryOperator<Feedback> apply) {}

    private static final List<Move> MOVES = List.of(
            new Move(FeedbackStatus.AWAITING_CLARIFICATION, Feedback::awaitingClarification),
            new Move(FeedbackStatus.IN_TRIAGE, Feedback::clarified),
            new Move(FeedbackStatus.IN_REVIEW, f -> f.inReview(LATER)),
            new Move(FeedbackStatus.DUPLICATE, f -> f.closed(FeedbackStatus.DUPLICATE, LATER)),
            new Move(FeedbackStatus.OUT_OF_SCOPE, f -> f.closed(FeedbackStatus.OUT_OF_SCOPE, LATER)),
            new Move(FeedbackStatus.UNANSWERED, f -> f.closed(FeedbackStatus.UNANSWERED, LATER)),
            new Move(FeedbackStatus.ACCEPTED_AWAITING_REVISION, f -> f.decided(Disposition.ACCEPTED, "Skäl.", LATER)),
            new Move(FeedbackStatus.REJECTED, f -> f.decided(Disposition.REJECTED, "Skäl.", LATER)),
            new Move(FeedbackStatus.HELD_FOR_NEXT_REVISION, f -> f.decided(Disposition.HELD, "Skäl.", LATER)),
            new Move(FeedbackStatus.IN_REVISION, Feedback::joinedRevision),
            new Move(FeedbackStatus.ANSWERED_IN_VERSION, Feedback::answeredInVersion));

    /** An item in the given status, as stored: the record's constructor is what the repository uses. */
    private static Feedback in(FeedbackStatus status) {
        return new Feedback(
                NEW.reference(),
                NEW.guidanceId(),
                NEW.guidanceVersion(),
                NEW.sectionId(),
                NEW.type(),
                NEW.description(),
                NEW.submitter(),
                NEW.submitterOrganisation(),
                status,
                null,
                null,
                null,
                false,
                null,
                null,
                null,
                NEW.processInstanceId(),
                SUBMITTED,
                null);
    }

    private static void assertDecided(Feedback decided, Disposition disposition, FeedbackStatus status) {
        assertThat(decided.status()).isEqualTo(status);
        assertThat(decided.disposition()).isEqualTo(disposition);
        assertThat(decided.dispositionReason()).isNotBlank();
        assertThat(decided.decidedAt()).isEqualTo(LATER);
    }
}
