package se.esam.lifecycle.archive;

import static se.esam.lifecycle.archive.FeedbackText.line;
import static se.esam.lifecycle.archive.FeedbackText.time;

import java.util.List;
import java.util.Map;

import se.esam.lifecycle.guidance.GuidancePublisher;
import se.esam.lifecycle.notification.MailRecords;
import se.esam.lifecycle.registry.RegisterEntry;
import se.esam.lifecycle.revision.RevisionRecords;

/** A revision case, and the text of the version it published, as plain UTF-8 text in Swedish. */
final class RevisionText {

    private RevisionText() {}

    static String of(
            RevisionRecords.Record revision,
            List<RegisterEntry> registrations,
            List<Map<String, Object>> dispositions,
            List<MailRecords.Mail> mails) {
        StringBuilder text = new StringBuilder();
        text.append("Revision ").append(revision.label()).append("\n\n");
        line(text, "Vägledning", revision.guidanceId());
        line(text, "Från version", revision.baseVersion());
        line(text, "Ny version", revision.newVersion());
        line(text, "Ändringens art", revision.changeClass());
        line(text, "Öppnad", time(revision.openedAt()));
        line(text, "Utarbetad av", String.join(", ", revision.draftedBy()));
        line(text, "Fastställd av", revision.approvedBy());
        line(text, "Remisstid till", time(revision.consultationEnds()));
        line(text, "Publicerad", time(revision.publishedAt()));
        FeedbackText.registrations(text, registrations);
        text.append("\nÄndringslogg\n").append(revision.changeNotes()).append("\n");
        text.append("\nStällningstaganden\n");
        for (Map<String, Object> d : dispositions) {
            text.append("- ").append(d.get("feedbackReference"));
            appendIf(text, " från ", d.get("organisationName"));
            appendIf(text, ": ", d.get("disposition"));
            appendIf(text, ", ", d.get("trace"));
            appendIf(text, " i avsnitt ", d.get("traceSection"));
            appendIf(text, ". ", d.get("traceReason"));
            appendIf(text, " Motivering: ", d.get("dispositionReason"));
            text.append("\n");
        }
        text.append("\nRemissvar (")
                .append(revision.consultationResponses().size())
                .append(")\n");
        for (RevisionRecords.ConsultationResponse response : revision.consultationResponses()) {
            text.append("- ")
                    .append(time(response.submittedAt()))
                    .append(" ")
                    .append(response.organisation())
                    .append(" (")
                    .append(response.author())
                    .append("): ")
                    .append(response.response())
                    .append("\n");
        }
        text.append("\nHistorik\n");
        for (RevisionRecords.Event event : revision.events()) {
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
        FeedbackText.mails(text, mails);
        return text.toString();
    }

    /** The published version's text as the catalogue holds it: its sections in order. */
    static String version(RevisionRecords.Record revision, List<GuidancePublisher.Section> sections) {
        StringBuilder text = new StringBuilder();
        text.append(revision.guidanceId())
                .append(" version ")
                .append(revision.newVersion())
                .append("\n\n");
        for (GuidancePublisher.Section section : sections) {
            text.append(section.id()).append(" ").append(section.title()).append("\n\n");
            if (section.body() != null) {
                text.append(section.body()).append("\n\n");
            }
        }
        return text.toString();
    }

    private static void appendIf(StringBuilder text, String prefix, Object value) {
        if (value != null) {
            text.append(prefix).append(value);
        }
    }
}
