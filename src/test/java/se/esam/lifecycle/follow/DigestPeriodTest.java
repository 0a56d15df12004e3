package se.esam.lifecycle.follow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import se.esam.lifecycle.system.InvalidInputException;

class DigestPeriodTest {

    @Test
    void aDailyPeriodIsTheSwedishDateNotTheUtcOne() {
        // 23:30 UTC on 4 December is 00:30 on 5 December in Stockholm
        Instant lateEvening = Instant.parse("2026-12-04T23:30:00Z");

        DigestPeriod period = DigestPeriod.of(Frequency.DAILY, lateEvening);

        assertThat(period.key()).isEqualTo("2026-12-05");
        assertThat(period.start()).isEqualTo(Instant.parse("2026-12-04T23:00:00Z"));
        assertThat(period.previousStart()).isEqualTo(Instant.parse("2026-12-03T23:00:00Z"));
        assertThat(period.label()).isEqualTo("2026-12-05");
    }

    @Test
    void aWeeklyPeriodIsTheIsoWeekFromMondayInStockholm() {
        DigestPeriod friday = DigestPeriod.of(Frequency.WEEKLY, Instant.parse("2026-12-04T10:00:00Z"));
        DigestPeriod sundayNightUtcIsMonday = DigestPeriod.of(Frequency.WEEKLY, Instant.parse("2026-12-06T23:30:00Z"));

        assertThat(friday.key()).isEqualTo("2026-W49");
        assertThat(friday.start()).isEqualTo(Instant.parse("2026-11-29T23:00:00Z"));
        assertThat(friday.label()).isEqualTo("vecka 49");
        assertThat(sundayNightUtcIsMonday.key()).isEqualTo("2026-W50");
    }

    @Test
    void theIsoWeekYearIsNotTheCalendarYear() {
        // 1 January 2027 is a Friday: still week 53 of 2026; 29 December 2025 is in week 1 of 2026
        assertThat(DigestPeriod.of(Frequency.WEEKLY, Instant.parse("2027-01-01T12:00:00Z"))
                        .key())
                .isEqualTo("2026-W53");
        assertThat(DigestPeriod.of(Frequency.WEEKLY, Instant.parse("2025-12-29T12:00:00Z"))
                        .key())
                .isEqualTo("2026-W01");
    }

    @Test
    void aDayAcrossTheSwitchToSummerTimeStartsAtSwedishMidnight() {
        // 29 March 2026: clocks go forward in Stockholm; the next day starts at 22:00 UTC, not 23:00
        DigestPeriod monday = DigestPeriod.of(Frequency.DAILY, Instant.parse("2026-03-30T08:00:00Z"));

        assertThat(monday.start()).isEqualTo(Instant.parse("2026-03-29T22:00:00Z"));
        assertThat(monday.previousStart()).isEqualTo(Instant.parse("2026-03-28T23:00:00Z"));
    }

    @Test
    void theWindowStartsAtThePreviousDigestButNeverBeforeThePreviousPeriod() {
        DigestPeriod week = DigestPeriod.of(Frequency.WEEKLY, Instant.parse("2026-12-07T06:00:00Z"));
        Instant lastMonday = Instant.parse("2026-11-30T05:00:00Z");

        assertThat(week.windowStart(lastMonday)).isEqualTo(lastMonday);
        assertThat(week.windowStart(null)).isEqualTo(week.previousStart());
        assertThat(week.windowStart(Instant.parse("2026-10-01T05:00:00Z"))).isEqualTo(week.previousStart());
    }

    @Test
    void frequenciesAreReadWhateverTheCaseAndAnythingElseNamesTheField() {
        assertThat(Frequency.parse("daily")).isEqualTo(Frequency.DAILY);
        assertThat(Frequency.parse(" WEEKLY ")).isEqualTo(Frequency.WEEKLY);
        assertThat(Frequency.parse("Off")).isEqualTo(Frequency.OFF);
        assertThatThrownBy(() -> Frequency.parse("hourly"))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("frequency"));
        assertThatThrownBy(() -> Frequency.parse(null)).isInstanceOf(InvalidInputException.class);
    }
}
