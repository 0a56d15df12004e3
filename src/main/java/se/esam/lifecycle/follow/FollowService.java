package se.esam.lifecycle.follow;

import java.time.Clock;
import java.util.List;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.esam.lifecycle.follow.Follows.Follow;
import se.esam.lifecycle.guidance.GuidanceCatalogue;
import se.esam.lifecycle.guidance.GuidanceReference;
import se.esam.lifecycle.system.InvalidInputException;
import se.esam.lifecycle.system.NotFoundException;

/**
 * A person's own follows and digest setting. The person is always the signed-in one, passed in by the web
 * layer from the session: nothing in a request body names whose follows change.
 */
@Service
class FollowService {

    /** @param created false when the person already followed it (a second follow changes nothing) */
    record Followed(Follow follow, boolean created) {}

    private final Follows follows;
    private final GuidanceCatalogue catalogue;
    private final Clock clock;

    FollowService(Follows follows, GuidanceCatalogue catalogue, Clock clock) {
        this.follows = follows;
        this.catalogue = catalogue;
        this.clock = clock;
    }

    /**
     * Idempotent: following what one already follows answers with the existing follow. The section must be in
     * {@code version} (the current version when blank).
     *
     * @throws InvalidInputException naming {@code guidanceId}, {@code version} or {@code sectionId}
     */
    @Transactional
    Followed follow(String person, String guidanceId, String version, String sectionId) {
        GuidanceReference reference;
        try {
            reference = catalogue.resolve(blankToNull(guidanceId), blankToNull(version), blankToNull(sectionId));
        } catch (InvalidInputException e) {
            // the catalogue's own name for the version field is guidanceVersion; ours is version
            throw "guidanceVersion".equals(e.field()) ? new InvalidInputException("version", e.getMessage()) : e;
        }
        var existing = follows.find(person, reference.guidanceId(), reference.sectionId());
        if (existing.isPresent()) {
            return new Followed(existing.get(), false);
        }
        long id;
        try {
            id = follows.insert(person, reference.guidanceId(), reference.sectionId(), clock.instant());
        } catch (DuplicateKeyException e) {
            // the same person's two clicks at once: the other one's follow stands
            return new Followed(
                    follows.find(person, reference.guidanceId(), reference.sectionId())
                            .orElseThrow(),
                    false);
        }
        return new Followed(follows.find(person, id).orElseThrow(), true);
    }

    @Transactional(readOnly = true)
    List<Follow> of(String person) {
        return follows.of(person);
    }

    /** @throws NotFoundException for an id that is not this person's follow (someone else's looks the same) */
    @Transactional(readOnly = true)
    Follow get(String person, long id) {
        return follows.find(person, id).orElseThrow(() -> new NotFoundException("Du följer inget med id " + id + "."));
    }

    /** @throws NotFoundException for an id that is not this person's follow (someone else's looks the same) */
    @Transactional
    void unfollow(String person, long id) {
        if (!follows.delete(person, id)) {
            throw new NotFoundException("Du följer inget med id " + id + ".");
        }
    }

    @Transactional(readOnly = true)
    Frequency frequency(String person) {
        return follows.preference(person).orElse(Frequency.DEFAULT);
    }

    @Transactional
    Frequency setFrequency(String person, String frequency) {
        Frequency chosen = Frequency.parse(frequency);
        follows.setPreference(person, chosen, clock.instant());
        return chosen;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
