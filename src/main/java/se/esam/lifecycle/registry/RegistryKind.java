package se.esam.lifecycle.registry;

/** What kind of incoming document an entry registers; the label is what the kansli reads. */
public enum RegistryKind {
    FEEDBACK("Synpunkt"),
    CLARIFICATION_ANSWER("Svar på begäran om förtydligande"),
    CONSULTATION_RESPONSE("Remissvar");

    private final String label;

    RegistryKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
