package se.esam.lifecycle.revision;

import java.util.List;

/**
 * Announced when a revision's new version is published, synchronously in the publishing transaction:
 * whoever waits for the version (the feedback it answers) learns of it atomically with the publication.
 *
 * @param answers how the version answers each feedback item it took up, in words for the submitter
 */
public record RevisionPublished(String revisionLabel, String guidanceId, String version, List<Answer> answers) {

    public RevisionPublished {
        answers = List.copyOf(answers);
    }

    public record Answer(String reference, String text) {}
}
