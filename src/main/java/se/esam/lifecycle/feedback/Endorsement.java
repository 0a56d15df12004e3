package se.esam.lifecycle.feedback;

import java.time.Instant;

/**
 * A member organisation stands behind another organisation's feedback item ("vi har samma problem"), once per
 * item.
 *
 * @param organisation the endorsing organisation's id
 * @param comment optional; shown to the kansli and the expert group only
 * @param endorsedBy the person who endorsed; null once erased
 * @param viaReference for {@link Source#DUPLICATE}: the organisation's own item the kansli marked a duplicate
 */
record Endorsement(
        String reference,
        String organisation,
        String comment,
        String endorsedBy,
        Source source,
        String viaReference,
        Instant createdAt) {

    enum Source {
        /** Endorsed by a member through the page or the API. */
        MEMBER,
        /** The kansli marked the organisation's own item a duplicate of this one at triage. */
        DUPLICATE
    }

    static final int MAX_COMMENT = 1000;
}
