package se.esam.lifecycle.guidance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;

/**
 * Two versions of a document compared section by section (matched by section id), with the words that
 * changed. The result is plain text in segments: whoever renders it escapes it, so nothing stored is
 * ever written out as markup.
 */
record VersionComparison(
        String documentId, String documentTitle, String from, String to, List<SectionComparison> sections) {

    enum Status {
        ADDED("Nytt avsnitt"),
        REMOVED("Borttaget"),
        CHANGED("Ändrat"),
        UNCHANGED("Oförändrat");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    enum SegmentKind {
        SAME,
        DELETED,
        INSERTED
    }

    /** A run of text that is the same in both versions, only in the old one, or only in the new one. */
    record Segment(SegmentKind kind, String text) {

        public boolean same() {
            return kind == SegmentKind.SAME;
        }

        public boolean deleted() {
            return kind == SegmentKind.DELETED;
        }

        public boolean inserted() {
            return kind == SegmentKind.INSERTED;
        }
    }

    /**
     * One section's fate. Titles and texts are null where the section does not exist on that side;
     * differences are given for changed sections only, those of the title only when it changed.
     */
    record SectionComparison(
            String sectionId,
            Status status,
            String statusLabel,
            String oldTitle,
            String newTitle,
            String oldText,
            String newText,
            List<Segment> titleDifferences,
            List<Segment> textDifferences) {

        /** The title to show as the section's heading. */
        public String title() {
            return newTitle != null ? newTitle : oldTitle;
        }

        public boolean titleChanged() {
            return oldTitle != null && newTitle != null && !oldTitle.equals(newTitle);
        }
    }

    /**
     * Words, runs of white space and single punctuation marks, each its own token, so that "gränssnitt." against
     * "gränssnitt," differs only in the mark, and joining the tokens gives the text back.
     */
    private static final Pattern TOKEN = Pattern.compile("\\s+|[\\p{L}\\p{N}]+|[^\\s\\p{L}\\p{N}]");

    static VersionComparison of(PublishedGuidance.Version from, PublishedGuidance.Version to) {
        Map<String, PublishedGuidance.Section> before = new LinkedHashMap<>();
        from.sections().forEach(section -> before.put(section.id(), section));
        Map<String, PublishedGuidance.Section> after = new LinkedHashMap<>();
        to.sections().forEach(section -> after.put(section.id(), section));

        List<SectionComparison> result = new ArrayList<>();
        for (PublishedGuidance.Section section : to.sections()) {
            PublishedGuidance.Section old = before.get(section.id());
            result.add(old == null ? added(section) : compared(old, section));
        }
        // a removed section goes after the last section before it that both versions have
        List<PublishedGuidance.Section> oldOrder = from.sections();
        for (int i = 0; i < oldOrder.size(); i++) {
            PublishedGuidance.Section removed = oldOrder.get(i);
            if (after.containsKey(removed.id())) {
                continue;
            }
            int insertAt = 0;
            for (int j = i - 1; j >= 0; j--) {
                int kept = indexOf(result, oldOrder.get(j).id());
                if (kept >= 0) {
                    insertAt = kept + 1;
                    break;
                }
            }
            while (insertAt < result.size() && result.get(insertAt).status() == Status.REMOVED) {
                insertAt++;
            }
            result.add(insertAt, removed(removed));
        }
        return new VersionComparison(
                to.documentId(), to.documentTitle(), from.number(), to.number(), List.copyOf(result));
    }

    /** Word-level differences between two texts, as segments that together spell out both. */
    static List<Segment> differences(String oldText, String newText) {
        List<String> oldTokens = tokens(oldText);
        List<String> newTokens = tokens(newText);
        Patch<String> patch = DiffUtils.diff(oldTokens, newTokens);
        List<Segment> segments = new ArrayList<>();
        int position = 0;
        for (AbstractDelta<String> delta : patch.getDeltas()) {
            int start = delta.getSource().getPosition();
            append(segments, SegmentKind.SAME, oldTokens.subList(position, start));
            append(segments, SegmentKind.DELETED, delta.getSource().getLines());
            append(segments, SegmentKind.INSERTED, delta.getTarget().getLines());
            position = start + delta.getSource().size();
        }
        append(segments, SegmentKind.SAME, oldTokens.subList(position, oldTokens.size()));
        return joinChangesAcrossSpaces(segments);
    }

    /**
     * "Tre små ord" against "Fyra stora ord" reads better as one deletion and one insertion than as
     * deletions and insertions interleaved with the unchanged spaces between them.
     */
    private static List<Segment> joinChangesAcrossSpaces(List<Segment> segments) {
        List<Segment> joined = new ArrayList<>();
        StringBuilder deleted = new StringBuilder();
        StringBuilder inserted = new StringBuilder();
        for (int i = 0; i < segments.size(); i++) {
            Segment segment = segments.get(i);
            boolean inChange = deleted.length() > 0 || inserted.length() > 0;
            boolean spaceBetweenChanges = segment.same()
                    && segment.text().isBlank()
                    && inChange
                    && i + 1 < segments.size()
                    && !segments.get(i + 1).same();
            if (segment.deleted()) {
                deleted.append(segment.text());
            } else if (segment.inserted()) {
                inserted.append(segment.text());
            } else if (spaceBetweenChanges) {
                deleted.append(segment.text());
                inserted.append(segment.text());
            } else {
                flush(joined, deleted, inserted);
                joined.add(segment);
            }
        }
        flush(joined, deleted, inserted);
        return List.copyOf(joined);
    }

    private static void flush(List<Segment> joined, StringBuilder deleted, StringBuilder inserted) {
        if (deleted.length() > 0) {
            joined.add(new Segment(SegmentKind.DELETED, deleted.toString()));
        }
        if (inserted.length() > 0) {
            joined.add(new Segment(SegmentKind.INSERTED, inserted.toString()));
        }
        deleted.setLength(0);
        inserted.setLength(0);
    }

    private static SectionComparison added(PublishedGuidance.Section section) {
        return new SectionComparison(
                section.id(),
                Status.ADDED,
                Status.ADDED.label(),
                null,
                section.title(),
                null,
                text(section),
                null,
                null);
    }

    private static SectionComparison removed(PublishedGuidance.Section section) {
        return new SectionComparison(
                section.id(),
                Status.REMOVED,
                Status.REMOVED.label(),
                section.title(),
                null,
                text(section),
                null,
                null,
                null);
    }

    private static SectionComparison compared(PublishedGuidance.Section old, PublishedGuidance.Section current) {
        String oldText = text(old);
        String newText = text(current);
        if (Objects.equals(old.title(), current.title()) && oldText.equals(newText)) {
            return new SectionComparison(
                    current.id(),
                    Status.UNCHANGED,
                    Status.UNCHANGED.label(),
                    old.title(),
                    current.title(),
                    oldText,
                    newText,
                    null,
                    null);
        }
        return new SectionComparison(
                current.id(),
                Status.CHANGED,
                Status.CHANGED.label(),
                old.title(),
                current.title(),
                oldText,
                newText,
                Objects.equals(old.title(), current.title()) ? null : differences(old.title(), current.title()),
                differences(oldText, newText));
    }

    private static String text(PublishedGuidance.Section section) {
        return section.body() == null ? "" : section.body().strip();
    }

    private static int indexOf(List<SectionComparison> sections, String sectionId) {
        for (int i = 0; i < sections.size(); i++) {
            if (sections.get(i).sectionId().equals(sectionId)) {
                return i;
            }
        }
        return -1;
    }

    private static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        if (text == null) {
            return tokens;
        }
        Matcher matcher = TOKEN.matcher(text);
        while (matcher.find()) {
            tokens.add(matcher.group());
        }
        return tokens;
    }

    /** Adds the tokens as one segment, joined to the previous one when it is of the same kind. */
    private static void append(List<Segment> segments, SegmentKind kind, List<String> tokens) {
        if (tokens.isEmpty()) {
            return;
        }
        String text = String.join("", tokens);
        if (!segments.isEmpty() && segments.get(segments.size() - 1).kind() == kind) {
            Segment last = segments.remove(segments.size() - 1);
            text = last.text() + text;
        }
        segments.add(new Segment(kind, text));
    }
}
