package se.esam.lifecycle.follow;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import se.esam.lifecycle.follow.Follows.Follow;
import se.esam.lifecycle.follow.Follows.Sent;
import se.esam.lifecycle.identity.Directory;
import se.esam.lifecycle.notification.MailProperties;
import se.esam.lifecycle.notification.Mailer;
import se.esam.lifecycle.system.SwedishTime;

/**
 * The digest run. One transaction writes, for every person due, the digest into the outbox and the row that
 * says it was sent for the period: both or neither, so a crash neither loses a digest nor sends one twice, and
 * a second run (or node) in the same period finds the row and sends nothing. Nodes take turns on a lock row.
 * A fixed number of statements however many people: everything is read in bulk and grouped in memory.
 */
@Service
class DigestRun {

    private static final Logger log = LoggerFactory.getLogger(DigestRun.class);

    private final Follows follows;
    private final DigestNews news;
    private final Directory directory;
    private final Mailer mailer;
    private final String linkBase;
    private final TransactionTemplate transaction;
    private final Clock clock;

    DigestRun(
            Follows follows,
            DigestNews news,
            Directory directory,
            Mailer mailer,
            MailProperties mail,
            PlatformTransactionManager transactions,
            Clock clock) {
        this.follows = follows;
        this.news = news;
        this.directory = directory;
        this.mailer = mailer;
        this.linkBase = mail.linkBaseUrl();
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    @Scheduled(cron = "${guidance.digest.cron}", zone = SwedishTime.ZONE_NAME)
    public void scheduled() {
        run(clock.instant());
    }

    /** Writes the digests due at {@code now}, then sends them; returns how many were written. */
    int run(Instant now) {
        Integer written = transaction.execute(status -> write(now));
        mailer.deliverQueued();
        return written == null ? 0 : written;
    }

    /** The transactional part: what {@link #run} commits before anything is sent. */
    int write(Instant now) {
        follows.lockRuns(now);
        Map<String, List<Follow>> followsOf = new HashMap<>();
        for (Follow follow : follows.all()) {
            followsOf.computeIfAbsent(follow.personId(), k -> new ArrayList<>()).add(follow);
        }
        Map<String, Frequency> preferences = follows.preferences();
        // who may get a digest: whoever follows something, or chose a frequency (for the own organisation's items)
        Set<String> candidates = new TreeSet<>(followsOf.keySet());
        preferences.forEach((person, frequency) -> {
            if (frequency != Frequency.OFF) {
                candidates.add(person);
            }
        });
        DigestPeriod daily = DigestPeriod.of(Frequency.DAILY, now);
        DigestPeriod weekly = DigestPeriod.of(Frequency.WEEKLY, now);
        Instant floor =
                weekly.previousStart().isBefore(daily.previousStart()) ? weekly.previousStart() : daily.previousStart();
        Set<String> alreadySent = new HashSet<>();
        Map<String, Instant> lastSent = new HashMap<>();
        for (Sent sent : follows.sentSince(floor)) {
            alreadySent.add(sent.personId() + "\u0000" + sent.periodKey());
            lastSent.merge(sent.personId(), sent.sentAt(), (a, b) -> a.isAfter(b) ? a : b);
        }
        record Due(String person, DigestPeriod period, Instant from) {}
        List<Due> due = new ArrayList<>();
        Instant earliest = now;
        for (String person : candidates) {
            Frequency frequency = preferences.getOrDefault(person, Frequency.DEFAULT);
            if (frequency == Frequency.OFF) {
                continue;
            }
            DigestPeriod period = frequency == Frequency.DAILY ? daily : weekly;
            if (alreadySent.contains(person + "\u0000" + period.key())) {
                continue;
            }
            Instant from = period.windowStart(lastSent.get(person));
            due.add(new Due(person, period, from));
            if (from.isBefore(earliest)) {
                earliest = from;
            }
        }
        if (due.isEmpty()) {
            return 0;
        }
        Digest.Index index = new Digest.Index(news.between(earliest, now));
        Map<String, Directory.Person> people =
                directory.people(due.stream().map(Due::person).toList());
        List<Mailer.Outgoing> mails = new ArrayList<>();
        List<Sent> sent = new ArrayList<>();
        int empty = 0;
        for (Due person : due) {
            Directory.Person known = people.get(person.person());
            if (known == null || known.email().isEmpty()) {
                continue;
            }
            Digest.Content content = Digest.content(
                    index,
                    followsOf.getOrDefault(person.person(), List.of()),
                    known.organisation().map(Directory.Organisation::id).orElse(null),
                    person.from(),
                    now);
            if (content.empty()) {
                empty++;
                continue;
            }
            mails.add(new Mailer.Outgoing(
                    known.email().get(),
                    Digest.subject(person.period()),
                    Digest.body(
                            content,
                            person.period(),
                            known.organisation().map(Directory.Organisation::name),
                            person.from(),
                            now,
                            linkBase)));
            sent.add(new Sent(
                    person.person(), person.period().key(), person.period().frequency(), now));
        }
        follows.recordSent(sent);
        mailer.queue(mails);
        log.info("Digest run at {}: {} digest(s) written, {} with nothing to say", now, mails.size(), empty);
        return mails.size();
    }
}
