package se.esam.lifecycle.feedback;

/** The expert group's decision on feedback, always given with a reason. */
public enum Disposition {
    ACCEPTED("Godtagen för revision"),
    REJECTED("Avslagen"),
    HELD("Vilande till nästa revision");

    private final String label;

    Disposition(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
