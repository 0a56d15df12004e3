package se.esam.lifecycle.retention;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import se.esam.lifecycle.identity.Directory;
import se.esam.lifecycle.retention.RetentionProperties.Rule;
import se.esam.lifecycle.system.AsApplication;
import se.esam.lifecycle.system.InvalidInputException;
import se.esam.lifecycle.system.NotFoundException;
import se.esam.lifecycle.system.SwedishTime;

/**
 * A person's rights under GDPR art. 15 and 17 as the kansli handles them: a report of everything we hold
 * about them, and erasure where no retention rule requires keeping it (art. 17.3 b: records an agency must
 * keep under the Archives Act stay until their disposal). Both are audited: who asked, when, what.
 */
@Service
class PersonalData {

    private static final Pattern USER_ID = Pattern.compile("[a-zA-Z0-9-]{1,100}");

    private final RetentionRepository repository;
    private final RetentionProperties properties;
    private final Disposal disposal;
    private final Directory directory;
    private final IdentityService identity;
    private final Clock clock;
    private final ObjectMapper json;

    PersonalData(
            RetentionRepository repository,
            RetentionProperties properties,
            Disposal disposal,
            Directory directory,
            IdentityService identity,
            Clock clock,
            ObjectMapper json) {
        this.repository = repository;
        this.properties = properties;
        this.disposal = disposal;
        this.directory = directory;
        this.identity = identity;
        this.clock = clock;
        this.json = json;
    }

    record Person(String userId, String name, String email) {}

    record AccessReport(
            Person person,
            Instant producedAt,
            List<Map<String, Object>> feedback,
            List<Map<String, Object>> clarificationAnswers,
            List<Map<String, Object>> consultationResponses,
            List<Map<String, Object>> mails,
            List<Map<String, Object>> auditEvents,
            List<Map<String, Object>> endorsements,
            List<Map<String, Object>> follows,
            List<Map<String, Object>> digestSettings) {}

    @Transactional
    AccessReport report(String userId, String actor) {
        Person person = person(userId);
        AccessReport report = new AccessReport(
                person,
                clock.instant(),
                repository.feedbackOf(userId),
                repository.clarificationAnswersOf(userId),
                repository.consultationResponsesOf(userId),
                person.email() == null ? List.of() : repository.mailsTo(person.email()),
                repository.auditEventsNaming(userId),
                repository.endorsementsBy(userId),
                repository.followsOf(userId),
                repository.digestSettingsOf(userId));
        if (!known(person)
                && report.feedback().isEmpty()
                && report.clarificationAnswers().isEmpty()
                && report.consultationResponses().isEmpty()
                && report.auditEvents().isEmpty()) {
            throw new NotFoundException("Personen " + userId + " finns inte.");
        }
        repository.audit(
                report.producedAt(),
                "ACCESS_REPORT",
                actor,
                userId,
                detail(Map.of(
                        "feedback", report.feedback().size(),
                        "clarificationAnswers", report.clarificationAnswers().size(),
                        "consultationResponses", report.consultationResponses().size(),
                        "mails", report.mails().size(),
                        "auditEvents", report.auditEvents().size(),
                        "endorsements", report.endorsements().size(),
                        "follows", report.follows().size())));
        return report;
    }

    /** What was erased (record type and count) and what was kept, with the reason. */
    record ErasureReport(String userId, Instant erasedAt, Map<String, Integer> erased, List<Kept> kept) {}

    record Kept(String recordType, int count, String reason) {}

