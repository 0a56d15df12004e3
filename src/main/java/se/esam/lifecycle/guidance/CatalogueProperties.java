package se.esam.lifecycle.guidance;

import java.time.LocalDate;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** The catalogue as written in {@code config/catalogue.yaml}. */
@ConfigurationProperties("guidance.catalogue")
record CatalogueProperties(List<Document> documents) {

    CatalogueProperties {
        documents = documents == null ? List.of() : documents;
    }

    /** @param reviewPeriodMonths months between periodic reviews of a published version; null: the default */
    record Document(
            String id,
            String title,
            String summary,
            String owningGroup,
            Integer reviewPeriodMonths,
            List<Version> versions) {}

    record Version(String number, LocalDate published, List<Section> sections) {}

    record Section(String id, String title, String body) {}
}
