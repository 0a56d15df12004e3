package se.esam.lifecycle.revision;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.junit.jupiter.api.Test;

/**
 * The drafting form reads and writes the {@code sections} and {@code items} variables by these names;
 * deployed forms and running revisions hold them, so the records must keep writing exactly this JSON.
 */
class RevisionVariablesTest {

    @Test
    void sectionsAreWrittenUnderTheNamesTheDraftingFormEdits() {
        SerializableValue value = (SerializableValue) JsonLists.value(
                List.of(new Revision.Section("1", "Inledning", "Text."), new Revision.Section("2", "Två", null)));

        assertThat(value.getSerializationDataFormat()).isEqualTo("application/json");
        assertThat(value.getValueSerialized())
                .isEqualTo("[{\"sectionId\":\"1\",\"title\":\"Inledning\",\"body\":\"Text.\"},"
                        + "{\"sectionId\":\"2\",\"title\":\"Två\",\"body\":null}]");
    }

    @Test
    void itemsAreWrittenWithEmptyTracesForTheDraftingGroupToFillIn() {
        SerializableValue value = (SerializableValue) JsonLists.value(List.of(new RevisionSteps.ItemRow(
                "FB-1", "Fel", "Kommunen", "Avsnittet motsäger bilagan.", null, "3.2", null)));

        assertThat(value.getValueSerialized())
                .isEqualTo("[{\"reference\":\"FB-1\",\"type\":\"Fel\","
                        + "\"organisation\":\"Kommunen\",\"description\":\"Avsnittet motsäger bilagan.\",\"trace\":null,"
                        + "\"traceSection\":\"3.2\",\"traceReason\":null}]");
    }

    @Test
    void whatTheFormSendsBackIsReadByTheSameNamesAndBlankCountsAsMissing() {
        var rows = JsonLists.read(
                "[{\"reference\":\"FB-1\",\"trace\":\"ANSWERED\",\"traceSection\":2,"
                        + "\"traceReason\":\"  \",\"extra\":true}]",
                "items");

        assertThat(JsonLists.text(rows.get(0), "reference")).isEqualTo("FB-1");
        assertThat(JsonLists.text(rows.get(0), "trace")).isEqualTo("ANSWERED");
        assertThat(JsonLists.text(rows.get(0), "traceSection")).isEqualTo("2");
        assertThat(JsonLists.text(rows.get(0), "traceReason")).isNull();
        assertThat(JsonLists.text(rows.get(0), "missing")).isNull();
    }
}
