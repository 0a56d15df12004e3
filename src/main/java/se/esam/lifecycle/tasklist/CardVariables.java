package se.esam.lifecycle.tasklist;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tasklist fills a card's columns from the variables the person may read. Experts may read the tasks
 * offered to their group but not the process instance behind them (its other variables are not theirs), so
 * their cards stayed empty: no reference, no document. Each new task therefore carries its own copy of the
 * columns' values, which anyone who may read the task may read; they are what the task's form shows anyway.
 */
@Component
class CardVariables {

    private final List<String> names;

    CardVariables(List<TasklistFilter.Columns> columns) {
        this.names = columns.stream()
                .flatMap(module -> module.columns().stream())
                .map(TasklistFilter.Column::variable)
                .distinct()
                .toList();
    }

    /** The engine's task events, published in the engine's transaction (Camunda's Spring eventing). */
    @EventListener(condition = "#task.eventName == '" + TaskListener.EVENTNAME_CREATE + "'")
    public void copyOntoTheTask(DelegateTask task) {
        for (String name : names) {
            Object value = task.getVariable(name);
            if (value != null) {
                task.setVariableLocal(name, value);
            }
        }
    }
}
