package se.esam.lifecycle.revision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.util.List;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

import se.esam.lifecycle.revision.Revision.Item;
import se.esam.lifecycle.revision.Revision.Section;
import se.esam.lifecycle.revision.Revision.Trace;
import se.esam.lifecycle.system.InvalidInputException;

class DraftRulesTest {

    private static final List<Section> SECTIONS =
            List.of(new Section("1", "Inledning", "Text."), new Section("2", "Gränssnitt", "Mer text."));
    private static final List<Item> IN_REVISION = List.of(untraced("FB-1"), untraced("FB-2"));
    private static final List<Item> TRACES = List.of(
            new Item("FB-1", Trace.ANSWERED, "2", null),
            new Item("FB-2", Trace.NOT_ADDRESSED, null, "Utanför versionens omfång."));

    @Test
    void aCompleteDraftIsStoredWithItsTextsStripped() {
        DraftRules.Checked draft = DraftRules.check(
                List.of(new Section(" 1 ", " Inledning ", " Text. ")),
                List.of(untraced("FB-1"), untraced("FB-2")),
                List.of(
                        new Item("FB-2", Trace.NOT_ADDRESSED, "1", "  Skäl.  "),
                        new Item("FB-1", Trace.ANSWERED, " 1 ", "   ")),
                "  Förtydligat.  ",
                "SUBSTANTIVE");

        assertThat(draft.sections()).containsExactly(new Section("1", "Inledning", " Text. "));
        assertThat(draft.traces())
                .as("in the revision's order; a section only for an answer; no blank reason")
                .containsExactly(
                        new Item("FB-1", Trace.ANSWERED, "1", null),
                        new Item("FB-2", Trace.NOT_ADDRESSED, null, "Skäl."));
        assertThat(draft.changeNotes()).isEqualTo("Förtydligat.");
        assertThat(draft.changeClass()).isEqualTo(ChangeClass.SUBSTANTIVE);
    }

    @Test
    void aReasonLeftBehindOnAnAnsweredItemIsNotKept() {
        DraftRules.Checked draft = DraftRules.check(
                SECTIONS,
                List.of(untraced("FB-1")),
                List.of(new Item("FB-1", Trace.ANSWERED, "1", "Skrevs innan svaret valdes.")),
                "Ändrat.",
                "EDITORIAL");

        assertThat(draft.traces()).containsExactly(new Item("FB-1", Trace.ANSWERED, "1", null));
    }

    @Test
    void aRevisionWithoutFeedbackNeedsNoTraces() {
        assertThat(DraftRules.check(SECTIONS, List.of(), List.of(), "Ändrat.", "EDITORIAL")
                        .traces())
                .isEmpty();
    }

    @Test
    void tracesOfItemsNotInTheRevisionAreIgnoredAndTheLastTraceOfAnItemCounts() {
        DraftRules.Checked draft = DraftRules.check(
                SECTIONS,
                List.of(untraced("FB-1")),
                List.of(
                        new Item("FB-1", Trace.NOT_ADDRESSED, null, null),
                        new Item("FB-1", Trace.ANSWERED, "1", null),
                        new Item("FB-9", Trace.ANSWERED, "1", null)),
                "Ändrat.",
                "EDITORIAL");

        assertThat(draft.traces()).containsExactly(new Item("FB-1", Trace.ANSWERED, "1", null));
    }

    @Test
    void aDraftNeedsASection() {
        assertRefused(
                "sections",
                "Revisionen måste ha minst ett avsnitt.",
                () -> DraftRules.check(List.of(), List.of(), List.of(), "Ändrat.", "EDITORIAL"));
    }

    @Test
    void everySectionNeedsANumberAndATitle() {
        for (Section section : List.of(
                new Section(null, "Rubrik", "x"),
                new Section(" ", "Rubrik", "x"),
                new Section("3", null, "x"),
                new Section("3", "  ", "x"))) {
            assertRefused(
                    "sections",
                    "Varje avsnitt behöver nummer och rubrik.",
                    () -> DraftRules.check(
                            List.of(SECTIONS.get(0), section), List.of(), List.of(), "Ändrat.", "EDITORIAL"));
        }
    }

