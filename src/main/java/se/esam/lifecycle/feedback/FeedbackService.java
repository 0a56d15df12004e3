package se.esam.lifecycle.feedback;

import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.esam.lifecycle.feedback.FeedbackEvent.Action;
import se.esam.lifecycle.guidance.GuidanceCatalogue;
import se.esam.lifecycle.guidance.GuidanceReference;
import se.esam.lifecycle.identity.Directory;
import se.esam.lifecycle.identity.Roles;
import se.esam.lifecycle.privacy.PersonalData;
import se.esam.lifecycle.registry.Registry;
import se.esam.lifecycle.registry.RegistryKind;
import se.esam.lifecycle.revision.RevisionIntake;
import se.esam.lifecycle.system.ForbiddenException;
import se.esam.lifecycle.system.InvalidInputException;
import se.esam.lifecycle.system.NotFoundException;
import se.esam.lifecycle.system.SwedishTime;

/**
 * What happens to feedback at each step of its lifecycle. Knows nothing of the engine: the BPMN glue
 * ({@link FeedbackSteps}) calls in here, and so do the web layer and the tests.
 */
@Service
class FeedbackService {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(FeedbackService.class);

    private final FeedbackRepository feedback;
    private final ReferenceGenerator references;
    private final GuidanceCatalogue catalogue;
    private final Directory directory;
    private final FeedbackNotifications notifications;
    private final FeedbackProperties properties;
    private final RevisionIntake revisions;
    private final Registry registry;
    private final EndorsementService endorsements;
    private final Clock clock;

    FeedbackService(
            FeedbackRepository feedback,
            ReferenceGenerator references,
            GuidanceCatalogue catalogue,
            Directory directory,
            FeedbackNotifications notifications,
            FeedbackProperties properties,
            RevisionIntake revisions,
            Registry registry,
            EndorsementService endorsements,
            Clock clock) {
        this.registry = registry;
        this.endorsements = endorsements;
        this.feedback = feedback;
        this.references = references;
        this.catalogue = catalogue;
        this.directory = directory;
        this.notifications = notifications;
        this.properties = properties;
        this.revisions = revisions;
        this.clock = clock;
    }

    /** What registering gives the process: the reference and what the forms show. */
    record Registered(
            String reference,
            GuidanceReference guidance,
            String organisationName,
            FeedbackType type,
            String description) {}

    /** Checks a submission before the process is started, so that the API can name the field at fault. */
    GuidanceReference check(Submission submission, String submitter) {
        organisationOf(submitter);
        return catalogue.resolve(submission.guidanceId(), submission.guidanceVersion(), submission.sectionId());
    }

    @Transactional
    Registered register(Submission submission, String submitter, String processInstanceId) {
        if (submission.type() == null) {
            throw new InvalidInputException("type", "Ange typ av synpunkt.");
        }
        if (submission.description() == null || submission.description().isBlank()) {
            throw new InvalidInputException("description", "Beskriv synpunkten.");
        }
        if (submission.description().length() > 10_000) {
            throw new InvalidInputException("description", "Beskrivningen får vara högst 10 000 tecken.");
        }
        if (!FeedbackText.isPlain(submission.description())) {
            throw new InvalidInputException("description", FeedbackText.NOT_PLAIN);
        }
        Directory.Organisation organisation = organisationOf(submitter);
        GuidanceReference guidance =
                catalogue.resolve(submission.guidanceId(), submission.guidanceVersion(), submission.sectionId());
        String reference = references.next();
        Instant now = clock.instant();
        feedback.insert(Feedback.submitted(
                reference,
                guidance,
                submission.type(),
                submission.description().strip(),
                submitter,
                organisation.id(),
                processInstanceId,
                now));
        feedback.addEvent(
                reference,
                new FeedbackEvent(
                        now,
                        FeedbackStatus.IN_TRIAGE,
                        Action.SUBMITTED,
                        submitter,
                        guidance.title() + " " + guidance.version()
                                + (guidance.sectionId() == null ? "" : ", avsnitt " + guidance.sectionId())));
        // registered in the submission's transaction: stored and registered commit together or not at all
        String registrationNumber = registry.register(new Registry.Incoming(
                RegistryKind.FEEDBACK,
                reference,
                guidance.guidanceId(),
                organisation.id(),
                organisation.name(),
                "Synpunkt på " + guidance.title() + " " + guidance.version()
                        + (guidance.sectionId() == null ? "" : ", avsnitt " + guidance.sectionId())
                        + " (" + submission.type().label() + ")"));
        notifications.received(get(reference), guidance, registrationNumber);
        return new Registered(
                reference,
                guidance,
                organisation.name(),
                submission.type(),
                submission.description().strip());
    }

