package se.esam.lifecycle.revision;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.esam.lifecycle.guidance.GuidanceCatalogue;
import se.esam.lifecycle.guidance.GuidanceDocument;
import se.esam.lifecycle.guidance.GuidancePublisher;
import se.esam.lifecycle.identity.Directory;
import se.esam.lifecycle.privacy.PersonalData;
import se.esam.lifecycle.registry.Registry;
import se.esam.lifecycle.registry.RegistryKind;
import se.esam.lifecycle.revision.RevisionEvent.Action;
import se.esam.lifecycle.revision.RevisionFeedback.FeedbackItem;
import se.esam.lifecycle.system.ForbiddenException;
import se.esam.lifecycle.system.InvalidInputException;
import se.esam.lifecycle.system.NotFoundException;

/**
 * What happens to a revision at each step: opening it with the feedback waiting for it, drafting with
 * a trace for every item, consultation, quality review, four-eyes approval and publication. Knows
 * nothing of the engine; {@link RevisionSteps} calls in here.
 */
@Service
class RevisionService {

    private final RevisionRepository revisions;
    private final GuidanceCatalogue catalogue;
    private final GuidancePublisher publisher;
    private final RevisionFeedback feedback;
    private final ApplicationEventPublisher events;
    private final RevisionNotifications notifications;
    private final RevisionProperties properties;
    private final Directory directory;
    private final Registry registry;
    private final Clock clock;

    RevisionService(
            RevisionRepository revisions,
            GuidanceCatalogue catalogue,
            GuidancePublisher publisher,
            RevisionFeedback feedback,
            ApplicationEventPublisher events,
            RevisionNotifications notifications,
            RevisionProperties properties,
            Directory directory,
            Registry registry,
            Clock clock) {
        this.registry = registry;
        this.revisions = revisions;
        this.catalogue = catalogue;
        this.publisher = publisher;
        this.feedback = feedback;
        this.events = events;
        this.notifications = notifications;
        this.properties = properties;
        this.directory = directory;
        this.clock = clock;
    }

    /** What the drafting group starts from. */
    record Opened(
            long id,
            String label,
            GuidanceDocument document,
            String baseVersion,
            List<Revision.Section> sections,
            List<FeedbackItem> items) {}

    /** The document's open revision, if it has one. */
    @Transactional(readOnly = true)
    java.util.Optional<Revision> openFor(String guidanceId) {
        return revisions.openFor(guidanceId);
    }

    /**
     * Opens the document's revision with every accepted or held feedback item still waiting for one.
     *
     * @throws InvalidInputException when the document already has an open revision
     */
    @Transactional
    Opened open(String guidanceId, String startedBy, String processInstanceId) {
        GuidanceDocument document = catalogue
                .document(guidanceId == null ? "" : guidanceId)
                .orElseThrow(() -> new InvalidInputException("guidanceId", "Okänd vägledning '" + guidanceId + "'."));
        if (startedBy != null && !directory.groupsOf(startedBy).contains(document.owningGroup())) {
            throw new ForbiddenException("Bara " + directory.groupName(document.owningGroup()) + " kan starta en "
                    + "revision av " + document.title() + ".");
        }
        publisher.lock(guidanceId);
        revisions.openFor(guidanceId).ifPresent(open -> {
            throw new InvalidInputException(
                    "guidanceId", document.title() + " har redan en öppen revision, " + open.label() + ".");
        });
        String base = document.currentVersion().number();
        long id = revisions.insert(guidanceId, base, processInstanceId, clock.instant());
        event(id, RevisionStatus.DRAFTING, Action.OPENED, startedBy, document.title() + " " + base);
        List<Revision.Section> sections = publisher.sections(guidanceId, base).stream()
                .map(s -> new Revision.Section(s.id(), s.title(), s.body()))
                .toList();
        revisions.replaceSections(id, sections);
        List<FeedbackItem> items = feedback.waitingFor(guidanceId);
        for (FeedbackItem item : items) {
            revisions.addItem(id, item.reference(), clock.instant());
            events.publishEvent(
                    new FeedbackTakenUp(item.reference(), Revision.label(id) + " av " + document.title() + " " + base));
            event(id, RevisionStatus.DRAFTING, Action.FEEDBACK_JOINED, null, item.reference());
        }
        return new Opened(id, Revision.label(id), document, base, sections, items);
    }

