package se.esam.lifecycle.feedback;

/** Where feedback is in its lifecycle; the terminal ones say how it ended. */
public enum FeedbackStatus {
    IN_TRIAGE("Under triagering", Stage.TRIAGE),
    AWAITING_CLARIFICATION("Väntar på förtydligande", Stage.CLARIFICATION),
    IN_REVIEW("Granskas av expertgrupp", Stage.REVIEW),
    ACCEPTED_AWAITING_REVISION("Godtagen, väntar på revision", Stage.REVISION),
    IN_REVISION("Ingår i en revision", Stage.REVISION),
    ANSWERED_IN_VERSION("Behandlad i ny version", null),
    REJECTED("Avslagen", null),
    HELD_FOR_NEXT_REVISION("Vilande till nästa revision", Stage.REVISION),
    DUPLICATE("Dubblett", null),
    OUT_OF_SCOPE("Utanför uppdraget", null),
    UNANSWERED("Avslutad utan svar på förtydligande", null);

    private final String label;
    private final Stage stage;

    FeedbackStatus(String label, Stage stage) {
        this.label = label;
        this.stage = stage;
    }

    public String label() {
        return label;
    }

    /** Closed feedback is in no stage any more: it has an outcome. */
    public boolean closed() {
        return stage == null;
    }

    /**
     * The one rule for overdue feedback, as an SQL condition on the feedback table: a review past its due date,
     * or a clarification request past its deadline. The overview and the reports use it alike.
     *
     * @param now the SQL parameter that holds the current instant ({@code ":now"}, or {@code "?"}, then bound
     *     twice)
     */
    public static String overdueCondition(String now) {
        return "((status = '" + IN_REVIEW.name() + "' and review_due < " + now + ") or (status = '"
                + AWAITING_CLARIFICATION.name() + "' and clarification_due < " + now + "))";
    }

    /** @return the stage open feedback is in; null once it is closed */
    public Stage stage() {
        return stage;
    }
}
