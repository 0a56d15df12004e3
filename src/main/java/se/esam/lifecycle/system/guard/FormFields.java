package se.esam.lifecycle.system.guard;

import java.util.ArrayList;
import java.util.Date;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;

import se.esam.lifecycle.system.PlainText;

/**
 * What a deployed Camunda Form lets a person write: its editable fields, each with the type, options and
 * length the form declares. The {@code .form} files stay the one place that says what a step takes.
 */
final class FormFields {

    /** Camunda's text column holds 4,000 characters; longer text belongs in our own tables. */
    static final int MAX_TEXT = 4_000;

    private static final int MAX_ROWS = 500;
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Types a person may send at all; Object, Xml, File and Bytes could name classes or carry files. */
    private static final Set<String> SENDABLE_TYPES =
            Set.of("string", "boolean", "integer", "long", "short", "double", "date", "null", "json");

    /** A form field: key, form-js type, whether a person may change it, and its limits. */
    record Field(
            String key,
            String type,
            boolean editable,
            int maxLength,
            List<String> options,
            Map<String, Field> columns,
            boolean rowsFixed) {}

    static final FormFields NONE = new FormFields(Map.of());

    private final Map<String, Field> fields;

    private FormFields(Map<String, Field> fields) {
        this.fields = fields;
    }

    static FormFields parse(String formJson) {
        try {
            Map<String, Field> fields = new LinkedHashMap<>();
            collect(JSON.readTree(formJson).path("components"), fields);
            return new FormFields(fields);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A deployed form is not JSON", e);
        }
    }

    private static void collect(JsonNode components, Map<String, Field> into) {
        for (JsonNode component : components) {
            String type = component.path("type").asText();
            if ("dynamiclist".equals(type)) {
                Map<String, Field> columns = new LinkedHashMap<>();
                collect(component.path("components"), columns);
                // a list without add and remove keeps the rows it was given
                boolean rowsFixed = !component.path("allowAddRemove").asBoolean(false);
                into.put(
                        component.path("path").asText(),
                        new Field(
                                component.path("path").asText(),
                                type,
                                editable(component),
                                0,
                                List.of(),
                                columns,
                                rowsFixed));
            } else if (component.hasNonNull("key") && !"button".equals(type)) {
                List<String> options = new ArrayList<>();
                component
                        .path("values")
                        .forEach(option -> options.add(option.path("value").asText()));
                int declared = component.path("validate").path("maxLength").asInt(MAX_TEXT);
                into.put(
                        component.get("key").asText(),
                        new Field(
                                component.get("key").asText(),
                                type,
                                editable(component),
                                Math.min(declared, MAX_TEXT),
                                options,
                                Map.of(),
                                false));
            } else if (component.has("components")) {
                // groups without a path of their own: their fields are the form's
                collect(component.path("components"), into);
            }
        }
    }

    /**
     * Disabled and read-only fields are shown, not taken. A read-only condition given as an expression may
     * be false for some people, so such a field counts as editable.
     */
    private static boolean editable(JsonNode component) {
        return !component.path("disabled").asBoolean(false)
                && !component.path("readonly").asBoolean(false);
    }

    /** Whether a person may remove the variable: an editable field, or a list whose rows they may add and remove. */
    boolean isRemovable(String name) {
        Field field = fields.get(name);
        if (field == null || !field.editable()) {
            return false;
        }
        return !"dynamiclist".equals(field.type())
                || !field.rowsFixed() && field.columns().values().stream().anyMatch(Field::editable);
    }

    /**
     * Refuses a value the form does not take. A field the person may not change may still be sent back
     * exactly as it is (what a form shows may come back with it); any other value is refused.
     */
    void check(String name, Object value, Supplier<Object> current) {
        Object plain = plain(name, value);
        Field field = fields.get(name);
        if (field == null) {
            throw new VariableRefused(
                    name, "Formuläret har inget fält \"" + name + "\". Bara formulärets fält " + "kan fyllas i.");
        }
        if ("dynamiclist".equals(field.type())) {
            checkRows(field, rows(name, plain), rows(name, stored(current.get())));
            return;
        }
        if (!field.editable()) {
            if (!same(plain, stored(current.get()))) {
                throw new VariableRefused(name, "Fältet \"" + name + "\" kan inte ändras här.");
            }
            return;
        }
        checkValue(name, field, plain);
    }

    private void checkRows(Field list, JsonNode rows, JsonNode stored) {
        String name = list.key();
        if (!rows.isArray()) {
            throw new VariableRefused(name, "Ska vara en lista.");
        }
        if (rows.size() > MAX_ROWS) {
            throw new VariableRefused(name, "Högst " + MAX_ROWS + " rader.");
        }
        if ((list.rowsFixed() || !list.editable()) && stored.isArray() && rows.size() != stored.size()) {
            throw new VariableRefused(name, "Raderna i \"" + name + "\" kan inte läggas till eller tas bort här.");
        }
        for (int i = 0; i < rows.size(); i++) {
            JsonNode row = rows.get(i);
            String at = name + "[" + i + "]";
            if (!row.isObject()) {
                throw new VariableRefused(at, "Varje rad ska vara ett objekt.");
            }
            JsonNode storedRow = stored.path(i);
            for (Iterator<String> keys = row.fieldNames(); keys.hasNext(); ) {
                String key = keys.next();
                Field column = list.columns().get(key);
                String path = at + "." + key;
                if (column == null) {
                    throw new VariableRefused(path, "Listan \"" + name + "\" har inget fält \"" + key + "\".");
                }
                Object value = scalar(path, row.get(key));
                if (!list.editable() || !column.editable()) {
                    if (!same(value, scalarOrNull(storedRow.get(key)))) {
                        throw new VariableRefused(path, "Fältet \"" + key + "\" kan inte ändras här.");
                    }
                } else {
                    checkValue(path, column, value);
                }
            }
        }
    }

