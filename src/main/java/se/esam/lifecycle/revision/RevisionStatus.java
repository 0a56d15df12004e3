package se.esam.lifecycle.revision;

/** Where a revision is; all but the last are open. */
public enum RevisionStatus {
    DRAFTING("Utarbetas av expertgruppen"),
    IN_CONSULTATION("På remiss"),
    QUALITY_REVIEW("Kvalitetsgranskas av kansliet"),
    AWAITING_APPROVAL("Väntar på fastställelse"),
    PUBLISHED("Publicerad");

    private final String label;

    RevisionStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
