package se.esam.lifecycle.tasklist;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import se.esam.lifecycle.identity.AuthorizationSetup;
import se.esam.lifecycle.identity.Roles;

/**
 * The task lists people see in Tasklist, one per way of working, created at start-up when missing.
 * Filters are saved queries: what each person sees in them is still limited by task authorizations.
 * The lists for everyone are here; a module contributes the lists of its own tasks and the columns of
 * its own variables ({@link TasklistFilter}), so that this module names no process.
 */
@Component
@Order(4)
class TasklistFilters implements ApplicationRunner {

    private static final List<String> WORKING_GROUPS = Roles.ALL.stream()
            .filter(group -> !group.equals(Roles.SUBMITTERS) && !group.equals(Roles.MANAGERS))
            .toList();

    /*
     * Tasklist opens the list with the lowest priority among those a person may read, so the order says
     * where each role starts: the kansli in its triage queue (a module's list, {@link
     * TasklistFilter#FIRST}), experts and approvers in their groups' open tasks, managers in the overdue
     * ones, submitters in their own (an answer to a question is assigned to them).
     */
    static final int GROUP_TASKS = -20;
    static final int OVERDUE = -15;
    static final int MY_TASKS = -10;

    private final FilterService filters;
    private final TaskService tasks;
    private final AuthorizationSetup access;
    private final List<TasklistFilter> contributed;
    private final List<Map<String, String>> columns;

    TasklistFilters(
            FilterService filters,
            TaskService tasks,
            AuthorizationSetup access,
            List<TasklistFilter> contributed,
            List<TasklistFilter.Columns> columns) {
        this.filters = filters;
        this.tasks = tasks;
        this.access = access;
        this.contributed = contributed;
        this.columns = columns.stream()
                .sorted(Comparator.comparingInt(TasklistFilter.Columns::order))
                .flatMap(module -> module.columns().stream())
                .map(column -> Map.of("name", column.variable(), "label", column.label()))
                .toList();
    }

    @Override
    public void run(ApplicationArguments args) {
        ensure(
                "Mina uppgifter",
                "Uppgifter som du har tagit eller som är tilldelade dig",
                MY_TASKS,
                tasks.createTaskQuery()
                        .taskAssigneeExpression("${currentUser()}")
                        .orderByDueDate()
                        .asc(),
                Roles.ALL);
        ensure(
                "Min grupps uppgifter",
                "Uppgifter för dina grupper som ingen har tagit ännu",
                GROUP_TASKS,
                tasks.createTaskQuery()
                        .taskCandidateGroupInExpression("${currentUserGroups()}")
                        .taskUnassigned()
                        .orderByDueDate()
                        .asc(),
                WORKING_GROUPS);
        for (TasklistFilter filter : contributed) {
            ensure(
                    filter.name(),
                    filter.description(),
                    filter.priority(),
                    filter.query().apply(tasks),
                    filter.groups());
        }
        ensure(
                "Försenade",
                "Uppgifter som har passerat sitt förfallodatum",
                OVERDUE,
                tasks.createTaskQuery()
                        .dueBeforeExpression("${now()}")
                        .orderByDueDate()
                        .asc(),
                List.of(Roles.KANSLI, Roles.MANAGERS));
    }

    private void ensure(String name, String description, int priority, TaskQuery query, List<String> groups) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("description", description);
        properties.put("priority", priority);
        properties.put("refresh", true);
        properties.put("variables", columns);
        Filter filter = filters.createFilterQuery().filterName(name).singleResult();
        if (filter == null) {
            filter = filters.newTaskFilter(name)
                    .setOwner("admin")
                    .setQuery(query)
                    .setProperties(properties);
            filters.saveFilter(filter);
        } else if (!properties.equals(filter.getProperties())) {
            // our lists are declared here: a new order or column reaches databases made by earlier versions
            try {
                filters.saveFilter(filter.setProperties(properties));
            } catch (OptimisticLockingException anotherNodeUpdatedItFirst) {
                // nodes of a cluster start together and declare the same lists
            }
        }
        for (String group : groups) {
            access.grant(group, Resources.FILTER, filter.getId(), Permissions.READ);
        }
    }
}
