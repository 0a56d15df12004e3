package se.esam.lifecycle.guidance;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** A guidance document ("vägledning") with its published versions, oldest first. */
public record GuidanceDocument(String id, String title, String summary, String owningGroup, List<Version> versions) {

    public record Version(String number, LocalDate publishedOn, List<Section> sections) {

        public Optional<Section> section(String sectionId) {
            return sections.stream().filter(s -> s.id().equals(sectionId)).findFirst();
        }
    }

    public record Section(String id, String title) {}

    public Optional<Version> version(String number) {
        return versions.stream().filter(v -> v.number().equals(number)).findFirst();
    }

    public Version currentVersion() {
        return versions.get(versions.size() - 1);
    }
}
