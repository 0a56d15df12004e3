package se.esam.lifecycle.revision;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import se.esam.lifecycle.system.InvalidInputException;

/**
 * What a draft must hold before it leaves drafting for classification and quality review: at least one
 * section, each with a number and a title and no number twice; a trace for every feedback item in the
 * revision (answered by a section of this draft, or not addressed with a reason); change notes; and a
 * change class. Kept apart from storage so that the rules can be read and tested as they are.
 */
final class DraftRules {

    /** The draft as it is stored: texts stripped, a trace for each item in the revision's order. */
    record Checked(
            List<Revision.Section> sections, List<Revision.Item> traces, String changeNotes, ChangeClass changeClass) {}

    private DraftRules() {}

    /**
     * @param items the feedback items in the revision, each of which needs a trace
     * @param traces what the drafting group wrote for them, by reference (the last one counts)
     * @throws InvalidInputException naming the first rule the draft breaks
     */
    static Checked check(
            List<Revision.Section> sections,
            List<Revision.Item> items,
            List<Revision.Item> traces,
            String changeNotes,
            String changeClass) {
        if (sections.isEmpty()) {
            throw new InvalidInputException("sections", "Revisionen måste ha minst ett avsnitt.");
        }
        Set<String> sectionIds = new HashSet<>();
        for (Revision.Section section : sections) {
            if (blank(section.sectionId()) || blank(section.title())) {
                throw new InvalidInputException("sections", "Varje avsnitt behöver nummer och rubrik.");
            }
            if (!sectionIds.add(section.sectionId().strip())) {
                throw new InvalidInputException("sections", "Avsnitt " + section.sectionId() + " finns två gånger.");
            }
        }
        Map<String, Revision.Item> byReference =
                traces.stream().collect(Collectors.toMap(Revision.Item::reference, Function.identity(), (a, b) -> b));
        List<Revision.Item> checked = new ArrayList<>();
        for (Revision.Item item : items) {
            Revision.Item trace = byReference.get(item.reference());
            if (trace == null || trace.trace() == null) {
                throw new InvalidInputException(
                        "items",
                        "Synpunkt " + item.reference()
                                + " saknar spårning: ange vilken ändring som besvarar den, eller varför den inte åtgärdas.");
            }
            if (trace.trace() == Revision.Trace.ANSWERED
                    && (blank(trace.traceSection())
                            || !sectionIds.contains(trace.traceSection().strip()))) {
                throw new InvalidInputException(
                        "items",
                        "Synpunkt " + item.reference()
                                + " besvaras av en ändring: ange ett avsnitt som finns i revisionen.");
            }
            if (trace.trace() == Revision.Trace.NOT_ADDRESSED && blank(trace.traceReason())) {
                throw new InvalidInputException(
                        "items", "Synpunkt " + item.reference() + " åtgärdas inte: motivera varför.");
            }
            checked.add(new Revision.Item(
                    item.reference(),
                    trace.trace(),
                    trace.trace() == Revision.Trace.ANSWERED
                            ? trace.traceSection().strip()
                            : null,
                    // a reason belongs to an item not addressed; the form hides it for an answered one
                    trace.trace() == Revision.Trace.NOT_ADDRESSED
                            ? trace.traceReason().strip()
                            : null));
        }
        if (blank(changeNotes)) {
            throw new InvalidInputException("changeNotes", "Ändringsloggen måste fyllas i.");
        }
        ChangeClass chosen = ChangeClass.of(changeClass)
                .orElseThrow(() -> new InvalidInputException(
                        "changeClass", "Ange om ändringen är redaktionell eller innehållslig."));
        return new Checked(
                sections.stream()
                        .map(s -> new Revision.Section(
                                s.sectionId().strip(), s.title().strip(), s.body()))
                        .toList(),
                List.copyOf(checked),
                changeNotes.strip(),
                chosen);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
