package se.esam.lifecycle.reporting;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import se.esam.lifecycle.feedback.Stage;

/** The figures of the manager reports; durations in days, rounded to one decimal. */
final class Reports {

    private Reports() {}

    /** The stages open feedback waits in. */
    record BacklogRow(Stage stage, String expertGroup, long open, long overdue) {}

    record Backlog(Instant at, List<BacklogRow> rows, long open, long overdue) {}

    /** Median and 90th percentile of a lead time over {@code count} items. */
    record LeadTime(String expertGroup, String month, long count, Double medianDays, Double p90Days) {}

    record StageTime(Stage stage, long count, Double medianDays, Double p90Days) {}

    record LeadTimes(
            List<LeadTime> toDispositionByGroup,
            List<LeadTime> toDispositionByMonth,
            List<LeadTime> toPublicationByGroup,
            List<LeadTime> toPublicationByMonth,
            List<StageTime> stages) {}

    record OutcomeRow(
            String key,
            String label,
            long accepted,
            long rejected,
            long held,
            long duplicate,
            long outOfScope,
            long unanswered) {

        long total() {
            return accepted + rejected + held + duplicate + outOfScope + unanswered;
        }
    }

    record Outcomes(List<OutcomeRow> byType, List<OutcomeRow> byGuidance, List<OutcomeRow> byOrganisation) {}

    record ThroughputRow(
            String month,
            long submitted,
            long decided,
            long published,
            long revisionsPublished,
            Double revisionMedianDays,
            Double revisionP90Days) {}

    record DeadlineRow(String expertGroup, String month, long reviews, long late) {}

    /** A published version whose periodic review is past its date ("Försenade översyner"). */
    record OverdueReview(
            String guidanceId,
            String title,
            String version,
            String expertGroup,
            LocalDate reviewDue,
            long daysOverdue) {}

    /**
     * An open item other organisations stand behind ("Mest stödda öppna synpunkter").
     *
     * @param organisations the submitting organisation and the endorsing ones (the routing table's breadth)
     */
    record MostEndorsed(
            String reference,
            String guidanceId,
            String guidanceVersion,
            String sectionId,
            String type,
            String status,
            String expertGroup,
            String organisation,
            long endorsements,
            long organisations) {}

    /** One item behind a figure. */
    record FeedbackRow(
            String reference,
            String type,
            String guidanceId,
            String organisation,
            String expertGroup,
            String status,
            String outcome,
            Instant submittedAt,
            Instant decidedAt,
            Instant answeredAt,
            Instant reviewDue) {}

    record FeedbackList(long total, List<FeedbackRow> items) {}
}
