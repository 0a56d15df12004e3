package se.esam.lifecycle.revision;

/**
 * How the revision's version number goes up, as {@code revision-approval.dmn} decides it from the
 * {@link ChangeClass}. The decision table writes the {@link #name()} into the process.
 */
enum VersionBump {
    MAJOR("Ny huvudversion"),
    MINOR("Ny mindre version");

    private final String label;

    VersionBump(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    boolean major() {
        return this == MAJOR;
    }

    /**
     * @throws IllegalStateException for anything but MAJOR or MINOR: the decision table gives no other
     *         value, so another means the model and this code disagree
     */
    static VersionBump of(String name) {
        for (VersionBump bump : values()) {
            if (bump.name().equals(name)) {
                return bump;
            }
        }
        throw new IllegalStateException("The approval decision gave no version bump MAJOR or MINOR but '" + name + "'");
    }
}
