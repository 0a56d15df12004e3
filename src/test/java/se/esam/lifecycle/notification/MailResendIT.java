package se.esam.lifecycle.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.icegreen.greenmail.junit5.GreenMailExtension;

import se.esam.lifecycle.support.PostgresDatabase;
import se.esam.lifecycle.support.TestEnvironment;
import se.esam.lifecycle.support.TestSmtp;

/**
 * What a receiving mail server sees of the outbox: each mail under a Message-ID of its own, derived from
 * its outbox row, and a mail sent again (its node died after handing it over, before noting it as sent)
 * as the same message under the same Message-ID.
 */
@SpringBootTest
@TestEnvironment
@DirtiesContext
class MailResendIT {

    static final TestSmtp smtp = new TestSmtp();

    @RegisterExtension
    static final GreenMailExtension server = smtp.server();

    @Autowired
    Mailer mailer;

    @Autowired
    MailDelivery delivery;

    @Autowired
    JdbcClient jdbc;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        PostgresDatabase.createFor(MailResendIT.class, registry);
        smtp.configure(registry);
        // the test retries by hand
        registry.add("guidance.mail.retry-poll", () -> "PT1H");
    }

    @Test
    void aMailSentAgainAfterACrashIsTheSameMessageUnderTheSameMessageId() throws Exception {
        mailer.send("anna@pensionsmyndigheten.example", "Prov: skickas igen", "Samma brev två gånger.");
        Map<String, Object> row = row("Prov: skickas igen");
        long id = (Long) row.get("id");
        String messageId = (String) row.get("message_id");
        assertThat(messageId)
                .as("derived from outbox row " + id)
                .matches("<outbox-" + id + "\\.[0-9a-f-]{36}@esamverka\\.se>");
        assertThat(received("Prov: skickas igen", 1))
                .extracting(MailResendIT::messageId)
                .containsExactly(messageId);

        // the node handed the mail over and died before it could note that
        jdbc.sql("update mail_outbox set sent_at = null, next_attempt_at = ? where id = ?")
                .params(Timestamp.from(Instant.now().minusSeconds(1)), id)
                .update();
        delivery.retryDue();

        List<MimeMessage> received = received("Prov: skickas igen", 2);
        assertThat(received).as("the first delivery and the resend").hasSize(2);
        assertThat(received).extracting(MailResendIT::messageId).containsOnly(messageId);
        assertThat(received)
                .extracting(m -> m.getHeader("Date", null))
                .as("sent as of the outbox row")
                .doesNotContainNull()
                .containsOnly(received.get(0).getHeader("Date", null));
        assertThat(row("Prov: skickas igen"))
                .containsEntry("message_id", messageId)
                .containsEntry("attempts", 2)
                .containsEntry("sent", true);
    }

    @Test
    void twoMailsWithTheSameContentHaveMessageIdsOfTheirOwn() throws Exception {
        mailer.send("olof@kronofogden.example", "Prov: två brev", "Samma innehåll.");
        mailer.send("olof@kronofogden.example", "Prov: två brev", "Samma innehåll.");
        List<String> stored = jdbc.sql("select message_id from mail_outbox where subject = ?")
                .param("Prov: två brev")
                .query(String.class)
                .list();
        assertThat(stored).hasSize(2).doesNotContainNull().doesNotHaveDuplicates();
        assertThat(received("Prov: två brev", 2))
                .extracting(MailResendIT::messageId)
                .containsExactlyInAnyOrderElementsOf(stored);
    }

    /** The mails with this subject once there are {@code count} of them (or what came within ten seconds). */
    private static List<MimeMessage> received(String subject, int count) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(10);
        List<MimeMessage> received = List.of();
        while (received.size() < count && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
            received = Arrays.stream(server.getReceivedMessages())
                    .filter(m -> subject(m).equals(subject))
                    .toList();
        }
        return received;
    }

    private Map<String, Object> row(String subject) {
        return jdbc.sql("select id, message_id, attempts, sent_at is not null as sent from mail_outbox "
                        + "where subject = ?")
                .param(subject)
                .query((rs, n) -> Map.<String, Object>of(
                        "id",
                        rs.getLong("id"),
                        "message_id",
                        rs.getString("message_id"),
                        "attempts",
                        rs.getInt("attempts"),
                        "sent",
                        rs.getBoolean("sent")))
                .single();
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String messageId(MimeMessage message) {
        try {
            return message.getMessageID();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
