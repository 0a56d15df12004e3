package se.esam.lifecycle.reporting;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import se.esam.lifecycle.feedback.Disposition;
import se.esam.lifecycle.feedback.FeedbackStatus;
import se.esam.lifecycle.feedback.Stage;
import se.esam.lifecycle.reporting.Reports.Backlog;
import se.esam.lifecycle.reporting.Reports.BacklogRow;
import se.esam.lifecycle.reporting.Reports.DeadlineRow;
import se.esam.lifecycle.reporting.Reports.FeedbackList;
import se.esam.lifecycle.reporting.Reports.FeedbackRow;
import se.esam.lifecycle.reporting.Reports.LeadTime;
import se.esam.lifecycle.reporting.Reports.OutcomeRow;
import se.esam.lifecycle.reporting.Reports.Outcomes;
import se.esam.lifecycle.reporting.Reports.StageTime;
import se.esam.lifecycle.reporting.Reports.ThroughputRow;
import se.esam.lifecycle.revision.RevisionCycles;

/**
 * The reports as SQL aggregates. Counts and lead times come from the monthly figures of the V19 migration
 * ({@link MonthlyFigures}): a few thousand rows however many items, percentiles from histograms in tenths of
 * a day. What depends on the moment (backlog, deadlines) and the lists behind a figure read the feedback
 * table through the report indexes of the V7 migration; keep such a query's columns within its index.
 */
@Repository
@Transactional(readOnly = true)
class ReportQueries {

    static final double SECONDS_PER_DAY = 86_400;
    private static final int MAX_LIST = 1000;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final RevisionCycles cycles;

