package se.esam.lifecycle.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import se.esam.lifecycle.system.InvalidInputException;

/** The overview's filter as written in an address: what it lets through, and what it refuses, naming the field. */
class FeedbackFilterTest {

    @Test
    void aStageLetsThroughTheStatusesThatMakeItByTheOneRule() {
        assertThat(filter("", "revision").statuses())
                .containsExactlyInAnyOrder(
                        FeedbackStatus.ACCEPTED_AWAITING_REVISION,
                        FeedbackStatus.IN_REVISION,
                        FeedbackStatus.HELD_FOR_NEXT_REVISION);
        for (Stage stage : Stage.values()) {
            assertThat(filter("", stage.name()).statuses()).allMatch(s -> s.stage() == stage);
        }
        assertThat(filter("IN_REVIEW", "REVIEW").statuses()).containsExactly(FeedbackStatus.IN_REVIEW);
        assertThat(filter("IN_TRIAGE", "REVIEW").statuses()).isEmpty();
        assertThat(filter("", "").narrowsStatus()).isFalse();
    }

    @Test
    void withoutParametersItIsTheFirstPageOfEverything() {
        FeedbackFilter none = FeedbackFilter.of(null, null, null, null, null, null, "  ", null, null);
        assertThat(none).isEqualTo(FeedbackFilter.none());
        assertThat(none.narrows()).isFalse();
        assertThat(none.offset()).isZero();
        assertThat(FeedbackLinks.query(none)).isEmpty();
    }

    @Test
    void aSearchTextIsAReferenceOnlyWhenItIsAWholeOne() {
        assertThat(search("fb-2026-0042").textAsReference()).isEqualTo("FB-2026-0042");
        assertThat(search("FB-2026-12345").textAsReference()).isEqualTo("FB-2026-12345");
        assertThat(search("2026-0042").textAsReference()).isNull();
        assertThat(search("kommun").textAsReference()).isNull();
    }

    @Test
    void pageLinksKeepTheFilterAndEncodeWhatWasTyped() {
        FeedbackFilter filter =
                FeedbackFilter.of("in_review", null, "expert-law", null, null, "true", "a+b & c", "3", "10");
        assertThat(FeedbackLinks.query(filter))
                .isEqualTo("?status=IN_REVIEW&expertGroup=expert-law&overdue=true&q=a%2Bb+%26+c&page=3&size=10");
        assertThat(FeedbackLinks.query(filter.onPage(1))).doesNotContain("page=");
        assertThat(filter.offset()).isEqualTo(20);
    }

    @Test
    void badValuesAreRefusedNamingTheParameter() {
        assertRefused("status", () -> FeedbackFilter.of("LOST", null, null, null, null, null, null, null, null));
        assertRefused("stage", () -> FeedbackFilter.of(null, "CLOSED", null, null, null, null, null, null, null));
        assertRefused("expertGroup", () -> FeedbackFilter.of(null, null, "a b", null, null, null, null, null, null));
        assertRefused("guidanceId", () -> FeedbackFilter.of(null, null, null, "x;", null, null, null, null, null));
        assertRefused("organisation", () -> FeedbackFilter.of(null, null, null, null, "ö", null, null, null, null));
        assertRefused("overdue", () -> FeedbackFilter.of(null, null, null, null, null, "1", null, null, null));
        assertRefused("q", () -> FeedbackFilter.of(null, null, null, null, null, null, "x".repeat(201), null, null));
        assertRefused("q", () -> FeedbackFilter.of(null, null, null, null, null, null, "a\u0000b", null, null));
        assertRefused("page", () -> FeedbackFilter.of(null, null, null, null, null, null, null, "0", null));
        assertRefused("page", () -> FeedbackFilter.of(null, null, null, null, null, null, null, "10001", null));
        assertRefused("page", () -> FeedbackFilter.of(null, null, null, null, null, null, null, "2147483648", null));
        assertRefused("size", () -> FeedbackFilter.of(null, null, null, null, null, null, null, null, "101"));
        assertRefused("size", () -> FeedbackFilter.of(null, null, null, null, null, null, null, null, "+5"));
        // the deepest page is still a number the database can skip to
        assertThat(FeedbackFilter.of(null, null, null, null, null, null, null, "10000", "100")
                        .offset())
                .isEqualTo(999_900L);
    }

    private static FeedbackFilter filter(String status, String stage) {
        return FeedbackFilter.of(status, stage, null, null, null, null, null, null, null);
    }

    private static FeedbackFilter search(String text) {
        return FeedbackFilter.of(null, null, null, null, null, null, text, null, null);
    }

    private static void assertRefused(String field, Runnable parse) {
        assertThatThrownBy(parse::run)
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo(field));
    }
}
