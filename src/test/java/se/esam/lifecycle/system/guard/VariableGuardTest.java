package se.esam.lifecycle.system.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.PatchTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.RemoveTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.SetExecutionVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.SignalCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.Test;

import se.esam.lifecycle.feedback.internal.FeedbackProcess;
import se.esam.lifecycle.revision.internal.RevisionProcess;
import se.esam.lifecycle.system.InvalidInputException;

/**
 * The guard's two halves without an engine: what it reads from Camunda's commands (fails when an upgrade
 * renames a field) and what each deployed form lets a person write.
 */
class VariableGuardTest {

    @Test
    void readsTheTaskAndVariablesOfEveryTaskWrite() {
        Map<String, Object> variables = Map.of("disposition", "ACCEPTED");

        assertThat(plain(EngineCommands.of(new CompleteTaskCmd("t1", variables))))
                .isEqualTo(new EngineCommands.TaskWrite("t1", variables, List.of()));
        assertThat(plain(EngineCommands.of(new SubmitTaskFormCmd("t1", variables, false, false))))
                .isEqualTo(new EngineCommands.TaskWrite("t1", variables, List.of()));
        assertThat(plain(EngineCommands.of(new PatchTaskVariablesCmd("t1", variables, List.of("reference"), true))))
                .isEqualTo(new EngineCommands.TaskWrite("t1", variables, List.of("reference")));
        assertThat(plain(EngineCommands.of(new RemoveTaskVariablesCmd("t1", List.of("submitter"), false))))
                .isEqualTo(new EngineCommands.TaskWrite("t1", Map.of(), List.of("submitter")));
    }

    @Test
    void readsStartsAndSeesSteeringAndInstanceWritesForWhatTheyAre() {
        assertThat(plain(EngineCommands.of(new SubmitStartFormCmd("def:1", "bk", Map.of("description", "x")))))
                .isEqualTo(new EngineCommands.StartWrite("def:1", null, Map.of("description", "x")));
        assertThat(EngineCommands.of(new SignalCmd("e1", "go", null, Map.of("consultationHeld", true))))
                .isEqualTo(new EngineCommands.Steering("signal", Map.of("consultationHeld", true)));
        assertThat(EngineCommands.of(
                        new SetExecutionVariablesCmd("e1", Map.of("approverGroup", "kansli"), false, false)))
                .isEqualTo(new EngineCommands.InstanceWrite(Map.of("approverGroup", "kansli"), List.of()));
        assertThat(EngineCommands.of(new org.camunda.bpm.engine.impl.cmd.RemoveExecutionVariablesCmd(
                        "e1", List.of("submitter"), false)))
                .isEqualTo(new EngineCommands.InstanceWrite(Map.of(), List.of("submitter")));
    }

    @Test
    void aSerializedObjectIsSeenAsAnObjectWithoutBeingBuilt() {
        var gadget = Variables.serializedObjectValue("{\"url\":\"jdbc:h2:mem:x;INIT=RUNSCRIPT FROM 'x'\"}")
                .objectTypeName("org.springframework.jdbc.datasource.DriverManagerDataSource")
                .serializationDataFormat("application/json")
                .create();
        var write = (EngineCommands.TaskWrite) EngineCommands.of(
                new SubmitTaskFormCmd("t1", Variables.createVariables().putValueTyped("x", gadget), false, false));

        assertThatThrownBy(() -> form(FeedbackProcess.Forms.CLARIFY)
                        .check("x", write.variables().get("x"), () -> null))
                .isInstanceOf(VariableRefused.class)
                .hasMessageContaining("object");
    }

    @Test
    void takesWhatTheFormDeclaresEditableInItsTypeAndOptions() {
        FormFields triage = form(FeedbackProcess.Forms.TRIAGE);

        assertThatCode(() -> triage.check("triageDecision", "route", () -> null))
                .doesNotThrowAnyException();
        assertThatCode(() -> triage.check("containsPersonalData", true, () -> null))
                .doesNotThrowAnyException();
        assertRefused(() -> triage.check("triageDecision", "publish", () -> null), "triageDecision");
        assertRefused(() -> triage.check("containsPersonalData", "yes", () -> null), "containsPersonalData");
        assertRefused(() -> triage.check("reference", "FB-2026-0001", () -> "FB-2026-0002"), "reference");
        assertRefused(() -> triage.check("submitter", "olof", () -> "anna"), "submitter");
        assertRefused(
                () -> triage.check("clarificationQuestion", "x".repeat(4_001), () -> null), "clarificationQuestion");
        assertRefused(() -> triage.check("clarificationQuestion", "nul\u0000", () -> null), "clarificationQuestion");
        assertRefused(() -> triage.check("clarificationQuestion", "half \uD800", () -> null), "clarificationQuestion");
    }

    @Test
    void aFieldShownButNotEditableMayComeBackUnchangedOnly() {
        FormFields review = form(FeedbackProcess.Forms.REVIEW);

        assertThatCode(() -> review.check("reference", "FB-2026-0001", () -> Variables.stringValue("FB-2026-0001")))
                .doesNotThrowAnyException();
        assertRefused(
                () -> review.check("reference", "FB-2026-0002", () -> Variables.stringValue("FB-2026-0001")),
                "reference");
    }

