package se.esam.lifecycle.reporting;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.springframework.stereotype.Service;

import se.esam.lifecycle.reporting.ReportQueries.Measure;
import se.esam.lifecycle.reporting.Reports.Backlog;
import se.esam.lifecycle.reporting.Reports.LeadTimes;
import se.esam.lifecycle.reporting.Reports.Outcomes;
import se.esam.lifecycle.system.Csv;
import se.esam.lifecycle.system.InvalidInputException;

/** The reports, and each of their tables by name (for CSV). */
@Service
class ReportService {

    private final ReportQueries queries;
    private final Clock clock;
    private final Map<String, Table> tables;

    /** A table of the reports: the type of its rows, and how to compute them. */
    record Table(Class<?> type, Function<ReportFilter, List<?>> rows) {}

    ReportService(ReportQueries queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
        this.tables = Map.ofEntries(
                Map.entry(
                        "backlog",
                        new Table(
                                Reports.BacklogRow.class,
                                f -> queries.backlog(f).rows())),
                Map.entry(
                        "disposition-by-group",
                        new Table(Reports.LeadTime.class, f -> queries.leadTimes(f, Measure.DISPOSITION, true))),
                Map.entry(
                        "disposition-by-month",
                        new Table(Reports.LeadTime.class, f -> queries.leadTimes(f, Measure.DISPOSITION, false))),
                Map.entry(
                        "publication-by-group",
                        new Table(Reports.LeadTime.class, f -> queries.leadTimes(f, Measure.PUBLICATION, true))),
                Map.entry(
                        "publication-by-month",
                        new Table(Reports.LeadTime.class, f -> queries.leadTimes(f, Measure.PUBLICATION, false))),
                Map.entry("stages", new Table(Reports.StageTime.class, queries::stageTimes)),
                Map.entry(
                        "outcomes-by-type",
                        new Table(Reports.OutcomeRow.class, f -> queries.outcomes(f, "feedback_type"))),
                Map.entry(
                        "outcomes-by-guidance",
                        new Table(Reports.OutcomeRow.class, f -> queries.outcomes(f, "guidance_id"))),
                Map.entry(
                        "outcomes-by-organisation",
                        new Table(Reports.OutcomeRow.class, f -> queries.outcomes(f, "submitter_organisation"))),
                Map.entry("throughput", new Table(Reports.ThroughputRow.class, queries::throughput)),
                Map.entry("deadlines", new Table(Reports.DeadlineRow.class, queries::deadlines)),
                Map.entry("overdue-reviews", new Table(Reports.OverdueReview.class, queries::overdueReviews)),
                Map.entry("most-endorsed", new Table(Reports.MostEndorsed.class, queries::mostEndorsed)));
    }

    ReportFilter filter(String from, String to, String expertGroup, String guidanceId, String organisation) {
        return ReportFilter.of(from, to, expertGroup, guidanceId, organisation, clock);
    }

    Backlog backlog(ReportFilter filter) {
        return queries.backlog(filter);
    }

    LeadTimes leadTimes(ReportFilter filter) {
        return new LeadTimes(
                queries.leadTimes(filter, Measure.DISPOSITION, true),
                queries.leadTimes(filter, Measure.DISPOSITION, false),
                queries.leadTimes(filter, Measure.PUBLICATION, true),
                queries.leadTimes(filter, Measure.PUBLICATION, false),
                queries.stageTimes(filter));
    }

    Outcomes outcomes(ReportFilter filter) {
        return queries.outcomes(filter);
    }

    List<Reports.ThroughputRow> throughput(ReportFilter filter) {
        return queries.throughput(filter);
    }

    List<Reports.DeadlineRow> deadlines(ReportFilter filter) {
        return queries.deadlines(filter);
    }

    List<Reports.OverdueReview> overdueReviews(ReportFilter filter) {
        return queries.overdueReviews(filter);
    }

    List<Reports.MostEndorsed> mostEndorsed(ReportFilter filter) {
        return queries.mostEndorsed(filter);
    }

    Reports.FeedbackList feedback(ReportFilter filter, Drill drill) {
        return queries.feedback(filter, drill);
    }

    String csv(String name, ReportFilter filter) {
        Table table = tables.get(name);
        if (table == null) {
            throw new InvalidInputException(
                    "table",
                    "Okänd tabell '" + name + "', tillåtna: "
                            + tables.keySet().stream().sorted().toList());
        }
        return Csv.of(table.rows().apply(filter), table.type());
    }
}
