package se.esam.lifecycle.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Incident;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import se.esam.lifecycle.system.AsApplication;

/**
 * Sends what the outbox holds: at once after the change that wrote it commits, and again on a
 * schedule while the mail server fails, with growing delays. When they are used up, the mail has
 * failed: an incident on its process shows it in Cockpit. Any node may send; each attempt is claimed
 * in the database first, so two nodes never send the same mail at once.
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

    MailDelivery(MailOutbox outbox, JavaMailSender sender, MailProperties properties, RuntimeService runtime,
            IdentityService identity, Clock clock) {
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
        List<Duration> delays = properties.retryDelays();
        Optional<MailOutbox.Mail> claimed = outbox.claim(id, now, now.plus(delays.isEmpty() ? Duration.ZERO
                : delays.get(0)));
        claimed.ifPresent(mail -> attempt(mail, now, delays));
    }

    private void attempt(MailOutbox.Mail mail, Instant now, List<Duration> delays) {
        try {
            SimpleMailMessage message = new SimpleMailMessage();
            message.setFrom(properties.from());
            message.setTo(mail.to().toArray(String[]::new));
            message.setSubject(mail.subject());
            message.setText(mail.body());
            sender.send(message);
            outbox.sent(mail.id(), clock.instant());
            log.info("Mail '{}' sent to {}", mail.subject(), mail.to());
        } catch (MailException | IllegalStateException e) {
            if (mail.attempts() > delays.size()) {
                outbox.failed(mail.id(), now, e.getMessage());
                raiseIncident(mail, e);
            } else {
                outbox.attemptFailed(mail.id(), e.getMessage(), now.plus(delays.get(mail.attempts() - 1)));
                log.warn("Mail '{}' not sent (attempt {}), retried later: {}", mail.subject(), mail.attempts(),
                        e.getMessage());
            }
        }
    }

    /** Retries the mails that are due; the schedule is also where later delays take effect. */
    @Scheduled(fixedDelayString = "${guidance.mail.retry-poll:PT30S}", initialDelayString = "PT30S")
    public void retryDue() {
        Instant now = clock.instant();
        for (long id : outbox.due(now, 100)) {
            deliver(id);
        }
    }

    /** After the mail server is fixed: every failed mail is sent again and its incident resolved. */
    public int retryFailed() {
        List<MailOutbox.Mail> failed = outbox.requeueFailed(clock.instant());
        for (MailOutbox.Mail mail : failed) {
            AsApplication.query(identity, () -> {
                runtime.createIncidentQuery().incidentType(INCIDENT_TYPE).configuration(configuration(mail)).list()
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
        if (mail.processInstanceId() == null || AsApplication.query(identity, () -> runtime
                .createProcessInstanceQuery().processInstanceId(mail.processInstanceId()).count()) == 0) {
            return;
        }
        Incident incident = AsApplication.query(identity, () -> runtime.createIncident(INCIDENT_TYPE,
                mail.processInstanceId(), configuration(mail), message.substring(0, Math.min(message.length(), 3900))));
        log.error("Incident {} raised on process {}", incident.getId(), mail.processInstanceId());
    }

    private static String configuration(MailOutbox.Mail mail) {
        return "mail_outbox:" + mail.id();
    }
}
