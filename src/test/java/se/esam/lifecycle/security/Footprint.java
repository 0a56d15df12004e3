package se.esam.lifecycle.security;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Everything a refused request must leave as it was: our tables, and the engine's running state
 * (executions, tasks with their assignees, variables with their stored values, event subscriptions) and the
 * count of process instances ever started. Read straight from the database, so a request that was answered
 * 4xx but wrote anyway is seen. Mail rows are counted only: the outbox sender marks them sent in the
 * background.
 * <p>
 * Each table is summed up as its row count and the newest row version in it: PostgreSQL gives every row an
 * insert or update writes the writing transaction's id ({@code xmin}), and ids only grow, so an insert or an
 * update raises the newest version and a delete lowers the count. That sees every write to a watched table,
 * even one that puts back the same values, in one statement that reads each table once without sorting or
 * hashing its rows (the rows' text, sorted and hashed, cost TamperingIT most of its time).
 */
final class Footprint {

    private static final List<String> OUR_TABLES = List.of(
            "feedback",
            "feedback_event",
            "revision",
            "revision_section",
            "revision_item",
            "consultation_response",
            "published_disposition",
            "revision_event",
            "feedback_submission",
            "register_entry",
            "registry_counter",
            "guidance_version",
            "guidance_section");

    /** The engine's running state: variables' values live in {@code act_ge_bytearray} when they are long. */
    private static final List<String> ENGINE_TABLES =
            List.of("act_ru_execution", "act_ru_task", "act_ru_variable", "act_ge_bytearray", "act_ru_event_subscr");

    private static final String STATEMENT = Stream.concat(
                    Stream.concat(OUR_TABLES.stream(), ENGINE_TABLES.stream()).map(Footprint::versions),
                    Stream.of(
                            "select 'mail_outbox', count(*)::text from mail_outbox",
                            "select 'act_hi_procinst', count(*)::text from act_hi_procinst"))
            .collect(Collectors.joining(" union all "));

    private Footprint() {}

    /** Table → its row count and newest row version. Equal maps mean nothing was written. */
    static Map<String, String> of(JdbcClient jdbc) {
        Map<String, String> parts = new LinkedHashMap<>();
        jdbc.sql(STATEMENT)
                .query((row, i) -> parts.put(row.getString(1), row.getString(2)))
                .list();
        return parts;
    }

    private static String versions(String table) {
        return "select '" + table + "', count(*) || ':' || coalesce(max(xmin::text::bigint), 0) from " + table;
    }
}
