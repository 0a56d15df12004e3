package se.esam.lifecycle.revision;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * How long revisions took, for the reports: revision's own table read by revision, so that no other module
 * reads it.
 */
@Component
public class RevisionCycles {

    /** One published revision: opened, then published. */
    public record Cycle(Instant openedAt, Instant publishedAt) {}

    private final JdbcClient jdbc;

    RevisionCycles(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The revisions published in {@code [from, to)}, of one document or (null) of all.
     */
    @Transactional(readOnly = true)
    public List<Cycle> publishedBetween(Instant from, Instant to, String guidanceId) {
        StringBuilder sql = new StringBuilder(
                "select opened_at, published_at from revision where published_at >= ? and published_at < ?");
        List<Object> params = new ArrayList<>(List.of(Timestamp.from(from), Timestamp.from(to)));
        if (guidanceId != null) {
            sql.append(" and guidance_id = ?");
            params.add(guidanceId);
        }
        return jdbc.sql(sql.toString())
                .params(params)
                .query((rs, n) -> new Cycle(
                        rs.getTimestamp("opened_at").toInstant(),
                        rs.getTimestamp("published_at").toInstant()))
                .list();
    }
}
