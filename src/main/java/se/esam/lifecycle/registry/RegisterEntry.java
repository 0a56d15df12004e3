package se.esam.lifecycle.registry;

import java.time.Instant;

/**
 * One registered incoming document, as the register, its API and its feed show it. The sender is the
 * organisation, never the person: the register is handed out (OSL 6 kap. 4 §, publish the organisation).
 *
 * @param entryId the feed's position: entries are numbered in the order they were committed
 * @param caseReference the feedback item (FB-…) or the revision (REV-…) the document belongs to
 * @param guidanceId the guidance document it concerns
 * @param caseTitle the short description (ärendemening)
 * @param secrecyMarking blank when none
 */
public record RegisterEntry(
        long entryId,
        String registrationNumber,
        RegistryKind kind,
        String kindLabel,
        String caseReference,
        String guidanceId,
        Instant receivedAt,
        String organisation,
        String organisationName,
        String caseTitle,
        String secrecyMarking) {}
