package se.esam.lifecycle.revision;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.plugin.variable.SpinValues;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import se.esam.lifecycle.system.InvalidInputException;

/**
 * Lists of records as process variables, in the form Tasklist's Camunda Forms read and write: a JSON
 * variable of the Spin JSON type.
 */
final class JsonLists {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<Map<String, Object>>> LIST_OF_MAPS = new TypeReference<>() {};

    private JsonLists() {}

    static TypedValue value(List<?> list) {
        try {
            // Spin JSON, not a serialized Java object: Tasklist sends it back as JSON, which a person may send
            return SpinValues.jsonValue(JSON.writeValueAsString(list)).create();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads a list whatever shape it arrived in: Spin JSON, a JSON string, or a Java list. */
    static List<Map<String, Object>> read(Object value, String field) {
        if (value == null) {
            return List.of();
        }
        try {
            if (value instanceof List<?> list) {
                return JSON.convertValue(list, LIST_OF_MAPS);
            }
            return JSON.readValue(value.toString(), LIST_OF_MAPS);
        } catch (IllegalArgumentException | JsonProcessingException e) {
            throw new InvalidInputException(field, "Listan kunde inte läsas.");
        }
    }

    static String text(Map<String, Object> row, String key) {
        Object value = row.get(key);
        return value == null || value.toString().isBlank() ? null : value.toString();
    }
}
