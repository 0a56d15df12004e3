package se.esam.lifecycle.notification;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The mails the outbox holds about a process, as records for the archive. Read only. */
@Component
public class MailRecords {

    /** @param sentAt null if it never left (still waiting, or given up: see failedAt) */
    public record Mail(
            String messageId,
            List<String> recipients,
            String subject,
            String body,
            Instant createdAt,
            Instant sentAt,
            Instant failedAt) {}

    private final JdbcClient jdbc;

    MailRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Mail> ofProcess(String processInstanceId) {
        if (processInstanceId == null) {
            return List.of();
        }
        return jdbc.sql("select message_id, recipients, subject, body, created_at, sent_at, failed_at "
                        + "from mail_outbox where process_instance_id = ? order by created_at, id")
                .param(processInstanceId)
                .query((rs, n) -> new Mail(
                        rs.getString(1),
                        Arrays.asList(rs.getString(2).split(",")),
                        rs.getString(3),
                        rs.getString(4),
                        instant(rs.getTimestamp(5)),
                        instant(rs.getTimestamp(6)),
                        instant(rs.getTimestamp(7))))
                .list();
    }

    private static Instant instant(Timestamp value) {
        return value == null ? null : value.toInstant();
    }
}
