package se.esam.lifecycle.feedback;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.esam.lifecycle.identity.Directory;
import se.esam.lifecycle.revision.RevisionFeedback;
import se.esam.lifecycle.system.NotFoundException;

/** What the revision work may know of feedback: the module's face towards revisions. */
@Service
class FeedbackForRevision implements RevisionFeedback {

    private final FeedbackRepository feedback;
    private final Directory directory;

    FeedbackForRevision(FeedbackRepository feedback, Directory directory) {
        this.feedback = feedback;
        this.directory = directory;
    }

    @Override
    @Transactional(readOnly = true)
    public List<FeedbackItem> waitingFor(String guidanceId) {
        return feedback.waitingForRevision(guidanceId).stream().map(this::item).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public FeedbackItem item(String reference) {
        return feedback.find(reference)
                .map(this::item)
                .orElseThrow(() -> new NotFoundException("Ingen synpunkt " + reference));
    }

    @Override
    @Transactional(readOnly = true)
    public boolean submittedByOrganisationOf(String reference, String person) {
        return feedback.find(reference)
                .map(f -> directory.isMemberOf(person, f.submitterOrganisation()))
                .orElse(false);
    }

    private FeedbackItem item(Feedback f) {
        String organisation = directory
                .organisation(f.submitterOrganisation())
                .map(Directory.Organisation::name)
                .orElse(f.submitterOrganisation());
        java.util.Optional<Publication> publication = feedback.publication(f.reference());
        return new FeedbackItem(
                f.reference(),
                f.guidanceVersion(),
                f.sectionId(),
                f.type().name(),
                f.type().label(),
                organisation,
                f.description(),
                f.containsPersonalData(),
                f.disposition() == null ? null : f.disposition().name(),
                f.dispositionReason(),
                publication.map(Publication::publicText).orElse(null),
                f.containsPersonalData()
                        || publication
                                .map(p -> p.decision() == Publication.Decision.NOT_PUBLISHED)
                                .orElse(false));
    }
}
