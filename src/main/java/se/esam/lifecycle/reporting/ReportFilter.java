package se.esam.lifecycle.reporting;

import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;

import se.esam.lifecycle.system.InvalidInputException;

/**
 * What a report covers: a period of whole months (Swedish time) and, optionally, one expert group,
 * guidance document or organisation. Without a period: the last twelve months.
 */
record ReportFilter(YearMonth from, YearMonth to, String expertGroup, String guidanceId, String organisation) {

    static ReportFilter of(String from, String to, String expertGroup, String guidanceId, String organisation,
            Clock clock) {
        YearMonth end = month("to", to, YearMonth.now(clock));
        YearMonth start = month("from", from, end.minusMonths(11));
        if (start.isAfter(end)) {
            throw new InvalidInputException("from", "Perioden börjar efter att den slutar.");
        }
        if (start.plusYears(20).isBefore(end)) {
            throw new InvalidInputException("from", "Perioden får vara högst 20 år.");
        }
        return new ReportFilter(start, end, blankToNull(expertGroup), blankToNull(guidanceId),
                blankToNull(organisation));
    }

    public String fromMonth() {
        return from.toString();
    }

    public String toMonth() {
        return to.toString();
    }

    private static YearMonth month(String field, String value, YearMonth fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return YearMonth.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "Ange månad som ÅÅÅÅ-MM, till exempel 2026-03.");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
