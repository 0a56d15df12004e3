package se.esam.lifecycle.archive;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import se.esam.lifecycle.feedback.FeedbackRecords;
import se.esam.lifecycle.notification.MailRecords;
import se.esam.lifecycle.registry.RegisterEntry;
import se.esam.lifecycle.revision.RevisionRecords;
import se.esam.lifecycle.system.SwedishTime;

/** A feedback case as a person reads it on paper: plain UTF-8 text, Swedish, times in Swedish time. */
final class FeedbackText {

    private FeedbackText() {}

    static String of(
            FeedbackRecords.Item item,
            String organisationName,
            List<RegisterEntry> registrations,
            Optional<RevisionRecords.Answer> answer,
            List<MailRecords.Mail> mails) {
        StringBuilder text = new StringBuilder();
        text.append("Synpunkt ").append(item.reference()).append("\n\n");
        line(text, "Vägledning", item.guidanceId() + " " + item.guidanceVersion());
        line(text, "Avsnitt", item.sectionId());
        line(text, "Typ", item.typeLabel());
        line(text, "Inlämnad", time(item.submittedAt()));
        line(text, "Av", item.submitter() + " (" + organisationName + ")");
        line(text, "Innehåller personuppgifter", item.containsPersonalData() ? "ja" : "nej");
        line(text, "Expertgrupp", item.expertGroup());
        line(text, "Prioritet", item.priority());
        line(text, "Dubblett av", item.duplicateOf());
        line(text, "Status", item.statusLabel());
        line(text, "Avslutad", time(item.closedAt()));
        registrations(text, registrations);
        text.append("\nBeskrivning\n").append(item.description()).append("\n");
        text.append("\nStällningstagande\n");
        line(text, "Beslut", item.dispositionLabel());
        line(text, "Beslutat", time(item.decidedAt()));
        line(text, "Motivering", item.dispositionReason());
        answer.ifPresent(a -> {
            text.append("\nBesvarad i version\n");
            line(text, "Version", a.guidanceId() + " " + a.version() + " (" + a.revision() + ")");
            line(text, "Publicerad", time(a.publishedAt()));
            line(text, "Spårning", a.trace());
            line(text, "Avsnitt", a.traceSection());
            line(text, "Skäl", a.traceReason());
        });
        text.append("\nHistorik\n");
        for (FeedbackRecords.Event event : item.events()) {
            text.append("- ")
                    .append(time(event.occurredAt()))
                    .append("  ")
                    .append(event.action())
                    .append(" (")
                    .append(event.stage())
                    .append(")")
                    .append(event.actor() == null ? "" : " av " + event.actor())
                    .append(event.detail() == null ? "" : ": " + event.detail())
                    .append("\n");
        }
        mails(text, mails);
        return text.toString();
    }

    /** The register's facts of each incoming document of the case, as the diarium holds them. */
    static void registrations(StringBuilder text, List<RegisterEntry> registrations) {
        text.append("\nDiarieföring (").append(registrations.size()).append(")\n");
        for (RegisterEntry entry : registrations) {
            text.append("\n--- ")
                    .append(entry.registrationNumber())
                    .append(" ")
                    .append(entry.kindLabel())
                    .append("\n");
            line(text, "Inkom", time(entry.receivedAt()));
            line(text, "Avsändare", entry.organisationName());
            line(text, "Ärendemening", entry.caseTitle());
            line(
                    text,
                    "Sekretessmarkering",
                    entry.secrecyMarking() == null || entry.secrecyMarking().isBlank()
                            ? "ingen"
                            : entry.secrecyMarking());
        }
    }

    static void mails(StringBuilder text, List<MailRecords.Mail> mails) {
        text.append("\nUtskick (").append(mails.size()).append(")\n");
        for (MailRecords.Mail mail : mails) {
            text.append("\n--- ").append(mail.subject()).append("\n");
            line(text, "Till", String.join(", ", mail.recipients()));
            line(text, "Skapat", time(mail.createdAt()));
            line(text, "Skickat", mail.sentAt() == null ? "ej skickat" : time(mail.sentAt()));
            line(text, "Message-ID", mail.messageId());
            text.append(mail.body()).append("\n");
        }
    }

    static void line(StringBuilder text, String label, String value) {
        if (value != null) {
            text.append(label).append(": ").append(value).append("\n");
        }
    }

    static String time(Instant instant) {
        return instant == null ? null : SwedishTime.DATE_TIME.format(instant.atZone(SwedishTime.ZONE));
    }
}
