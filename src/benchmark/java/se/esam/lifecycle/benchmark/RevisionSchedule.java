package se.esam.lifecycle.benchmark;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.NavigableMap;
import java.util.Random;

import se.esam.lifecycle.system.SwedishTime;

/**
 * The revisions of one document over the generated years, drawn backwards from now so that the end is
 * what the generator needs: either an open revision (opened weeks ago) or a publication a few weeks
 * back. Editorial revisions take about a month, substantive ones a four-week consultation more; between
 * two revisions a month or two passes.
 */
final class RevisionSchedule {

    static final ZoneId ZONE = SwedishTime.ZONE;

    /** One revision; {@code publishedAt} is null for the open one. */
    record Revision(
            String guidanceId,
            String baseVersion,
            String status,
            String changeClass,
            String newVersion,
            Instant consultationEnds,
            Instant openedAt,
            Instant publishedAt) {

        boolean open() {
            return publishedAt == null;
        }
    }

    private RevisionSchedule() {}

    /**
     * @param versions the document's catalogue versions by publication date: a revision's base is the
     *        version current when it opened (the earliest one before that)
     */
    static List<Revision> of(
            String guidanceId,
            NavigableMap<LocalDate, String> versions,
            boolean endsOpen,
            Instant start,
            Instant now,
            Random random) {
        List<Revision> backwards = new ArrayList<>();
        Instant published;
        if (endsOpen) {
            Instant opened = now.minus(days(10 + random.nextDouble() * 60));
            double stage = random.nextDouble();
            String status = stage < 0.4
                    ? "DRAFTING"
                    : stage < 0.7 ? "IN_CONSULTATION" : stage < 0.85 ? "QUALITY_REVIEW" : "AWAITING_APPROVAL";
            String changeClass = switch (status) {
                case "DRAFTING" -> null;
                case "IN_CONSULTATION" -> "SUBSTANTIVE";
                default -> random.nextDouble() < 0.55 ? "SUBSTANTIVE" : "EDITORIAL";
            };
            Instant consultationEnds = "SUBSTANTIVE".equals(changeClass)
                    ? opened.plus(days(10 + random.nextDouble() * 15)).plus(Duration.ofDays(28))
                    : null;
            backwards.add(new Revision(
                    guidanceId, base(versions, opened), status, changeClass, null, consultationEnds, opened, null));
            published = opened.minus(gap(random));
        } else {
            published = now.minus(days(5 + random.nextDouble() * 85));
        }
        while (true) {
            boolean substantive = random.nextDouble() < 0.55;
            Duration cycle = substantive
                    ? Duration.ofDays(28).plus(days(lognormal(random, 40, 0.4)))
                    : days(Math.max(5, lognormal(random, 25, 0.45)));
            Instant opened = published.minus(cycle);
            Instant consultationEnds = substantive ? published.minus(days(3 + random.nextDouble() * 12)) : null;
            backwards.add(new Revision(
                    guidanceId,
                    base(versions, opened),
                    "PUBLISHED",
                    substantive ? "SUBSTANTIVE" : "EDITORIAL",
                    null,
                    consultationEnds,
                    opened,
                    published));
            if (opened.isBefore(start.minus(Duration.ofDays(90)))) {
                break;
            }
            published = opened.minus(gap(random));
        }
        Collections.reverse(backwards);
        // each published revision names the version it made; generated labels, not catalogue versions
        List<Revision> revisions = new ArrayList<>();
        int number = 0;
        for (Revision r : backwards) {
            String newVersion = r.open() ? null : r.baseVersion() + "-g" + ++number;
            revisions.add(new Revision(
                    r.guidanceId(),
                    r.baseVersion(),
                    r.status(),
                    r.changeClass(),
                    newVersion,
                    r.consultationEnds(),
                    r.openedAt(),
                    r.publishedAt()));
        }
        return revisions;
    }

    private static String base(NavigableMap<LocalDate, String> versions, Instant opened) {
        var current = versions.floorEntry(LocalDate.ofInstant(opened, ZONE));
        return (current != null ? current : versions.firstEntry()).getValue();
    }

    private static Duration gap(Random random) {
        return days(Math.max(7, lognormal(random, 45, 0.6)));
    }

    private static double lognormal(Random random, double median, double sigma) {
        return median * Math.exp(sigma * random.nextGaussian());
    }

    private static Duration days(double days) {
        return Duration.ofSeconds(Math.round(days * 86_400));
    }
}
