package se.esam.lifecycle.reporting;

import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

import se.esam.lifecycle.system.InvalidInputException;

/**
 * What a report covers: a period of whole months (Swedish time) and, optionally, one expert group,
 * guidance document or organisation. Without a period: the last twelve months.
 */
record ReportFilter(YearMonth from, YearMonth to, String expertGroup, String guidanceId, String organisation) {

    static ReportFilter of(
            String from, String to, String expertGroup, String guidanceId, String organisation, Clock clock) {
        YearMonth end = month("to", to, YearMonth.now(clock));
        YearMonth start = month("from", from, end.minusMonths(11));
        if (start.isAfter(end)) {
            throw new InvalidInputException("from", "Perioden börjar efter att den slutar.");
        }
        if (start.plusYears(20).isBefore(end)) {
            throw new InvalidInputException("from", "Perioden får vara högst 20 år.");
        }
        return new ReportFilter(
                start,
                end,
                id("expertGroup", expertGroup),
                id("guidanceId", guidanceId),
                id("organisation", organisation));
    }

    /** Filters name groups, documents and organisations by their ids, which are letters, digits and hyphens. */
    private static String id(String field, String value) {
        String id = blankToNull(value);
        if (id != null && !ID.matcher(id).matches()) {
            throw new InvalidInputException(field, "Ange ett id med bokstäver, siffror och bindestreck.");
        }
        return id;
    }

    private static final java.util.regex.Pattern ID = java.util.regex.Pattern.compile("[A-Za-z0-9-]{1,100}");

    public String fromMonth() {
        return from.toString();
    }

    public String toMonth() {
        return to.toString();
    }

    /**
     * The months a report can cover. Feedback began in the 2020s; the bounds leave room for imported
     * history and keep every computation on a month (the period's start, a month's last day, the next
     * month) far from the ends of {@code java.time}, where they overflowed.
     */
    static final YearMonth EARLIEST = YearMonth.of(2000, 1);

    static final YearMonth LATEST = YearMonth.of(2099, 12);

    private static final Pattern MONTH = Pattern.compile("[0-9]{4}-[0-9]{2}");

    /** A month written exactly as YYYY-MM (no sign, no more digits), between {@link #EARLIEST} and {@link #LATEST}. */
    static YearMonth month(String field, String value, YearMonth fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        YearMonth month;
        try {
            month = MONTH.matcher(value).matches() ? YearMonth.parse(value) : null;
        } catch (DateTimeParseException e) {
            month = null;
        }
        if (month == null) {
            throw new InvalidInputException(field, "Ange månad som ÅÅÅÅ-MM, till exempel 2026-03.");
        }
        if (month.isBefore(EARLIEST) || month.isAfter(LATEST)) {
            throw new InvalidInputException(field, "Ange en månad från " + EARLIEST + " till " + LATEST + ".");
        }
        return month;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
