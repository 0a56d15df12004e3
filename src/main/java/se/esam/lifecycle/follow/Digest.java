package se.esam.lifecycle.follow;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import se.esam.lifecycle.feedback.Disposition;
import se.esam.lifecycle.follow.DigestNews.Consultation;
import se.esam.lifecycle.follow.DigestNews.NewVersion;
import se.esam.lifecycle.follow.DigestNews.News;
import se.esam.lifecycle.follow.DigestNews.OpenItem;
import se.esam.lifecycle.follow.DigestNews.PublishedDisposition;
import se.esam.lifecycle.follow.Follows.Follow;
import se.esam.lifecycle.system.SwedishTime;

/**
 * One person's digest from the run's news, grouped in memory: the news is indexed once per run by document and
 * organisation, so a person costs a few map look-ups and no statement. Empty when there is nothing to say: no
 * news on what they follow and no change to their organisation's open items in the window.
 */
final class Digest {

    static final String PRODUCT = "eSam vägledningar";
    private static final int MAX_OPEN_ITEMS = 50;

    /** @param changed whether anything in it is news; the open items alone are news only when one of them moved */
    record Content(
            List<NewVersion> versions,
            List<Consultation> consultations,
            List<PublishedDisposition> dispositions,
            List<OpenItem> openItems,
            Set<String> changedItems) {

        boolean empty() {
            return versions.isEmpty() && consultations.isEmpty() && dispositions.isEmpty() && changedItems.isEmpty();
        }
    }

    /** The run's news by document and by organisation. */
    static final class Index {
        private final Map<String, List<NewVersion>> versions;
        private final Map<String, List<Consultation>> consultations;
        private final Map<String, List<PublishedDisposition>> dispositions;
        private final Map<String, List<OpenItem>> openItems;

        Index(News news) {
            versions = news.versions().stream().collect(Collectors.groupingBy(NewVersion::guidanceId));
            consultations = news.consultations().stream().collect(Collectors.groupingBy(Consultation::guidanceId));
            dispositions =
                    news.dispositions().stream().collect(Collectors.groupingBy(PublishedDisposition::guidanceId));
            openItems = news.openItems().stream().collect(Collectors.groupingBy(OpenItem::organisation));
        }
    }

    private Digest() {}

    /**
     * What a person with these follows (and organisation, if any) is told about the window {@code (from, to]}.
     * Each list is limited to the window here too: the index holds the earliest window of the run.
     */
    static Content content(Index index, Collection<Follow> follows, String organisation, Instant from, Instant to) {
        Map<String, Set<String>> followed = followedSections(follows);
        List<NewVersion> versions = new ArrayList<>();
        List<Consultation> consultations = new ArrayList<>();
        List<PublishedDisposition> dispositions = new ArrayList<>();
        for (Map.Entry<String, Set<String>> document : followed.entrySet()) {
            Set<String> sections = document.getValue();
            boolean whole = sections == null;
            for (NewVersion version : index.versions.getOrDefault(document.getKey(), List.of())) {
                if (within(version.publishedAt(), from, to)
                        && (whole || version.changed().stream().anyMatch(sections::contains))) {
                    versions.add(version);
                }
            }
            for (Consultation consultation : index.consultations.getOrDefault(document.getKey(), List.of())) {
                if (within(consultation.openedAt(), from, to)) {
                    consultations.add(consultation);
                }
            }
            Set<String> published = new HashSet<>();
            for (NewVersion version : index.versions.getOrDefault(document.getKey(), List.of())) {
                if (within(version.publishedAt(), from, to)) {
                    published.add(version.number());
                }
            }
            for (PublishedDisposition disposition : index.dispositions.getOrDefault(document.getKey(), List.of())) {
                if (published.contains(disposition.version())
                        && (whole || sections.contains(disposition.traceSection()))) {
                    dispositions.add(disposition);
                }
            }
        }
        List<OpenItem> openItems =
                organisation == null ? List.of() : index.openItems.getOrDefault(organisation, List.of());
        Set<String> changed = openItems.stream()
                .filter(item -> within(item.statusSince(), from, to))
                .map(OpenItem::reference)
                .collect(Collectors.toSet());
        return new Content(versions, consultations, dispositions, openItems, changed);
    }

    /** Per followed document, its followed sections; null for a document followed as a whole. */
    static Map<String, Set<String>> followedSections(Collection<Follow> follows) {
        Map<String, Set<String>> followed = new java.util.TreeMap<>();
        for (Follow follow : follows) {
            if (follow.sectionId() == null) {
                followed.put(follow.guidanceId(), null);
            } else if (!followed.containsKey(follow.guidanceId()) || followed.get(follow.guidanceId()) != null) {
                followed.computeIfAbsent(follow.guidanceId(), k -> new java.util.TreeSet<>())
                        .add(follow.sectionId());
            }
        }
        return followed;
    }

