package se.esam.lifecycle.feedback;

import java.time.Clock;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.esam.lifecycle.feedback.FeedbackEvent.Action;
import se.esam.lifecycle.security.Directory;
import se.esam.lifecycle.system.NotFoundException;

/** What the revision work may know and do of feedback: the module's face towards revisions. */
@Service
public class FeedbackForRevision {

    private final FeedbackRepository feedback;
    private final Directory directory;
    private final Clock clock;

    FeedbackForRevision(FeedbackRepository feedback, Directory directory, Clock clock) {
        this.feedback = feedback;
        this.directory = directory;
        this.clock = clock;
    }

    /** Feedback as a revision shows it to the drafting group and, once published, to everyone. */
    public record Item(String reference, String guidanceVersion, String sectionId, FeedbackType type, String typeLabel,
            String organisationName, String description, boolean containsPersonalData, Disposition disposition,
            String dispositionReason) {
    }

    /** Accepted or held feedback on the document that no revision has taken up yet, oldest first. */
    @Transactional(readOnly = true)
    public List<Item> waitingFor(String guidanceId) {
        return feedback.waitingForRevision(guidanceId).stream().map(this::item).toList();
    }

    @Transactional(readOnly = true)
    public Item item(String reference) {
        return feedback.find(reference).map(this::item)
                .orElseThrow(() -> new NotFoundException("Ingen synpunkt " + reference));
    }

    /** Conflict of interest: whether the person belongs to the organisation that submitted the feedback. */
    @Transactional(readOnly = true)
    public boolean submittedByOrganisationOf(String reference, String person) {
        return feedback.find(reference).map(f -> directory.isMemberOf(person, f.submitterOrganisation()))
                .orElse(false);
    }

    @Transactional
    public void joined(String reference, String revisionLabel) {
        Feedback f = feedback.find(reference).orElseThrow(() -> new NotFoundException("Ingen synpunkt " + reference));
        feedback.update(f.joinedRevision());
        feedback.addEvent(reference, new FeedbackEvent(clock.instant(), FeedbackStatus.IN_REVISION,
                Action.JOINED_REVISION, null, revisionLabel));
    }

    private Item item(Feedback f) {
        String organisation = directory.organisation(f.submitterOrganisation()).map(Directory.Organisation::name)
                .orElse(f.submitterOrganisation());
        return new Item(f.reference(), f.guidanceVersion(), f.sectionId(), f.type(), f.type().label(), organisation,
                f.description(), f.containsPersonalData(), f.disposition(), f.dispositionReason());
    }
}