    /** Feedback accepted while the revision is being drafted joins it. */
    @Transactional
    FeedbackItem join(long id, String reference) {
        Revision revision = get(id);
        FeedbackItem item = feedback.item(reference);
        if (!revisions.hasItem(id, reference)) {
            revisions.addItem(id, reference, clock.instant());
            events.publishEvent(new FeedbackTakenUp(reference, revision.label()));
            event(id, revision.status(), Action.FEEDBACK_JOINED, null, reference);
        }
        return item;
    }

    /** Records the draft, if it keeps the {@link DraftRules}. */
    @Transactional
    void recordDraft(
            long id,
            String drafter,
            List<Revision.Section> sections,
            List<Revision.Item> traces,
            String changeNotes,
            String changeClass) {
        Revision revision = get(id);
        // queue behind a feedback item joining at this moment, so that it is either traced here or refused
        publisher.lock(revision.guidanceId());
        DraftRules.Checked draft = DraftRules.check(sections, revisions.items(id), traces, changeNotes, changeClass);
        revisions.replaceSections(id, draft.sections());
        draft.traces().forEach(item -> revisions.trace(id, item));
        LinkedHashSet<String> drafters = new LinkedHashSet<>(revision.draftedBy());
        drafters.add(drafter);
        revisions.draft(id, draft.changeClass(), draft.changeNotes(), List.copyOf(drafters));
        event(
                id,
                revision.status(),
                Action.DRAFTED,
                drafter,
                draft.changeClass().label() + ": " + draft.changeNotes());
    }

    /** @return when the window closes */
    @Transactional
    Instant openConsultation(long id) {
        Revision revision = get(id);
        revision.status().moveTo(RevisionStatus.IN_CONSULTATION);
        Instant ends =
                ZonedDateTime.now(clock).plus(properties.consultationPeriod()).toInstant();
        revisions.consultation(id, ends);
        event(id, revision.status(), Action.CONSULTATION_OPENED, null, "till " + ends);
        notifications.consultationOpened(revision, title(revision), ends);
        return ends;
    }

    @Transactional
    void respondToConsultation(long id, String organisation, String author, String response) {
        Revision revision = get(id);
        if (revision.status() != RevisionStatus.IN_CONSULTATION
                || !clock.instant().isBefore(revision.consultationEnds())) {
            throw new InvalidInputException("revision", revision.label() + " är inte på remiss.");
        }
        if (blank(response)) {
            throw new InvalidInputException("response", "Skriv ert remissvar.");
        }
        revisions.addResponse(
                id, new Revision.ConsultationResponse(organisation, author, response.strip(), clock.instant()));
        event(id, revision.status(), Action.CONSULTATION_RESPONDED, author, organisation);
        // registered in the transaction that stores the response: both or neither
        registry.register(new Registry.Incoming(
                RegistryKind.CONSULTATION_RESPONSE,
                revision.label(),
                revision.guidanceId(),
                directory.organisationOf(author).map(Directory.Organisation::id).orElse(null),
                organisation,
                "Remissvar på förslag till ny version av " + title(revision) + " " + revision.baseVersion() + " ("
                        + revision.label() + ")"));
    }

    /** @return the responses as the drafting group reads them */
    @Transactional
    String closeConsultation(long id) {
        RevisionStatus status = get(id).status();
        event(id, status, Action.CONSULTATION_CLOSED, null, null);
        revisions.status(id, status.moveTo(RevisionStatus.DRAFTING));
        List<Revision.ConsultationResponse> responses = revisions.responses(id);
        if (responses.isEmpty()) {
            return "Inga remissvar kom in.";
        }
        return responses.stream()
                .map(r -> r.organisation() + ": " + r.response())
                .collect(Collectors.joining("\n\n"));
    }

    /**
     * The final draft as quality review and approval read it.
     *
     * @param changes what the draft changes in the version it revises
     * @param draftedBy the names of everyone who drafted it: who may not approve it (four eyes)
     */
    record ForReview(String newVersion, List<SectionChanges.Row> changes, String draftedBy) {}

