package se.esam.lifecycle.follow;

import java.util.Arrays;
import java.util.Locale;

import se.esam.lifecycle.system.InvalidInputException;

/** How often a person gets the digest; {@link #WEEKLY} for anyone who has not chosen. */
enum Frequency {
    DAILY("dagligen"),
    WEEKLY("veckovis"),
    OFF("av");

    static final Frequency DEFAULT = WEEKLY;

    private final String label;

    Frequency(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** @throws InvalidInputException naming {@code frequency} for anything but the three names */
    static Frequency parse(String value) {
        String wanted = value == null ? "" : value.strip().toUpperCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(f -> f.name().equals(wanted))
                .findFirst()
                .orElseThrow(() -> new InvalidInputException(
                        "frequency", "Välj hur ofta du vill få sammanfattningen: DAILY, WEEKLY eller OFF."));
    }
}
