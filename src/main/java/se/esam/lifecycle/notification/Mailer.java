package se.esam.lifecycle.notification;

import java.util.Collection;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;

/** The one place that sends mail. Plain text only, so nothing a submitter wrote can become markup. */
@Service
public class Mailer {

    private static final Logger log = LoggerFactory.getLogger(Mailer.class);

    private final JavaMailSender sender;
    private final MailProperties properties;

    Mailer(JavaMailSender sender, MailProperties properties) {
        this.sender = sender;
        this.properties = properties;
    }

    public void send(String to, String subject, String body) {
        send(List.of(to), subject, body);
    }

    /**
     * @throws MailException when the mail server refuses; the caller's transaction rolls back, so the
     *                       process step is retried rather than the mail silently lost
     */
    public void send(Collection<String> to, String subject, String body) {
        if (to.isEmpty()) {
            log.warn("Mail '{}' has no recipient and is not sent", subject);
            return;
        }
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(properties.from());
        message.setTo(to.toArray(String[]::new));
        message.setSubject(subject);
        message.setText(body);
        sender.send(message);
        log.info("Mail '{}' sent to {}", subject, to);
    }
}
