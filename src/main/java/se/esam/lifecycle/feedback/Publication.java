package se.esam.lifecycle.feedback;

import java.time.Instant;

/**
 * The kansli's publishing review of a feedback item (OSL 6 kap. 4 §: reviewed before it is handed out), made at
 * triage when the item is sent to an expert group. Only {@link #publicText} ever reaches a public surface.
 *
 * @param publicText what public surfaces show of the item; null when it is not published
 * @param ground why it is not published, in free text (a secrecy provision, for instance); null otherwise
 */
record Publication(Decision decision, String publicText, String ground, String reviewedBy, Instant reviewedAt) {

    /** Values of the triage form's {@code publication} field. */
    enum Decision {
        AS_IS("publiceras som den är"),
        MASKED("publiceras med personuppgifter maskerade"),
        NOT_PUBLISHED("publiceras inte");

        private final String label;

        Decision(String label) {
            this.label = label;
        }

        String label() {
            return label;
        }
    }
}
