package se.esam.lifecycle.reporting;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.sql.DataSource;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import se.esam.lifecycle.feedback.FeedbackFiguresChanged;
import se.esam.lifecycle.feedback.FeedbackFiguresChanged.Figures;
import se.esam.lifecycle.feedback.Stage;

/**
 * Keeps the monthly figures of the V19 migration ({@code report_count}, {@code report_histogram}) equal to
 * what a count of the feedback table would give: each change of an item's reporting columns takes its old
 * contribution away and adds its new one, in the transaction that changes the item (a plain listener runs in
 * the publisher's transaction), so the figures commit with the item or roll back with it.
 */
@Component
class MonthlyFigures {

    /** Lead times are kept in tenths of a day, the reports' rounding; half a tenth rounds up. */
    static final long SECONDS_PER_TENTH = 8_640;

    /** From 10 days on, whole days; from 100 days on, ten days (V19). */
    private static final int DAYS = 100;

    private static final int TEN_DAYS = 1_000;

    static final String ANY = "*";
    static final String NONE = "";

    /** What a histogram counts: which lead time, and in the month of what. */
    enum Measure {
        DECISION,
        TRIAGE,
        CLARIFICATION,
        REVIEW,
        PUBLICATION,
        REVISION;

        static Measure of(Stage stage) {
            return valueOf(stage.name());
        }
    }

    /**
     * What report_count counts per month: submitted, decided or answered items, and the reviews of decided
     * items by the month they were due, and of those the late ones.
     */
    enum Count {
        SUBMITTED,
        DECIDED,
        ANSWERED,
        REVIEWED,
        REVIEWED_LATE
    }

    private final JdbcClient jdbc;
    private final boolean postgres;

    MonthlyFigures(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.postgres = isPostgres(dataSource);
    }

    @EventListener
    void on(FeedbackFiguresChanged change) {
        Map<List<Object>, Long> counts = new TreeMap<>(MonthlyFigures::compare);
        Map<List<Object>, Long> histogram = new TreeMap<>(MonthlyFigures::compare);
        if (change.before() != null) {
            add(change.before(), -1, counts, histogram);
        }
        if (change.after() != null) {
            add(change.after(), 1, counts, histogram);
        }
        counts.values().removeIf(n -> n == 0);
        histogram.values().removeIf(n -> n == 0);
        apply(
                "report_count",
                List.of(
                        "measure",
                        "report_month",
                        "expert_group",
                        "guidance_id",
                        "submitter_organisation",
                        "feedback_type",
                        "outcome"),
                counts);
        apply(
                "report_histogram",
                List.of(
                        "measure",
                        "guidance_id",
                        "submitter_organisation",
                        "expert_group",
                        "report_month",
                        "tenth_days"),
                histogram);
    }

    private static void add(Figures f, long sign, Map<List<Object>, Long> counts, Map<List<Object>, Long> histogram) {
        String group = f.expertGroup() == null ? NONE : f.expertGroup();
        String outcome = f.outcome() == null ? NONE : f.outcome();
        boolean reviewed = f.reviewedLate() != null && f.reviewDueMonth() != null;
        for (Object[] counted : new Object[][] {
            {Count.SUBMITTED, f.submittedMonth()},
            {Count.DECIDED, f.decidedMonth()},
            {Count.ANSWERED, f.answeredMonth()},
            {Count.REVIEWED, reviewed ? f.reviewDueMonth() : null},
            {Count.REVIEWED_LATE, reviewed && f.reviewedLate() ? f.reviewDueMonth() : null}
        }) {
            if (counted[1] != null) {
                counts.merge(
                        List.of(
                                counted[0].toString(),
                                counted[1],
                                group,
                                f.guidanceId(),
                                f.organisation(),
                                f.type(),
                                outcome),
                        sign,
                        Long::sum);
            }
        }
        if (f.decidedMonth() != null) {
            lead(Measure.DECISION, f.decidedMonth(), f.decisionSeconds(), f, group, sign, histogram);
            for (Stage stage : List.of(Stage.TRIAGE, Stage.CLARIFICATION, Stage.REVIEW)) {
                spent(stage, f.decidedMonth(), f, group, sign, histogram);
            }
        }
        if (f.answeredMonth() != null) {
            lead(Measure.PUBLICATION, f.answeredMonth(), f.publicationSeconds(), f, group, sign, histogram);
            spent(Stage.REVISION, f.answeredMonth(), f, group, sign, histogram);
        }
    }

    /** A stage counts the items that spent any time in it. */
    private static void spent(
            Stage stage, String month, Figures f, String group, long sign, Map<List<Object>, Long> histogram) {
        long seconds = f.seconds(stage);
        if (seconds > 0) {
            lead(Measure.of(stage), month, seconds, f, group, sign, histogram);
        }
    }

    /** One row per combination of the filters: each dimension its value or any. */
    private static void lead(
            Measure measure,
            String month,
            Long seconds,
            Figures f,
            String group,
            long sign,
            Map<List<Object>, Long> histogram) {
        if (seconds == null) {
            return;
        }
        int tenths = tenths(seconds);
        for (String guidance : List.of(f.guidanceId(), ANY)) {
            for (String organisation : List.of(f.organisation(), ANY)) {
                for (String g : List.of(group, ANY)) {
                    histogram.merge(List.of(measure.name(), guidance, organisation, g, month, tenths), sign, Long::sum);
                }
            }
        }
    }

    /**
     * The histogram's bucket, in tenths of a day, as the migration computes it: the nearest tenth of a day
     * (half up), from 10 days on the nearest day and from 100 days on the nearest ten days.
     */
    static int tenths(long seconds) {
        int tenths = Math.toIntExact((seconds + SECONDS_PER_TENTH / 2) / SECONDS_PER_TENTH);
        if (tenths >= TEN_DAYS) {
            return (tenths + 50) / 100 * 100;
        }
        return tenths >= DAYS ? (tenths + 5) / 10 * 10 : tenths;
    }

    /**
     * Adds the deltas in the order of the key, so that two transactions touching the same rows lock them in
     * the same order and wait rather than deadlock.
     */
    private void apply(String table, List<String> key, Map<List<Object>, Long> deltas) {
        if (deltas.isEmpty()) {
            return;
        }
        String columns = String.join(", ", key) + ", items";
        if (postgres) {
            String row = "(" + String.join(", ", Collections.nCopies(key.size() + 1, "?")) + ")";
            List<Object> params = new ArrayList<>();
            deltas.forEach((k, n) -> {
                params.addAll(k);
                params.add(n);
            });
            jdbc.sql("insert into " + table + " (" + columns + ") values "
                            + String.join(", ", Collections.nCopies(deltas.size(), row))
                            + " on conflict (" + String.join(", ", key) + ") do update set items = " + table
                            + ".items + excluded.items")
                    .params(params)
                    .update();
            return;
        }
        String match = key.stream().map(c -> c + " = ?").collect(Collectors.joining(" and "));
        deltas.forEach((k, n) -> {
            List<Object> params = new ArrayList<>();
            params.add(n);
            params.addAll(k);
            if (jdbc.sql("update " + table + " set items = items + ? where " + match)
                            .params(params)
                            .update()
                    == 0) {
                List<Object> row = new ArrayList<>(k);
                row.add(n);
                jdbc.sql("insert into " + table + " (" + columns + ") values ("
                                + String.join(", ", Collections.nCopies(key.size() + 1, "?")) + ")")
                        .params(row)
                        .update();
            }
        });
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compare(List<Object> a, List<Object> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = ((Comparable) a.get(i)).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    private static boolean isPostgres(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot tell which database the reports run on", e);
        }
    }
}
