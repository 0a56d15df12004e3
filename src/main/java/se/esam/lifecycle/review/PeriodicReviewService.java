package se.esam.lifecycle.review;

import static se.esam.lifecycle.feedback.FeedbackStatus.HELD_FOR_NEXT_REVISION;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.esam.lifecycle.feedback.FeedbackEndorsements;
import se.esam.lifecycle.feedback.FeedbackStatus;
import se.esam.lifecycle.guidance.GuidanceReviews;
import se.esam.lifecycle.guidance.GuidanceReviews.ReviewedVersion;
import se.esam.lifecycle.identity.Directory;
import se.esam.lifecycle.identity.Roles;
import se.esam.lifecycle.notification.MailProperties;
import se.esam.lifecycle.notification.Mailer;
import se.esam.lifecycle.review.internal.PeriodicReviewProcess;
import se.esam.lifecycle.system.ForbiddenException;
import se.esam.lifecycle.system.InvalidInputException;
import se.esam.lifecycle.system.NotFoundException;
import se.esam.lifecycle.system.SwedishTime;

/** What a periodic review decides and what it tells people; the process says when. */
@Service
class PeriodicReviewService {

    /** Camunda keeps a text variable in 4,000 characters; the lists shown in the form stay under it. */
    private static final int MAX_LIST_TEXT = 3_800;

    private static final int EXCERPT = 100;

    private final GuidanceReviews reviews;
    private final PeriodicReviewProperties properties;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final Mailer mailer;
    private final Directory directory;
    private final String linkBase;
    private final FeedbackEndorsements endorsements;

    PeriodicReviewService(
            GuidanceReviews reviews,
            PeriodicReviewProperties properties,
            JdbcClient jdbc,
            Clock clock,
            Mailer mailer,
            Directory directory,
            MailProperties mail,
            FeedbackEndorsements endorsements) {
        this.endorsements = endorsements;
        this.reviews = reviews;
        this.properties = properties;
        this.jdbc = jdbc;
        this.clock = clock;
        this.mailer = mailer;
        this.directory = directory;
        this.linkBase = mail.linkBaseUrl();
    }

