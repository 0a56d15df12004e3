package se.esam.lifecycle.guidance;

import java.util.List;

import org.springframework.stereotype.Component;

import se.esam.lifecycle.system.InvalidInputException;
import se.esam.lifecycle.system.NotFoundException;

/**
 * What the public pages and the public API both ask for, with the same answers when something is not
 * there: {@link NotFoundException} for an unknown document or version, {@link InvalidInputException}
 * naming {@code from} or {@code to} for a comparison that cannot be made.
 */
@Component
class PublicGuidanceReading {

    private final PublishedGuidance published;

    PublicGuidanceReading(PublishedGuidance published) {
        this.published = published;
    }

    List<PublishedGuidance.DocumentSummary> catalogue() {
        return published.catalogue();
    }

    PublishedGuidance.Document document(String id) {
        return published
                .document(id)
                .orElseThrow(() -> new NotFoundException("Det finns ingen publicerad vägledning med id '" + id + "'."));
    }

    PublishedGuidance.Version version(String id, String number) {
        PublishedGuidance.Document document = document(id);
        return published
                .version(id, number)
                .orElseThrow(() ->
                        new NotFoundException(document.title() + " har ingen publicerad version " + number + "."));
    }

    List<PublishedGuidance.DispositionItem> dispositions(String id, String number) {
        version(id, number);
        return published.dispositions(id, number);
    }

    VersionComparison compare(String id, String from, String to) {
        PublishedGuidance.Document document = document(id);
        PublishedGuidance.Version older = published
                .version(id, required("from", from, document))
                .orElseThrow(() -> unknown("from", from, document));
        PublishedGuidance.Version newer =
                published.version(id, required("to", to, document)).orElseThrow(() -> unknown("to", to, document));
        return VersionComparison.of(older, newer);
    }

    List<PublishedGuidance.FeedEntry> feed() {
        return published.feed();
    }

    /** Numbers with dots, as every version number is; anything else never reaches the database. */
    private static final java.util.regex.Pattern VERSION =
            java.util.regex.Pattern.compile("[0-9]{1,9}(?:\\.[0-9]{1,9}){0,3}");

    private static String required(String field, String value, PublishedGuidance.Document document) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(
                    field, "Ange vilken version av " + document.title() + " som ska jämföras (" + field + ").");
        }
        // a control character or a broken character made PostgreSQL refuse the query: a 500 instead of a 400
        if (!VERSION.matcher(value.strip()).matches()) {
            throw unknown(field, value, document);
        }
        return value.strip();
    }

    private static InvalidInputException unknown(String field, String value, PublishedGuidance.Document document) {
        return new InvalidInputException(
                field, document.title() + " har ingen publicerad version " + value.strip() + ".");
    }
}
