package se.esam.lifecycle.revision;

import java.util.Arrays;
import java.util.Optional;

/**
 * What kind of change a revision makes; the drafting group chooses it and the approval decision
 * ({@code revision-approval.dmn}) reads it. The forms, the decision table and the tables hold the
 * {@link #name()}, so these names are part of deployed processes and stored data.
 */
enum ChangeClass {
    EDITORIAL("Redaktionell"),
    SUBSTANTIVE("Innehållslig");

    private final String label;

    ChangeClass(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    /** Empty for a blank or unknown value, which the caller refuses in its own words. */
    static Optional<ChangeClass> of(String name) {
        return Arrays.stream(values())
                .filter(value -> value.name().equals(name))
                .findFirst();
    }
}
