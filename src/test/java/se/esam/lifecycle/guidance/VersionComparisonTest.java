package se.esam.lifecycle.guidance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import se.esam.lifecycle.guidance.PublishedGuidance.Section;
import se.esam.lifecycle.guidance.VersionComparison.SectionComparison;
import se.esam.lifecycle.guidance.VersionComparison.Segment;
import se.esam.lifecycle.guidance.VersionComparison.SegmentKind;
import se.esam.lifecycle.guidance.VersionComparison.Status;

class VersionComparisonTest {

    @Test
    void theComparisonNamesTheDocumentAndBothVersions() {
        VersionComparison comparison = VersionComparison.of(version("4.9"), version("4.10"));

        assertThat(comparison.documentId()).isEqualTo("digital-samverkan");
        assertThat(comparison.documentTitle()).isEqualTo("Digital samverkan");
        assertThat(comparison.from()).isEqualTo("4.9");
        assertThat(comparison.to()).isEqualTo("4.10");
    }

    @Test
    void sectionsWithTheSameTitleAndTextAreUnchangedEvenWithSpaceAroundTheText() {
        VersionComparison comparison = VersionComparison.of(
                version("1.0", new Section("1", "Inledning", "Samma text.")),
                version("1.1", new Section("1", "Inledning", "\n  Samma text.  \n")));

        SectionComparison section = comparison.sections().get(0);
        assertThat(section.status()).isEqualTo(Status.UNCHANGED);
        assertThat(section.statusLabel()).isEqualTo("Oförändrat");
        assertThat(section.titleDifferences()).isNull();
        assertThat(section.textDifferences()).isNull();
        assertThat(section.titleChanged()).isFalse();
    }

    @Test
    void aSectionWithoutTextComparesAsEmpty() {
        VersionComparison comparison = VersionComparison.of(
                version("1.0", new Section("1", "Inledning", null)), version("1.1", new Section("1", "Inledning", "")));

        assertThat(comparison.sections().get(0).status()).isEqualTo(Status.UNCHANGED);
    }

    @Test
    void sectionsAreMatchedByIdNotByPosition() {
        VersionComparison comparison = VersionComparison.of(
                version("1.0", new Section("1", "Ett", "a"), new Section("2", "Två", "b")),
                version("1.1", new Section("2", "Två", "b"), new Section("1", "Ett", "a")));

        assertThat(comparison.sections())
                .extracting(SectionComparison::sectionId, SectionComparison::status)
                .containsExactly(tuple("2", Status.UNCHANGED), tuple("1", Status.UNCHANGED));
    }

    @Test
    void anAddedSectionHasOnlyTheNewSideAndStandsWhereTheNewVersionPutsIt() {
        VersionComparison comparison = VersionComparison.of(
                version("1.0", new Section("1", "Ett", "a"), new Section("3", "Tre", "c")),
                version(
                        "1.1",
                        new Section("1", "Ett", "a"),
                        new Section("2", "Två", " b "),
                        new Section("3", "Tre", "c")));

        assertThat(ids(comparison)).containsExactly("1", "2", "3");
        SectionComparison added = comparison.sections().get(1);
        assertThat(added.status()).isEqualTo(Status.ADDED);
        assertThat(added.statusLabel()).isEqualTo("Nytt avsnitt");
        assertThat(added.oldTitle()).isNull();
        assertThat(added.oldText()).isNull();
        assertThat(added.newTitle()).isEqualTo("Två");
        assertThat(added.newText()).isEqualTo("b");
        assertThat(added.title()).isEqualTo("Två");
        assertThat(added.titleChanged()).isFalse();
    }

    @Test
    void aRemovedSectionHasOnlyTheOldSideAndStandsAfterTheLastSectionBeforeItThatBothVersionsHave() {
        VersionComparison comparison = VersionComparison.of(
                version(
                        "1.0",
                        new Section("1", "Ett", "a"),
                        new Section("2", "Två", "b"),
                        new Section("3", "Tre", "c")),
                version("2.0", new Section("3", "Tre", "c"), new Section("1", "Ett", "a")));

        assertThat(ids(comparison)).containsExactly("3", "1", "2");
        SectionComparison removed = comparison.sections().get(2);
        assertThat(removed.status()).isEqualTo(Status.REMOVED);
        assertThat(removed.statusLabel()).isEqualTo("Borttaget");
        assertThat(removed.newTitle()).isNull();
        assertThat(removed.newText()).isNull();
        assertThat(removed.oldText()).isEqualTo("b");
        assertThat(removed.title()).isEqualTo("Två");
    }

