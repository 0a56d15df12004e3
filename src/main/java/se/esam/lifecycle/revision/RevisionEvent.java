package se.esam.lifecycle.revision;

import java.time.Instant;

/** One line of a revision's audit trail: at which stage who did what, and when. No actor: the system. */
record RevisionEvent(Instant occurredAt, RevisionStatus stage, Action action, String actor, String detail) {

    enum Action {
        OPENED("Revisionen öppnades"),
        FEEDBACK_JOINED("Synpunkt kopplades till revisionen"),
        DRAFTED("Förslag utarbetat"),
        CONSULTATION_OPENED("Remiss öppnad"),
        CONSULTATION_RESPONDED("Remissvar lämnat"),
        CONSULTATION_CLOSED("Remisstiden slut"),
        SENT_TO_QUALITY_REVIEW("Skickad till kvalitetsgranskning"),
        QUALITY_APPROVED("Godkänd i kvalitetsgranskning"),
        QUALITY_RETURNED("Åter från kvalitetsgranskning"),
        APPROVED("Fastställd"),
        RETURNED("Åter från beslutsfattaren"),
        PUBLISHED("Publicerad");

        private final String label;

        Action(String label) {
            this.label = label;
        }

        /** What the log on our pages says; the API keeps the stable names. */
        public String label() {
            return label;
        }
    }
}
