package se.esam.lifecycle.tasklist;

import java.util.List;
import java.util.function.Function;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.TaskQuery;

/**
 * A task list a module contributes to Tasklist, as a bean: the module names its own tasks, Tasklist
 * creates the filter at start-up when missing and lets the groups read it.
 *
 * @param priority where the filter stands in Tasklist's list, lowest first
 * @param query the saved query, built on the engine's task service
 */
public record TasklistFilter(
        String name, String description, int priority, Function<TaskService, TaskQuery> query, List<String> groups) {

    /** The priority of a list that is where its groups start their day, before the lists for everyone. */
    public static final int FIRST = -30;

    public TasklistFilter {
        groups = List.copyOf(groups);
    }

    /**
     * Process variables a module's tasks carry that every task list shows as columns, as a bean.
     *
     * @param order where the module's columns stand among those of other modules, lowest first
     */
    public record Columns(int order, List<Column> columns) {

        public Columns {
            columns = List.copyOf(columns);
        }
    }

    public record Column(String variable, String label) {}
}