    @Test
    void removedSectionsAtTheStartStayFirstAndInTheirOldOrder() {
        VersionComparison comparison = VersionComparison.of(
                version(
                        "1.0",
                        new Section("1", "Ett", "a"),
                        new Section("2", "Två", "b"),
                        new Section("3", "Tre", "c")),
                version("2.0", new Section("3", "Tre", "c"), new Section("4", "Fyra", "d")));

        assertThat(comparison.sections())
                .extracting(SectionComparison::sectionId, SectionComparison::status)
                .containsExactly(
                        tuple("1", Status.REMOVED),
                        tuple("2", Status.REMOVED),
                        tuple("3", Status.UNCHANGED),
                        tuple("4", Status.ADDED));
    }

    @Test
    void aChangedTextIsGivenWordByWordAndTheSegmentsSpellOutBothVersions() {
        String before = "Myndigheten ska publicera sitt gränssnitt. Det gäller alla.";
        String after = "Myndigheten ska dokumentera och publicera sitt gränssnitt, det gäller alla.";
        SectionComparison section = VersionComparison.of(
                        version("1.0", new Section("1", "Ett", before)), version("1.1", new Section("1", "Ett", after)))
                .sections()
                .get(0);

        assertThat(section.status()).isEqualTo(Status.CHANGED);
        assertThat(section.statusLabel()).isEqualTo("Ändrat");
        assertThat(section.titleDifferences()).as("the title did not change").isNull();
        assertThat(section.titleChanged()).isFalse();
        assertThat(spelled(section.textDifferences(), SegmentKind.INSERTED)).isEqualTo(before);
        assertThat(spelled(section.textDifferences(), SegmentKind.DELETED)).isEqualTo(after);
        assertThat(section.textDifferences())
                .filteredOn(Segment::inserted)
                .extracting(Segment::text)
                .containsExactly("dokumentera och ", ", det");
        assertThat(section.textDifferences())
                .as("the mark and the word after it change together, space and all")
                .filteredOn(Segment::deleted)
                .extracting(Segment::text)
                .containsExactly(". Det");
    }

    @Test
    void aChangedTitleIsShownWithItsOwnDifferences() {
        SectionComparison section = VersionComparison.of(
                        version("1.0", new Section("1", "Gränssnitt", "a")),
                        version("1.1", new Section("1", "Öppna gränssnitt", "a")))
                .sections()
                .get(0);

        assertThat(section.status()).isEqualTo(Status.CHANGED);
        assertThat(section.titleChanged()).isTrue();
        assertThat(section.title()).isEqualTo("Öppna gränssnitt");
        assertThat(section.titleDifferences())
                .containsExactly(
                        new Segment(SegmentKind.DELETED, "Gränssnitt"),
                        new Segment(SegmentKind.INSERTED, "Öppna gränssnitt"));
        assertThat(section.textDifferences()).containsExactly(new Segment(SegmentKind.SAME, "a"));
    }

    @Test
    void onlyAChangedMarkDiffersNotTheWordBeforeIt() {
        assertThat(VersionComparison.differences("gränssnitt.", "gränssnitt,"))
                .containsExactly(
                        new Segment(SegmentKind.SAME, "gränssnitt"),
                        new Segment(SegmentKind.DELETED, "."),
                        new Segment(SegmentKind.INSERTED, ","));
    }

    @Test
    void changedWordsWithSpaceBetweenThemReadAsOneDeletionAndOneInsertion() {
        assertThat(VersionComparison.differences("Tre små ord", "Fyra stora ord"))
                .containsExactly(
                        new Segment(SegmentKind.DELETED, "Tre små"),
                        new Segment(SegmentKind.INSERTED, "Fyra stora"),
                        new Segment(SegmentKind.SAME, " ord"));
    }

    @Test
    void identicalTextsAreOneUnchangedSegmentAndEmptyTextsNone() {
        assertThat(VersionComparison.differences("Samma, text.", "Samma, text."))
                .containsExactly(new Segment(SegmentKind.SAME, "Samma, text."));
        assertThat(VersionComparison.differences("", "")).isEmpty();
        assertThat(VersionComparison.differences(null, "Ny")).containsExactly(new Segment(SegmentKind.INSERTED, "Ny"));
    }

    private static PublishedGuidance.Version version(String number, Section... sections) {
        return new PublishedGuidance.Version(
                "digital-samverkan",
                "Digital samverkan",
                number,
                LocalDate.of(2026, 1, 1),
                null,
                null,
                null,
                Arrays.asList(sections));
    }

    private static List<String> ids(VersionComparison comparison) {
        return comparison.sections().stream().map(SectionComparison::sectionId).toList();
    }

    /** The text of one side: every segment but those of the other side's kind. */
    private static String spelled(List<Segment> segments, SegmentKind otherSide) {
        return segments.stream()
                .filter(s -> s.kind() != otherSide)
                .map(Segment::text)
                .collect(Collectors.joining());
    }
}
