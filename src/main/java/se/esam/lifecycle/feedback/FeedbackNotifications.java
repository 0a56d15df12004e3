package se.esam.lifecycle.feedback;

import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Component;

import se.esam.lifecycle.guidance.GuidanceReference;
import se.esam.lifecycle.identity.Directory;
import se.esam.lifecycle.notification.MailProperties;
import se.esam.lifecycle.notification.Mailer;
import se.esam.lifecycle.system.SwedishTime;

/** The mails of the feedback lifecycle, in Swedish. */
@Component
class FeedbackNotifications {

    private final Mailer mailer;
    private final Directory directory;
    private final String linkBase;

    FeedbackNotifications(Mailer mailer, Directory directory, MailProperties mail) {
        this.mailer = mailer;
        this.directory = directory;
        this.linkBase = mail.linkBaseUrl();
    }

    void received(Feedback f, GuidanceReference guidance, String registrationNumber) {
        toSubmitter(f, "Vi har tagit emot din synpunkt " + f.reference(), """
                Tack för din synpunkt på %s %s.

                Den har fått referensen %s. Kansliet går igenom den och skickar den till rätt expertgrupp.
                Du får besked när den är behandlad.

                Diarienummer: %s
                """.formatted(
                        guidance.title(), guidance.version(), f.reference(), registrationNumber));
    }

    void clarificationRequested(Feedback f, String question, Instant due) {
        toSubmitter(f, "Förtydligande behövs för synpunkt " + f.reference(), """
                Kansliet behöver ett förtydligande av din synpunkt %s innan den kan behandlas:

                %s

                Svara senast %s under Mina uppgifter i Tasklist. Utan svar avslutas synpunkten.
                """.formatted(
                        f.reference(), question, SwedishTime.DATE.format(due)));
    }

    void unanswered(Feedback f) {
        toSubmitter(f, "Synpunkt " + f.reference() + " har avslutats", """
                Vi fick inget svar på vår begäran om förtydligande av synpunkt %s inom tidsfristen,
                och den har därför avslutats. Du är välkommen att lämna en ny synpunkt.
                """.formatted(f.reference()));
    }

    void duplicate(Feedback f) {
        toSubmitter(f, "Synpunkt " + f.reference() + " behandlas tillsammans med " + f.duplicateOf(), """
                Din synpunkt %s tar upp samma sak som den tidigare synpunkten %s. De behandlas därför
                tillsammans, och beslutet om %s gäller även din synpunkt. Er organisation står nu bakom
                synpunkt %s: den räknas med när synpunktens prioritet bestäms. Din egen text finns kvar
                i synpunkt %s.
                """.formatted(
                        f.reference(), f.duplicateOf(), f.duplicateOf(), f.duplicateOf(), f.reference()));
    }

    void outOfScope(Feedback f) {
        toSubmitter(f, "Synpunkt " + f.reference() + " ligger utanför uppdraget", """
                Din synpunkt %s ligger utanför det som eSams vägledningar omfattar.

                Motivering: %s
                """.formatted(
                        f.reference(), f.dispositionReason()));
    }

    void decided(Feedback f) {
        String next = switch (f.disposition()) {
            case ACCEPTED ->
                "Synpunkten tas med i nästa revision av vägledningen. Du får besked om vilken version som besvarar den.";
            case HELD -> "Synpunkten tas upp igen när vägledningen revideras nästa gång.";
            case REJECTED -> "Synpunkten leder inte till någon ändring av vägledningen.";
        };
        toSubmitter(
                f,
                "Beslut om synpunkt " + f.reference() + ": " + f.disposition().label(),
                """
                Expertgruppen har behandlat din synpunkt %s.

                Ställningstagande: %s
                Motivering: %s

                %s
                """.formatted(f.reference(), f.disposition().label(), f.dispositionReason(), next));
    }

    void answeredInVersion(Feedback f, String version, String answer) {
        toSubmitter(f, "Synpunkt " + f.reference() + " är behandlad i version " + version, """
                En ny version av vägledningen har publicerats: version %s. Så här har din synpunkt %s
                behandlats i den:

                %s

                Läs den nya versionen och hur alla synpunkter har behandlats: %s/guidance/%s/%s
                """.formatted(
                        version, f.reference(), answer == null ? "" : answer, linkBase, f.guidanceId(), version));
    }

    void reviewReminder(Feedback f, List<String> groupMembers) {
        mailer.send(
                groupMembers,
                "Påminnelse: synpunkt " + f.reference() + " ska granskas senast "
                        + SwedishTime.DATE.format(f.reviewDue()),
                """
                Synpunkten %s väntar på granskning av expertgruppen och ska vara granskad senast %s.
                Den finns bland gruppens uppgifter i Tasklist: %s/camunda/app/tasklist/
                """.formatted(f.reference(), SwedishTime.DATE.format(f.reviewDue()), linkBase));
    }

    void reviewOverdue(Feedback f, String groupName, List<String> kansli) {
        mailer.send(kansli, "Försenad granskning: synpunkt " + f.reference(), """
                Granskningen av synpunkt %s skulle ha varit klar %s men är det inte.
                Ansvarig expertgrupp: %s.
                """.formatted(
                        f.reference(), SwedishTime.DATE.format(f.reviewDue()), groupName));
    }

    private void toSubmitter(Feedback f, String subject, String body) {
        directory
                .emailOf(f.submitter())
                .ifPresent(address -> mailer.send(
                        address,
                        subject,
                        body + "\nFölj din synpunkt: " + linkBase + "/feedback/" + f.reference()
                                + "\n\nVänliga hälsningar\neSams kansli\n"));
    }
}
