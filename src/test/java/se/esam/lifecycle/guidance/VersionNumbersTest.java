package se.esam.lifecycle.guidance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class VersionNumbersTest {

    @Test
    void versionNumbersCompareAsNumbersNotAsText() {
        List<String> numbers = new ArrayList<>(List.of("5.0", "4.10", "4.9", "10.0", "4.2"));

        numbers.sort(VersionNumbers.ORDER);

        assertThat(numbers).containsExactly("4.2", "4.9", "4.10", "5.0", "10.0");
    }

    @Test
    void aMissingMinorPartCountsAsZero() {
        assertThat(VersionNumbers.ORDER.compare("4", "4.0")).isZero();
        assertThat(VersionNumbers.ORDER.compare("4", "4.1")).isNegative();
    }

    @Test
    void partsThatAreNotNumbersStillHaveAnOrder() {
        assertThat(VersionNumbers.ORDER.compare("4.a", "4.b")).isNegative();
        assertThat(VersionNumbers.ORDER.compare("4.b", "4.a")).isPositive();
    }

    @Test
    void theNewestVersionIsTheLastPublishedAndOnTheSameDayTheHighestNumber() {
        record Published(String number, LocalDate on) {}
        LocalDate day = LocalDate.of(2026, 5, 4);
        List<Published> versions = new ArrayList<>(List.of(
                new Published("4.10", day), new Published("4.11", day.minusDays(1)), new Published("4.9", day)));

        versions.sort(VersionNumbers.oldestFirst(Published::on, Published::number));

        assertThat(versions).extracting(Published::number).containsExactly("4.11", "4.9", "4.10");
    }

    @Test
    void anEditorialChangeRaisesTheMinorNumber() {
        assertThat(VersionNumbers.next("4.1", false)).isEqualTo("4.2");
        assertThat(VersionNumbers.next("4.9", false)).isEqualTo("4.10");
        assertThat(VersionNumbers.next("4", false)).isEqualTo("4.1");
    }

    @Test
    void aSubstantiveChangeRaisesTheMajorNumberAndStartsTheMinorAtZero() {
        assertThat(VersionNumbers.next("4.1", true)).isEqualTo("5.0");
        assertThat(VersionNumbers.next("9.12", true)).isEqualTo("10.0");
        assertThat(VersionNumbers.next("4", true)).isEqualTo("5.0");
    }

    @Test
    void theNextNumberIsAlwaysNewerThanTheCurrent() {
        for (String current : List.of("1.0", "4.9", "4.10", "9.99")) {
            assertThat(VersionNumbers.ORDER.compare(VersionNumbers.next(current, false), current))
                    .isPositive();
            assertThat(VersionNumbers.ORDER.compare(VersionNumbers.next(current, true), current))
                    .isPositive();
        }
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", " ", "4.", ".1", "4.1.2", "v4", "4.x", "4,1", "-1.0", "12345678901.0"})
    void aNumberNotOfTheFormMajorOrMajorDotMinorIsRefused(String current) {
        assertThatIllegalArgumentException().isThrownBy(() -> VersionNumbers.next(current, false));
        assertThatIllegalArgumentException().isThrownBy(() -> VersionNumbers.next(current, true));
    }

    @Test
    void thePublisherUsesTheSameRule() {
        assertThat(GuidancePublisher.nextVersion("4.9", false)).isEqualTo("4.10");
        assertThat(GuidancePublisher.nextVersion("4.9", true)).isEqualTo("5.0");
    }
}
