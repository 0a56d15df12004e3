package se.esam.lifecycle.revision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static se.esam.lifecycle.revision.RevisionStatus.AWAITING_APPROVAL;
import static se.esam.lifecycle.revision.RevisionStatus.DRAFTING;
import static se.esam.lifecycle.revision.RevisionStatus.IN_CONSULTATION;
import static se.esam.lifecycle.revision.RevisionStatus.PUBLISHED;
import static se.esam.lifecycle.revision.RevisionStatus.QUALITY_REVIEW;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import se.esam.lifecycle.system.ConflictException;

/** The revision's moves, all of them: those the process makes are allowed, every other pair is refused. */
class RevisionStatusTest {

    private static final Map<RevisionStatus, Set<RevisionStatus>> MOVES = Map.of(
            DRAFTING, Set.of(IN_CONSULTATION, QUALITY_REVIEW),
            IN_CONSULTATION, Set.of(DRAFTING),
            QUALITY_REVIEW, Set.of(AWAITING_APPROVAL, DRAFTING),
            AWAITING_APPROVAL, Set.of(PUBLISHED, DRAFTING),
            PUBLISHED, Set.of());

    @Test
    void exactlyTheProcessMovesAreAllowed() {
        List<String> wrong = new ArrayList<>();
        for (RevisionStatus from : RevisionStatus.values()) {
            for (RevisionStatus to : RevisionStatus.values()) {
                if (from.mayMoveTo(to) != MOVES.get(from).contains(to)) {
                    wrong.add(from + " -> " + to);
                }
            }
        }
        assertThat(wrong)
                .as("moves allowed that should be refused, or refused that should be allowed")
                .isEmpty();
    }

    @Test
    void noRevisionSkipsTheQualityReviewOrTheApproval() {
        assertThat(DRAFTING.mayMoveTo(AWAITING_APPROVAL)).isFalse();
        assertThat(DRAFTING.mayMoveTo(PUBLISHED)).isFalse();
        assertThat(QUALITY_REVIEW.mayMoveTo(PUBLISHED)).isFalse();
        assertThat(IN_CONSULTATION.mayMoveTo(QUALITY_REVIEW)).isFalse();
    }

    @Test
    void aRefusedMoveIsAConflictNamingBothStatusesAndAnAllowedOneReturnsTheNext() {
        assertThat(QUALITY_REVIEW.moveTo(AWAITING_APPROVAL)).isEqualTo(AWAITING_APPROVAL);
        assertThatThrownBy(() -> PUBLISHED.moveTo(DRAFTING))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("Publicerad")
                .hasMessageContaining("Utarbetas av expertgruppen")
                .hasMessageContaining("PUBLISHED till DRAFTING");
    }
}
