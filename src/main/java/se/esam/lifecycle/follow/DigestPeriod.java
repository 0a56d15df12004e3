package se.esam.lifecycle.follow;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;

import se.esam.lifecycle.system.SwedishTime;

/**
 * The period a digest belongs to, in Swedish time: a day ({@code 2026-12-04}) or an ISO week
 * ({@code 2026-W49}, Monday to Sunday). A person gets at most one digest per period.
 */
record DigestPeriod(Frequency frequency, LocalDate first, String key) {

    static DigestPeriod of(Frequency frequency, Instant now) {
        LocalDate day = LocalDate.ofInstant(now, SwedishTime.ZONE);
        return switch (frequency) {
            case DAILY -> new DigestPeriod(frequency, day, day.toString());
            case WEEKLY ->
                new DigestPeriod(
                        frequency,
                        day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)),
                        "%d-W%02d"
                                .formatted(
                                        day.get(IsoFields.WEEK_BASED_YEAR),
                                        day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)));
            case OFF -> throw new IllegalArgumentException("no digest, no period");
        };
    }

    Instant start() {
        return SwedishTime.startOfDay(first);
    }

    /** Where the previous period started: a first digest covers it, so nothing of it is lost. */
    Instant previousStart() {
        return SwedishTime.startOfDay(frequency == Frequency.DAILY ? first.minusDays(1) : first.minusWeeks(1));
    }

    /**
     * What a digest covers: from the person's previous digest, but never more than the previous and the current
     * period (a person who was away, or had the digest off, is not sent months of news).
     */
    Instant windowStart(Instant previousDigest) {
        Instant floor = previousStart();
        return previousDigest == null || previousDigest.isBefore(floor) ? floor : previousDigest;
    }

    /** The subject's words: {@code 2026-12-04} or {@code vecka 49}. */
    String label() {
        return frequency == Frequency.DAILY ? key : "vecka " + Integer.parseInt(key.substring(key.indexOf('W') + 1));
    }
}
