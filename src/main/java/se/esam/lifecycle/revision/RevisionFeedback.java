package se.esam.lifecycle.revision;

import java.util.List;

/**
 * What a revision needs to know of the feedback it answers. The feedback module implements it, so that
 * revision depends on no other module's types and feedback may react to revision's events.
 */
public interface RevisionFeedback {

    /** Accepted or held feedback on the document that no revision has taken up yet, oldest first. */
    List<FeedbackItem> waitingFor(String guidanceId);

    /** @throws se.esam.lifecycle.system.NotFoundException when there is no such feedback */
    FeedbackItem item(String reference);

    /** Conflict of interest: whether the person belongs to the organisation that submitted the feedback. */
    boolean submittedByOrganisationOf(String reference, String person);

    /**
     * Feedback as a revision shows it to the drafting group and, once published, to everyone.
     *
     * @param type the feedback type's code, as published with the version
     * @param disposition the expert group's disposition code ({@code ACCEPTED}, {@code HELD}), or null
     * @param publicText the text the kansli's publishing review allows to be published; null when it decided not
     *        to publish it or has not reviewed it, and then nothing of the text is published
     * @param withheld whether the text is kept from the drafting group too (flagged as holding personal data, or
     *        not to be published)
     */
    record FeedbackItem(
            String reference,
            String guidanceVersion,
            String sectionId,
            String type,
            String typeLabel,
            String organisationName,
            String description,
            boolean containsPersonalData,
            String disposition,
            String dispositionReason,
            String publicText,
            boolean withheld) {

        static final String ACCEPTED = "ACCEPTED";

        /** Accepted for revision, as opposed to held for the next one. */
        boolean accepted() {
            return ACCEPTED.equals(disposition);
        }
    }
}
