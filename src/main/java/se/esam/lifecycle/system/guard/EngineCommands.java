package se.esam.lifecycle.system.guard;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractCorrelateMessageCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractPatchVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractProcessInstanceModificationCommand;
import org.camunda.bpm.engine.impl.cmd.AbstractRemoveVariableCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractRestartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetVariableCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractVariableCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.EvaluateStartConditionCmd;
import org.camunda.bpm.engine.impl.cmd.HandleExternalTaskCmd;
import org.camunda.bpm.engine.impl.cmd.MessageEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.ModifyProcessInstanceAsyncCmd;
import org.camunda.bpm.engine.impl.cmd.ModifyProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.PatchTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.ProcessInstanceModificationBatchCmd;
import org.camunda.bpm.engine.impl.cmd.ProcessInstanceModificationCmd;
import org.camunda.bpm.engine.impl.cmd.RemoveTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.SetTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.SignalCmd;
import org.camunda.bpm.engine.impl.cmd.SignalEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceAtActivitiesCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.cmd.batch.CorrelateAllMessageBatchCmd;
import org.camunda.bpm.engine.impl.cmd.batch.variables.SetVariablesToProcessInstancesBatchCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.variable.VariableMap;

/**
 * The one place that reads Camunda's command objects: what a command would write, and where. Camunda keeps
 * these fields protected and has no public view of them, so they are read by reflection; a Camunda upgrade
 * (or a fork) that renames one fails {@code VariableGuardTest}, not silently.
 */
final class EngineCommands {

    /** What a command a person sent would write. */
    sealed interface Write {}

    /** Completing, submitting, resolving a task, or writing or removing its variables. */
    record TaskWrite(String taskId, Map<String, Object> variables, Collection<String> removals) implements Write {}

    /** Starting a process, by key or definition id, from its start form or without one. */
    record StartWrite(String definitionId, String definitionKey, Map<String, Object> variables) implements Write {}

    /** Writing or removing a process instance's or execution's variables directly (Cockpit's repair). */
    record InstanceWrite(Map<String, Object> variables, Collection<String> removals) implements Write {}

    /**
     * Steering a process from outside: messages, signals, starting in the middle, moving tokens, restarts,
     * external tasks. Our processes take none of these from people.
     */
    record Steering(String what, Map<String, Object> variables) implements Write {}

    /** Anything else: reads, claims, queries. Still checked for the types of any variables it carries. */
    record Other(Map<String, Object> variables) implements Write {}

    private static final Map<Class<?>, List<Field>> FIELDS = new ConcurrentHashMap<>();

    private EngineCommands() {}

    static Write of(Command<?> command) {
        if (command instanceof CompleteTaskCmd || command instanceof SubmitTaskFormCmd) {
            Map<String, Object> variables =
                    map(command, command instanceof SubmitTaskFormCmd ? "properties" : "variables");
            return new TaskWrite(string(command, "taskId"), variables, List.of());
        }
        if (command instanceof SetTaskVariablesCmd
                || command instanceof RemoveTaskVariablesCmd
                || command instanceof PatchTaskVariablesCmd) {
            return new TaskWrite(string(command, "entityId"), written(command), removals(command));
        }
        if (command instanceof StartProcessInstanceCmd) {
            ProcessInstantiationBuilderImpl builder =
                    (ProcessInstantiationBuilderImpl) read(command, "instantiationBuilder");
            return new StartWrite(
                    builder.getProcessDefinitionId(), builder.getProcessDefinitionKey(), copy(builder.getVariables()));
        }
        if (command instanceof SubmitStartFormCmd) {
            return new StartWrite(string(command, "processDefinitionId"), null, map(command, "variables"));
        }
        if (command instanceof AbstractSetVariableCmd
                || command instanceof AbstractRemoveVariableCmd
                || command instanceof AbstractPatchVariablesCmd) {
            return new InstanceWrite(written(command), removals(command));
        }
        if (command instanceof AbstractCorrelateMessageCmd
                || command instanceof CorrelateAllMessageBatchCmd
                || command instanceof MessageEventReceivedCmd) {
            return new Steering("message", allVariables(command));
        }
        if (command instanceof SignalEventReceivedCmd || command instanceof SignalCmd) {
            return new Steering("signal", allVariables(command));
        }
        if (command instanceof StartProcessInstanceAtActivitiesCmd
                || command instanceof ModifyProcessInstanceCmd
                || command instanceof ModifyProcessInstanceAsyncCmd
                || command instanceof ProcessInstanceModificationBatchCmd
                || command instanceof ProcessInstanceModificationCmd
                || command instanceof AbstractProcessInstanceModificationCommand
                || command instanceof AbstractRestartProcessInstanceCmd) {
            return new Steering("modification", allVariables(command));
        }
        if (command instanceof EvaluateStartConditionCmd
                || command instanceof HandleExternalTaskCmd
                || command instanceof SetVariablesToProcessInstancesBatchCmd) {
            return new Steering("variables", allVariables(command));
        }
        return new Other(allVariables(command));
    }