    @Transactional
    ForReview toQualityReview(long id, VersionBump bump) {
        Revision revision = get(id);
        String next = GuidancePublisher.nextVersion(revision.baseVersion(), bump.major());
        revisions.newVersion(id, next);
        event(id, revision.status(), Action.SENT_TO_QUALITY_REVIEW, null, "blir version " + next);
        revisions.status(id, revision.status().moveTo(RevisionStatus.QUALITY_REVIEW));
        return new ForReview(
                next,
                SectionChanges.between(baseSections(revision), revisions.sections(id)),
                revision.draftedBy().stream()
                        .map(person -> directory.nameOf(person) + " (" + person + ")")
                        .collect(Collectors.joining(", ")));
    }

    /** What the draft changes in the version it revises, as the forms show it; the revision's page shows it too. */
    @Transactional(readOnly = true)
    List<SectionChanges.Row> changes(long id) {
        return SectionChanges.between(baseSections(get(id)), revisions.sections(id));
    }

    private List<Revision.Section> baseSections(Revision revision) {
        return publisher.sections(revision.guidanceId(), revision.baseVersion()).stream()
                .map(s -> new Revision.Section(s.id(), s.title(), s.body()))
                .toList();
    }

    @Transactional
    void qualityReviewed(long id, String reviewer, boolean approve, String comments) {
        if (!approve && blank(comments)) {
            throw new InvalidInputException("qualityComments", "Skriv vad expertgruppen ska ändra.");
        }
        RevisionStatus status = get(id).status();
        event(
                id,
                status,
                approve ? Action.QUALITY_APPROVED : Action.QUALITY_RETURNED,
                reviewer,
                blank(comments) ? null : comments.strip());
        revisions.status(id, status.moveTo(approve ? RevisionStatus.AWAITING_APPROVAL : RevisionStatus.DRAFTING));
    }

    /**
     * Four eyes: whoever drafted the revision may not approve it. Conflict of interest: nor may a member
     * of an organisation whose feedback the revision answers.
     *
     * @throws ForbiddenException when the person drafted it or is such a member
     */
    @Transactional(readOnly = true)
    void mayApprove(long id, String person) {
        if (person == null) {
            return;
        }
        if (get(id).draftedBy().contains(person)) {
            throw new ForbiddenException(
                    "Du har utarbetat revisionen och får därför inte fastställa den " + "(fyra ögon).");
        }
        if (items(id).stream().anyMatch(item -> feedback.submittedByOrganisationOf(item.reference(), person))) {
            throw new ForbiddenException("Revisionen besvarar synpunkter från din organisation; du får därför inte "
                    + "fastställa den (jäv). Låt någon annan beslutsfattare ta uppgiften.");
        }
    }

    /**
     * Four eyes and conflict of interest when someone else hands the approval to a person: the refusal
     * speaks of the person chosen, not to the one choosing.
     *
     * @throws ForbiddenException when the person chosen drafted the revision or is such a member
     */
    @Transactional(readOnly = true)
    void mayBeGivenApproval(long id, String assignee) {
        if (assignee == null) {
            return;
        }
        if (get(id).draftedBy().contains(assignee)) {
            throw new ForbiddenException("Den du vill ge uppgiften har utarbetat revisionen och får därför inte "
                    + "fastställa den (fyra ögon). Välj en annan beslutsfattare.");
        }
        if (items(id).stream().anyMatch(item -> feedback.submittedByOrganisationOf(item.reference(), assignee))) {
            throw new ForbiddenException("Revisionen besvarar synpunkter från organisationen hos den du vill ge "
                    + "uppgiften, som därför inte får fastställa den (jäv). Välj en annan beslutsfattare.");
        }
    }

    @Transactional
    void approvalDecided(long id, String approver, boolean approve, String comments) {
        mayApprove(id, approver);
        if (!approve && blank(comments)) {
            throw new InvalidInputException("approvalComments", "Skriv vad expertgruppen ska ändra.");
        }
        RevisionStatus status = get(id).status();
        event(
                id,
                status,
                approve ? Action.APPROVED : Action.RETURNED,
                approver,
                blank(comments) ? null : comments.strip());
        if (approve) {
            revisions.approved(id, approver);
        } else {
            revisions.status(id, status.moveTo(RevisionStatus.DRAFTING));
        }
    }

