package se.esam.lifecycle.revision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.spin.Spin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

import se.esam.lifecycle.revision.Revision.Trace;
import se.esam.lifecycle.revision.RevisionFeedback.FeedbackItem;
import se.esam.lifecycle.revision.RevisionVariables.ItemRow;
import se.esam.lifecycle.revision.internal.RevisionProcess.Forms;
import se.esam.lifecycle.revision.internal.RevisionProcess.Vars;
import se.esam.lifecycle.system.InvalidInputException;

/**
 * The drafting form reads and writes the {@code sections} and {@code items} variables by these names;
 * deployed forms and running revisions hold them, so the records must keep writing exactly this JSON and
 * read back what the form sends.
 */
class RevisionVariablesTest {

    private static final String SECTIONS_JSON = "[{\"sectionId\":\"1\",\"title\":\"Inledning\",\"body\":\"Text.\"},"
            + "{\"sectionId\":\"2\",\"title\":\"Två\",\"body\":null}]";

    private static final String ITEMS_JSON = "[{\"reference\":\"FB-1\",\"type\":\"Fel\","
            + "\"organisation\":\"Kommunen\",\"description\":\"Avsnittet motsäger bilagan.\",\"trace\":null,"
            + "\"traceSection\":\"3.2\",\"traceReason\":null}]";

    @Test
    void sectionsAreWrittenUnderTheNamesTheDraftingFormEdits() {
        SerializableValue value = (SerializableValue) RevisionVariables.sections(
                List.of(new Revision.Section("1", "Inledning", "Text."), new Revision.Section("2", "Två", null)));

        assertThat(value.getSerializationDataFormat()).isEqualTo("application/json");
        assertThat(value.getValueSerialized()).isEqualTo(SECTIONS_JSON);
    }

    @Test
    void itemsAreWrittenWithEmptyTracesForTheDraftingGroupToFillIn() {
        SerializableValue value = (SerializableValue) RevisionVariables.items(
                List.of(ItemRow.of(feedback("FB-1", "3.2", false, "Avsnittet motsäger bilagan."))));

        assertThat(value.getSerializationDataFormat()).isEqualTo("application/json");
        assertThat(value.getValueSerialized()).isEqualTo(ITEMS_JSON);
    }

    @Test
    void textFlaggedAsPersonalDataNeverReachesTheVariable() {
        ItemRow row = ItemRow.of(feedback("FB-2", null, true, "Ring Anna på 070-1234567."));

        assertThat(row.description()).isEqualTo(ItemRow.PERSONAL_DATA_WITHHELD);
        assertThat(String.valueOf(((SerializableValue) RevisionVariables.items(List.of(row))).getValueSerialized()))
                .doesNotContain("070-1234567");
    }

    @Test
    void textPublishedMaskedReachesTheDraftersMaskedAndTextNotToBePublishedNotAtAll() {
        FeedbackItem masked = new FeedbackItem(
                "FB-3",
                "4.1",
                null,
                "ERROR",
                "Fel",
                "Kommunen",
                "Ring 070-123 45 67.",
                false,
                "ACCEPTED",
                "Skäl",
                "Ring [telefonnummer borttaget].",
                false);
        FeedbackItem notPublished = new FeedbackItem(
                "FB-4", "4.1", null, "ERROR", "Fel", "Kommunen", "Sekretess.", false, "ACCEPTED", "Skäl", null, true);

        assertThat(ItemRow.of(masked).description()).isEqualTo("Ring [telefonnummer borttaget].");
        assertThat(ItemRow.of(notPublished).description()).isEqualTo(ItemRow.PERSONAL_DATA_WITHHELD);
    }

    /** Every form that shows the lists binds its columns to the records' names, and offers exactly the traces. */
    @ParameterizedTest
    @ValueSource(strings = {Forms.DRAFT, Forms.QUALITY_REVIEW, Forms.APPROVE})
    void theFormsListsHaveExactlyTheRecordsColumns(String form) throws IOException {
        JsonNode components = new ObjectMapper()
                .readTree(new File("processes/" + form + ".form"))
                .path("components");

        assertThat(columns(components, Vars.SECTIONS))
                .containsExactlyElementsOf(componentNames(Revision.Section.class));
        assertThat(columns(components, Vars.ITEMS)).containsExactlyElementsOf(componentNames(ItemRow.class));
        List<String> traces = new ArrayList<>();
        list(components, Vars.ITEMS).path("components").forEach(column -> {
            if ("trace".equals(column.path("key").asText())) {
                column.path("values")
                        .forEach(option -> traces.add(option.path("value").asText()));
            }
        });
        assertThat(traces)
                .containsExactlyInAnyOrder(
                        Arrays.stream(Trace.values()).map(Enum::name).toArray(String[]::new));
    }

