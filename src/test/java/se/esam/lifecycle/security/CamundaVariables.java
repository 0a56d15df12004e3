package se.esam.lifecycle.security;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Variables as Camunda's REST API and Tasklist send them: {@code {"value": ..., "type": ...}}. */
final class CamundaVariables {

    private static final ObjectMapper JSON = new ObjectMapper();

    private CamundaVariables() {}

    /** A form's values as Tasklist submits them: text as String, booleans as Boolean, lists as Json. */
    static Map<String, Object> of(Map<String, ?> values) {
        Map<String, Object> variables = new LinkedHashMap<>();
        values.forEach((name, value) -> variables.put(name, typed(value)));
        return variables;
    }

    static Map<String, Object> typed(Object value) {
        Map<String, Object> variable = new LinkedHashMap<>();
        if (value instanceof List<?> list) {
            variable.put("value", json(list));
            variable.put("type", "Json");
        } else if (value instanceof Boolean) {
            variable.put("value", value);
            variable.put("type", "Boolean");
        } else {
            variable.put("value", value);
            variable.put("type", "String");
        }
        return variable;
    }

    /** A variable of a type no form produces: {@code type} with a value and valueInfo as given. */
    static Map<String, Object> raw(String type, Object value, Map<String, Object> valueInfo) {
        Map<String, Object> variable = new LinkedHashMap<>();
        variable.put("value", value);
        variable.put("type", type);
        if (valueInfo != null) {
            variable.put("valueInfo", valueInfo);
        }
        return variable;
    }

    /** A JSON-serialised Java object naming its class, as Camunda's REST API takes it. */
    static Map<String, Object> object(String className, String json) {
        return raw("Object", json, Map.of("objectTypeName", className, "serializationDataFormat", "application/json"));
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