    private static void checkValue(String name, Field field, Object value) {
        if (value == null) {
            return;
        }
        switch (field.type()) {
            case "checkbox" -> {
                if (!(value instanceof Boolean)) {
                    throw new VariableRefused(name, "Ska vara sant eller falskt.");
                }
            }
            case "number" -> {
                if (!(value instanceof Number)) {
                    throw new VariableRefused(name, "Ska vara ett tal.");
                }
            }
            case "datetime" -> {
                if (!(value instanceof Date) && !(value instanceof String text && text.length() <= 40)) {
                    throw new VariableRefused(name, "Ska vara ett datum.");
                }
            }
            default -> {
                if (!(value instanceof String text)) {
                    throw new VariableRefused(name, "Ska vara text.");
                }
                if (!field.options().isEmpty()
                        && !text.isEmpty()
                        && !field.options().contains(text)) {
                    throw new VariableRefused(
                            name, "Ogiltigt val. Tillåtna: " + String.join(", ", field.options()) + ".");
                }
                if (text.length() > field.maxLength()) {
                    throw new VariableRefused(name, "Högst " + field.maxLength() + " tecken.");
                }
                if (!PlainText.Validator.isPlain(text)) {
                    throw new VariableRefused(
                            name,
                            "Texten innehåller otillåtna tecken (styrtecken eller ett " + "ofullständigt tecken).");
                }
            }
        }
    }

    /** The plain Java value of a variable as sent, after refusing the types nobody may send. */
    static Object plain(String name, Object value) {
        Object raw = value;
        if (value instanceof TypedValue typed) {
            if (typed.getType() != null
                    && !SENDABLE_TYPES.contains(typed.getType().getName())) {
                throw new VariableRefused(
                        name, "Värden av typen " + typed.getType().getName() + " tas inte emot.");
            }
            raw = typed instanceof SerializableValue serializable && !serializable.isDeserialized()
                    ? serializable.getValueSerialized()
                    : typed.getValue();
            if (typed.getType() != null && "json".equals(typed.getType().getName()) && raw != null) {
                return json(name, raw.toString());
            }
        }
        if (raw == null
                || raw instanceof String
                || raw instanceof Boolean
                || raw instanceof Number
                || raw instanceof Date) {
            return raw;
        }
        if (raw.getClass().getName().startsWith("org.camunda.spin.")) {
            return json(name, raw.toString());
        }
        throw new VariableRefused(name, "Värden av typen " + raw.getClass().getSimpleName() + " tas inte emot.");
    }

    /**
     * A stored value as the form sees it. Stored values were written by the process itself, so lists kept
     * as serialized JSON objects (before they became Spin JSON) are read from their JSON, never deserialized.
     */
    private static Object stored(Object value) {
        Object raw = value;
        if (value instanceof SerializableValue serializable) {
            String text = serializable.getValueSerialized();
            return text == null ? null : json("", text);
        }
        if (value instanceof TypedValue typed) {
            raw = typed.getValue();
        }
        return raw != null && raw.getClass().getName().startsWith("org.camunda.spin.") ? json("", raw.toString()) : raw;
    }

    private static JsonNode rows(String name, Object plain) {
        if (plain == null) {
            return NullNode.getInstance();
        }
        if (plain instanceof JsonNode node) {
            return node;
        }
        if (plain instanceof String text) {
            return json(name, text);
        }
        throw new VariableRefused(name, "Ska vara en lista.");
    }

    private static JsonNode json(String name, String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new VariableRefused(name, "Ogiltig JSON.");
        }
    }

    private static Object scalar(String name, JsonNode node) {
        Object value = scalarOrNull(node);
        if (node != null && !node.isNull() && value == null) {
            throw new VariableRefused(name, "Ska vara text, ett tal eller sant/falskt.");
        }
        return value;
    }

    private static Object scalarOrNull(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isNumber()) {
            return node.numberValue();
        }
        return null;
    }

    /** Values equal as a person sees them: text as text, numbers by value, JSON by structure. */
    private static boolean same(Object sent, Object stored) {
        if (sent == null || "".equals(sent)) {
            return stored == null || "".equals(stored);
        }
        if (sent instanceof Number a && stored instanceof Number b) {
            return a.doubleValue() == b.doubleValue();
        }
        if (sent instanceof Date a && stored instanceof Date b) {
            return a.getTime() == b.getTime();
        }
        return sent.equals(stored);
    }
}