    ReportQueries(JdbcClient jdbc, Clock clock, RevisionCycles cycles) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.cycles = cycles;
    }

    // backlog now

    Backlog backlog(ReportFilter filter) {
        Instant now = clock.instant();
        Where where = Where.dimensions(
                filter,
                "status in (" + placeholders(openStatuses().size()) + ")",
                openStatuses().toArray());
        List<BacklogRow> rows = jdbc.sql("select status, expert_group, count(*) as open, "
                        + "sum(case when " + FeedbackStatus.overdueCondition("?")
                        + " then 1 else 0 end) as overdue from feedback" + where.sql()
                        + " group by status, expert_group")
                .params(concat(new Object[] {Timestamp.from(now), Timestamp.from(now)}, where.params()))
                .query((rs, n) -> new BacklogRow(
                        FeedbackStatus.valueOf(rs.getString("status")).stage(),
                        rs.getString("expert_group"),
                        rs.getLong("open"),
                        rs.getLong("overdue")))
                .list();
        // several statuses make one stage (revision): add them up
        Map<String, BacklogRow> merged = new TreeMap<>();
        for (BacklogRow row : rows) {
            merged.merge(
                    row.stage().ordinal() + "|" + (row.expertGroup() == null ? "" : row.expertGroup()),
                    row,
                    (a, b) ->
                            new BacklogRow(a.stage(), a.expertGroup(), a.open() + b.open(), a.overdue() + b.overdue()));
        }
        List<BacklogRow> result = List.copyOf(merged.values());
        return new Backlog(
                now,
                result,
                result.stream().mapToLong(BacklogRow::open).sum(),
                result.stream().mapToLong(BacklogRow::overdue).sum());
    }

    // lead times

    /**
     * Median and 90th percentile of a lead time per group or per month, from the monthly histograms in tenths
     * of a day: each item counts at its lead time rounded to a tenth, so a figure is within a tenth of a day
     * of the exact percentile (and equal to it when the times are whole tenths).
     */
    List<LeadTime> leadTimes(ReportFilter filter, Measure measure, boolean byGroup) {
        String key = byGroup ? "expert_group" : "report_month";
        Where where = histogram(filter, measure.histogram().name(), byGroup);
        Map<String, TreeMap<Integer, Long>> histograms = new TreeMap<>(ReportQueries::groupsNoneLast);
        jdbc.sql("select " + key + " as k, tenth_days, sum(items) as n from report_histogram" + where.sql()
                        + " group by " + key + ", tenth_days")
                .params(where.params())
                .query((ResultSet rs) -> {
                    histograms
                            .computeIfAbsent(rs.getString("k").strip(), k -> new TreeMap<>())
                            .merge(rs.getInt("tenth_days"), rs.getLong("n"), Long::sum);
                });
        List<LeadTime> rows = new ArrayList<>();
        histograms.forEach((k, histogram) -> {
            long count = Histogram.count(histogram);
            if (count > 0) {
                String group = byGroup ? (k.isEmpty() ? null : k) : null;
                rows.add(new LeadTime(
                        group,
                        byGroup ? null : k,
                        count,
                        Histogram.percentile(histogram, 0.5),
                        Histogram.percentile(histogram, 0.9)));
            }
        });
        return rows;
    }

    /** Group ids in order, the row of items without a group last (as {@code nulls last} did). */
    private static int groupsNoneLast(String a, String b) {
        if (a.isEmpty() || b.isEmpty()) {
            return Boolean.compare(a.isEmpty(), b.isEmpty());
        }
        return a.compareTo(b);
    }

    /**
     * Time spent in each stage by the items that spent any time in it: decided in the period (revision:
     * answered in the period). One read of the four stages' histograms.
     */
    List<StageTime> stageTimes(ReportFilter filter) {
        List<Stage> stages = List.of(Stage.TRIAGE, Stage.CLARIFICATION, Stage.REVIEW, Stage.REVISION);
        Where where =
                histogram(filter, stages.stream().map(Stage::name).toList().toArray(), false);
        Map<String, TreeMap<Integer, Long>> histograms = new TreeMap<>();
        jdbc.sql("select measure, tenth_days, sum(items) as n from report_histogram" + where.sql()
                        + " group by measure, tenth_days")
                .params(where.params())
                .query((ResultSet rs) -> {
                    histograms
                            .computeIfAbsent(rs.getString("measure"), k -> new TreeMap<>())
                            .put(rs.getInt("tenth_days"), rs.getLong("n"));
                });
        return stages.stream()
                .map(stage -> {
                    TreeMap<Integer, Long> histogram = histograms.getOrDefault(stage.name(), new TreeMap<>());
                    return new StageTime(
                            stage,
                            Histogram.count(histogram),
                            Histogram.percentile(histogram, 0.5),
                            Histogram.percentile(histogram, 0.9));
                })
                .toList();
    }

    /**
     * The histogram rows of the filter's own combination: a dimension the filter leaves open is read from the
     * rows that count any value of it ('*'); by group, the rows of each group (every row not '*').
     */
    private static Where histogram(ReportFilter filter, Object measures, boolean byGroup) {
        Object[] names = measures instanceof Object[] many ? many : new Object[] {measures};
        List<Object> params = new ArrayList<>(Arrays.asList(names));
        StringBuilder sql = new StringBuilder(" where measure in (" + placeholders(names.length) + ")");
        sql.append(" and guidance_id = ? and submitter_organisation = ?");
        params.add(filter.guidanceId() == null ? MonthlyFigures.ANY : filter.guidanceId());
        params.add(filter.organisation() == null ? MonthlyFigures.ANY : filter.organisation());
        if (filter.expertGroup() != null) {
            sql.append(" and expert_group = ?");
            params.add(filter.expertGroup());
        } else if (byGroup) {
            sql.append(" and expert_group <> ?");
            params.add(MonthlyFigures.ANY);
        } else {
            sql.append(" and expert_group = ?");
            params.add(MonthlyFigures.ANY);
        }
        sql.append(" and report_month between ? and ?");
        params.add(filter.fromMonth());
        params.add(filter.toMonth());
        return new Where(sql.toString(), params.toArray());
    }

    // outcomes

    private static final List<String> OUTCOME_DIMENSIONS =
            List.of("feedback_type", "guidance_id", "submitter_organisation");

    /** By type, guidance and organisation, from one scan of the period. */
    Outcomes outcomes(ReportFilter filter) {
        List<List<OutcomeRow>> rows = outcomes(filter, OUTCOME_DIMENSIONS);
        return new Outcomes(rows.get(0), rows.get(1), rows.get(2));
    }

    /** @param dimension feedback_type, guidance_id or submitter_organisation */
    List<OutcomeRow> outcomes(ReportFilter filter, String dimension) {
        return outcomes(filter, List.of(dimension)).get(0);
    }

    /** Counts per combination of the dimensions, added up per dimension. */
    private List<List<OutcomeRow>> outcomes(ReportFilter filter, List<String> dimensions) {
        Where where = counted(filter, MonthlyFigures.Count.DECIDED);
        List<Map<String, long[]>> counts = new ArrayList<>();
        dimensions.forEach(dimension -> counts.add(new TreeMap<>()));
        List<String> outcomes = outcomeNames();
        String keys = String.join(", ", dimensions);
        jdbc.sql("select " + keys + ", outcome, sum(items) as n from report_count" + where.sql()
                        + " and outcome <> '' group by " + keys + ", outcome")
                .params(where.params())
                .query((ResultSet rs) -> {
                    for (int i = 0; i < dimensions.size(); i++) {
                        long[] row = counts.get(i)
                                .computeIfAbsent(rs.getString(dimensions.get(i)), k -> new long[outcomes.size()]);
                        row[outcomes.indexOf(rs.getString("outcome"))] += rs.getLong("n");
                    }
                });
        return counts.stream()
                .map(byKey -> byKey.entrySet().stream()
                        .map(e -> {
                            long[] c = e.getValue();
                            return new OutcomeRow(e.getKey(), e.getKey(), c[0], c[1], c[2], c[3], c[4], c[5]);
                        })
                        .toList())
                .toList();
    }

    /** In the order of {@link OutcomeRow}'s counts. */
    static List<String> outcomeNames() {
        return List.of(
                Disposition.ACCEPTED.name(),
                Disposition.REJECTED.name(),
                Disposition.HELD.name(),
                FeedbackStatus.DUPLICATE.name(),
                FeedbackStatus.OUT_OF_SCOPE.name(),
                FeedbackStatus.UNANSWERED.name());
    }

    // throughput

    List<ThroughputRow> throughput(ReportFilter filter) {
        Map<String, long[]> counts = new TreeMap<>();
        for (YearMonth m = filter.from(); !m.isAfter(filter.to()); m = m.plusMonths(1)) {
            counts.put(m.toString(), new long[3]);
        }
        Where where = Where.period(filter, "report_month")
                .and(
                        "measure in (?, ?, ?)",
                        MonthlyFigures.Count.SUBMITTED.name(),
                        MonthlyFigures.Count.DECIDED.name(),
                        MonthlyFigures.Count.ANSWERED.name());
        jdbc.sql("select measure, report_month, sum(items) as n from report_count" + where.sql()
                        + " group by measure, report_month")
                .params(where.params())
                .query((ResultSet rs) -> {
                    counts.get(rs.getString("report_month").strip())[
                                    MonthlyFigures.Count.valueOf(rs.getString("measure"))
                                            .ordinal()] +=
                            rs.getLong("n");
                });
        Map<String, List<Double>> cycles = revisionCycleDays(filter);
        return counts.entrySet().stream()
                .map(e -> {
                    List<Double> days = cycles.getOrDefault(e.getKey(), List.of());
                    return new ThroughputRow(
                            e.getKey(),
                            e.getValue()[0],
                            e.getValue()[1],
                            e.getValue()[2],
                            days.size(),
                            percentile(days, 0.5),
                            percentile(days, 0.9));
                })
                .toList();
    }

    /** Opening to publication of each revision published in the period, by month of publication. */
    private Map<String, List<Double>> revisionCycleDays(ReportFilter filter) {
        return cycles
                .publishedBetween(start(filter.from()), start(filter.to().plusMonths(1)), filter.guidanceId())
                .stream()
                .collect(Collectors.groupingBy(
                        cycle -> YearMonth.from(cycle.publishedAt().atZone(clock.getZone()))
                                .toString(),
                        Collectors.mapping(
                                cycle -> Duration.between(cycle.openedAt(), cycle.publishedAt())
                                                .toSeconds()
                                        / SECONDS_PER_DAY,
                                Collectors.toList())));
    }

    // deadlines

    /**
     * Reviews due per month and group, and how many were or are late: decided ones from the monthly figures
     * (late when due before the decision), undecided ones from the feedback table by the clock.
     */
    List<DeadlineRow> deadlines(ReportFilter filter) {
        Map<List<String>, long[]> rows = new TreeMap<>((a, b) -> {
            int byMonth = a.get(0).compareTo(b.get(0));
            return byMonth != 0 ? byMonth : groupsNoneLast(a.get(1), b.get(1));
        });
        Where decided = Where.dimensions(
                filter,
                "measure in (?, ?) and report_month between ? and ?",
                MonthlyFigures.Count.REVIEWED.name(),
                MonthlyFigures.Count.REVIEWED_LATE.name(),
                filter.fromMonth(),
                filter.toMonth());
        jdbc.sql("select report_month, expert_group, measure, sum(items) as n from report_count" + decided.sql()
                        + " group by report_month, expert_group, measure")
                .params(decided.params())
                .query((ResultSet rs) -> {
                    long[] row = rows.computeIfAbsent(
                            List.of(rs.getString("report_month").strip(), rs.getString("expert_group")),
                            k -> new long[2]);
                    row[MonthlyFigures.Count.REVIEWED.name().equals(rs.getString("measure")) ? 0 : 1] +=
                            rs.getLong("n");
                });
        Where open = Where.period(filter, "review_due_month").and("decided_at is null");
        jdbc.sql("select review_due_month, expert_group, count(*) as reviews, "
                        + "sum(case when review_due < ? then 1 else 0 end) as late from feedback" + open.sql()
                        + " group by review_due_month, expert_group")
                .params(concat(new Object[] {Timestamp.from(clock.instant())}, open.params()))
                .query((ResultSet rs) -> {
                    String group = rs.getString("expert_group");
                    long[] row = rows.computeIfAbsent(
                            List.of(rs.getString("review_due_month").strip(), group == null ? "" : group),
                            k -> new long[2]);
                    row[0] += rs.getLong("reviews");
                    row[1] += rs.getLong("late");
                });
        return rows.entrySet().stream()
                .filter(e -> e.getValue()[0] != 0)
                .map(e -> new DeadlineRow(
                        e.getKey().get(1).isEmpty() ? null : e.getKey().get(1),
                        e.getKey().get(0),
                        e.getValue()[0],
                        e.getValue()[1]))
                .toList();
    }

    // periodic reviews

    /**
     * Published versions past their review date now, oldest first; withdrawn versions are reviewed no more. The
     * filter's expert group and document apply, its months do not: overdue is a state, not a period.
     */
    List<Reports.OverdueReview> overdueReviews(ReportFilter filter) {
        // the application's clock runs in Swedish time: today is the Swedish day
        java.time.LocalDate today = java.time.LocalDate.now(clock);
        StringBuilder sql = new StringBuilder("""
                select d.id, d.title, v.version_number, d.owning_group, v.review_due
                  from guidance_version v
                  join guidance_document d on d.id = v.document_id
                 where v.review_due < ? and v.withdrawn_on is null""");
        List<Object> params = new ArrayList<>(List.of(today));
        if (filter.expertGroup() != null) {
            sql.append(" and d.owning_group = ?");
            params.add(filter.expertGroup());
        }
        if (filter.guidanceId() != null) {
            sql.append(" and d.id = ?");
            params.add(filter.guidanceId());
        }
        sql.append(" order by v.review_due, d.id");
        return jdbc.sql(sql.toString())
                .params(params)
                .query((rs, n) -> {
                    java.time.LocalDate due = rs.getObject("review_due", java.time.LocalDate.class);
                    return new Reports.OverdueReview(
                            rs.getString("id"),
                            rs.getString("title"),
                            rs.getString("version_number"),
                            rs.getString("owning_group"),
                            due,
                            java.time.temporal.ChronoUnit.DAYS.between(due, today));
                })
                .list();
    }

    // endorsements

    /** How many items "Mest stödda öppna synpunkter" lists. */
    static final int MOST_ENDORSED = 10;

    /**
     * Open items most organisations stand behind, most first (ties: the oldest first). The filter's group, document
     * and submitting organisation apply, its months do not: being open and endorsed is a state, not a period.
     */
    List<Reports.MostEndorsed> mostEndorsed(ReportFilter filter) {
        Where where = Where.dimensions(
                filter,
                "status in (" + placeholders(openStatuses().size()) + ")",
                openStatuses().toArray());
        return jdbc.sql("select f.reference, guidance_id, guidance_version, section_id, feedback_type, status, "
                        + "expert_group, submitter_organisation, count(*) as n from feedback f "
                        + "join feedback_endorsement e on e.reference = f.reference" + where.sql()
                        + " group by f.reference, guidance_id, guidance_version, section_id, feedback_type, status, "
                        + "expert_group, submitter_organisation, submitted_at"
                        + " order by n desc, submitted_at, f.reference limit " + MOST_ENDORSED)
                .params(where.params())
                .query((rs, n) -> new Reports.MostEndorsed(
                        rs.getString("reference"),
                        rs.getString("guidance_id"),
                        rs.getString("guidance_version"),
                        rs.getString("section_id"),
                        rs.getString("feedback_type"),
                        rs.getString("status"),
                        rs.getString("expert_group"),
                        rs.getString("submitter_organisation"),
                        rs.getLong("n"),
                        rs.getLong("n") + 1))
                .list();
    }

    // drill-down

    FeedbackList feedback(ReportFilter filter, Drill drill) {
        Where where = drill.where(filter, clock.instant());
        Where counted = drill.counted(filter);
        long total = counted == null
                ? jdbc.sql("select count(*) from feedback" + where.sql())
                        .params(where.params())
                        .query(Long.class)
                        .single()
                : jdbc.sql("select coalesce(sum(items), 0) from report_count" + counted.sql())
                        .params(counted.params())
                        .query(Long.class)
                        .single();
        // the first references, then only those rows from the table
        List<String> first = firstReferences(filter, drill, where, total);
        if (first.isEmpty()) {
            return new FeedbackList(total, List.of());
        }
        List<FeedbackRow> items = jdbc.sql("select reference, feedback_type, guidance_id, submitter_organisation, "
                        + "expert_group, status, outcome, submitted_at, decided_at, answered_at, review_due from feedback "
                        + "where reference in (" + placeholders(first.size()) + ") "
                        + "order by submitted_at, reference")
                .params(first)
                .query((rs, n) -> new FeedbackRow(
                        rs.getString("reference"),
                        rs.getString("feedback_type"),
                        rs.getString("guidance_id"),
                        rs.getString("submitter_organisation"),
                        rs.getString("expert_group"),
                        rs.getString("status"),
                        rs.getString("outcome"),
                        instant(rs, "submitted_at"),
                        instant(rs, "decided_at"),
                        instant(rs, "answered_at"),
                        instant(rs, "review_due")))
                .list();
        return new FeedbackList(total, items);
    }

    /** How many of the earliest submissions a drill-down looks through before it reads the whole period. */
    private static final int EARLIEST = 40_000;

    /**
     * The first references of a figure by submission. Over a period from the first year of feedback on they
     * are mostly among the earliest submissions: the overview index gives those in order, and the figure's
     * first thousand among them are its first thousand overall. Else (a later period, a rare filter) the
     * figure's report index gives every item of the period, sorted for the first ({@code offset 0 rows} keeps
     * the database from reading the whole table in submission order instead).
     */
    private List<String> firstReferences(ReportFilter filter, Drill drill, Where where, long total) {
        String order = " order by submitted_at, reference fetch first " + MAX_LIST + " rows only";
        String first = jdbc.sql("select min(report_month) from report_count where measure = ?")
                .param(MonthlyFigures.Count.SUBMITTED.name())
                .query(String.class)
                .optional()
                .map(String::strip)
                .orElse(null);
        boolean early = drill.month() == null
                && first != null
                && !filter.from().isAfter(YearMonth.parse(first).plusMonths(12));
        List<String> earliest = !early
                ? List.of()
                : jdbc.sql("select reference from (select * from feedback order by submitted_at, "
                                + "reference fetch first " + EARLIEST + " rows only) earliest" + where.sql() + order)
                        .params(where.params())
                        .query(String.class)
                        .list();
        if (early && earliest.size() >= Math.min(total, MAX_LIST)) {
            return earliest;
        }
        return jdbc.sql("select reference from (select reference, submitted_at from feedback" + where.sql()
                        + " offset 0 rows) in_period" + order)
                .params(where.params())
                .query(String.class)
                .list();
    }

    /** The filter's rows of report_count for one measure and the period. */
    static Where counted(ReportFilter filter, MonthlyFigures.Count measure) {
        return Where.dimensions(
                filter,
                "measure = ? and report_month between ? and ?",
                measure.name(),
                filter.fromMonth(),
                filter.toMonth());
    }

    // helpers

    /** Which lead time: to the disposition, or to the version that answered the feedback. */
    enum Measure {
        DISPOSITION("decided_month", "decision_seconds", MonthlyFigures.Measure.DECISION),
        PUBLICATION("answered_month", "publication_seconds", MonthlyFigures.Measure.PUBLICATION);

        private final String monthColumn;
        private final String secondsColumn;
        private final MonthlyFigures.Measure histogram;

        Measure(String monthColumn, String secondsColumn, MonthlyFigures.Measure histogram) {
            this.monthColumn = monthColumn;
            this.secondsColumn = secondsColumn;
            this.histogram = histogram;
        }

        MonthlyFigures.Measure histogram() {
            return histogram;
        }

        String monthColumn() {
            return monthColumn;
        }

        String secondsColumn() {
            return secondsColumn;
        }
    }

    static List<String> openStatuses() {
        return Arrays.stream(FeedbackStatus.values())
                .filter(s -> !s.closed())
                .map(Enum::name)
                .toList();
    }

    static List<String> statusesOf(Stage stage) {
        return Arrays.stream(FeedbackStatus.values())
                .filter(s -> s.stage() == stage)
                .map(Enum::name)
                .toList();
    }

    private Instant start(YearMonth month) {
        return month.atDay(1).atStartOfDay(clock.getZone()).toInstant();
    }

    static String placeholders(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }

    static Object[] concat(Object[] first, Object[] second) {
        Object[] all = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }

    /** Linear interpolation between closest ranks, as percentile_cont does. */
    static Double percentile(List<Double> values, double fraction) {
        if (values.isEmpty()) {
            return null;
        }
        List<Double> sorted = values.stream().sorted(Comparator.naturalOrder()).toList();
        double position = fraction * (sorted.size() - 1);
        int lower = (int) Math.floor(position);
        int upper = (int) Math.ceil(position);
        double value = sorted.get(lower) + (sorted.get(upper) - sorted.get(lower)) * (position - lower);
        return Math.round(value * 10) / 10.0;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
