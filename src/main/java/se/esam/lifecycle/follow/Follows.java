package se.esam.lifecycle.follow;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Follows, digest preferences and the log of digests sent. */
@Repository
class Follows {

    /** @param sectionId null for the whole document */
    record Follow(
            long id, String personId, String guidanceId, String guidanceTitle, String sectionId, Instant createdAt) {}

    /** A digest written to the outbox for a person and period. */
    record Sent(String personId, String periodKey, Frequency frequency, Instant sentAt) {}

    private static final String FOLLOW_COLUMNS =
            "f.id, f.person_id, f.guidance_id, d.title, f.section_id, f.created_at "
                    + "from follow f join guidance_document d on d.id = f.guidance_id";
    private static final RowMapper<Follow> FOLLOW = (rs, n) -> new Follow(
            rs.getLong(1),
            rs.getString(2),
            rs.getString(3),
            rs.getString(4),
            rs.getString(5),
            rs.getTimestamp(6).toInstant());

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    Follows(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    static String sectionKey(String sectionId) {
        return sectionId == null ? "" : sectionId;
    }

    Optional<Follow> find(String personId, String guidanceId, String sectionId) {
        return jdbc.sql("select " + FOLLOW_COLUMNS
                        + " where f.person_id = ? and f.guidance_id = ? and f.section_key = ?")
                .params(personId, guidanceId, sectionKey(sectionId))
                .query(FOLLOW)
                .optional();
    }

    Optional<Follow> find(String personId, long id) {
        return jdbc.sql("select " + FOLLOW_COLUMNS + " where f.person_id = ? and f.id = ?")
                .params(personId, id)
                .query(FOLLOW)
                .optional();
    }

    long insert(String personId, String guidanceId, String sectionId, Instant at) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into follow (person_id, guidance_id, section_id, section_key, created_at) "
                        + "values (?, ?, ?, ?, ?)")
                .params(personId, guidanceId, sectionId, sectionKey(sectionId), Timestamp.from(at))
                .update(key, "id");
        return key.getKey().longValue();
    }

    List<Follow> of(String personId) {
        return jdbc.sql("select " + FOLLOW_COLUMNS + " where f.person_id = ? order by d.title, f.section_key")
                .param(personId)
                .query(FOLLOW)
                .list();
    }

    boolean delete(String personId, long id) {
        return jdbc.sql("delete from follow where person_id = ? and id = ?")
                        .params(personId, id)
                        .update()
                == 1;
    }

    Optional<Frequency> preference(String personId) {
        return jdbc.sql("select frequency from digest_preference where person_id = ?")
                .param(personId)
                .query(String.class)
                .optional()
                .map(Frequency::valueOf);
    }

    /** Update first, insert when there was no row: H2 and PostgreSQL alike, no vendor upsert. */
    void setPreference(String personId, Frequency frequency, Instant at) {
        int updated = jdbc.sql("update digest_preference set frequency = ?, updated_at = ? where person_id = ?")
                .params(frequency.name(), Timestamp.from(at), personId)
                .update();
        if (updated == 0) {
            jdbc.sql("insert into digest_preference (person_id, frequency, updated_at) values (?, ?, ?)")
                    .params(personId, frequency.name(), Timestamp.from(at))
                    .update();
        }
    }

    // the digest run's bulk reads: one statement each, however many people

    /** Runs on several nodes take turns: the second waits here until the first has committed its digests. */
    void lockRuns(Instant now) {
        jdbc.sql("select id from digest_schedule where id = 1 for update")
                .query(Integer.class)
                .single();
        jdbc.sql("update digest_schedule set last_run = ? where id = 1")
                .param(Timestamp.from(now))
                .update();
    }

    List<Follow> all() {
        return jdbc.sql("select " + FOLLOW_COLUMNS + " order by f.person_id, f.guidance_id, f.section_key")
                .query(FOLLOW)
                .list();
    }

    Map<String, Frequency> preferences() {
        Map<String, Frequency> preferences = new HashMap<>();
        jdbc.sql("select person_id, frequency from digest_preference").query(rs -> {
            preferences.put(rs.getString(1), Frequency.valueOf(rs.getString(2)));
        });
        return preferences;
    }

    /** Digests sent since {@code floor}: enough to know who has had this period's and when each had the last. */
    List<Sent> sentSince(Instant floor) {
        return jdbc.sql("select person_id, period_key, frequency, sent_at from digest_sent where sent_at >= ?")
                .param(Timestamp.from(floor))
                .query((rs, n) -> new Sent(
                        rs.getString(1),
                        rs.getString(2),
                        Frequency.valueOf(rs.getString(3)),
                        rs.getTimestamp(4).toInstant()))
                .list();
    }

    /** One batch; the primary key (person, period) refuses a second digest even if a run got past the lock. */
    void recordSent(List<Sent> sent) {
        if (sent.isEmpty()) {
            return;
        }
        batch.batchUpdate(
                "insert into digest_sent (person_id, period_key, frequency, sent_at) values (?, ?, ?, ?)",
                new BatchPreparedStatementSetter() {
                    @Override
                    public void setValues(PreparedStatement statement, int i) throws SQLException {
                        Sent row = sent.get(i);
                        statement.setString(1, row.personId());
                        statement.setString(2, row.periodKey());
                        statement.setString(3, row.frequency().name());
                        statement.setTimestamp(4, Timestamp.from(row.sentAt()));
                    }

                    @Override
                    public int getBatchSize() {
                        return sent.size();
                    }
                });
    }
}