    /** @param acceptedWaiting feedback accepted after drafting, which opens the next revision */
    record Publication(
            String label,
            String guidanceId,
            String version,
            List<RevisionPublished.Answer> answers,
            java.util.Optional<String> acceptedWaiting) {}

    @Transactional
    Publication publish(long id) {
        Revision revision = get(id);
        if (revision.approvedBy() == null) {
            throw new IllegalStateException(revision.label() + " is published without approval");
        }
        revision.status().moveTo(RevisionStatus.PUBLISHED);
        List<GuidancePublisher.PublishedDisposition> dispositions = new ArrayList<>();
        List<RevisionPublished.Answer> answers = new ArrayList<>();
        for (Revision.Item item : revisions.items(id)) {
            FeedbackItem f = feedback.item(item.reference());
            dispositions.add(new GuidancePublisher.PublishedDisposition(
                    f.reference(),
                    f.type(),
                    f.organisationName(),
                    // only what the kansli's publishing review allows: nothing unreviewed or withheld
                    f.withheld() ? null : f.publicText(),
                    f.disposition() == null ? FeedbackItem.ACCEPTED : f.disposition(),
                    item.trace().name(),
                    item.traceSection(),
                    item.trace() == Revision.Trace.NOT_ADDRESSED ? item.traceReason() : f.dispositionReason()));
            answers.add(new RevisionPublished.Answer(
                    f.reference(),
                    item.trace() == Revision.Trace.ANSWERED
                            ? "Din synpunkt besvaras av en ändring i avsnitt " + item.traceSection() + "."
                            // the reason may quote another organisation's consultation response: masked as
                            // the published disposition is
                            : "Din synpunkt åtgärdas inte i denna version. Motivering: "
                                    + PersonalData.mask(item.traceReason())));
        }
        publisher.publish(new GuidancePublisher.NewVersion(
                revision.guidanceId(),
                revision.newVersion(),
                LocalDate.now(clock),
                revision.changeClass().name(),
                revision.changeNotes(),
                id,
                revisions.sections(id).stream()
                        .map(s -> new GuidancePublisher.Section(s.sectionId(), s.title(), s.body()))
                        .toList(),
                dispositions));
        revisions.published(id, clock.instant());
        event(id, revision.status(), Action.PUBLISHED, null, "version " + revision.newVersion());
        java.util.Optional<String> acceptedWaiting = feedback.waitingFor(revision.guidanceId()).stream()
                .filter(FeedbackItem::accepted)
                .map(FeedbackItem::reference)
                .findFirst();
        return new Publication(
                revision.label(), revision.guidanceId(), revision.newVersion(), answers, acceptedWaiting);
    }

    /** The audit trail, oldest first. */
    @Transactional(readOnly = true)
    List<RevisionEvent> events(long id) {
        get(id);
        return revisions.events(id);
    }

    private void event(long id, RevisionStatus stage, Action action, String actor, String detail) {
        revisions.addEvent(id, new RevisionEvent(clock.instant(), stage, action, actor, detail));
    }

    @Transactional(readOnly = true)
    Revision get(long id) {
        return revisions.find(id).orElseThrow(() -> new NotFoundException("Ingen revision " + Revision.label(id)));
    }

    @Transactional(readOnly = true)
    List<Revision.Item> items(long id) {
        return revisions.items(id);
    }

    @Transactional(readOnly = true)
    List<Revision.Section> sections(long id) {
        return revisions.sections(id);
    }

    @Transactional(readOnly = true)
    List<Revision.ConsultationResponse> responses(long id) {
        return revisions.responses(id);
    }

    @Transactional(readOnly = true)
    List<Revision> open() {
        return revisions.open();
    }

    private String title(Revision revision) {
        return catalogue
                .document(revision.guidanceId())
                .map(GuidanceDocument::title)
                .orElse(revision.guidanceId());
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
