package se.esam.lifecycle.feedback;

/** What kind of feedback it is; the label is what people read. */
public enum FeedbackType {
    ERROR("Fel"),
    GAP("Något saknas"),
    NOT_WORKING_IN_PRACTICE("Fungerar inte i praktiken"),
    SUGGESTION("Förslag"),
    EDITORIAL("Redaktionellt");

    private final String label;

    FeedbackType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