    @Test
    void aSectionNumberMayNotRepeatEvenWithSpacesAround() {
        assertRefused(
                "sections",
                "Avsnitt  2  finns två gånger.",
                () -> DraftRules.check(
                        List.of(SECTIONS.get(1), new Section(" 2 ", "Annan", "x")),
                        List.of(),
                        List.of(),
                        "Ändrat.",
                        "EDITORIAL"));
    }

    @Test
    void everyItemNeedsATrace() {
        assertRefused(
                "items",
                "Synpunkt FB-2 saknar spårning: ange vilken ändring som besvarar den, eller varför "
                        + "den inte åtgärdas.",
                () -> DraftRules.check(SECTIONS, IN_REVISION, List.of(TRACES.get(0)), "Ändrat.", "EDITORIAL"));
        assertRefused(
                "items",
                "Synpunkt FB-1 saknar spårning: ange vilken ändring som besvarar den, eller varför "
                        + "den inte åtgärdas.",
                () -> DraftRules.check(
                        SECTIONS,
                        IN_REVISION,
                        List.of(new Item("FB-1", null, "2", null), TRACES.get(1)),
                        "Ändrat.",
                        "EDITORIAL"));
    }

    @Test
    void anAnswerNamesASectionOfThisDraft() {
        for (String section : new String[] {null, " ", "7"}) {
            assertRefused(
                    "items",
                    "Synpunkt FB-1 besvaras av en ändring: ange ett avsnitt som finns i revisionen.",
                    () -> DraftRules.check(
                            SECTIONS,
                            IN_REVISION,
                            List.of(new Item("FB-1", Trace.ANSWERED, section, null), TRACES.get(1)),
                            "Ändrat.",
                            "EDITORIAL"));
        }
    }

    @Test
    void feedbackNotAddressedNeedsAReason() {
        assertRefused(
                "items",
                "Synpunkt FB-2 åtgärdas inte: motivera varför.",
                () -> DraftRules.check(
                        SECTIONS,
                        IN_REVISION,
                        List.of(TRACES.get(0), new Item("FB-2", Trace.NOT_ADDRESSED, null, "  ")),
                        "Ändrat.",
                        "EDITORIAL"));
    }

    @Test
    void aDraftNeedsChangeNotes() {
        assertRefused(
                "changeNotes",
                "Ändringsloggen måste fyllas i.",
                () -> DraftRules.check(SECTIONS, IN_REVISION, TRACES, " ", "EDITORIAL"));
        assertRefused(
                "changeNotes",
                "Ändringsloggen måste fyllas i.",
                () -> DraftRules.check(SECTIONS, IN_REVISION, TRACES, null, "EDITORIAL"));
    }

    @Test
    void aDraftNeedsAKnownChangeClass() {
        for (String changeClass : new String[] {null, "", "MAJOR", "editorial"}) {
            assertRefused(
                    "changeClass",
                    "Ange om ändringen är redaktionell eller innehållslig.",
                    () -> DraftRules.check(SECTIONS, IN_REVISION, TRACES, "Ändrat.", changeClass));
        }
    }

    @Test
    void theFirstRuleBrokenIsTheOneNamed() {
        assertRefused(
                "sections",
                "Revisionen måste ha minst ett avsnitt.",
                () -> DraftRules.check(List.of(), IN_REVISION, List.of(), null, null));
        assertRefused(
                "items",
                "Synpunkt FB-1 saknar spårning: ange vilken ändring som besvarar den, eller varför "
                        + "den inte åtgärdas.",
                () -> DraftRules.check(SECTIONS, IN_REVISION, List.of(), null, null));
        assertRefused(
                "changeNotes",
                "Ändringsloggen måste fyllas i.",
                () -> DraftRules.check(SECTIONS, IN_REVISION, TRACES, null, null));
    }

    private static Item untraced(String reference) {
        return new Item(reference, null, null, null);
    }

    private static void assertRefused(String field, String message, ThrowingCallable check) {
        assertThatExceptionOfType(InvalidInputException.class)
                .isThrownBy(check)
                .withMessage(message)
                .satisfies(refused -> assertThat(refused.field()).isEqualTo(field));
    }
}