    private static boolean within(Instant at, Instant from, Instant to) {
        return at.isAfter(from) && !at.isAfter(to);
    }

    static String subject(DigestPeriod period) {
        return PRODUCT + ": din sammanfattning för " + period.label();
    }

    /** Plain text, as every mail of ours ({@code Mailer}). */
    static String body(
            Content content,
            DigestPeriod period,
            Optional<String> organisationName,
            Instant from,
            Instant to,
            String linkBase) {
        StringBuilder text = new StringBuilder();
        text.append("Hej!\n\n")
                .append("Här är din sammanfattning (")
                .append(period.frequency().label())
                .append(") från ")
                .append(PRODUCT)
                .append(" för tiden ")
                .append(SwedishTime.DATE_TIME.format(from))
                .append(" – ")
                .append(SwedishTime.DATE_TIME.format(to))
                .append(".\n");
        if (!content.versions().isEmpty()) {
            text.append("\nNya versioner av det du följer\n");
            for (NewVersion version : content.versions()) {
                text.append("- ")
                        .append(version.title())
                        .append(' ')
                        .append(version.number())
                        .append(" publicerad ")
                        .append(SwedishTime.DATE.format(version.publishedAt()));
                if (!version.changed().isEmpty()) {
                    text.append(", ändrade avsnitt: ").append(String.join(", ", version.changed()));
                }
                text.append("\n  Jämför med ")
                        .append(version.previous())
                        .append(": ")
                        .append(linkBase)
                        .append("/guidance/")
                        .append(encode(version.guidanceId()))
                        .append("/compare?from=")
                        .append(encode(version.previous()))
                        .append("&to=")
                        .append(encode(version.number()))
                        .append('\n');
            }
        }
        if (!content.consultations().isEmpty()) {
            text.append("\nRemisser som har öppnats\n");
            for (Consultation consultation : content.consultations()) {
                text.append("- ")
                        .append(consultation.title())
                        .append(": remiss öppnad ")
                        .append(SwedishTime.DATE.format(consultation.openedAt()));
                if (consultation.endsAt() != null) {
                    text.append(", svara senast ").append(SwedishTime.DATE.format(consultation.endsAt()));
                }
                text.append("\n  ")
                        .append(linkBase)
                        .append("/revisions/")
                        .append(consultation.revisionId())
                        .append('\n');
            }
        }
        if (!content.dispositions().isEmpty()) {
            text.append("\nPublicerade beslut om synpunkter\n");
            for (PublishedDisposition disposition : content.dispositions()) {
                text.append("- ")
                        .append(disposition.reference())
                        .append(" (")
                        .append(disposition.title())
                        .append(' ')
                        .append(disposition.version());
                if (disposition.traceSection() != null) {
                    text.append(", avsnitt ").append(disposition.traceSection());
                }
                text.append("): ").append(dispositionLabel(disposition.disposition()));
                if (disposition.reason() != null && !disposition.reason().isBlank()) {
                    text.append(". ").append(disposition.reason().strip());
                }
                text.append("\n  ")
                        .append(linkBase)
                        .append("/guidance/")
                        .append(encode(disposition.guidanceId()))
                        .append('/')
                        .append(encode(disposition.version()))
                        .append("/dispositions\n");
            }
        }
        if (!content.openItems().isEmpty()) {
            text.append("\n")
                    .append(organisationName
                            .map(name -> name + "s öppna synpunkter")
                            .orElse("Din organisations öppna synpunkter"))
                    .append(" (")
                    .append(content.openItems().size())
                    .append(")\n");
            content.openItems().stream()
                    .limit(MAX_OPEN_ITEMS)
                    .forEach(item -> text.append("- ")
                            .append(item.reference())
                            .append(" (")
                            .append(item.guidanceTitle())
                            .append("): ")
                            .append(item.status().label())
                            .append(
                                    content.changedItems().contains(item.reference())
                                            ? " – ändrad " + SwedishTime.DATE.format(item.statusSince())
                                            : "")
                            .append("\n  ")
                            .append(linkBase)
                            .append("/feedback/")
                            .append(encode(item.reference()))
                            .append('\n'));
            if (content.openItems().size() > MAX_OPEN_ITEMS) {
                text.append("- och ")
                        .append(content.openItems().size() - MAX_OPEN_ITEMS)
                        .append(" till: ")
                        .append(linkBase)
                        .append("/feedback\n");
            }
        }
        text.append("\nDu får sammanfattningen för att du följer vägledningar i ")
                .append(PRODUCT)
                .append(". Ändra hur ofta den kommer, eller sluta följa: ")
                .append(linkBase)
                .append("/settings\n");
        return text.toString();
    }

    private static String dispositionLabel(String disposition) {
        try {
            return Disposition.valueOf(disposition).label();
        } catch (IllegalArgumentException e) {
            return disposition;
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