    @Transactional
    ErasureReport erase(String userId, String actor) {
        Person person = person(userId);
        if (!known(person)
                && repository.feedbackOf(userId).isEmpty()
                && repository.consultationResponsesOf(userId).isEmpty()) {
            throw new NotFoundException("Personen " + userId + " finns inte.");
        }
        Map<String, Integer> erased = new LinkedHashMap<>();
        List<Kept> kept = new ArrayList<>();
        if (erasable(RecordType.MAIL)) {
            erased.put(RecordType.MAIL.name(), person.email() == null ? 0 : repository.eraseMailsTo(person.email()));
        }
        if (erasable(RecordType.ENGINE_HISTORY)) {
            erased.put(
                    RecordType.ENGINE_HISTORY.name(),
                    disposal.deleteEngineHistory(repository.closedProcessesOf(userId)));
        }
        erased.put("FOLLOWS_AND_DIGESTS", repository.eraseFollowsAndDigestsOf(userId));
        keptUnderRule(RecordType.FEEDBACK, repository.feedbackOf(userId).size(), kept);
        // endorsing for an organisation is part of the endorsed item's record and goes with it at its disposal
        int endorsements = repository.endorsementsBy(userId).size();
        if (endorsements > 0) {
            kept.add(new Kept("ENDORSEMENT", endorsements, reasonToKeep(RecordType.FEEDBACK)));
        }
        keptUnderRule(
                RecordType.CLARIFICATION,
                repository.clarificationAnswersOf(userId).size(),
                kept);
        keptUnderRule(
                RecordType.CONSULTATION_RESPONSE,
                repository.consultationResponsesOf(userId).size(),
                kept);
        keptUnderRule(
                RecordType.AUDIT_EVENT, repository.auditEventsNaming(userId).size(), kept);
        if (person.email() != null) {
            int mailsLeft = repository.mailsTo(person.email()).size();
            if (mailsLeft > 0) {
                kept.add(new Kept(
                        RecordType.MAIL.name(),
                        mailsLeft,
                        erasable(RecordType.MAIL)
                                ? "Utskicket är ännu inte skickat eller gäller ett ärende med rättslig spärr."
                                : reasonToKeep(RecordType.MAIL)));
            }
        }
        List<String> held = repository.heldCasesOf(userId);
        if (!held.isEmpty()) {
            kept.add(new Kept(
                    "LEGAL_HOLD",
                    held.size(),
                    "Rättslig spärr på ärendena " + String.join(", ", held)
                            + ": inget i dem raderas eller gallras medan spärren gäller."));
        }
        ErasureReport report = new ErasureReport(userId, clock.instant(), erased, kept);
        repository.audit(report.erasedAt(), "ERASURE", actor, userId, detail(Map.of("erased", erased, "kept", kept)));
        return report;
    }

    private void keptUnderRule(RecordType type, int count, List<Kept> kept) {
        if (count > 0) {
            kept.add(new Kept(type.name(), count, reasonToKeep(type)));
        }
    }

    private String reasonToKeep(RecordType type) {
        Rule rule = properties.rule(type);
        return "Bevaras enligt " + rule.decision() + " i " + rule.period() + " räknat från "
                + (rule.from() == RecordType.Anchor.CASE_CLOSED ? "ärendets avslut" : "tillkomsten")
                + "; därefter " + (rule.action() == RecordType.DisposalAction.DELETE ? "raderas" : "avidentifieras")
                + " uppgifterna vid gallringen.";
    }

    private boolean erasable(RecordType type) {
        return properties.rule(type).erasable();
    }

    private Person person(String userId) {
        if (userId == null || !USER_ID.matcher(userId).matches()) {
            throw new InvalidInputException(
                    "userId", "Användar-id får bara innehålla bokstäver, siffror och bindestreck.");
        }
        boolean exists = AsApplication.query(
                        identity,
                        () -> identity.createUserQuery().userId(userId).count())
                > 0;
        if (!exists) {
            return new Person(userId, null, null);
        }
        Optional<String> email = directory.emailOf(userId);
        return new Person(userId, directory.nameOf(userId), email.orElse(null));
    }

    private static boolean known(Person person) {
        return person.name() != null;
    }

    private String detail(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String date(Instant instant) {
        return SwedishTime.DATE.format(instant);
    }
}
