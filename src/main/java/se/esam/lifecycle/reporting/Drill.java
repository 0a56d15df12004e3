package se.esam.lifecycle.reporting;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.Locale;

import se.esam.lifecycle.feedback.FeedbackStatus;
import se.esam.lifecycle.feedback.Stage;
import se.esam.lifecycle.system.InvalidInputException;

/**
 * Which figure's items to list: every figure of the reports links here with its own parameters.
 *
 * @param month narrows to one month of the figure's month column (else the filter's period)
 * @param stage for the backlog figures
 * @param outcome for the outcome figures
 * @param type a feedback type, for the outcomes by type
 */
record Drill(Figure figure, YearMonth month, Stage stage, String outcome, String type) {

    enum Figure {
        BACKLOG,
        OVERDUE,
        SUBMITTED,
        DECIDED,
        ANSWERED,
        OUTCOME,
        REVIEWS,
        LATE_REVIEWS
    }

    static Drill of(String figure, String month, String stage, String outcome, String type) {
        return new Drill(
                parse(Figure.class, "figure", figure),
                month(month),
                blank(stage) ? null : parse(Stage.class, "stage", stage),
                outcome(outcome),
                blank(type) ? null : type.strip());
    }

    Where where(ReportFilter filter, Instant now) {
        Timestamp at = Timestamp.from(now);
        return switch (figure) {
            case BACKLOG, OVERDUE -> {
                var statuses = stage == null ? ReportQueries.openStatuses() : ReportQueries.statusesOf(stage);
                Where open = Where.dimensions(
                        filter, "status in (" + ReportQueries.placeholders(statuses.size()) + ")", statuses.toArray());
                yield figure == Figure.BACKLOG ? open : open.and(FeedbackStatus.overdueCondition("?"), at, at);
            }
            case SUBMITTED -> inMonths(filter, "submitted_month");
            case DECIDED -> inMonths(filter, "decided_month").and("decision_seconds is not null");
            case ANSWERED -> inMonths(filter, "answered_month");
            case OUTCOME -> {
                Where decided = inMonths(filter, "decided_month").and("outcome is not null");
                if (outcome != null) {
                    decided = decided.and("outcome = ?", outcome);
                }
                yield type == null ? decided : decided.and("feedback_type = ?", type);
            }
            case REVIEWS -> inMonths(filter, "review_due_month");
            case LATE_REVIEWS -> inMonths(filter, "review_due_month").and("review_due < coalesce(decided_at, ?)", at);
        };
    }

    /**
     * The rows of report_count that add up to this figure's total, or null when the figure is not counted
     * there (the backlog and the deadlines depend on the moment).
     */
    Where counted(ReportFilter filter) {
        return switch (figure) {
            case SUBMITTED -> counted(filter, MonthlyFigures.Count.SUBMITTED);
            case DECIDED -> counted(filter, MonthlyFigures.Count.DECIDED);
            case ANSWERED -> counted(filter, MonthlyFigures.Count.ANSWERED);
            case OUTCOME -> {
                Where decided = counted(filter, MonthlyFigures.Count.DECIDED).and("outcome <> ''");
                if (outcome != null) {
                    decided = decided.and("outcome = ?", outcome);
                }
                yield type == null ? decided : decided.and("feedback_type = ?", type);
            }
            default -> null;
        };
    }

    private Where counted(ReportFilter filter, MonthlyFigures.Count measure) {
        return month == null
                ? ReportQueries.counted(filter, measure)
                : Where.dimensions(filter, "measure = ? and report_month = ?", measure.name(), month.toString());
    }

    private Where inMonths(ReportFilter filter, String monthColumn) {
        return month == null
                ? Where.period(filter, monthColumn)
                : Where.dimensions(filter, monthColumn + " = ?", month.toString());
    }

    private static String outcome(String value) {
        if (blank(value)) {
            return null;
        }
        String name = value.strip().toUpperCase(Locale.ROOT);
        if (!ReportQueries.outcomeNames().contains(name)) {
            throw new InvalidInputException(
                    "outcome", "Okänt utfall '" + value + "', tillåtna: " + ReportQueries.outcomeNames());
        }
        return name;
    }

    private static YearMonth month(String value) {
        return ReportFilter.month("month", value, null);
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String field, String value) {
        if (blank(value)) {
            throw new InvalidInputException(
                    field, "Ange " + field + ", ett av " + Arrays.toString(type.getEnumConstants()));
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(
                    field, "Okänt värde '" + value + "', tillåtna: " + Arrays.toString(type.getEnumConstants()));
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
