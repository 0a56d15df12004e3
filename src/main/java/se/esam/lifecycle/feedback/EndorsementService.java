package se.esam.lifecycle.feedback;

import java.time.Clock;
import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.esam.lifecycle.feedback.FeedbackEvent.Action;
import se.esam.lifecycle.identity.CurrentUser;
import se.esam.lifecycle.identity.Directory;
import se.esam.lifecycle.identity.Roles;
import se.esam.lifecycle.system.ConflictException;
import se.esam.lifecycle.system.ForbiddenException;
import se.esam.lifecycle.system.InvalidInputException;
import se.esam.lifecycle.system.NotFoundException;

/**
 * Endorsements ("vi har samma problem"): who may stand behind which item, and what follows. A member
 * organisation endorses an open item of another organisation whose text the publishing review published (the
 * only text of it the member can see); the kansli's duplicate at triage makes the duplicate's organisation an
 * endorser of the original. The organisation and the person always come from the signed-in user.
 */
@Service
class EndorsementService {

    private final EndorsementRepository endorsements;
    private final FeedbackRepository feedback;
    private final Directory directory;
    private final EndorsementVariables variables;
    private final Clock clock;

    EndorsementService(
            EndorsementRepository endorsements,
            FeedbackRepository feedback,
            Directory directory,
            EndorsementVariables variables,
            Clock clock) {
        this.endorsements = endorsements;
        this.feedback = feedback;
        this.directory = directory;
        this.variables = variables;
        this.clock = clock;
    }

    /**
     * @throws ForbiddenException for anyone but a member organisation's submitter (the kansli, experts, managers)
     * @throws NotFoundException for an item that does not exist or whose text the caller may not see
     * @throws InvalidInputException for the own organisation's item, or a comment too long or not plain text
     * @throws ConflictException for a closed item, or one the organisation already stands behind
     */
    @Transactional
    Endorsement endorse(String reference, CurrentUser user, String comment) {
        Directory.Organisation organisation = endorser(user);
        String text = comment(comment);
        Feedback item = feedback.find(reference).orElseThrow(() -> notFound(reference));
        if (item.submitterOrganisation().equals(organisation.id())) {
            throw new InvalidInputException(
                    "reference",
                    "Synpunkt " + reference + " kommer från er egen organisation. Ni kan ställa er bakom andra "
                            + "organisationers synpunkter, inte era egna.");
        }
        if (!visibleToOthers(item)) {
            throw notFound(reference);
        }
        if (item.status().closed()) {
            throw new ConflictException("Synpunkt " + reference + " är avslutad ("
                    + item.status().label().toLowerCase(Locale.ROOT)
                    + ") och kan inte längre få stöd.");
        }
        if (endorsements.exists(reference, organisation.id())) {
            throw EndorsementRepository.alreadyEndorsed(reference);
        }
        Endorsement endorsement = new Endorsement(
                reference, organisation.id(), text, user.id(), Endorsement.Source.MEMBER, null, clock.instant());
        endorsements.insert(endorsement);
        feedback.addEvent(
                reference,
                new FeedbackEvent(
                        clock.instant(),
                        item.status(),
                        Action.ENDORSED,
                        user.id(),
                        organisation.name() + " har samma problem"));
        variables.refresh(item, endorsements.of(reference));
        return endorsement;
    }

    /**
     * The kansli marked {@code duplicate} a duplicate of its original: the duplicate's organisation stands behind
     * the original from now on, unless it already does or submitted the original (then nothing new).
     *
     * @return whether an endorsement was made
     */
    @Transactional
    boolean fromDuplicate(Feedback duplicate) {
        String original = duplicate.duplicateOf();
        if (original == null) {
            return false;
        }
        Feedback item = feedback.find(original).orElse(null);
        if (item == null
                || item.submitterOrganisation().equals(duplicate.submitterOrganisation())
                || endorsements.exists(original, duplicate.submitterOrganisation())) {
            return false;
        }
        endorsements.insert(new Endorsement(
                original,
                duplicate.submitterOrganisation(),
                null,
                duplicate.submitter(),
                Endorsement.Source.DUPLICATE,
                duplicate.reference(),
                clock.instant()));
        feedback.addEvent(
                original,
                new FeedbackEvent(
                        clock.instant(),
                        item.status(),
                        Action.ENDORSED,
                        null,
                        organisationName(duplicate.submitterOrganisation()) + " har samma problem (dubblett "
                                + duplicate.reference() + ")"));
        if (!item.status().closed()) {
            variables.refresh(item, endorsements.of(original));
        }
        return true;
    }

    @Transactional(readOnly = true)
    List<Endorsement> of(String reference) {
        return endorsements.of(reference);
    }

    /** The open items whose published text the caller may read and endorse, for the page and the API. */
    @Transactional(readOnly = true)
    List<EndorsementRepository.Endorsable> endorsable(String guidanceId, CurrentUser user, int limit) {
        String own = directory
                .organisationOf(user.id())
                .map(Directory.Organisation::id)
                .orElse(null);
        return endorsements.endorsable(guidanceId, own, limit).stream()
                .filter(e -> !e.organisation().equals(own))
                .toList();
    }

    /** Only a member organisation's submitters speak for it; the kansli, experts and managers do not. */
    Directory.Organisation endorser(CurrentUser user) {
        if (!user.isIn(Roles.SUBMITTERS)) {
            throw new ForbiddenException("Bara medlemsorganisationernas inlämnare kan ställa sig bakom en synpunkt.");
        }
        return directory
                .organisationOf(user.id())
                .orElseThrow(() -> new ForbiddenException(
                        "Du hör inte till någon medlemsorganisation och kan inte ställa dig bakom en synpunkt."));
    }

    /** Whether a member of another organisation can see the item: the publishing review published its text. */
    private boolean visibleToOthers(Feedback item) {
        return feedback.publication(item.reference())
                .map(p -> p.publicText() != null)
                .orElse(false);
    }

    private static String comment(String comment) {
        if (comment == null || comment.isBlank()) {
            return null;
        }
        if (comment.length() > Endorsement.MAX_COMMENT) {
            throw new InvalidInputException("comment", "Kommentaren får vara högst 1 000 tecken.");
        }
        if (!FeedbackText.isPlain(comment)) {
            throw new InvalidInputException("comment", FeedbackText.NOT_PLAIN);
        }
        return comment.strip();
    }

    private String organisationName(String id) {
        return directory.organisation(id).map(Directory.Organisation::name).orElse(id);
    }

    private static NotFoundException notFound(String reference) {
        return new NotFoundException("Det finns ingen synpunkt " + reference + " som du kan ställa dig bakom.");
    }
}
