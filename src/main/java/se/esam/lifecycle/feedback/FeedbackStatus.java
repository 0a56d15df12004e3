package se.esam.lifecycle.feedback;

/** Where feedback is in its lifecycle; the terminal ones say how it ended. */
public enum FeedbackStatus {
    IN_TRIAGE("Under triagering", false),
    AWAITING_CLARIFICATION("Väntar på förtydligande", false),
    IN_REVIEW("Granskas av expertgrupp", false),
    ACCEPTED_AWAITING_REVISION("Godtagen, väntar på revision", false),
    IN_REVISION("Ingår i en revision", false),
    ANSWERED_IN_VERSION("Behandlad i ny version", true),
    REJECTED("Avslagen", true),
    HELD_FOR_NEXT_REVISION("Vilande till nästa revision", false),
    DUPLICATE("Dubblett", true),
    OUT_OF_SCOPE("Utanför uppdraget", true),
    UNANSWERED("Avslutad utan svar på förtydligande", true);

    private final String label;
    private final boolean closed;

    FeedbackStatus(String label, boolean closed) {
        this.label = label;
        this.closed = closed;
    }

    public String label() {
        return label;
    }

    public boolean closed() {
        return closed;
    }
}
