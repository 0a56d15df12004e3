package se.esam.lifecycle.retention;

import java.time.Clock;
import java.util.List;
import java.util.regex.Pattern;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.esam.lifecycle.retention.RetentionRepository.Hold;
import se.esam.lifecycle.system.ConflictException;
import se.esam.lifecycle.system.InvalidInputException;
import se.esam.lifecycle.system.NotFoundException;

/**
 * Legal holds (e.g. a request for disclosure being tried, an appeal, a supervisory case): while a case is
 * held, nothing in it is disposed of or erased. Placing and lifting are audited.
 */
@Service
class LegalHolds {

    private static final Pattern CASE = Pattern.compile("FB-\\d{4}-\\d{4,6}|REV-\\d{1,15}");
    private static final int MAX_REASON = 2000;

    private final RetentionRepository repository;
    private final Clock clock;

    LegalHolds(RetentionRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    @Transactional
    Hold place(String reference, String reason, String actor) {
        requireCase(reference);
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", "Ange skälet till den rättsliga spärren.");
        }
        if (reason.strip().length() > MAX_REASON) {
            throw new InvalidInputException("reason", "Skälet får vara högst " + MAX_REASON + " tecken.");
        }
        if (repository.hold(reference).isPresent()) {
            throw new ConflictException("Ärendet " + reference + " har redan en rättslig spärr.");
        }
        Hold hold = new Hold(reference, reason.strip(), actor, clock.instant());
        repository.placeHold(hold);
        repository.audit(hold.placedAt(), "LEGAL_HOLD_PLACED", actor, reference, hold.reason());
        return hold;
    }

    @Transactional
    void lift(String reference, String actor) {
        requireCase(reference);
        if (!repository.liftHold(reference)) {
            throw new NotFoundException("Ärendet " + reference + " har ingen rättslig spärr.");
        }
        repository.audit(clock.instant(), "LEGAL_HOLD_LIFTED", actor, reference, null);
    }

    List<Hold> all() {
        return repository.holds();
    }

    private void requireCase(String reference) {
        if (reference == null || !CASE.matcher(reference).matches()) {
            throw new InvalidInputException(
                    "reference", "Ärendet anges som FB-ÅÅÅÅ-NNNN (synpunkt) eller REV-N (revision).");
        }
        if (!repository.caseExists(reference)) {
            throw new NotFoundException("Ärendet " + reference + " finns inte.");
        }
    }
}
