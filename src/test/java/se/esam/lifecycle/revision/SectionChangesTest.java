package se.esam.lifecycle.revision;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import se.esam.lifecycle.revision.Revision.Section;
import se.esam.lifecycle.revision.SectionChanges.Row;
import se.esam.lifecycle.revision.internal.RevisionProcess;

class SectionChangesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final List<Section> BASE = List.of(
            new Section("1", "Inledning", "Om vägledningen."),
            new Section("2", "Principer", "Samverka digitalt."),
            new Section("3", "Ansvar", "Var och en ansvarar för sitt."),
            new Section("4", "Bilagor", "Se bilaga."));

    @Test
    void anUnchangedDraftChangesNothing() {
        assertThat(SectionChanges.between(BASE, BASE)).isEmpty();
    }

    @Test
    void spacesAtTheEndsAndLineEndingsAreNoChange() {
        List<Section> draft =
                List.of(new Section("1", " Inledning ", "Om vägledningen.\r\n"), BASE.get(1), BASE.get(2), BASE.get(3));

        assertThat(SectionChanges.between(BASE, draft)).isEmpty();
    }

    @Test
    void changedAddedAndRemovedSectionsAreMarkedWithTheTextBeforeAndAfter() {
        List<Section> draft = List.of(
                new Section("1", "Inledning", "Om vägledningen och dess läsare."),
                new Section("2", "Grundprinciper", "Samverka digitalt."),
                new Section("2.1", "Exempel", "En kommun och en myndighet."),
                new Section("3", "Ansvarsfördelning", "Var och en ansvarar för sin del."));

        assertThat(SectionChanges.between(BASE, draft))
                .containsExactly(
                        new Row(
                                "1",
                                "Inledning",
                                "Ändrad text",
                                "Om vägledningen.",
                                "Om vägledningen och dess läsare."),
                        new Row(
                                "2",
                                "Grundprinciper",
                                "Ändrad rubrik (tidigare: Principer)",
                                "Samverka digitalt.",
                                "Samverka digitalt."),
                        new Row("2.1", "Exempel", "Nytt avsnitt", null, "En kommun och en myndighet."),
                        new Row(
                                "3",
                                "Ansvarsfördelning",
                                "Ändrad rubrik och text (tidigare: Ansvar)",
                                "Var och en ansvarar för sitt.",
                                "Var och en ansvarar för sin del."),
                        new Row("4", "Bilagor", "Borttaget avsnitt", "Se bilaga.", null));
    }

    @Test
    void theQualityReviewAndApprovalFormsShowEveryColumnOfARow() throws IOException {
        List<String> columns = Arrays.stream(Row.class.getRecordComponents())
                .map(RecordComponent::getName)
                .toList();
        for (String form : List.of(RevisionProcess.Forms.QUALITY_REVIEW, RevisionProcess.Forms.APPROVE)) {
            JsonNode list = null;
            for (JsonNode component :
                    JSON.readTree(new File("processes/" + form + ".form")).path("components")) {
                if (RevisionProcess.Vars.SECTION_CHANGES.equals(
                        component.path("path").asText())) {
                    list = component;
                }
            }
            assertThat(list).as("the list of changes in %s.form", form).isNotNull();
            List<String> keys = new ArrayList<>();
            list.path("components")
                    .forEach(column -> keys.add(column.path("key").asText()));
            assertThat(keys).as("columns in %s.form", form).containsExactlyElementsOf(columns);
            list.path("components")
                    .forEach(column -> assertThat(column.path("disabled").asBoolean())
                            .as("%s in %s.form is shown, never written", column.path("key"), form)
                            .isTrue());
        }
    }

    /** The quality review and approval forms show the rows under these names. */
    @Test
    void rowsAreWrittenUnderTheNamesTheFormsShow() {
        SerializableValue value = (SerializableValue)
                RevisionVariables.sectionChanges(List.of(new Row("2.1", "Exempel", "Nytt avsnitt", null, "Text.")));

        assertThat(value.getValueSerialized())
                .isEqualTo("[{\"sectionId\":\"2.1\",\"title\":\"Exempel\",\"change\":\"Nytt avsnitt\","
                        + "\"before\":null,\"after\":\"Text.\"}]");
    }
}
