package se.esam.lifecycle.archive;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import se.esam.lifecycle.feedback.FeedbackRecords;
import se.esam.lifecycle.guidance.GuidancePublisher;
import se.esam.lifecycle.identity.Directory;
import se.esam.lifecycle.notification.MailRecords;
import se.esam.lifecycle.registry.RegisterEntry;
import se.esam.lifecycle.registry.Registry;
import se.esam.lifecycle.registry.RegistryKind;
import se.esam.lifecycle.revision.RevisionRecords;
import se.esam.lifecycle.system.ConflictException;
import se.esam.lifecycle.system.InvalidInputException;
import se.esam.lifecycle.system.NotFoundException;
import se.esam.lifecycle.system.SwedishTime;

/**
 * Turns a closed case into the files of its archive package: a feedback item with its history,
 * disposition, clarification rounds, mails and the version that answered it; a published revision with its
 * text, traces, dispositions, consultation responses and mails. JSON for machines, plain text for people.
 */
@Service
class ArchivePackages {

    private static final Pattern FEEDBACK = Pattern.compile("FB-[0-9]{4}-[0-9]{4,9}");
    private static final Pattern REVISION = Pattern.compile("REV-[1-9][0-9]{0,17}");

    /** A package ready to write: its identifier and its files by path. */
    record Package(String objid, Map<String, byte[]> files) {}

    private final FeedbackRecords feedback;
    private final RevisionRecords revisions;
    private final MailRecords mails;
    private final GuidancePublisher guidance;
    private final Registry registry;
    private final Directory directory;
    private final Clock clock;
    private final ObjectMapper json;
    private final SipPackage.Producer producer;

    ArchivePackages(
            FeedbackRecords feedback,
            RevisionRecords revisions,
            MailRecords mails,
            GuidancePublisher guidance,
            Registry registry,
            Directory directory,
            Clock clock,
            ObjectMapper json,
            @Value("${archive.organisation:eSam}") String organisation,
            @Value("${archive.organisation-id:}") String organisationId) {
        this.feedback = feedback;
        this.revisions = revisions;
        this.mails = mails;
        this.guidance = guidance;
        this.registry = registry;
        this.directory = directory;
        this.clock = clock;
        // an archived record says what is empty too: a missing field could be a field that was lost
        this.json = json.copy()
                .enable(SerializationFeature.INDENT_OUTPUT)
                .setSerializationInclusion(JsonInclude.Include.ALWAYS);
        String version = ArchivePackages.class.getPackage().getImplementationVersion();
        this.producer = new SipPackage.Producer(
                organisation, organisationId, "guidance-lifecycle", version == null ? "utveckling" : version);
    }

    /** The package of one closed case; 400 for what is no reference, 404 unknown, 409 not yet closed. */
    Package of(String reference) {
        if (FEEDBACK.matcher(reference).matches()) {
            return feedbackPackage(feedback.find(reference)
                    .orElseThrow(() -> new NotFoundException("Det finns ingen synpunkt " + reference + ".")));
        }
        if (REVISION.matcher(reference).matches()) {
            return revisionPackage(revisions
                    .find(reference)
                    .orElseThrow(() -> new NotFoundException("Det finns ingen revision " + reference + ".")));
        }
        throw new InvalidInputException(
                "reference", "Ange ärendet som FB-ÅÅÅÅ-NNNN (synpunkt) eller REV-N (revision).");
    }

