package se.esam.lifecycle.system;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Lets PostgreSQL answer a task list's first page (sorted by due date, as Tasklist and the reviewers ask it)
 * by walking the open tasks in due-date order and stopping after the page, instead of checking the
 * permissions of every open task of the group and sorting them all (docs/benchmark-lifecycle.md): an index on
 * {@code act_ru_task(due_date_)}, and {@code parallel_workers} on that table, because PostgreSQL 15 only plans
 * the early stop under Camunda's {@code select distinct} (incremental sort) as a parallel plan, and otherwise
 * considers parallel plans only for tables over 8 MB. Same rows, same permission check, only the order of work.
 *
 * <p>After Camunda has built its schema, not as a Flyway migration: Camunda creates its tables when the engine
 * is built, and nothing orders that before Flyway on an empty database. Idempotent, at every start; on H2 only
 * the index.
 */
@Component
class TaskListPlan extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(TaskListPlan.class);
    static final String INDEX = "gl_idx_task_due_date";

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        DataSource dataSource = ((org.camunda.bpm.engine.impl.ProcessEngineImpl) engine)
                .getProcessEngineConfiguration()
                .getDataSource();
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            boolean postgres = "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
            statement.execute("create index if not exists " + INDEX + " on act_ru_task (due_date_)");
            if (postgres && !parallelWorkersSet(statement)) {
                // a table option, so only plans that read act_ru_task may become parallel, and only where
                // the planner finds them cheaper (parallel_setup_cost keeps small queries serial)
                statement.execute("alter table act_ru_task set (parallel_workers = 2)");
            }
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        } catch (SQLException e) {
            // slower, not wrong: the task list still answers the same, by reading all open tasks of the group
            log.warn(
                    "Task-list index on act_ru_task not in place ({}): the task list reads every open task",
                    e.getMessage());
        }
    }

    private static boolean parallelWorkersSet(Statement statement) throws SQLException {
        try (ResultSet rs = statement.executeQuery("select 1 from pg_class where oid = 'act_ru_task'::regclass "
                + "and reloptions is not null and 'parallel_workers=2' = any(reloptions)")) {
            return rs.next();
        }
    }
}
