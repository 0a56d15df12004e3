package se.esam.lifecycle.registry;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import se.esam.lifecycle.guidance.GuidanceCatalogue;
import se.esam.lifecycle.identity.Directory;
import se.esam.lifecycle.system.InvalidInputException;
import se.esam.lifecycle.system.SwedishTime;

/** Reading the register: the kansli's list and the feed an agency's diarium follows. */
@Component
class RegisterQueries {

    /** More than a year of registrations at today's pace; a longer list is asked for by period. */
    static final int MAX_ROWS = 10_000;

    static final int MAX_FEED_PAGE = 1000;
    static final int DEFAULT_FEED_PAGE = 100;

    static final String COLUMNS = "entry_id, registration_number, kind, case_reference, guidance_id, "
            + "received_at, sender_organisation, sender_name, case_title, secrecy_marking";

    private final JdbcClient jdbc;
    private final GuidanceCatalogue catalogue;
    private final Directory directory;

    RegisterQueries(JdbcClient jdbc, GuidanceCatalogue catalogue, Directory directory) {
        this.jdbc = jdbc;
        this.catalogue = catalogue;
        this.directory = directory;
    }

    /** The entries the filter lets through, in the order they were registered. */
    @Transactional(readOnly = true)
    List<RegisterEntry> list(RegisterFilter filter) {
        if (filter.organisation() != null
                && directory.organisation(filter.organisation()).isEmpty()) {
            throw new InvalidInputException(
                    "organisation", "Det finns ingen medlemsorganisation med id '" + filter.organisation() + "'.");
        }
        if (filter.document() != null && catalogue.document(filter.document()).isEmpty()) {
            throw new InvalidInputException(
                    "document", "Det finns ingen vägledning med id '" + filter.document() + "'.");
        }
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from register_entry where 1 = 1");
        List<Object> params = new ArrayList<>();
        if (filter.from() != null) {
            sql.append(" and received_at >= ?");
            params.add(Timestamp.from(SwedishTime.startOfDay(filter.from())));
        }
        if (filter.to() != null) {
            sql.append(" and received_at < ?");
            params.add(Timestamp.from(SwedishTime.startOfDay(filter.to().plusDays(1))));
        }
        if (filter.organisation() != null) {
            sql.append(" and sender_organisation = ?");
            params.add(filter.organisation());
        }
        if (filter.document() != null) {
            sql.append(" and guidance_id = ?");
            params.add(filter.document());
        }
        sql.append(" order by entry_id fetch first " + MAX_ROWS + " rows only");
        return jdbc.sql(sql.toString())
                .params(params)
                .query(RegisterQueries::entry)
                .list();
    }

    /** A page of the feed: the entries after the cursor, and the cursor to ask with next. */
    record FeedPage(List<RegisterEntry> entries, long next) {}

    /**
     * Entry ids are taken under the registration lock and committed in their order (see {@link Registry}),
     * so whatever this statement sees is every entry up to the highest it sees: an id below it cannot
     * commit later. So the cursor is the last id read, and nothing is missed or read twice.
     */
    @Transactional(readOnly = true)
    FeedPage feed(long after, int limit) {
        List<RegisterEntry> entries = jdbc.sql("select " + COLUMNS + " from register_entry where entry_id > ? "
                        + "order by entry_id fetch first " + limit + " rows only")
                .param(after)
                .query(RegisterQueries::entry)
                .list();
        long next = entries.isEmpty() ? after : entries.get(entries.size() - 1).entryId();
        return new FeedPage(entries, next);
    }

    static long cursor(String after) {
        if (after == null || after.isBlank()) {
            return 0;
        }
        try {
            long value = Long.parseLong(after.strip());
            if (value >= 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new InvalidInputException("after", "Ange markören som ett heltal från 0 (värdet next från förra sidan).");
    }

    static int limit(String limit) {
        if (limit == null || limit.isBlank()) {
            return DEFAULT_FEED_PAGE;
        }
        try {
            int value = Integer.parseInt(limit.strip());
            if (value >= 1 && value <= MAX_FEED_PAGE) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new InvalidInputException("limit", "Ange ett antal från 1 till " + MAX_FEED_PAGE + ".");
    }

    static RegisterEntry entry(ResultSet rs, int row) throws SQLException {
        RegistryKind kind = RegistryKind.valueOf(rs.getString("kind"));
        return new RegisterEntry(
                rs.getLong("entry_id"),
                rs.getString("registration_number"),
                kind,
                kind.label(),
                rs.getString("case_reference"),
                rs.getString("guidance_id"),
                rs.getTimestamp("received_at").toInstant(),
                rs.getString("sender_organisation"),
                rs.getString("sender_name"),
                rs.getString("case_title"),
                rs.getString("secrecy_marking"));
    }
}