    /**
     * Every variable map the command or the builders it holds carry, however deep, for the type check: a
     * command this class does not know by name is still refused an Object variable.
     */
    static Map<String, Object> allVariables(Object command) {
        Map<String, Object> all = new LinkedHashMap<>();
        collect(command, all, 0);
        return all;
    }

    private static void collect(Object object, Map<String, Object> into, int depth) {
        if (object == null || depth > 3) {
            return;
        }
        for (Field field : fields(object.getClass())) {
            Object value = get(field, object);
            if (value instanceof Map<?, ?> map) {
                into.putAll(copy(map));
            } else if (value instanceof Collection<?> collection) {
                for (Object element : collection) {
                    if (isEngineInternal(element)) {
                        collect(element, into, depth + 1);
                    }
                }
            } else if (value != object && isEngineInternal(value)) {
                collect(value, into, depth + 1);
            }
        }
    }

    /** Builders and instructions inside commands; not the engine's executors and contexts. */
    private static boolean isEngineInternal(Object value) {
        if (value == null) {
            return false;
        }
        String name = value.getClass().getName();
        return name.startsWith("org.camunda.bpm.engine.impl.")
                && (name.endsWith("BuilderImpl")
                        || name.endsWith("Cmd")
                        || name.endsWith("Instruction")
                        || name.contains(".cmd."));
    }

    private static List<Field> fields(Class<?> type) {
        return FIELDS.computeIfAbsent(type, t -> {
            List<Field> fields = new ArrayList<>();
            for (Class<?> c = t; c != null && c != Object.class; c = c.getSuperclass()) {
                for (Field field : c.getDeclaredFields()) {
                    if (!Modifier.isStatic(field.getModifiers())
                            && !field.getName().startsWith("command")
                            && field.trySetAccessible()) {
                        fields.add(field);
                    }
                }
            }
            return fields;
        });
    }

    private static Collection<String> removals(Object command) {
        Object value = command instanceof AbstractPatchVariablesCmd
                ? read(command, "deletions")
                : command instanceof AbstractRemoveVariableCmd ? read(command, "variableNames") : null;
        List<String> names = new ArrayList<>();
        if (value instanceof Collection<?> collection) {
            collection.forEach(name -> names.add(String.valueOf(name)));
        }
        return names;
    }

    /** Whether a variable command acts on the task's own scope only (local) or on the process. */
    static boolean isLocal(Object command) {
        return command instanceof AbstractVariableCmd && Boolean.TRUE.equals(read(command, "isLocal"))
                || command instanceof AbstractPatchVariablesCmd && Boolean.TRUE.equals(read(command, "isLocal"));
    }

    /** What a set or patch command writes; a remove command writes nothing. */
    private static Map<String, Object> written(Object command) {
        return command instanceof AbstractRemoveVariableCmd ? Map.of() : map(command, "variables");
    }

    private static Map<String, Object> map(Object command, String field) {
        return copy((Map<?, ?>) read(command, field));
    }

    /** Typed values as sent: a serialized Object must be seen as one, never deserialized to be looked at. */
    private static Map<String, Object> copy(Map<?, ?> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        if (map instanceof VariableMap variables) {
            variables.keySet().forEach(key -> copy.put(key, variables.getValueTyped(key)));
        } else if (map != null) {
            map.forEach((key, value) -> copy.put(String.valueOf(key), value));
        }
        return copy;
    }

    private static String string(Object command, String field) {
        Object value = read(command, field);
        return value == null ? null : value.toString();
    }

    private static Object read(Object object, String name) {
        for (Field field : fields(object.getClass())) {
            if (field.getName().equals(name)) {
                return get(field, object);
            }
        }
        throw new IllegalStateException("Camunda's " + object.getClass().getName() + " has no field " + name
                + " any more: the variable guard must be updated for this engine version");
    }

    private static Object get(Field field, Object object) {
        try {
            return field.get(object);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
