package se.esam.lifecycle.revision;

import java.time.Instant;

import org.springframework.stereotype.Component;

import se.esam.lifecycle.identity.Directory;
import se.esam.lifecycle.identity.Roles;
import se.esam.lifecycle.notification.MailProperties;
import se.esam.lifecycle.notification.Mailer;
import se.esam.lifecycle.system.SwedishTime;

/** The mails of the revision work, in Swedish. Submitters hear of publication through their feedback. */
@Component
class RevisionNotifications {

    private final Mailer mailer;
    private final Directory directory;
    private final String linkBase;

    RevisionNotifications(Mailer mailer, Directory directory, MailProperties mail) {
        this.mailer = mailer;
        this.directory = directory;
        this.linkBase = mail.linkBaseUrl();
    }

    void consultationOpened(Revision revision, String title, Instant ends) {
        mailer.send(
                directory.emailsOfGroup(Roles.SUBMITTERS),
                "Remiss: " + title + " (" + revision.label() + ")",
                """
                Expertgruppen föreslår innehållsliga ändringar i %s och skickar förslaget på remiss till
                medlemsorganisationerna. Lämna er organisations svar senast %s:

                %s/revisions/%d
                """.formatted(title, SwedishTime.DATE.format(ends), linkBase, revision.id()));
    }
}