    /** Triage sent it to an expert group, proposed by the routing table or chosen by the kansli. */
    @Transactional
    void route(String reference, String actor, String expertGroup, Priority priority, boolean containsPersonalData) {
        // List.of(...).contains(null) throws: a group deleted from the task is a missing choice, not a 500
        if (expertGroup == null || !Roles.EXPERT_GROUPS.contains(expertGroup)) {
            throw new InvalidInputException("expertGroup", "Välj en expertgrupp.");
        }
        if (priority == null) {
            throw new InvalidInputException("priority", "Välj prioritet.");
        }
        Feedback f = get(reference);
        save(f.withRouting(expertGroup, priority, containsPersonalData));
        registry.personalData(reference, containsPersonalData);
        log.info("Routed to {} with priority {}", expertGroup, priority);
        event(
                reference,
                FeedbackStatus.IN_TRIAGE,
                Action.ROUTED,
                actor,
                directory.groupName(expertGroup) + ", prioritet " + priority.label());
    }

    /**
     * The publishing review, made as the item is sent to an expert group: nothing of the text reaches a public
     * surface before it (an item routed without one, as the API allows, publishes nothing). What is published must
     * pass the personal data detector: "as is" only for a text in which it finds nothing, a masked text only once
     * nothing is left to find, and "not published" names its ground.
     *
     * @param editedText the public text as the kansli left it on the form; blank or the proposal unchanged means
     *        the whole text masked
     * @param containsPersonalData the kansli's own finding at this triage: personal data the detector cannot see
     */
    @Transactional
    void reviewPublication(
            String reference,
            String actor,
            Publication.Decision decision,
            String editedText,
            String ground,
            boolean containsPersonalData) {
        if (decision == null) {
            return;
        }
        Feedback f = get(reference);
        String publicText;
        switch (decision) {
            case AS_IS -> {
                if (containsPersonalData) {
                    throw new InvalidInputException(
                            "publication",
                            "Du har angett att texten innehåller personuppgifter. Välj att publicera den med "
                                    + "personuppgifterna maskerade eller att inte publicera den.");
                }
                if (!PersonalData.isClean(f.description())) {
                    throw new InvalidInputException(
                            "publication",
                            "Texten innehåller " + PersonalData.describe(f.description()) + ". Välj att publicera "
                                    + "den med personuppgifterna maskerade eller att inte publicera den.");
                }
                publicText = f.description();
                ground = null;
            }
            case MASKED -> {
                boolean unchanged = editedText == null
                        || editedText.isBlank()
                        || editedText
                                .strip()
                                .equals(proposedPublicText(f.description(), reference)
                                        .strip());
                publicText = unchanged ? PersonalData.mask(f.description()) : editedText.strip();
                if (!PersonalData.isClean(publicText)) {
                    throw new InvalidInputException(
                            "publicText",
                            "Den publicerade texten innehåller fortfarande " + PersonalData.describe(publicText)
                                    + ". Ta bort det eller ersätt det med en markering.");
                }
                if (!FeedbackText.isPlain(publicText)) {
                    throw new InvalidInputException("publicText", FeedbackText.NOT_PLAIN);
                }
                ground = null;
            }
            case NOT_PUBLISHED -> {
                requireReason("publicationGround", "Grunden för att inte publicera", ground);
                publicText = null;
                ground = ground.strip();
            }
            default -> throw new IllegalStateException(decision.name());
        }
        feedback.savePublication(reference, new Publication(decision, publicText, ground, actor, clock.instant()));
        event(
                reference,
                f.status(),
                Action.PUBLICATION_REVIEWED,
                actor,
                "Publicering: " + decision.label() + (ground == null ? "" : ". Grund: " + ground));
    }

    /** What the triage form proposes to publish: the text as the form shows it, personal data masked. */
    static String proposedPublicText(String description, String reference) {
        return FeedbackText.forForms(PersonalData.mask(description), reference);
    }

