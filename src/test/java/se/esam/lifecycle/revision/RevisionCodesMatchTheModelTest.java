package se.esam.lifecycle.revision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import se.esam.lifecycle.revision.internal.RevisionProcess.Forms;

/**
 * The forms and the approval decision hold change classes and version bumps as text; the enums are what
 * the code reads them as. A renamed constant or a new value in a model must fail here, not in a revision.
 */
class RevisionCodesMatchTheModelTest {

    private static final Path DECISION = Path.of("processes/revision-approval.dmn");

    @ParameterizedTest
    @ValueSource(strings = {Forms.DRAFT, Forms.QUALITY_REVIEW, Forms.APPROVE})
    void formsOfferExactlyTheChangeClassesUnderTheirOwnLabels(String form) throws IOException {
        JsonNode field = find(new ObjectMapper().readTree(new File("processes/" + form + ".form")), "changeClass");
        assertThat(field).as("changeClass in %s.form", form).isNotNull();
        List<String> values = new ArrayList<>();
        field.get("values").forEach(option -> {
            values.add(option.get("value").asText());
            assertThat(option.get("label").asText())
                    .startsWith(
                            ChangeClass.valueOf(option.get("value").asText()).label());
        });

        assertThat(values).containsExactly(names(ChangeClass.values()));
    }

    @Test
    void theApprovalDecisionReadsTheChangeClassesAndGivesTheVersionBumps() throws IOException {
        String dmn = Files.readString(DECISION);

        assertThat(quoted(between(dmn, "<inputValues", "</inputValues>"))).containsExactly(names(ChangeClass.values()));
        assertThat(quoted(between(dmn, "<outputValues", "</outputValues>")))
                .containsExactlyInAnyOrder(names(VersionBump.values()));
    }

    @Test
    void onlyAMajorBumpRaisesTheMajorNumber() {
        assertThat(VersionBump.of("MAJOR").major()).isTrue();
        assertThat(VersionBump.of("MINOR").major()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "major", "SUBSTANTIVE"})
    void aVersionBumpTheDecisionCannotGiveIsRefused(String value) {
        assertThatIllegalStateException().isThrownBy(() -> VersionBump.of(value));
    }

    @Test
    void aChangeClassIsReadOnlyByItsExactName() {
        assertThat(ChangeClass.of("EDITORIAL")).contains(ChangeClass.EDITORIAL);
        assertThat(ChangeClass.of("SUBSTANTIVE")).contains(ChangeClass.SUBSTANTIVE);
        assertThat(ChangeClass.of("editorial")).isEmpty();
        assertThat(ChangeClass.of(null)).isEmpty();
    }

    private static String[] names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toArray(String[]::new);
    }

    private static String between(String text, String start, String end) {
        int from = text.indexOf(start);
        assertThat(from).as(start + " in " + DECISION).isNotNegative();
        return text.substring(from, text.indexOf(end, from));
    }

    private static List<String> quoted(String text) {
        List<String> values = new ArrayList<>();
        Matcher matcher = Pattern.compile("\"([A-Z_]+)\"").matcher(text);
        while (matcher.find()) {
            values.add(matcher.group(1));
        }
        return values;
    }

    private static JsonNode find(JsonNode node, String key) {
        if (key.equals(node.path("key").asText(null))) {
            return node;
        }
        for (JsonNode child : node.path("components")) {
            JsonNode found = find(child, key);
            if (found != null) {
                return found;
            }
        }
        return null;
    }
}
