package se.esam.lifecycle.notification;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Mails waiting to be sent, sent, or given up on. */
@Repository
class MailOutbox {

    /** {@code messageId} is null only before the first attempt. */
    record Mail(
            long id,
            String messageId,
            List<String> to,
            String subject,
            String body,
            String processInstanceId,
            Instant createdAt,
            int attempts) {}

    private static final String MAIL_COLUMNS =
            "id, message_id, recipients, subject, body, process_instance_id, " + "created_at, attempts";
    private static final RowMapper<Mail> MAIL = (rs, n) -> new Mail(
            rs.getLong("id"),
            rs.getString("message_id"),
            Arrays.asList(rs.getString("recipients").split(",")),
            rs.getString("subject"),
            rs.getString("body"),
            rs.getString("process_instance_id"),
            rs.getTimestamp("created_at").toInstant(),
            rs.getInt("attempts"));

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final DataSource dataSource;

    MailOutbox(JdbcClient jdbc, JdbcTemplate batch, DataSource dataSource) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.dataSource = dataSource;
    }

    /**
     * {@link #claim} after the change that wrote the mail has committed. Spring still holds that change's
     * connection then, without auto-commit, and commits what runs on it only when it lets the connection
     * go: after the mail has left. A node killed in between lost the Message-ID it had sent the mail
     * under, and the next attempt sent it again under another. So the claim is committed here, on that
     * connection: a second one would mean holding one connection while waiting for another.
     */
    Optional<Mail> claimAfterCommit(long id, Instant now, Instant retryAt, String messageId) {
        Optional<Mail> claimed = claim(id, now, retryAt, messageId);
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The claim of mail " + id + " could not be committed", e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
        return claimed;
    }

    long add(List<String> to, String subject, String body, String processInstanceId, Instant now) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into mail_outbox (recipients, subject, body, process_instance_id, created_at, "
                        + "next_attempt_at) values (?, ?, ?, ?, ?, ?)")
                .params(
                        String.join(",", to),
                        subject,
                        body,
                        processInstanceId,
                        Timestamp.from(now),
                        Timestamp.from(now))
                .update(key, "id");
        return key.getKey().longValue();
    }

    /** One batch of inserts (the same statement for every mail), without process and in one round trip. */
    void addAll(List<Mailer.Outgoing> mails, Instant now) {
        Timestamp at = Timestamp.from(now);
        batch.batchUpdate(
                "insert into mail_outbox (recipients, subject, body, process_instance_id, created_at, "
                        + "next_attempt_at) values (?, ?, ?, null, ?, ?)",
                new BatchPreparedStatementSetter() {
                    @Override
                    public void setValues(PreparedStatement statement, int i) throws SQLException {
                        Mailer.Outgoing mail = mails.get(i);
                        statement.setString(1, mail.to());
                        statement.setString(2, mail.subject());
                        statement.setString(3, mail.body());
                        statement.setTimestamp(4, at);
                        statement.setTimestamp(5, at);
                    }

                    @Override
                    public int getBatchSize() {
                        return mails.size();
                    }
                });
    }

    /**
     * Takes the mail for one attempt if it is due: moves its next attempt to {@code retryAt} first, so
     * that no other node (or thread) sends it before then, and gives it {@code messageId} unless an
     * earlier attempt already gave it one. Committed before the mail leaves, so a node that dies during
     * the attempt leaves behind the Message-ID the next attempt must reuse.
     */
    Optional<Mail> claim(long id, Instant now, Instant retryAt, String messageId) {
        int claimed = jdbc.sql("update mail_outbox set attempts = attempts + 1, next_attempt_at = ?, "
                        + "message_id = coalesce(message_id, ?) "
                        + "where id = ? and sent_at is null and failed_at is null and next_attempt_at <= ?")
                .params(Timestamp.from(retryAt), messageId, id, Timestamp.from(now))
                .update();
        if (claimed == 0) {
            return Optional.empty();
        }
        return jdbc.sql("select " + MAIL_COLUMNS + " from mail_outbox where id = ?")
                .param(id)
                .query(MAIL)
                .optional();
    }

    void sent(long id, Instant at) {
        jdbc.sql("update mail_outbox set sent_at = ?, last_error = null where id = ?")
                .params(Timestamp.from(at), id)
                .update();
    }

    void attemptFailed(long id, String error, Instant nextAttemptAt) {
        jdbc.sql("update mail_outbox set last_error = ?, next_attempt_at = ? where id = ?")
                .params(truncate(error), Timestamp.from(nextAttemptAt), id)
                .update();
    }

    void failed(long id, Instant at, String error) {
        jdbc.sql("update mail_outbox set failed_at = ?, last_error = ? where id = ?")
                .params(Timestamp.from(at), truncate(error), id)
                .update();
    }

    List<Long> due(Instant now, int limit) {
        return jdbc.sql("select id from mail_outbox where sent_at is null and failed_at is null "
                        + "and next_attempt_at <= ? order by id fetch first " + limit + " rows only")
                .param(Timestamp.from(now))
                .query(Long.class)
                .list();
    }

    /** Failed mails go back into the queue, with their attempts counted afresh. */
    List<Mail> requeueFailed(Instant now) {
        List<Mail> failed = jdbc.sql(
                        "select " + MAIL_COLUMNS + " from mail_outbox where failed_at is not null and sent_at is null")
                .query(MAIL)
                .list();
        jdbc.sql("update mail_outbox set failed_at = null, attempts = 0, next_attempt_at = ? "
                        + "where failed_at is not null and sent_at is null")
                .param(Timestamp.from(now))
                .update();
        return failed;
    }

    private static String truncate(String error) {
        return error == null ? null : error.substring(0, Math.min(error.length(), 2000));
    }
}