    /** The review plan of a version: due, when the task opens and when the group is reminded. */
    record Plan(LocalDate due, LocalDate starts, LocalDate reminder) {}

    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), SwedishTime.ZONE);
    }

    ReviewedVersion version(String guidanceId, String number) {
        return reviews.version(guidanceId, number)
                .orElseThrow(() -> new NotFoundException("Ingen version " + number + " av " + guidanceId));
    }

    /** The version's first review: the stored date, or publication plus the document's period. */
    @Transactional
    Plan schedule(String guidanceId, String number) {
        ReviewedVersion version = version(guidanceId, number);
        LocalDate due =
                reviews.planReview(guidanceId, number, version.publishedOn().plusMonths(periodOf(version)));
        return plan(due);
    }

    Plan plan(LocalDate due) {
        return new Plan(due, due.minus(properties.leadTime()), due.minus(properties.reminderBeforeDue()));
    }

    int periodOf(ReviewedVersion version) {
        return version.reviewPeriodMonths() != null ? version.reviewPeriodMonths() : properties.defaultPeriodMonths();
    }

    /** The default next review date offered in the form: a full period from the due date, never in the past. */
    LocalDate proposedNext(ReviewedVersion version, LocalDate due) {
        LocalDate from = due.isAfter(today()) ? due : today();
        return from.plusMonths(periodOf(version));
    }

    /** Whoever completes the task must belong to the document's owning group (Tasklist lets admins try). */
    void mayReview(ReviewedVersion version, String actor) {
        if (actor == null || !directory.groupsOf(actor).contains(version.owningGroup())) {
            throw new ForbiddenException("Bara " + directory.groupName(version.owningGroup())
                    + " kan göra den periodiska översynen av " + version.documentTitle() + ".");
        }
    }

    /** Checks a next review date from the form: tomorrow at the earliest, the longest period at the latest. */
    LocalDate nextReviewDate(Object value) {
        LocalDate date;
        if (value instanceof java.util.Date d) {
            date = LocalDate.ofInstant(d.toInstant(), SwedishTime.ZONE);
        } else if (value instanceof String text && !text.isBlank()) {
            try {
                date = LocalDate.parse(text.strip().length() > 10 ? text.strip().substring(0, 10) : text.strip());
            } catch (DateTimeParseException e) {
                throw new InvalidInputException(
                        PeriodicReviewProcess.Vars.NEXT_REVIEW_DATE, "Ange nästa översyn som ett datum (ÅÅÅÅ-MM-DD).");
            }
        } else {
            throw new InvalidInputException(
                    PeriodicReviewProcess.Vars.NEXT_REVIEW_DATE, "Ange när nästa översyn ska göras senast.");
        }
        LocalDate latest = today().plusMonths(properties.longestPeriodMonths());
        if (!date.isAfter(today()) || date.isAfter(latest)) {
            throw new InvalidInputException(
                    PeriodicReviewProcess.Vars.NEXT_REVIEW_DATE,
                    "Nästa översyn ska vara efter i dag och senast " + latest + ".");
        }
        return date;
    }

    @Transactional
    void stillValid(String guidanceId, String number, LocalDate next) {
        reviews.reviewed(guidanceId, number, today(), next);
    }

    @Transactional
    void revisionOpened(String guidanceId, String number) {
        reviews.revisionOpened(guidanceId, number, today());
    }

    @Transactional
    void withdraw(String guidanceId, String number, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException(
                    PeriodicReviewProcess.Vars.WITHDRAW_REASON, "Ange varför versionen dras tillbaka.");
        }
        reviews.withdraw(guidanceId, number, today(), reason.strip());
    }

    /** "2 år och 5 månader": how long the version has been published. */
    String age(LocalDate publishedOn) {
        Period age = Period.between(publishedOn, today());
        int years = age.getYears();
        int months = age.getMonths();
        String y = years == 1 ? "1 år" : years + " år";
        String m = months == 1 ? "1 månad" : months + " månader";
        if (years == 0) {
            return m;
        }
        return months == 0 ? y : y + " och " + m;
    }

    /** Feedback on the document still being worked on (not yet decided, or accepted and waiting). */
    String openFeedback(String guidanceId) {
        return list(guidanceId, "status in (" + statusesWhere(s -> !s.closed() && s != HELD_FOR_NEXT_REVISION) + ")");
    }

    /** Feedback held for the next revision: what a revision would take up. */
    String heldFeedback(String guidanceId) {
        return list(guidanceId, "status = '" + HELD_FOR_NEXT_REVISION.name() + "'");
    }

    /**
     * The document's open feedback other organisations stand behind ("vi har samma problem"), most endorsed
     * first, through feedback's own face; "inga" when none is.
     */
    String endorsements(String guidanceId) {
        List<FeedbackEndorsements.EndorsedItem> items = endorsements.mostEndorsedOpen(guidanceId);
        if (items.isEmpty()) {
            return "Instämmanden: inga";
        }
        StringBuilder text = new StringBuilder("Instämmanden:");
        for (FeedbackEndorsements.EndorsedItem item : items) {
            String line = "\n- " + item.reference() + " (version " + item.guidanceVersion()
                    + (item.sectionId() == null ? "" : ", avsnitt " + item.sectionId()) + "): "
                    + (item.endorsements() == 1 ? "1 organisation till" : item.endorsements() + " organisationer till");
            if (text.length() + line.length() > 3900) {
                text.append("\n- …");
                break;
            }
            text.append(line);
        }
        return text.toString();
    }

    /** Feedback's statuses that pass, as an SQL list of literals: the enum's own names, nothing typed here. */
    private static String statusesWhere(Predicate<FeedbackStatus> passes) {
        return Arrays.stream(FeedbackStatus.values())
                .filter(passes)
                .map(status -> "'" + status.name() + "'")
                .collect(Collectors.joining(", "));
    }

    private String list(String guidanceId, String condition) {
        record Row(String reference, String version, String section, String description, boolean personal) {}
        // the feedback module's own table, read as the reports read it: a view for the owning group's task
        List<Row> rows = jdbc.sql("select reference, guidance_version, section_id, description, "
                        + "contains_personal_data from feedback where guidance_id = ? and " + condition
                        + " order by submitted_at, reference")
                .param(guidanceId)
                .query((rs, n) ->
                        new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getBoolean(5)))
                .list();
        if (rows.isEmpty()) {
            return "Inga";
        }
        StringBuilder text = new StringBuilder();
        int shown = 0;
        for (Row row : rows) {
            String line = row.reference() + " (version " + row.version()
                    + (row.section() != null ? ", avsnitt " + row.section() : "") + "): "
                    + (row.personal() ? "[innehåller personuppgifter]" : excerpt(row.description()));
            if (text.length() + line.length() + 40 > MAX_LIST_TEXT) {
                text.append("… och ").append(rows.size() - shown).append(" till");
                break;
            }
            text.append(line).append('\n');
            shown++;
        }
        return text.toString().strip();
    }

    private static String excerpt(String description) {
        String flat =
                description == null ? "" : description.replaceAll("\\s+", " ").strip();
        return flat.length() <= EXCERPT ? flat : flat.substring(0, EXCERPT - 1) + "…";
    }

    void remind(ReviewedVersion version, LocalDate due) {
        mailer.send(
                directory.emailsOfGroup(version.owningGroup()),
                "Påminnelse: periodisk översyn av " + version.documentTitle() + " " + version.number(),
                """
                Den periodiska översynen av %s %s ska vara klar senast %s. Uppgiften "Periodisk översyn" \
                väntar på %s i Tasklist:

                %s/camunda/app/tasklist/
                """.formatted(
                                version.documentTitle(),
                                version.number(),
                                due,
                                directory.groupName(version.owningGroup()),
                                linkBase));
    }

    void escalate(ReviewedVersion version, LocalDate due) {
        mailer.send(
                directory.emailsOfGroup(Roles.KANSLI),
                "Försenad periodisk översyn: " + version.documentTitle() + " " + version.number(),
                """
                Den periodiska översynen av %s %s skulle ha varit klar %s. Ansvarig expertgrupp: %s.

                %s/reports
                """.formatted(
                                version.documentTitle(),
                                version.number(),
                                due,
                                directory.groupName(version.owningGroup()),
                                linkBase));
    }
}
