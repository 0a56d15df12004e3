package se.esam.lifecycle.guidance;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import com.rometools.rome.feed.atom.Content;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.atom.Person;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedOutput;

import se.esam.lifecycle.system.SwedishTime;

/**
 * An Atom feed of published versions, newest first, so that anyone can follow new guidance without
 * signing in. Written with ROME, which escapes all text.
 */
@Controller
class PublicFeed {

    static final MediaType ATOM = MediaType.parseMediaType("application/atom+xml;charset=UTF-8");
    /** Ids that stay the same whatever host serves the feed (RFC 4151 tag URIs). */
    private static final String TAG = "tag:esamverka.se,2024:guidance";

    private final PublicGuidanceReading reading;

    PublicFeed(PublicGuidanceReading reading) {
        this.reading = reading;
    }

    @GetMapping("/guidance/feed.atom")
    ResponseEntity<String> feed() throws FeedException {
        List<PublishedGuidance.FeedEntry> versions = reading.feed();

        Feed feed = new Feed("atom_1.0");
        feed.setEncoding("UTF-8");
        feed.setId(TAG);
        feed.setTitle("eSam vägledningar – nya versioner");
        feed.setAlternateLinks(List.of(link("alternate", "text/html", url("guidance"))));
        feed.setOtherLinks(List.of(link("self", "application/atom+xml", url("guidance", "feed.atom"))));
        Person esam = new Person();
        esam.setName("eSam");
        feed.setAuthors(List.of(esam));
        feed.setUpdated(
                versions.isEmpty() ? new Date(0) : startOf(versions.get(0).publishedOn()));

        List<Entry> entries = new ArrayList<>();
        for (PublishedGuidance.FeedEntry version : versions) {
            Entry entry = new Entry();
            entry.setId(TAG + "/" + version.documentId() + "/" + version.number());
            boolean withdrawn = version.withdrawnOn() != null;
            // a withdrawal is news about the version: the entry is updated and says so, the text stays readable
            entry.setTitle(version.documentTitle() + " " + version.number() + (withdrawn ? " (dragen tillbaka)" : ""));
            entry.setAlternateLinks(
                    List.of(link("alternate", "text/html", url("guidance", version.documentId(), version.number()))));
            entry.setUpdated(startOf(withdrawn ? version.withdrawnOn() : version.publishedOn()));
            entry.setPublished(startOf(version.publishedOn()));
            String text = withdrawn
                    ? "Dragen tillbaka " + version.withdrawnOn() + ": " + version.withdrawnReason()
                    : version.changeNotes();
            if (text != null && !text.isBlank()) {
                Content summary = new Content();
                summary.setType(Content.TEXT);
                summary.setValue(text);
                entry.setSummary(summary);
            }
            entries.add(entry);
        }
        feed.setEntries(entries);
        return ResponseEntity.ok().contentType(ATOM).body(new WireFeedOutput().outputString(feed));
    }

    /** An absolute address on this server, each segment encoded. */
    private static String url(String... segments) {
        return ServletUriComponentsBuilder.fromCurrentContextPath()
                .pathSegment(segments)
                .build()
                .encode()
                .toUriString();
    }

    private static Link link(String rel, String type, String href) {
        Link link = new Link();
        link.setRel(rel);
        link.setType(type);
        link.setHref(href);
        return link;
    }

    private static Date startOf(LocalDate day) {
        return Date.from(SwedishTime.startOfDay(day));
    }
}
