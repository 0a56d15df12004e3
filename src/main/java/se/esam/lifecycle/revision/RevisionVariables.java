package se.esam.lifecycle.revision;

import java.io.IOException;
import java.util.List;

import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.plugin.variable.SpinValues;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;

import se.esam.lifecycle.revision.RevisionFeedback.FeedbackItem;
import se.esam.lifecycle.revision.internal.RevisionProcess;
import se.esam.lifecycle.system.InvalidInputException;

/**
 * The revision's lists as process variables: {@code sections} as {@link Revision.Section} (the same record
 * as the {@code revision_section} table) and {@code items} as {@link ItemRow}, whose trace is a
 * {@link Revision.Item} of the {@code revision_item} table. Written and read by one Jackson mapping of these
 * records, in the form Tasklist's Camunda Forms read and write: a JSON variable of the Spin JSON type whose
 * keys are the records' component names (the drafting, quality review and approval forms bind to them).
 */
final class RevisionVariables {

    /**
     * What a person wrote in a form, read as the records: keys a form does not know are left out, numbers in
     * text fields read as text, and a blank text counts as missing, as an empty form field does.
     */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .withCoercionConfig(
                    LogicalType.Enum,
                    trace -> trace.setCoercion(CoercionInputShape.EmptyString, CoercionAction.AsNull)
                            .setAcceptBlankAsEmpty(true))
            .addModule(new SimpleModule("blank-as-missing").addDeserializer(String.class, new BlankAsNull()))
            .build();

    private static final JavaType SECTIONS =
            JSON.getTypeFactory().constructCollectionType(List.class, Revision.Section.class);
    private static final JavaType ITEMS = JSON.getTypeFactory().constructCollectionType(List.class, ItemRow.class);

    private RevisionVariables() {}

    /**
     * A row of the {@code items} variable: the feedback as the drafting form shows it, and the trace the
     * drafting group fills in.
     */
    record ItemRow(
            String reference,
            String type,
            String organisation,
            String description,
            Revision.Trace trace,
            String traceSection,
            String traceReason) {

        static final String PERSONAL_DATA_WITHHELD = "Texten innehåller personuppgifter och visas bara för kansliet. "
                + "Kontakta kansliet om du behöver den.";

        /** The feedback as the drafting group first sees it: no trace yet, the section it is about proposed. */
        static ItemRow of(FeedbackItem item) {
            // flagged at triage or not to be published: the text stays with the kansli, not in a variable every
            // revision reader sees; published masked: the drafters read what the public will
            return new ItemRow(
                    item.reference(),
                    item.typeLabel(),
                    item.organisationName(),
                    item.withheld()
                            ? PERSONAL_DATA_WITHHELD
                            : item.publicText() != null ? item.publicText() : item.description(),
                    null,
                    item.sectionId(),
                    null);
        }

        /** The trace as the {@code revision_item} table keeps it. */
        Revision.Item item() {
            return new Revision.Item(reference, trace, traceSection, traceReason);
        }
    }

    static TypedValue sections(List<Revision.Section> sections) {
        return value(sections);
    }

    static TypedValue items(List<ItemRow> items) {
        return value(items);
    }

    /** Written by the process for the quality review and approval forms, read by no step. */
    static TypedValue sectionChanges(List<SectionChanges.Row> changes) {
        return value(changes);
    }

    /**
     * @param value the variable as the engine returns it: Spin JSON, a JSON string, a Java list, or null
     * @throws InvalidInputException naming {@code sections} when it is no list of sections
     */
    static List<Revision.Section> readSections(Object value) {
        return read(value, SECTIONS, RevisionProcess.Vars.SECTIONS);
    }

    /**
     * @param value the variable as the engine returns it: Spin JSON, a JSON string, a Java list, or null
     * @throws InvalidInputException naming {@code items} when it is no list of items or names an unknown trace
     */
    static List<ItemRow> readItems(Object value) {
        return read(value, ITEMS, RevisionProcess.Vars.ITEMS);
    }

    private static TypedValue value(List<?> list) {
        try {
            // Spin JSON, not a serialized Java object: Tasklist sends it back as JSON, which a person may send
            return SpinValues.jsonValue(JSON.writeValueAsString(list)).create();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> List<T> read(Object value, JavaType type, String field) {
        if (value == null) {
            return List.of();
        }
        List<T> rows;
        try {
            rows = value instanceof List<?> list
                    ? JSON.convertValue(list, type)
                    : JSON.readValue(value.toString(), type);
        } catch (IllegalArgumentException | JsonProcessingException e) {
            throw refusal(e, field);
        }
        if (rows == null) {
            return List.of();
        }
        if (rows.contains(null)) {
            throw new InvalidInputException(field, "Listan kunde inte läsas.");
        }
        return List.copyOf(rows);
    }

    private static InvalidInputException refusal(Exception e, String field) {
        // convertValue wraps what readValue throws
        Throwable cause = e instanceof IllegalArgumentException && e.getCause() != null ? e.getCause() : e;
        if (cause instanceof InvalidFormatException wrong && wrong.getTargetType() == Revision.Trace.class) {
            return new InvalidInputException(field, "Okänd spårning '" + wrong.getValue() + "'.");
        }
        return new InvalidInputException(field, "Listan kunde inte läsas.");
    }

    /** A text field left blank is a field not filled in. */
    private static final class BlankAsNull extends StdScalarDeserializer<String> {

        BlankAsNull() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = StringDeserializer.instance.deserialize(parser, context);
            return text == null || text.isBlank() ? null : text;
        }
    }
}
