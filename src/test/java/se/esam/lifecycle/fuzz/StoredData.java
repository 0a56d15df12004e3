package se.esam.lifecycle.fuzz;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Row count and checksum of every table whose content a request could change: ours, and Camunda's
 * runtime (ACT_RU_*) and history (ACT_HI_*). Left out: the metrics reporter's meter log, which the engine
 * writes on its own schedule. Identity (ACT_ID_*) is left out as well, since no fuzzed request may touch it
 * and sign-ins legitimately update it.
 */
final class StoredData {

    private final JdbcClient jdbc;
    private final String checksumQuery;

    StoredData(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
        List<String> tables = jdbc.sql("""
                select table_name from information_schema.tables
                where table_schema = current_schema() and table_type = 'BASE TABLE'
                  and (table_name not like 'act\\_%' or table_name like 'act\\_ru\\_%' or table_name like 'act\\_hi\\_%')
                  and table_name not in ('act_ru_meter_log', 'flyway_schema_history')
                order by table_name""").query(String.class).list();
        if (tables.isEmpty()) {
            throw new IllegalStateException("No tables found to watch: is the schema there?");
        }
        // a sum of row hashes does not depend on row order, so no table is sorted for it
        this.checksumQuery = tables.stream()
                .map(table -> "select '" + table + "' as name, count(*) as n, "
                        + "coalesce(sum(hashtextextended(t::text, 0)), 0)::text as sum from " + table + " t")
                .collect(Collectors.joining(" union all "));
    }

    /** Each table's row count and checksum, by table name. */
    Map<String, String> snapshot() {
        Map<String, String> tables = new TreeMap<>();
        jdbc.sql(checksumQuery).query(rs -> {
            tables.put(rs.getString("name"), rs.getLong("n") + " rows, hash sum " + rs.getString("sum"));
        });
        return tables;
    }

    /** The tables whose content differs, each with before and after. */
    static List<String> changes(Map<String, String> before, Map<String, String> after) {
        return after.entrySet().stream()
                .filter(e -> !e.getValue().equals(before.get(e.getKey())))
                .map(e -> e.getKey() + ": " + before.get(e.getKey()) + " -> " + e.getValue())
                .toList();
    }
}
