package db.migration;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * The overview's search in descriptions ({@code lower(description) like '%words%'}) on PostgreSQL: a
 * trigram index (extension {@code pg_trgm}, in PostgreSQL's contrib and trusted, so the database's owner
 * may create it) lets it find the rows without reading every description of up to 10,000 characters.
 *
 * <p>A Java migration because it is PostgreSQL's alone: on H2 it does nothing. Where the extension is not
 * installed or may not be created, the search still works, by reading the table, and the start goes on:
 * a missing index is slower, not wrong.
 */
public class V10__feedback_text_search extends BaseJavaMigration {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(V10__feedback_text_search.class);

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
            return;
        }
        try (Statement statement = connection.createStatement()) {
            try (ResultSet available =
                    statement.executeQuery("select 1 from pg_available_extensions where name = 'pg_trgm'")) {
                if (!available.next()) {
                    log.warn("PostgreSQL has no pg_trgm: the feedback search reads descriptions without an index");
                    return;
                }
            }
            // a refused statement ends PostgreSQL's transaction: keep the migration's own going without it
            Savepoint before = connection.setSavepoint();
            try {
                statement.execute("create extension if not exists pg_trgm");
                statement.execute("create index feedback_description_trgm_idx on feedback "
                        + "using gin (lower(description) gin_trgm_ops)");
                connection.releaseSavepoint(before);
            } catch (SQLException refused) {
                connection.rollback(before);
                log.warn(
                        "No trigram index for the feedback search ({}): it reads descriptions without an index",
                        refused.getMessage());
            }
        }
    }
}
