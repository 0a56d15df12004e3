package se.esam.lifecycle.revision;

import se.esam.lifecycle.system.ConflictException;

/**
 * Where a revision is; all but the last are open. The moves between them are this type's ({@link #moveTo}): the
 * process decides when a revision moves, this decides whether it may.
 */
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

    /**
     * Drafting goes to consultation (a substantive change) or to the kansli's quality review; consultation
     * ends in drafting again; the quality review and the approval either pass it on or return it to drafting;
     * only an approved revision is published, and a published one never moves again.
     */
    boolean mayMoveTo(RevisionStatus next) {
        return switch (this) {
            case DRAFTING -> next == IN_CONSULTATION || next == QUALITY_REVIEW;
            case IN_CONSULTATION -> next == DRAFTING;
            case QUALITY_REVIEW -> next == AWAITING_APPROVAL || next == DRAFTING;
            case AWAITING_APPROVAL -> next == PUBLISHED || next == DRAFTING;
            case PUBLISHED -> false;
        };
    }

    /**
     * @return {@code next}, when a revision here may move there
     * @throws ConflictException otherwise (409): the process was asked for a move its model does not have, which
     *     only an administrator's hand-made change of the process can ask for
     */
    RevisionStatus moveTo(RevisionStatus next) {
        if (!mayMoveTo(next)) {
            throw new ConflictException("Revisionen är i läget \"" + label + "\" och kan inte gå till \"" + next.label
                    + "\" därifrån (" + this + " till " + next + ").");
        }
        return next;
    }
}
