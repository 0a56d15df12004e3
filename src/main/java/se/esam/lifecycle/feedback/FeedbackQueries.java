package se.esam.lifecycle.feedback;

import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import se.esam.lifecycle.guidance.GuidanceCatalogue;
import se.esam.lifecycle.guidance.GuidanceReference;
import se.esam.lifecycle.identity.CurrentUser;
import se.esam.lifecycle.identity.Directory;
import se.esam.lifecycle.system.NotFoundException;

/**
 * Reading feedback, with who may read what in one place: the submitting organisation, the expert
 * group it was routed to, and those who oversee all feedback. Anyone else is told it does not exist.
 */
@Component
class FeedbackQueries {

    private final FeedbackService feedback;
    private final GuidanceCatalogue catalogue;
    private final Directory directory;

    FeedbackQueries(FeedbackService feedback, GuidanceCatalogue catalogue, Directory directory) {
        this.feedback = feedback;
        this.catalogue = catalogue;
        this.directory = directory;
    }

    @Transactional(readOnly = true)
    FeedbackView view(String reference, CurrentUser user) {
        Feedback f = feedback.find(reference)
                .filter(found -> mayRead(user, found))
                .orElseThrow(() -> new NotFoundException("Det finns ingen synpunkt " + reference + " som du kan se."));
        List<FeedbackView.HistoryEntry> history = feedback.history(reference).stream()
                .map(e -> new FeedbackView.HistoryEntry(
                        e.occurredAt(), e.stage(), e.stage().label(), e.action(), e.actor(), e.detail()))
                .toList();
        return toView(f, history);
    }

    @Transactional(readOnly = true)
    List<FeedbackView> ofMyOrganisation(CurrentUser user) {
        return directory
                .organisationOf(user.id())
                .map(organisation -> feedback.submittedBy(organisation.id()).stream()
                        .map(f -> toView(f, null))
                        .toList())
                .orElse(List.of());
    }

    private boolean mayRead(CurrentUser user, Feedback f) {
        if (user.overseesAllFeedback() || (f.expertGroup() != null && user.isIn(f.expertGroup()))) {
            return true;
        }
        return directory
                .organisationOf(user.id())
                .map(o -> o.id().equals(f.submitterOrganisation()))
                .orElse(false);
    }

    private FeedbackView toView(Feedback f, List<FeedbackView.HistoryEntry> history) {
        GuidanceReference guidance = catalogue.resolve(f.guidanceId(), f.guidanceVersion(), f.sectionId());
        String organisation = directory
                .organisation(f.submitterOrganisation())
                .map(Directory.Organisation::name)
                .orElse(f.submitterOrganisation());
        return new FeedbackView(
                f.reference(),
                f.status(),
                f.status().label(),
                new FeedbackView.Guidance(
                        guidance.guidanceId(),
                        guidance.title(),
                        guidance.version(),
                        guidance.sectionId(),
                        guidance.sectionTitle()),
                f.type(),
                f.description(),
                organisation,
                f.expertGroup() == null ? null : directory.groupName(f.expertGroup()),
                f.duplicateOf(),
                f.disposition(),
                f.dispositionReason(),
                f.submittedAt(),
                f.decidedAt(),
                history);
    }
}