    /** The cases closed on these Swedish calendar days, both included: feedback first, then revisions. */
    List<String> closedBetween(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw new InvalidInputException("to", "Periodens slut får inte ligga före dess början.");
        }
        Instant start = SwedishTime.startOfDay(from);
        Instant end = SwedishTime.startOfDay(to.plusDays(1));
        List<String> references = new ArrayList<>(feedback.closedBetween(start, end));
        references.addAll(revisions.publishedBetween(start, end));
        return references;
    }

    private Package feedbackPackage(FeedbackRecords.Item item) {
        if (!item.closed()) {
            throw new ConflictException("Synpunkten " + item.reference() + " är inte avslutad ("
                    + item.statusLabel().toLowerCase() + ") och kan inte arkiveras än.");
        }
        Optional<RevisionRecords.Answer> answer = revisions.answerTo(item.reference());
        List<MailRecords.Mail> mailed = mails.ofProcess(item.processInstanceId());
        List<RegisterEntry> registrations = registry.entriesFor(item.reference());

        Map<String, Object> record = new LinkedHashMap<>();
        record.put("feedback", item);
        record.put("registrations", registrations);
        record.put("clarificationRounds", item.clarifications());
        record.put("answeredBy", answer.orElse(null));
        List<SipPackage.DataFile> data = List.of(
                new SipPackage.DataFile("feedback.json", "application/json", write(record)),
                new SipPackage.DataFile("mails.json", "application/json", write(mailed)),
                new SipPackage.DataFile(
                        "feedback.txt",
                        "text/plain",
                        FeedbackText.of(
                                        item,
                                        organisationName(item.submitterOrganisation()),
                                        registrations,
                                        answer,
                                        mailed)
                                .getBytes(StandardCharsets.UTF_8)));
        SipPackage.Description description = new SipPackage.Description(
                item.reference(),
                "Synpunkt " + item.reference() + " på " + item.guidanceId() + " " + item.guidanceVersion(),
                "Synpunktsärende",
                "Synpunkt på vägledningen " + item.guidanceId() + " " + item.guidanceVersion()
                        + (item.sectionId() == null ? "" : ", avsnitt " + item.sectionId()),
                item.guidanceId(),
                item.typeLabel() + ", " + item.statusLabel().toLowerCase() + ", från "
                        + organisationName(item.submitterOrganisation()),
                item.submittedAt(),
                item.closedAt(),
                registrations.stream()
                        .filter(e -> e.kind() == RegistryKind.FEEDBACK)
                        .map(RegisterEntry::registrationNumber)
                        .findFirst()
                        .orElse(null));
        return new Package(item.reference(), SipPackage.build(description, producer, clock.instant(), data));
    }

    private Package revisionPackage(RevisionRecords.Record revision) {
        if (!revision.published()) {
            throw new ConflictException("Revisionen " + revision.label() + " är inte publicerad ("
                    + revision.statusLabel().toLowerCase() + ") och kan inte arkiveras än.");
        }
        List<FeedbackRecords.Item> answered = revision.items().stream()
                .map(i -> feedback.find(i.feedbackReference()))
                .flatMap(Optional::stream)
                .toList();
        List<Map<String, Object>> dispositions =
                revision.items().stream().map(i -> disposition(i, answered)).toList();
        List<MailRecords.Mail> mailed = mails.ofProcess(revision.processInstanceId());
        // a revision is not registered itself; its incoming documents, the consultation responses, are
        List<RegisterEntry> registrations = registry.entriesFor(revision.label());

        Map<String, Object> record = new LinkedHashMap<>();
        record.put("revision", revision);
        record.put("registrations", registrations);
        record.put("dispositions", dispositions);
        List<SipPackage.DataFile> data = List.of(
                new SipPackage.DataFile("revision.json", "application/json", write(record)),
                new SipPackage.DataFile("mails.json", "application/json", write(mailed)),
                new SipPackage.DataFile(
                        "revision.txt",
                        "text/plain",
                        RevisionText.of(revision, registrations, dispositions, mailed)
                                .getBytes(StandardCharsets.UTF_8)),
                new SipPackage.DataFile(
                        "version.txt",
                        "text/plain",
                        RevisionText.version(revision, guidance.sections(revision.guidanceId(), revision.newVersion()))
                                .getBytes(StandardCharsets.UTF_8)));
        SipPackage.Description description = new SipPackage.Description(
                revision.label(),
                "Revision " + revision.label() + " av " + revision.guidanceId() + ", version " + revision.newVersion(),
                "Revisionsärende",
                "Revision av vägledningen " + revision.guidanceId() + " från " + revision.baseVersion() + " till "
                        + revision.newVersion(),
                revision.guidanceId(),
                revision.changeNotes(),
                revision.openedAt(),
                revision.publishedAt());
        return new Package(revision.label(), SipPackage.build(description, producer, clock.instant(), data));
    }

    /**
     * For people: the text renditions name the organisation, the JSON keeps its id too. An organisation
     * removed from the directory since is shown by its id, which is all that is left of it.
     */
    private String organisationName(String organisationId) {
        return organisationId == null
                ? null
                : directory
                        .organisation(organisationId)
                        .map(Directory.Organisation::name)
                        .orElse(organisationId);
    }

    private Map<String, Object> disposition(RevisionRecords.Item item, List<FeedbackRecords.Item> answered) {
        Map<String, Object> disposition = new LinkedHashMap<>();
        disposition.put("feedbackReference", item.feedbackReference());
        answered.stream()
                .filter(f -> f.reference().equals(item.feedbackReference()))
                .findFirst()
                .ifPresent(f -> {
                    disposition.put("organisation", f.submitterOrganisation());
                    disposition.put("organisationName", organisationName(f.submitterOrganisation()));
                    disposition.put("type", f.type());
                    disposition.put("disposition", f.disposition());
                    disposition.put("dispositionReason", f.dispositionReason());
                });
        disposition.put("trace", item.trace());
        disposition.put("traceSection", item.traceSection());
        disposition.put("traceReason", item.traceReason());
        return disposition;
    }

    private byte[] write(Object value) {
        try {
            return json.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
