package se.esam.lifecycle.feedback;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import se.esam.lifecycle.guidance.GuidanceCatalogue;
import se.esam.lifecycle.guidance.GuidanceDocument;
import se.esam.lifecycle.guidance.GuidanceReference;
import se.esam.lifecycle.identity.CurrentUser;
import se.esam.lifecycle.identity.Directory;
import se.esam.lifecycle.identity.Roles;
import se.esam.lifecycle.registry.Registry;
import se.esam.lifecycle.registry.RegistryKind;
import se.esam.lifecycle.system.InvalidInputException;
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
    private final FeedbackOverview overview;
    private final Registry registry;
    private final EndorsementService endorsements;

    FeedbackQueries(
            FeedbackService feedback,
            GuidanceCatalogue catalogue,
            Directory directory,
            FeedbackOverview overview,
            Registry registry,
            EndorsementService endorsements) {
        this.endorsements = endorsements;
        this.overview = overview;
        this.registry = registry;
        this.feedback = feedback;
        this.catalogue = catalogue;
        this.directory = directory;
    }

    @Transactional(readOnly = true)
    FeedbackView view(String reference, CurrentUser user) {
        Feedback f = feedback.find(reference)
                .filter(found -> mayRead(user, found))
                .orElseThrow(() -> new NotFoundException("Det finns ingen synpunkt " + reference + " som du kan se."));
        boolean insider = mayReadEndorsers(user, f);
        // who in another organisation endorsed is that organisation's business: the submitter sees the organisation
        List<FeedbackView.HistoryEntry> history = feedback.history(reference).stream()
                .map(e -> new FeedbackView.HistoryEntry(
                        e.occurredAt(),
                        e.stage(),
                        e.stage().label(),
                        e.action(),
                        e.action() == FeedbackEvent.Action.ENDORSED && !insider ? null : e.actor(),
                        e.detail()))
                .toList();
        return toView(f, history, endorsements(reference, insider));
    }

    private FeedbackView.Endorsements endorsements(String reference, boolean withDetails) {
        List<Endorsement> found = endorsements.of(reference);
        Map<String, String> names = new HashMap<>();
        java.util.function.Function<String, String> name = id -> names.computeIfAbsent(
                id,
                key -> directory
                        .organisation(key)
                        .map(Directory.Organisation::name)
                        .orElse(key));
        return new FeedbackView.Endorsements(
                found.size(),
                found.stream().map(e -> name.apply(e.organisation())).toList(),
                withDetails
                        ? found.stream()
                                .map(e -> new FeedbackView.EndorsementDetail(
                                        name.apply(e.organisation()), e.comment(), e.viaReference(), e.createdAt()))
                                .toList()
                        : null);
    }

    /** Comments and the endorsing people: those who handle the item, not its submitter. */
    private static boolean mayReadEndorsers(CurrentUser user, Feedback f) {
        return user.overseesAllFeedback() || (f.expertGroup() != null && user.isIn(f.expertGroup()));
    }

    /** One page of the overview, and how many items the filter lets through in all. */
    record Page(FeedbackFilter filter, List<FeedbackView> items, long total) {

        public int pages() {
            return (int) Math.max(1, (total + filter.size() - 1) / filter.size());
        }

        public boolean hasPrevious() {
            return filter.page() > 1;
        }

        public boolean hasNext() {
            return filter.page() < pages();
        }
    }

    /**
     * The feedback a person may list, narrowed by the filter: every item for those who oversee all
     * feedback (the kansli, managers, administrators), the own organisation's for everyone else, whatever
     * the filter says. A group, document or organisation that does not exist is refused, naming the field.
     */
    @Transactional(readOnly = true)
    Page overview(FeedbackFilter filter, CurrentUser user) {
        requireKnown(filter);
        String onlyOrganisation = null;
        if (!user.overseesAllFeedback()) {
            Optional<Directory.Organisation> own = directory.organisationOf(user.id());
            if (own.isEmpty()) {
                return new Page(filter, List.of(), 0);
            }
            onlyOrganisation = own.get().id();
        }
        FeedbackOverview.Found found = overview.find(filter, onlyOrganisation);
        Names names = new Names();
        Map<String, String> numbers = registry.registrationNumbers(
                found.rows().stream().map(FeedbackOverview.Row::reference).toList(), RegistryKind.FEEDBACK);
        return new Page(
                filter,
                found.rows().stream()
                        .map(row -> toView(row, numbers.get(row.reference()), names))
                        .toList(),
                found.total());
    }

    private void requireKnown(FeedbackFilter filter) {
        if (filter.expertGroup() != null && !Roles.EXPERT_GROUPS.contains(filter.expertGroup())) {
            throw new InvalidInputException(
                    "expertGroup", "Det finns ingen expertgrupp med id '" + filter.expertGroup() + "'.");
        }
        if (filter.guidanceId() != null
                && catalogue.document(filter.guidanceId()).isEmpty()) {
            throw new InvalidInputException(
                    "guidanceId", "Det finns ingen vägledning med id '" + filter.guidanceId() + "'.");
        }
        if (filter.organisation() != null
                && directory.organisation(filter.organisation()).isEmpty()) {
            throw new InvalidInputException(
                    "organisation", "Det finns ingen medlemsorganisation med id '" + filter.organisation() + "'.");
        }
    }

    /**
     * Names of documents, sections, organisations and groups for one page, each looked up once: a page
     * of a hundred items would otherwise ask the catalogue and the identity store hundreds of times.
     */
    private final class Names {
        private final Map<String, GuidanceDocument> documents = new HashMap<>();
        private final Map<String, String> organisations = new HashMap<>();
        private final Map<String, String> groups = new HashMap<>();

        FeedbackView.Guidance guidance(FeedbackOverview.Row row) {
            GuidanceDocument document = documents.computeIfAbsent(
                    row.guidanceId(), id -> catalogue.document(id).orElse(null));
            if (document == null) {
                return new FeedbackView.Guidance(
                        row.guidanceId(), row.guidanceId(), row.guidanceVersion(), row.sectionId(), null);
            }
            String sectionTitle = row.sectionId() == null
                    ? null
                    : document.version(row.guidanceVersion())
                            .flatMap(v -> v.section(row.sectionId()))
                            .map(GuidanceDocument.Section::title)
                            .orElse(null);
            return new FeedbackView.Guidance(
                    document.id(), document.title(), row.guidanceVersion(), row.sectionId(), sectionTitle);
        }

        String organisation(String id) {
            return organisations.computeIfAbsent(
                    id,
                    key -> directory
                            .organisation(key)
                            .map(Directory.Organisation::name)
                            .orElse(key));
        }

        String group(String id) {
            return id == null ? null : groups.computeIfAbsent(id, directory::groupName);
        }
    }

    private static FeedbackView toView(FeedbackOverview.Row row, String registrationNumber, Names names) {
        return new FeedbackView(
                row.reference(),
                registrationNumber,
                row.status(),
                row.status().label(),
                row.status().stage(),
                names.guidance(row),
                row.type(),
                row.description(),
                names.organisation(row.organisation()),
                names.group(row.expertGroup()),
                row.duplicateOf(),
                row.disposition(),
                row.reason(),
                row.submittedAt(),
                row.decidedAt(),
                row.overdue(),
                null,
                null);
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

    private FeedbackView toView(
            Feedback f, List<FeedbackView.HistoryEntry> history, FeedbackView.Endorsements endorsements) {
        GuidanceReference guidance = catalogue.resolve(f.guidanceId(), f.guidanceVersion(), f.sectionId());
        String organisation = directory
                .organisation(f.submitterOrganisation())
                .map(Directory.Organisation::name)
                .orElse(f.submitterOrganisation());
        return new FeedbackView(
                f.reference(),
                registry.registrationNumber(f.reference(), RegistryKind.FEEDBACK)
                        .orElse(null),
                f.status(),
                f.status().label(),
                f.status().stage(),
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
                null,
                history,
                endorsements);
    }
}
