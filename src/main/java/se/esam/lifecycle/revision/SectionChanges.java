package se.esam.lifecycle.revision;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a draft changes in the version it revises, section by section (matched by number): what the kansli
 * and the approver need to see first, instead of every section's full text with nothing marked.
 */
final class SectionChanges {

    static final String ADDED = "Nytt avsnitt";
    static final String REMOVED = "Borttaget avsnitt";
    static final String TEXT = "Ändrad text";
    static final String TITLE = "Ändrad rubrik";
    static final String TITLE_AND_TEXT = "Ändrad rubrik och text";

    /**
     * A row of the {@code sectionChanges} variable, under the component names of the quality review and
     * approval forms.
     *
     * @param before the section's text in the version revised; null for a new section
     * @param after the section's text in the draft; null for a removed one
     */
    record Row(String sectionId, String title, String change, String before, String after) {}

    private SectionChanges() {}

    /** The changed, added and removed sections, in the draft's order with the removed ones last. */
    static List<Row> between(List<Revision.Section> base, List<Revision.Section> draft) {
        Map<String, Revision.Section> before = new LinkedHashMap<>();
        base.forEach(section -> before.put(section.sectionId(), section));
        List<Row> rows = new ArrayList<>();
        for (Revision.Section now : draft) {
            Revision.Section was = before.get(now.sectionId());
            if (was == null) {
                rows.add(new Row(now.sectionId(), now.title(), ADDED, null, now.body()));
                continue;
            }
            boolean title = !Objects.equals(text(was.title()), text(now.title()));
            boolean body = !Objects.equals(text(was.body()), text(now.body()));
            if (title || body) {
                String change = title && body ? TITLE_AND_TEXT : title ? TITLE : TEXT;
                if (title) {
                    change += " (tidigare: " + was.title() + ")";
                }
                rows.add(new Row(now.sectionId(), now.title(), change, was.body(), now.body()));
            }
        }
        Set<String> kept = draft.stream().map(Revision.Section::sectionId).collect(Collectors.toSet());
        base.stream()
                .filter(section -> !kept.contains(section.sectionId()))
                .forEach(section ->
                        rows.add(new Row(section.sectionId(), section.title(), REMOVED, section.body(), null)));
        return List.copyOf(rows);
    }

    /** Text as a reader sees it: spaces at the ends and line-ending style do not count as a change. */
    private static String text(String value) {
        return value == null ? "" : value.replace("\r\n", "\n").strip();
    }
}