    @Transactional
    void markDuplicate(String reference, String actor, String duplicateOf, boolean containsPersonalData) {
        String original = duplicateOf == null ? "" : duplicateOf.strip();
        if (original.equals(reference) || feedback.find(original).isEmpty()) {
            throw new InvalidInputException(
                    "duplicateOf", "Det finns ingen annan synpunkt med referensen '" + original + "'.");
        }
        Feedback f = get(reference).withDuplicateOf(original, containsPersonalData);
        save(f);
        registry.personalData(reference, containsPersonalData);
        event(reference, FeedbackStatus.IN_TRIAGE, Action.MARKED_DUPLICATE, actor, "Dubblett av " + original);
    }

    @Transactional
    void closeAsDuplicate(String reference) {
        Feedback f = get(reference).closed(FeedbackStatus.DUPLICATE, clock.instant());
        save(f);
        // the duplicate's organisation stands behind the original from now on; its own text stays with it
        endorsements.fromDuplicate(f);
        notifications.duplicate(f);
    }

    @Transactional
    void markOutOfScope(String reference, String actor, String reason, boolean containsPersonalData) {
        requireReason("outOfScopeReason", "Motiveringen", reason);
        Feedback f = get(reference);
        save(f.withPersonalData(containsPersonalData).withReason(reason.strip()));
        registry.personalData(reference, containsPersonalData);
        event(reference, FeedbackStatus.IN_TRIAGE, Action.REJECTED_OUT_OF_SCOPE, actor, reason.strip());
    }

    @Transactional
    void closeAsOutOfScope(String reference) {
        Feedback f = get(reference).closed(FeedbackStatus.OUT_OF_SCOPE, clock.instant());
        save(f);
        notifications.outOfScope(f);
    }

    /** @return when the submitter's answer is due */
    @Transactional
    Instant requestClarification(String reference, String actor, String question, boolean containsPersonalData) {
        requireReason("clarificationQuestion", "Frågan till inlämnaren", question);
        Instant due =
                ZonedDateTime.now(clock).plus(properties.clarificationPeriod()).toInstant();
        Feedback f = get(reference).withPersonalData(containsPersonalData).awaitingClarification();
        save(f);
        registry.personalData(reference, containsPersonalData);
        feedback.clarificationDue(reference, due);
        event(
                reference,
                FeedbackStatus.AWAITING_CLARIFICATION,
                Action.CLARIFICATION_REQUESTED,
                actor,
                question.strip());
        notifications.clarificationRequested(f, question.strip(), due);
        return due;
    }

    @Transactional
    void clarified(String reference, String actor, String answer) {
        requireReason("clarificationAnswer", "Svaret", answer);
        Feedback f = get(reference);
        save(f.clarified());
        event(reference, FeedbackStatus.IN_TRIAGE, Action.CLARIFIED, actor, answer.strip());
        registry.register(new Registry.Incoming(
                RegistryKind.CLARIFICATION_ANSWER,
                reference,
                f.guidanceId(),
                f.submitterOrganisation(),
                directory
                        .organisation(f.submitterOrganisation())
                        .map(Directory.Organisation::name)
                        .orElse(f.submitterOrganisation()),
                "Svar på begäran om förtydligande av synpunkt " + reference + " på "
                        + catalogue.document(f.guidanceId()).map(d -> d.title()).orElse(f.guidanceId())
                        + " " + f.guidanceVersion()));
    }

    @Transactional
    void closeAsUnanswered(String reference) {
        Feedback f = get(reference).closed(FeedbackStatus.UNANSWERED, clock.instant());
        save(f);
        event(
                reference,
                FeedbackStatus.UNANSWERED,
                Action.CLOSED_UNANSWERED,
                null,
                "Inget svar på begäran om förtydligande inom tidsfristen");
        notifications.unanswered(f);
    }

    record ReviewPlan(Instant due, Instant reminder) {}

    @Transactional
    ReviewPlan sendToReview(String reference) {
        Feedback f = get(reference);
        ZonedDateTime now = ZonedDateTime.now(clock);
        Instant due = now.plus(properties.reviewPeriod().get(f.priority())).toInstant();
        Instant reminder = due.minus(properties.reminderBeforeDue());
        if (reminder.isBefore(now.toInstant())) {
            reminder = now.toInstant();
        }
        save(f.inReview(due));
        event(
                reference,
                FeedbackStatus.IN_REVIEW,
                Action.SENT_TO_REVIEW,
                null,
                directory.groupName(f.expertGroup()) + ", ska vara granskad senast " + SwedishTime.DATE.format(due));
        return new ReviewPlan(due, reminder);
    }

    @Transactional
    void remindReviewers(String reference) {
        Feedback f = get(reference);
        event(reference, FeedbackStatus.IN_REVIEW, Action.REMINDED, null, directory.groupName(f.expertGroup()));
        notifications.reviewReminder(f, directory.emailsOfGroup(f.expertGroup()));
    }

