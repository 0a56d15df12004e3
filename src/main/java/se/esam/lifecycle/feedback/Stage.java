package se.esam.lifecycle.feedback;

import java.util.Locale;

/**
 * The stages open feedback passes through, as managers count them; several statuses make one stage
 * (revision). The one rule for both the feedback table's time-in-stage columns and the reports.
 */
public enum Stage {
    TRIAGE("Triagering"),
    CLARIFICATION("Förtydligande"),
    REVIEW("Expertgranskning"),
    REVISION("Revision");

    private final String label;

    Stage(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The feedback table's column that adds up the seconds spent in this stage. */
    public String secondsColumn() {
        return name().toLowerCase(Locale.ROOT) + "_seconds";
    }
}
