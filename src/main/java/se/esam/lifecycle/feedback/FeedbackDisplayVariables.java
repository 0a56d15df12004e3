package se.esam.lifecycle.feedback;

import java.util.Set;

import org.springframework.stereotype.Component;

import se.esam.lifecycle.feedback.internal.FeedbackProcess;
import se.esam.lifecycle.feedback.internal.FeedbackProcess.Vars;
import se.esam.lifecycle.system.DisplayVariables;

/**
 * What the application writes for the forms and the timers, copied or worked out from the feedback row, the catalogue
 * and the endorsement table, which keep them (with the item's own audit in feedback_event): the engine keeps no
 * history of these copies. What a person decides (triage, review) and what was submitted keep their history.
 */
@Component
class FeedbackDisplayVariables implements DisplayVariables {

    @Override
    public String processDefinitionKey() {
        return FeedbackProcess.KEY;
    }

    @Override
    public Set<String> names() {
        return Set.of(
                Vars.REFERENCE,
                Vars.GUIDANCE_TITLE,
                Vars.SECTION_TITLE,
                Vars.FEEDBACK_TYPE_LABEL,
                Vars.SUBMITTER_ORGANISATION,
                Vars.OWNING_GROUP,
                Vars.PERSONAL_DATA_FOUND,
                Vars.ENDORSEMENTS,
                // worked out by the application, kept in the feedback row (review_due), the endorsement table and
                // the routing table's decision history (breadth)
                Vars.REVIEW_DUE,
                Vars.REVIEW_REMINDER,
                Vars.BREADTH);
    }
}
