package se.esam.lifecycle.feedback;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What other modules may know of endorsements: how many organisations stand behind a document's open feedback.
 * Periodic review shows it to the owning group.
 */
@Service
public class FeedbackEndorsements {

    /** How many items {@link #mostEndorsedOpen} returns at most. */
    public static final int LIMIT = 50;

    /** An open item and how many organisations stand behind it besides the submitting one. */
    public record EndorsedItem(String reference, String guidanceVersion, String sectionId, long endorsements) {}

    private final EndorsementRepository endorsements;

    FeedbackEndorsements(EndorsementRepository endorsements) {
        this.endorsements = endorsements;
    }

    /** The document's open items that other organisations endorse, most endorsed first. */
    @Transactional(readOnly = true)
    public List<EndorsedItem> mostEndorsedOpen(String guidanceId) {
        return endorsements.mostEndorsedOpen(guidanceId, LIMIT).stream()
                .map(c -> new EndorsedItem(c.reference(), c.guidanceVersion(), c.sectionId(), c.endorsements()))
                .toList();
    }
}
