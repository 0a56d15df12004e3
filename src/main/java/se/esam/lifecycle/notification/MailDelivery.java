package se.esam.lifecycle.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Incident;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import se.esam.lifecycle.system.AsApplication;

/**
 * Sends what the outbox holds: at once after the change that wrote it commits, and again on a
 * schedule while the mail server fails, with growing delays. When they are used up, the mail has
 * failed: an incident on its process shows it in Cockpit. Any node may send; each attempt is claimed
 * in the database first, so two nodes never send the same mail at once.
 * <p>
 * The promise: a mail is delivered once. Only a node that dies between handing a mail to the server and
 * noting it as sent leaves it to be sent again (after {@link MailProperties#sendTimeout}), and then it is
 * the same message with the same Message-ID.
 */
@Component
public class MailDelivery {

    static final String INCIDENT_TYPE = "mailDelivery";
    private static final Logger log = LoggerFactory.getLogger(MailDelivery.class);

    private final MailOutbox outbox;
    private final JavaMailSender sender;
    private final MailProperties properties;
    private final RuntimeService runtime;
    private final IdentityService identity;
    private final Clock clock;

    MailDelivery(
            MailOutbox outbox,
            JavaMailSender sender,
            MailProperties properties,
            RuntimeService runtime,
            IdentityService identity,
            Clock clock) {
        this.outbox = outbox;
        this.sender = sender;
        this.properties = properties;
        this.runtime = runtime;
        this.identity = identity;
        this.clock = clock;
    }

    /** One attempt at the mail, if it is due and no one else is sending it. */
    void deliver(long id) {
        Instant now = clock.instant();
        Optional<MailOutbox.Mail> claimed = outbox.claim(id, now, now.plus(properties.sendTimeout()), newMessageId(id));
        claimed.ifPresent(mail -> attempt(mail, now, properties.retryDelays()));
    }

    /** {@link #deliver} from the commit of the change that wrote the mail ({@link MailOutbox#claimAfterCommit}). */
    void deliverAfterCommit(long id) {
        Instant now = clock.instant();
        Optional<MailOutbox.Mail> claimed =
                outbox.claimAfterCommit(id, now, now.plus(properties.sendTimeout()), newMessageId(id));
        claimed.ifPresent(mail -> attempt(mail, now, properties.retryDelays()));
    }

    private void attempt(MailOutbox.Mail mail, Instant now, List<Duration> delays) {
        try {
            sender.send(message(mail));
        } catch (MailException | MessagingException | IllegalStateException e) {
            if (mail.attempts() > delays.size()) {
                outbox.failed(mail.id(), now, e.getMessage());
                raiseIncident(mail, e);
            } else {
                outbox.attemptFailed(mail.id(), e.getMessage(), now.plus(delays.get(mail.attempts() - 1)));
                log.warn(
                        "Mail '{}' not sent (attempt {}), retried later: {}",
                        mail.subject(),
                        mail.attempts(),
                        e.getMessage());
            }
            return;
        }
        Instant sentAt = clock.instant();
        if (sentAt.isAfter(now.plus(properties.sendTimeout()))) {
            log.error(
                    "Mail {} ({}) took longer than guidance.mail.send-timeout ({}) to send; another node may "
                            + "have sent it again",
                    mail.id(),
                    mail.messageId(),
                    properties.sendTimeout());
        }
        try {
            outbox.sent(mail.id(), sentAt);
        } catch (RuntimeException e) {
            log.error(
                    "Mail {} ({}) was sent but could not be marked as sent; it will be sent again, with the same "
                            + "Message-ID, after guidance.mail.send-timeout",
                    mail.id(),
                    mail.messageId(),
                    e);
            return;
        }
        log.info("Mail '{}' sent to {} as {}", mail.subject(), mail.to(), mail.messageId());
    }

    /**
     * The same message on every attempt: Message-ID and date come from the outbox row, so a receiver
     * (and a person) can tell a resend after a crash from a second mail.
     */
    private MimeMessage message(MailOutbox.Mail mail) throws MessagingException {
        MimeMessage message = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message);
        helper.setFrom(properties.from());
        helper.setTo(mail.to().toArray(String[]::new));
        helper.setSubject(mail.subject());
        helper.setText(mail.body());
        helper.setSentDate(Date.from(mail.createdAt()));
        // JavaMailSenderImpl keeps a Message-ID that is set (saveChanges alone would make a new one)
        message.setHeader("Message-ID", mail.messageId());
        return message;
    }

    /** {@code <outbox-ID.RANDOM@DOMAIN>}: the row it belongs to, unique across databases. */
    private String newMessageId(long id) {
        return "<outbox-" + id + "." + UUID.randomUUID() + "@" + domain(properties.from()) + ">";
    }

    static String domain(String from) {
        if (from == null) {
            return "localhost";
        }
        try {
            String address = new InternetAddress(from).getAddress();
            int at = address.lastIndexOf('@');
            return at < 0 || at == address.length() - 1 ? "localhost" : address.substring(at + 1);
        } catch (AddressException e) {
            return "localhost";
        }
    }

    /**
     * Retries the mails that are due; the schedule is also where later delays take effect. The first poll comes one
     * poll interval after start, like every later one: a mail left unsent by a node that died waits no longer for a
     * restarted node than for a running one.
     */
    @Scheduled(
            fixedDelayString = "${guidance.mail.retry-poll:PT30S}",
            initialDelayString = "${guidance.mail.retry-poll:PT30S}")
    public void retryDue() {
        Instant now = clock.instant();
        for (long id : outbox.due(now, 100)) {
            deliver(id);
        }
    }

    /**
     * Everything due now, page by page. Ends: each attempt moves its mail's next attempt into the future (the
     * claim), so a page is never handed out twice in one call.
     */
    int deliverDue() {
        int attempted = 0;
        while (true) {
            List<Long> due = outbox.due(clock.instant(), 100);
            if (due.isEmpty()) {
                return attempted;
            }
            for (long id : due) {
                deliver(id);
                attempted++;
            }
        }
    }

    /** After the mail server is fixed: every failed mail is sent again and its incident resolved. */
    public int retryFailed() {
        List<MailOutbox.Mail> failed = outbox.requeueFailed(clock.instant());
        for (MailOutbox.Mail mail : failed) {
            AsApplication.query(identity, () -> {
                runtime.createIncidentQuery()
                        .incidentType(INCIDENT_TYPE)
                        .configuration(configuration(mail))
                        .list()
                        .forEach(incident -> runtime.resolveIncident(incident.getId()));
                return null;
            });
            deliver(mail.id());
        }
        return failed.size();
    }

    private void raiseIncident(MailOutbox.Mail mail, Exception cause) {
        String message = "Mail '" + mail.subject() + "' could not be sent after " + mail.attempts() + " attempts: "
                + cause.getMessage();
        log.error(message);
        if (mail.processInstanceId() == null
                || AsApplication.query(
                                identity,
                                () -> runtime.createProcessInstanceQuery()
                                        .processInstanceId(mail.processInstanceId())
                                        .count())
                        == 0) {
            return;
        }
        Incident incident = AsApplication.query(
                identity,
                () -> runtime.createIncident(
                        INCIDENT_TYPE,
                        mail.processInstanceId(),
                        configuration(mail),
                        message.substring(0, Math.min(message.length(), 3900))));
        log.error("Incident {} raised on process {}", incident.getId(), mail.processInstanceId());
    }

    private static String configuration(MailOutbox.Mail mail) {
        return "mail_outbox:" + mail.id();
    }
}
