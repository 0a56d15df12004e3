package se.esam.lifecycle.system;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;

import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;

/**
 * The one place that says how the application reads and writes time: Swedish public sector, so
 * deadlines, dates in mail and on pages are Swedish time, written as ISO dates. Pages call it as
 * {@code ${@swedishTime.date(x)}}.
 */
@Component("swedishTime")
@NamedInterface("time")
public final class SwedishTime {

    /** The zone's name, for annotations such as {@code @Scheduled(zone = ...)}, which take a constant string. */
    public static final String ZONE_NAME = "Europe/Stockholm";

    public static final ZoneId ZONE = ZoneId.of(ZONE_NAME);
    public static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZONE);
    public static final DateTimeFormatter DATE_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZONE);

    /** {@code 2026-12-03}; empty for no value, so a page can show an unset date as blank. */
    public String date(TemporalAccessor value) {
        return value == null ? "" : DATE.format(value);
    }

    /** {@code 2026-12-03 14:05}; empty for no value. */
    public String dateTime(TemporalAccessor value) {
        return value == null ? "" : DATE_TIME.format(value);
    }

    /** The Swedish calendar day an instant falls on starts at this instant. */
    public static Instant startOfDay(LocalDate day) {
        return day.atStartOfDay(ZONE).toInstant();
    }
}
