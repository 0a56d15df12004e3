package se.esam.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import se.esam.lifecycle.feedback.Disposition;
import se.esam.lifecycle.feedback.FeedbackType;
import se.esam.lifecycle.feedback.internal.FeedbackProcess;
import se.esam.lifecycle.review.internal.PeriodicReviewProcess;
import se.esam.lifecycle.revision.internal.RevisionProcess;

/**
 * The Camunda Forms are static files; the catalogue and the enums are not. These tests keep them in
 * step, so that a document added to the catalogue or a renamed type cannot leave a form offering
 * choices the application refuses.
 */
class FormsMatchTheModelTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Test
    void startFormOffersExactlyTheCatalogueDocuments() throws IOException {
        JsonNode documents = YAML.readTree(new File("config/catalogue.yaml")).at("/guidance/catalogue/documents");
        Map<String, String> catalogue = new LinkedHashMap<>();
        documents.forEach(
                d -> catalogue.put(d.get("id").asText(), d.get("title").asText()));

        assertThat(options(FeedbackProcess.Forms.SUBMIT, "guidanceId")).isEqualTo(catalogue);
    }

    @Test
    void startFormOffersEveryFeedbackTypeWithItsLabel() throws IOException {
        Map<String, String> types = new LinkedHashMap<>();
        Arrays.stream(FeedbackType.values()).forEach(t -> types.put(t.name(), t.label()));

        assertThat(options(FeedbackProcess.Forms.SUBMIT, "feedbackType")).isEqualTo(types);
    }

    @Test
    void reviewFormOffersEveryDisposition() throws IOException {
        assertThat(options(FeedbackProcess.Forms.REVIEW, "disposition").keySet())
                .containsExactly(
                        Arrays.stream(Disposition.values()).map(Enum::name).toArray(String[]::new));
    }

    @Test
    void periodicReviewFormOffersEveryOutcome() throws IOException {
        assertThat(options(PeriodicReviewProcess.Forms.REVIEW, PeriodicReviewProcess.Vars.OUTCOME))
                .containsExactly(
                        Map.entry(PeriodicReviewProcess.Outcomes.STILL_VALID, "Fortfarande giltig"),
                        Map.entry(PeriodicReviewProcess.Outcomes.OPEN_REVISION, "Öppna en revision"),
                        Map.entry(PeriodicReviewProcess.Outcomes.WITHDRAW, "Dra tillbaka"));
    }

    @Test
    void triageFormOffersTheExpertGroupsOfTheCatalogue() throws IOException {
        JsonNode documents = YAML.readTree(new File("config/catalogue.yaml")).at("/guidance/catalogue/documents");
        List<String> owners = new ArrayList<>();
        documents.forEach(d -> owners.add(d.get("owning-group").asText()));

        assertThat(options(FeedbackProcess.Forms.TRIAGE, "expertGroup").keySet())
                .containsAll(owners);
    }

    /**
     * A form shows and takes variables by name: every field outside a list is a variable its process's glue
     * names, so a variable renamed in code (or cleared under another name) cannot leave a field empty.
     */
    @Test
    void everyFieldOfAFormIsAVariableOfItsProcess() throws IOException {
        Map<String, Set<String>> known = Map.of(
                FeedbackProcess.KEY, constants(FeedbackProcess.Vars.class),
                RevisionProcess.KEY, constants(RevisionProcess.Vars.class),
                PeriodicReviewProcess.KEY, constants(PeriodicReviewProcess.Vars.class));
        Map<String, String> processOf = new LinkedHashMap<>();
        List.of(
                        FeedbackProcess.Forms.SUBMIT,
                        FeedbackProcess.Forms.TRIAGE,
                        FeedbackProcess.Forms.CLARIFY,
                        FeedbackProcess.Forms.REVIEW)
                .forEach(form -> processOf.put(form, FeedbackProcess.KEY));
        List.of(
                        RevisionProcess.Forms.START,
                        RevisionProcess.Forms.DRAFT,
                        RevisionProcess.Forms.QUALITY_REVIEW,
                        RevisionProcess.Forms.APPROVE)
                .forEach(form -> processOf.put(form, RevisionProcess.KEY));
        processOf.put(PeriodicReviewProcess.Forms.REVIEW, PeriodicReviewProcess.KEY);
        for (Map.Entry<String, String> form : processOf.entrySet()) {
            List<String> keys = new ArrayList<>();
            collectKeys(JSON.readTree(new File("processes/" + form.getKey() + ".form")), keys);
            assertThat(keys).as("fields of %s.form", form.getKey()).isSubsetOf(known.get(form.getValue()));
        }
    }

    /**
     * form-js gives a text field without a value the empty text, not null: what is shown only when there is
     * something to show must hide on both, or an empty box appears.
     */
    @Test
    void theClarificationIsShownWithItsQuestionAndOnlyWhenThereIsOne() throws IOException {
        for (String form : List.of(FeedbackProcess.Forms.TRIAGE, FeedbackProcess.Forms.REVIEW)) {
            JsonNode group = findId(JSON.readTree(new File("processes/" + form + ".form")), "Group_clarification");
            assertThat(group).as("the clarification in %s.form", form).isNotNull();
            List<String> keys = new ArrayList<>();
            collectKeys(group, keys);
            assertThat(keys)
                    .containsExactly(
                            FeedbackProcess.Vars.CLARIFICATION_ASKED, FeedbackProcess.Vars.CLARIFICATION_ANSWER);
            assertThat(group.at("/conditional/hide").asText())
                    .contains(FeedbackProcess.Vars.CLARIFICATION_ANSWER + " = null")
                    .contains(FeedbackProcess.Vars.CLARIFICATION_ANSWER + " = \"\"");
        }
    }

    @Test
    void theDraftAsksForAReasonOnlyForFeedbackThatIsNotAddressed() throws IOException {
        JsonNode reason = findId(
                JSON.readTree(new File("processes/" + RevisionProcess.Forms.DRAFT + ".form")),
                "Field_item_traceReason");

        assertThat(reason.at("/conditional/hide").asText()).isEqualTo("=this.trace != \"NOT_ADDRESSED\"");
    }

    private static Set<String> constants(Class<?> vars) {
        Set<String> names = new TreeSet<>();
        for (java.lang.reflect.Field field : vars.getDeclaredFields()) {
            if (java.lang.reflect.Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                try {
                    names.add((String) field.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return names;
    }

    /** Keys of fields and paths of lists, not the columns inside lists (those are the rows' names). */
    private static void collectKeys(JsonNode node, List<String> keys) {
        if ("dynamiclist".equals(node.path("type").asText())) {
            keys.add(node.path("path").asText());
            return;
        }
        if (node.hasNonNull("key")) {
            keys.add(node.get("key").asText());
        }
        for (JsonNode child : node.path("components")) {
            collectKeys(child, keys);
        }
    }

    private static JsonNode findId(JsonNode node, String id) {
        if (id.equals(node.path("id").asText(null))) {
            return node;
        }
        for (JsonNode child : node.path("components")) {
            JsonNode found = findId(child, id);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    /**
     * Variables a markdown component may name: identifiers the process sets and no person writes (the revision's
     * label, "REV-12", in the link to its page). Each is a disabled field of the form that names it, so the variable
     * guard refuses a person's value for it ({@code FormFields}); checked below.
     */
    private static final Set<String> SET_BY_THE_PROCESS_ONLY = Set.of("revisionId");

    private static final Pattern TEMPLATE = Pattern.compile("\\{\\{\\s*([^}]*?)\\s*}}");

    /**
     * What people wrote reaches a form only as the value of a field, which form-js shows as text: no
     * markdown or HTML component (type text or html) takes an expression, nor a variable other than an identifier
     * the process alone sets, which the form shows in a disabled field.
     */
    @Test
    void peoplesTextIsNeverRenderedAsMarkup() throws IOException {
        File[] forms = new File("processes").listFiles((dir, name) -> name.endsWith(".form"));
        assertThat(forms).isNotEmpty();
        List<String> dynamicMarkup = new java.util.ArrayList<>();
        for (File form : forms) {
            JsonNode root = JSON.readTree(form);
            collectDynamicMarkup(root, root, form.getName(), dynamicMarkup);
        }
        assertThat(dynamicMarkup).isEmpty();
    }

    private static void collectDynamicMarkup(JsonNode root, JsonNode node, String form, List<String> found) {
        String type = node.path("type").asText("");
        String text = node.path("text").asText("");
        if (type.equals("html") || (type.equals("text") && (text.startsWith("=") || !onlyProcessSet(root, text)))) {
            found.add(form + ": " + node.path("id").asText());
        }
        for (JsonNode child : node.path("components")) {
            collectDynamicMarkup(root, child, form, found);
        }
    }

    /** Whether every {{...}} of the text is a plain name the process alone sets, shown disabled in this form. */
    private static boolean onlyProcessSet(JsonNode form, String text) {
        Matcher template = TEMPLATE.matcher(text);
        while (template.find()) {
            String name = template.group(1);
            JsonNode field = findKey(form, name);
            if (!SET_BY_THE_PROCESS_ONLY.contains(name)
                    || field == null
                    || !field.path("disabled").asBoolean(false)) {
                return false;
            }
        }
        // a {{ left over is one the pattern did not read: not allowed
        return !template.replaceAll("").contains("{{");
    }

    private static JsonNode findKey(JsonNode node, String key) {
        if (key.equals(node.path("key").asText(null))) {
            return node;
        }
        for (JsonNode child : node.path("components")) {
            JsonNode found = findKey(child, key);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    /**
     * The forms' ids in code, in the BPMN and in {@code processes/} are one set: a form renamed in the
     * Modeler, or one a task no longer names, fails here rather than in Tasklist.
     */
    @Test
    void everyFormTheProcessesNameIsAFileWithThatIdAndAConstant() throws IOException {
        Set<String> constants = new TreeSet<>(List.of(
                FeedbackProcess.Forms.SUBMIT,
                FeedbackProcess.Forms.TRIAGE,
                FeedbackProcess.Forms.CLARIFY,
                FeedbackProcess.Forms.REVIEW,
                RevisionProcess.Forms.START,
                RevisionProcess.Forms.DRAFT,
                RevisionProcess.Forms.QUALITY_REVIEW,
                RevisionProcess.Forms.APPROVE,
                PeriodicReviewProcess.Forms.REVIEW));
        Set<String> named = new TreeSet<>();
        Pattern formRef = Pattern.compile("camunda:formRef=\"([^\"]+)\"");
        for (File bpmn : new File("processes").listFiles((dir, name) -> name.endsWith(".bpmn"))) {
            Matcher m = formRef.matcher(Files.readString(bpmn.toPath()));
            while (m.find()) {
                named.add(m.group(1));
            }
        }
        Set<String> files = new TreeSet<>();
        for (File form : new File("processes").listFiles((dir, name) -> name.endsWith(".form"))) {
            String id = JSON.readTree(form).path("id").asText();
            assertThat(form.getName()).as("file name of form %s", id).isEqualTo(id + ".form");
            files.add(id);
        }
        assertThat(named).isEqualTo(constants);
        assertThat(files).isEqualTo(constants);
    }

    private static Map<String, String> options(String form, String key) throws IOException {
        JsonNode component = find(JSON.readTree(new File("processes/" + form + ".form")), key);
        assertThat(component).as("field %s in %s.form", key, form).isNotNull();
        Map<String, String> options = new LinkedHashMap<>();
        component
                .get("values")
                .forEach(
                        v -> options.put(v.get("value").asText(), v.get("label").asText()));
        return options;
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