    @Test
    void aListKeepsItsRowsAndItsReadOnlyColumnsWhileTheEditableOnesChange() {
        FormFields draft = form(RevisionProcess.Forms.DRAFT);
        var stored = SpinValues.jsonValue("[{\"reference\":\"FB-2026-0001\",\"type\":\"Fel\",\"trace\":null}]")
                .create();

        assertThatCode(() -> draft.check(
                        "items",
                        SpinValues.jsonValue(
                                        "[{\"reference\":\"FB-2026-0001\",\"type\":\"Fel\",\"trace\":\"ANSWERED\",\"traceSection\":\"3\"}]")
                                .create(),
                        () -> stored))
                .doesNotThrowAnyException();
        assertRefused(
                () -> draft.check(
                        "items",
                        SpinValues.jsonValue("[{\"reference\":\"FB-2026-0099\",\"trace\":\"ANSWERED\"}]")
                                .create(),
                        () -> stored),
                "items[0].reference");
        assertRefused(
                () -> draft.check(
                        "items",
                        SpinValues.jsonValue("[{\"reference\":\"FB-2026-0001\"},{\"reference\":\"FB-2026-0099\"}]")
                                .create(),
                        () -> stored),
                "items");
        assertRefused(
                () -> draft.check(
                        "items",
                        SpinValues.jsonValue("[{\"reference\":\"FB-2026-0001\",\"trace\":\"DONE\"}]")
                                .create(),
                        () -> stored),
                "items[0].trace");
        assertRefused(
                () -> draft.check(
                        "items",
                        SpinValues.jsonValue("[{\"reference\":\"FB-2026-0001\",\"revisionId\":\"REV-9\"}]")
                                .create(),
                        () -> stored),
                "items[0].revisionId");
        assertThatCode(() -> draft.check(
                        "sections",
                        SpinValues.jsonValue("[{\"sectionId\":\"9\",\"title\":\"Nytt\",\"body\":\"Text\"}]")
                                .create(),
                        () -> null))
                .doesNotThrowAnyException();
    }

    @Test
    void onlyWhatAPersonMayChangeMayBeRemoved() {
        assertThat(form(RevisionProcess.Forms.APPROVE).isRemovable("approvalComments"))
                .isTrue();
        assertThat(form(RevisionProcess.Forms.APPROVE).isRemovable("sections"))
                .as("a list shown, not edited")
                .isFalse();
        assertThat(form(RevisionProcess.Forms.DRAFT).isRemovable("items"))
                .as("rows fixed")
                .isFalse();
        assertThat(form(RevisionProcess.Forms.DRAFT).isRemovable("sections")).isTrue();
        assertThat(form(FeedbackProcess.Forms.TRIAGE).isRemovable("reference")).isFalse();
    }

    @Test
    void noStepOutsideItsFormIsWritable() {
        assertRefused(
                () -> form(RevisionProcess.Forms.DRAFT).check("revisionId", "REV-2", () -> "REV-1"), "revisionId");
        assertRefused(
                () -> form(RevisionProcess.Forms.DRAFT).check("consultationHeld", true, () -> false),
                "consultationHeld");
        assertRefused(
                () -> form(RevisionProcess.Forms.QUALITY_REVIEW)
                        .check("approverGroup", "kansli", () -> "steering-group"),
                "approverGroup");
        assertRefused(() -> form(FeedbackProcess.Forms.SUBMIT).check("submitter", "olof", () -> null), "submitter");
        assertRefused(
                () -> FormFields.NONE.check("feedbackReference", "FB-2026-0001", () -> null), "feedbackReference");
    }

    /** The values as the guard judges them: Camunda wraps what it was given in typed values. */
    private static EngineCommands.Write plain(EngineCommands.Write write) {
        if (write instanceof EngineCommands.TaskWrite task) {
            return new EngineCommands.TaskWrite(task.taskId(), plain(task.variables()), task.removals());
        }
        EngineCommands.StartWrite start = (EngineCommands.StartWrite) write;
        return new EngineCommands.StartWrite(start.definitionId(), start.definitionKey(), plain(start.variables()));
    }

    private static Map<String, Object> plain(Map<String, Object> variables) {
        Map<String, Object> plain = new java.util.LinkedHashMap<>();
        variables.forEach((name, value) -> plain.put(name, FormFields.plain(name, value)));
        return plain;
    }

    private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String field) {
        assertThatThrownBy(call)
                .isInstanceOf(VariableRefused.class)
                .hasMessageStartingWith(field + ":")
                .cause()
                .isInstanceOf(InvalidInputException.class)
                .satisfies(cause ->
                        assertThat(((InvalidInputException) cause).field()).isEqualTo(field));
    }

    private static FormFields form(String id) {
        try {
            return FormFields.parse(Files.readString(Path.of("processes", id + ".form")));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