    @Test
    void whatIsWrittenReadsBackAsTheSameRecordsFromEveryShapeTheEngineGives() {
        List<Revision.Section> sections =
                List.of(new Revision.Section("1", "Inledning", "Text."), new Revision.Section("2", "Två", null));
        List<ItemRow> items = List.of(
                new ItemRow("FB-1", "Fel", "Kommunen", "Beskrivning", Trace.ANSWERED, "2", null),
                new ItemRow("FB-2", "Lucka", "Skatteverket", null, Trace.NOT_ADDRESSED, null, "Utanför omfånget."));
        String sectionsJson = serialized(RevisionVariables.sections(sections));
        String itemsJson = serialized(RevisionVariables.items(items));

        // a JSON string, Spin JSON as getVariable returns it, and a Java list of maps
        assertThat(RevisionVariables.readSections(sectionsJson)).isEqualTo(sections);
        assertThat(RevisionVariables.readSections(Spin.JSON(sectionsJson))).isEqualTo(sections);
        assertThat(RevisionVariables.readSections(javaList(sectionsJson))).isEqualTo(sections);
        assertThat(RevisionVariables.readItems(itemsJson)).isEqualTo(items);
        assertThat(RevisionVariables.readItems(Spin.JSON(itemsJson))).isEqualTo(items);
        assertThat(RevisionVariables.readItems(javaList(itemsJson))).isEqualTo(items);
    }

    @Test
    void anItemRowsTraceIsTheRowTheTableKeeps() {
        assertThat(new ItemRow("FB-1", "Fel", "Kommunen", "x", Trace.ANSWERED, "2", null).item())
                .isEqualTo(new Revision.Item("FB-1", Trace.ANSWERED, "2", null));
    }

    @Test
    void whatTheFormSendsBackIsReadByTheSameNamesAndBlankCountsAsMissing() {
        List<ItemRow> rows = RevisionVariables.readItems("[{\"reference\":\"FB-1\",\"trace\":\"ANSWERED\","
                + "\"traceSection\":2,\"traceReason\":\"  \",\"extra\":true}]");

        assertThat(rows).containsExactly(new ItemRow("FB-1", null, null, null, Trace.ANSWERED, "2", null));
    }

    @Test
    void aTraceLeftEmptyInTheFormIsNoTrace() {
        assertThat(RevisionVariables.readItems("[{\"reference\":\"FB-1\",\"trace\":\"\"},{\"reference\":\"FB-2\"}]"))
                .extracting(ItemRow::trace)
                .containsOnlyNulls();
    }

    @Test
    void blankSectionTextsCountAsMissing() {
        assertThat(RevisionVariables.readSections("[{\"sectionId\":\" \",\"title\":\"Rubrik\",\"body\":\"\\n \"}]"))
                .containsExactly(new Revision.Section(null, "Rubrik", null));
    }

    @Test
    void noVariableAndJsonNullAreEmptyLists() {
        assertThat(RevisionVariables.readSections(null)).isEmpty();
        assertThat(RevisionVariables.readItems(null)).isEmpty();
        assertThat(RevisionVariables.readItems("null")).isEmpty();
    }

    @Test
    void anUnknownTraceIsRefusedNamingTheListAndTheValue() {
        assertThatThrownBy(() -> RevisionVariables.readItems("[{\"reference\":\"FB-1\",\"trace\":\"DONE\"}]"))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("items"))
                .hasMessage("Okänd spårning 'DONE'.");
        assertThatThrownBy(() -> RevisionVariables.readItems(javaList("[{\"reference\":\"FB-1\",\"trace\":\"DONE\"}]")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("Okänd spårning 'DONE'.");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "not json",
                "{\"sectionId\":\"1\"}",
                "[{\"sectionId\":{\"nested\":1}}]",
                "[[\"1\",\"Inledning\"]]",
                "[null]",
                "\"text\""
            })
    void whatIsNoListOfSectionsIsRefusedNamingTheList(String sent) {
        assertThatThrownBy(() -> RevisionVariables.readSections(sent))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("sections"))
                .hasMessage("Listan kunde inte läsas.");
    }

    @Test
    void whatIsNoListOfItemsIsRefusedNamingTheList() {
        assertThatThrownBy(() -> RevisionVariables.readItems("[{\"reference\":[1]}]"))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("items"))
                .hasMessage("Listan kunde inte läsas.");
    }

    private static List<String> componentNames(Class<? extends Record> record) {
        return Arrays.stream(record.getRecordComponents())
                .map(RecordComponent::getName)
                .toList();
    }

    private static List<String> columns(JsonNode components, String path) {
        List<String> keys = new ArrayList<>();
        list(components, path)
                .path("components")
                .forEach(column -> keys.add(column.path("key").asText()));
        return keys;
    }

    /** The dynamic list bound to this variable, wherever it sits in the form. */
    private static JsonNode list(JsonNode components, String path) {
        for (JsonNode component : components) {
            if ("dynamiclist".equals(component.path("type").asText())
                    && path.equals(component.path("path").asText())) {
                return component;
            }
            JsonNode nested = list(component.path("components"), path);
            if (!nested.isMissingNode()) {
                return nested;
            }
        }
        return MissingNode.getInstance();
    }

    private static FeedbackItem feedback(String reference, String section, boolean personal, String description) {
        return new FeedbackItem(
                reference,
                "4.1",
                section,
                "ERROR",
                "Fel",
                "Kommunen",
                description,
                personal,
                "ACCEPTED",
                "Skäl",
                personal ? null : description,
                personal);
    }

    private static String serialized(Object value) {
        return String.valueOf(((SerializableValue) value).getValueSerialized());
    }

    /** The rows as plain maps, as a variable holding a Java list would give them. */
    private static List<Map<String, Object>> javaList(String json) {
        try {
            return new ObjectMapper().readValue(json, new TypeReference<>() {});
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
