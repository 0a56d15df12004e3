package se.esam.lifecycle.security;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Everything a refused request must leave as it was: our tables, and the engine's running state
 * (executions, tasks with their assignees, every variable with its stored value). Read straight from the
 * database, so a request that was answered 4xx but wrote anyway is seen. Mail rows are counted only:
 * the outbox sender marks them sent in the background.
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

    private Footprint() {}

    /** Table or engine part → a digest of its rows. Equal maps mean nothing was written. */
    static Map<String, String> of(JdbcClient jdbc) {
        Map<String, String> parts = new LinkedHashMap<>();
        for (String table : OUR_TABLES) {
            parts.put(
                    table,
                    jdbc.sql("select count(*) || ':' || coalesce(md5(string_agg(t::text, '|' order by t::text)), '')"
                                    + " from " + table + " t")
                            .query(String.class)
                            .single());
        }
        parts.put(
                "mail_outbox",
                jdbc.sql("select count(*)::text from mail_outbox")
                        .query(String.class)
                        .single());
        parts.put(
                "executions",
                digest(
                        jdbc,
                        "select id_, proc_inst_id_, business_key_, act_id_, is_active_,"
                                + " suspension_state_ from act_ru_execution"));
        parts.put(
                "tasks",
                digest(
                        jdbc,
                        "select id_, task_def_key_, assignee_, owner_, delegation_, proc_inst_id_,"
                                + " suspension_state_ from act_ru_task"));
        parts.put(
                "variables",
                digest(
                        jdbc,
                        "select v.proc_inst_id_, v.execution_id_, v.task_id_, v.name_, v.type_,"
                                + " v.text_, v.text2_, v.long_, v.double_, md5(b.bytes_) from act_ru_variable v"
                                + " left join act_ge_bytearray b on b.id_ = v.bytearray_id_"));
        parts.put(
                "event subscriptions",
                digest(jdbc, "select id_, event_type_, event_name_, proc_inst_id_" + " from act_ru_event_subscr"));
        parts.put(
                "process instances started",
                jdbc.sql("select count(*)::text from act_hi_procinst")
                        .query(String.class)
                        .single());
        return parts;
    }

    private static String digest(JdbcClient jdbc, String select) {
        return jdbc.sql("select count(*) || ':' || coalesce(md5(string_agg(t::text, '|' order by t::text)), '')"
                        + " from (" + select + ") t")
                .query(String.class)
                .single();
    }
}
