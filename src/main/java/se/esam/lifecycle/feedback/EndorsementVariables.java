package se.esam.lifecycle.feedback;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

import se.esam.lifecycle.feedback.internal.FeedbackProcess;
import se.esam.lifecycle.feedback.internal.FeedbackProcess.Vars;
import se.esam.lifecycle.identity.Directory;
import se.esam.lifecycle.system.AsApplication;

/**
 * The engine side of endorsements: the triage and review forms show the endorsing organisations from a
 * variable no form writes ({@link Vars#ENDORSEMENTS}, refused by the variable guard since the forms declare it
 * read-only), and an item still in triage gets the routing table's priority for its new breadth. Written as the
 * application, whoever endorsed: a member of another organisation may not write the item's process.
 */
@Component
class EndorsementVariables {

    /** Camunda's text column. */
    private static final int MAX = FeedbackText.ENGINE_TEXT_LIMIT;

    private final RuntimeService runtime;
    private final DecisionService decisions;
    private final IdentityService identity;
    private final Directory directory;

    EndorsementVariables(
            RuntimeService runtime, DecisionService decisions, IdentityService identity, Directory directory) {
        this.runtime = runtime;
        this.decisions = decisions;
        this.identity = identity;
        this.directory = directory;
    }

    /** The form text for the item's endorsements, comments included (the forms are the kansli's and experts'). */
    String text(List<Endorsement> endorsements) {
        if (endorsements.isEmpty()) {
            return "Inga andra organisationer har ställt sig bakom synpunkten.";
        }
        StringBuilder text = new StringBuilder(
                endorsements.size() == 1
                        ? "1 organisation till har samma problem:"
                        : endorsements.size() + " organisationer till har samma problem:");
        for (Endorsement e : endorsements) {
            String line = "\n- " + organisationName(e.organisation())
                    + (e.viaReference() == null ? "" : " (dubblett " + e.viaReference() + ")")
                    + (e.comment() == null ? "" : ": " + e.comment().replace('\n', ' '));
            if (text.length() + line.length() > MAX - 20) {
                text.append("\n- …");
                break;
            }
            text.append(line);
        }
        return text.toString();
    }

    static int breadth(List<Endorsement> endorsements) {
        return 1
                + (int) endorsements.stream()
                        .map(Endorsement::organisation)
                        .distinct()
                        .count();
    }

    /** After an endorsement of an item whose process still runs: new form text, breadth, and in triage priority. */
    void refresh(Feedback item, List<Endorsement> endorsements) {
        String instance = item.processInstanceId();
        if (instance == null) {
            return;
        }
        AsApplication.query(identity, () -> {
            if (runtime.createProcessInstanceQuery()
                            .processInstanceId(instance)
                            .active()
                            .count()
                    == 0) {
                return null;
            }
            int breadth = breadth(endorsements);
            runtime.setVariables(instance, Map.of(Vars.ENDORSEMENTS, text(endorsements), Vars.BREADTH, breadth));
            if (item.status() == FeedbackStatus.IN_TRIAGE) {
                raisePriority(instance, breadth);
            }
            return null;
        });
    }

    /**
     * The routing table again with the new breadth; its priority replaces the proposal only when higher, so a
     * priority the kansli raised before asking for clarification stays.
     */
    private void raisePriority(String instance, int breadth) {
        Map<String, Object> current =
                runtime.getVariables(instance, List.of(Vars.FEEDBACK_TYPE, Vars.OWNING_GROUP, Vars.PRIORITY));
        Object proposed = decisions
                .evaluateDecisionTableByKey(FeedbackProcess.ROUTING_DECISION)
                .variables(Variables.createVariables()
                        .putValue(Vars.FEEDBACK_TYPE, current.get(Vars.FEEDBACK_TYPE))
                        .putValue(Vars.OWNING_GROUP, current.get(Vars.OWNING_GROUP))
                        .putValue(Vars.BREADTH, breadth))
                .evaluate()
                .getSingleResult()
                .getEntry(Vars.PRIORITY);
        Priority now = parse(current.get(Vars.PRIORITY));
        Priority next = parse(proposed);
        if (next != null && (now == null || next.ordinal() < now.ordinal())) {
            runtime.setVariable(instance, Vars.PRIORITY, next.name());
        }
    }

    private static Priority parse(Object value) {
        try {
            return value == null ? null : Priority.valueOf(value.toString());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private String organisationName(String id) {
        return directory.organisation(id).map(Directory.Organisation::name).orElse(id);
    }
}
