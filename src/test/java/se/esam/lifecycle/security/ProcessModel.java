package se.esam.lifecycle.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import se.esam.lifecycle.feedback.internal.FeedbackProcess;
import se.esam.lifecycle.review.internal.PeriodicReviewProcess;
import se.esam.lifecycle.revision.internal.RevisionProcess;

/**
 * What the deployed models say a person may write, read from {@code processes/*.bpmn} and
 * {@code processes/*.form} themselves, and what each process reads (its {@code Vars} class), so the
 * tampering tests follow the models instead of a hand-kept copy of them.
 */
final class ProcessModel {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path PROCESSES = Path.of("processes");
    /** form-js components that show something but take no value. */
    private static final Set<String> DISPLAY_ONLY = Set.of(
            "text", "group", "spacer", "separator", "image", "html", "button", "iframe", "table", "documentPreview");

    /** A user task or a start event with its form. */
    record Step(String processKey, String elementId, boolean start, String formId) {

        @Override
        public String toString() {
            return start ? "start of " + processKey : elementId;
        }
    }

    /** A field the form lets a person fill in. */
    record FormField(String key, String type, List<String> options, Integer maxLength, Set<String> childKeys) {}

    private ProcessModel() {}

    /** Every user task and every start event with a form, in every deployed process. */
    static List<Step> steps() {
        List<Step> steps = new ArrayList<>();
        for (Path file : files(".bpmn")) {
            BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
            for (Process process : model.getModelElementsByType(Process.class)) {
                for (StartEvent start : process.getChildElementsByType(StartEvent.class)) {
                    if (start.getCamundaFormRef() != null) {
                        steps.add(new Step(process.getId(), start.getId(), true, start.getCamundaFormRef()));
                    }
                }
            }
            for (UserTask task : model.getModelElementsByType(UserTask.class)) {
                Process process = (Process) task.getScope();
                steps.add(new Step(process.getId(), task.getId(), false, task.getCamundaFormRef()));
            }
        }
        if (steps.isEmpty()) {
            throw new IllegalStateException("No user tasks or start forms found under " + PROCESSES.toAbsolutePath());
        }
        return steps;
    }

    /** The fields of a form a person may fill in: not read-only, not disabled, taking a value. */
    static Map<String, FormField> editableFields(String formId) {
        Map<String, FormField> fields = new LinkedHashMap<>();
        collect(form(formId).path("components"), fields);
        return fields;
    }

    /** Every variable the process's glue names: what its steps and gateways read or write. */
    static Set<String> variablesOf(String processKey) {
        Class<?> vars = switch (processKey) {
            case FeedbackProcess.KEY -> FeedbackProcess.Vars.class;
            case RevisionProcess.KEY -> RevisionProcess.Vars.class;
            case PeriodicReviewProcess.KEY -> PeriodicReviewProcess.Vars.class;
            default -> throw new IllegalStateException("No Vars class for process " + processKey);
        };
        Set<String> names = new LinkedHashSet<>();
        for (Field field : vars.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                try {
                    names.add((String) field.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return names;
    }

    /** The variables a process reads that a step's form does not offer for writing. */
    static List<String> notOffered(Step step) {
        Set<String> offered = editableFields(step.formId()).keySet();
        return variablesOf(step.processKey()).stream()
                .filter(name -> !offered.contains(name))
                .toList();
    }

    private static void collect(JsonNode components, Map<String, FormField> fields) {
        for (JsonNode component : components) {
            String type = component.path("type").asText();
            boolean locked = component.path("readonly").asBoolean(false)
                    || component.path("disabled").asBoolean(false);
            if (type.equals("dynamiclist")) {
                Map<String, FormField> children = new LinkedHashMap<>();
                collect(component.path("components"), children);
                Set<String> all = new LinkedHashSet<>();
                component.path("components").forEach(child -> {
                    if (child.hasNonNull("key")) {
                        all.add(child.get("key").asText());
                    }
                });
                // a list whose every column is locked is only shown
                if (!locked && !children.isEmpty()) {
                    String path = component.path("path").asText();
                    fields.put(path, new FormField(path, type, List.of(), null, all));
                }
            } else if (DISPLAY_ONLY.contains(type)) {
                collect(component.path("components"), fields);
            } else if (component.hasNonNull("key") && !locked) {
                List<String> options = new ArrayList<>();
                component
                        .path("values")
                        .forEach(option -> options.add(option.path("value").asText()));
                JsonNode max = component.path("validate").path("maxLength");
                fields.put(
                        component.get("key").asText(),
                        new FormField(
                                component.get("key").asText(),
                                type,
                                options,
                                max.isMissingNode() ? null : max.asInt(),
                                Set.of()));
            }
        }
    }

    private static JsonNode form(String formId) {
        for (Path file : files(".form")) {
            try {
                JsonNode form = JSON.readTree(file.toFile());
                if (formId.equals(form.path("id").asText())) {
                    return form;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        throw new IllegalStateException("No form " + formId + " under " + PROCESSES.toAbsolutePath());
    }

    private static List<Path> files(String suffix) {
        try (Stream<Path> files = Files.list(PROCESSES)) {
            return files.filter(f -> f.toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
