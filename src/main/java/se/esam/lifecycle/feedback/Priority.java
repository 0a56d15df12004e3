package se.esam.lifecycle.feedback;

/** How soon the expert group must review; the review period per priority is configured. */
public enum Priority {
    HIGH("hög"),
    NORMAL("normal"),
    LOW("låg");

    private final String label;

    Priority(String label) {
        this.label = label;
    }

    /** In a sentence, as the history writes it ("prioritet normal"). */
    public String label() {
        return label;
    }
}