    @Transactional
    void escalate(String reference) {
        Feedback f = get(reference);
        event(reference, FeedbackStatus.IN_REVIEW, Action.ESCALATED, null, "Granskningen är försenad");
        notifications.reviewOverdue(f, directory.groupName(f.expertGroup()), directory.emailsOfGroup(Roles.KANSLI));
    }

    @Transactional
    void decide(String reference, String actor, Disposition disposition, String reason) {
        mayReview(reference, actor);
        if (disposition == null) {
            throw new InvalidInputException("disposition", "Välj ställningstagande.");
        }
        requireReason("dispositionReason", "Motiveringen", reason);
        Feedback f = get(reference).decided(disposition, reason.strip(), clock.instant());
        save(f);
        event(reference, f.status(), Action.DECIDED, actor, disposition.label() + ": " + reason.strip());
    }

    @Transactional
    void notifyDisposition(String reference) {
        notifications.decided(get(reference));
    }

    @Transactional
    void handOverToRevision(String reference) {
        Feedback f = get(reference);
        event(reference, f.status(), Action.HANDED_TO_REVISION, null, null);
        revisions.request(f.guidanceId(), f.reference());
    }

    /** A revision took the feedback up, as it opened or while it is being drafted. */
    @Transactional
    void joinedRevision(String reference, String revision) {
        save(get(reference).joinedRevision());
        event(reference, FeedbackStatus.IN_REVISION, Action.JOINED_REVISION, null, revision);
    }

    @Transactional
    void answeredInVersion(String reference, String version, String answer) {
        Feedback f = get(reference).answeredInVersion();
        save(f);
        event(
                reference,
                FeedbackStatus.ANSWERED_IN_VERSION,
                Action.ANSWERED_IN_VERSION,
                null,
                "Version " + version + (answer == null ? "" : ": " + answer));
        notifications.answeredInVersion(f, version, answer);
    }

    /**
     * Conflict of interest: nobody reviews their own organisation's feedback.
     *
     * @throws ForbiddenException when the person belongs to the submitting organisation
     */
    @Transactional(readOnly = true)
    void mayReview(String reference, String person) {
        if (directory.isMemberOf(person, get(reference).submitterOrganisation())) {
            throw new ForbiddenException("Du tillhör den organisation som lämnade synpunkten och får därför inte "
                    + "granska den (jäv). Låt någon annan i expertgruppen ta uppgiften.");
        }
    }

    /**
     * Conflict of interest when someone else hands the review to a person: the refusal speaks of the person
     * chosen, not to the one choosing.
     *
     * @throws ForbiddenException when the person chosen belongs to the submitting organisation
     */
    @Transactional(readOnly = true)
    void mayBeGivenReview(String reference, String assignee) {
        if (assignee != null && directory.isMemberOf(assignee, get(reference).submitterOrganisation())) {
            throw new ForbiddenException("Den du vill ge uppgiften tillhör den organisation som lämnade synpunkten och "
                    + "får därför inte granska den (jäv). Välj någon annan i expertgruppen.");
        }
    }

    // reading

    @Transactional(readOnly = true)
    Optional<Feedback> find(String reference) {
        return feedback.find(reference);
    }

    @Transactional(readOnly = true)
    List<FeedbackEvent> history(String reference) {
        return feedback.events(reference);
    }

    Directory.Organisation organisationOf(String userId) {
        return directory
                .organisationOf(userId)
                .orElseThrow(() -> new InvalidInputException(
                        "submitter",
                        "Användaren " + userId
                                + " hör inte till någon medlemsorganisation och kan inte lämna synpunkter."));
    }

    private Feedback get(String reference) {
        return feedback.find(reference).orElseThrow(() -> new NotFoundException("Ingen synpunkt " + reference));
    }

    private void save(Feedback f) {
        feedback.update(f);
    }

    private void event(String reference, FeedbackStatus stage, Action action, String actor, String detail) {
        feedback.addEvent(reference, new FeedbackEvent(clock.instant(), stage, action, actor, detail));
    }

    /** The label names the field as the form does: Tasklist shows a person the sentence alone. */
    private static void requireReason(String field, String label, String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException(field, label + " måste fyllas i.");
        }
        if (text.length() > 4000) {
            throw new InvalidInputException(field, label + " får vara högst 4 000 tecken.");
        }
    }
}
