package se.esam.lifecycle.feedback;

import java.util.Set;

import org.springframework.stereotype.Component;

import se.esam.lifecycle.feedback.FeedbackProcess.Vars;
import se.esam.lifecycle.system.DisplayVariables;

/**
 * What registration and the endorsements write for the forms to show, copied from the feedback row, the catalogue
 * and the endorsement table, which keep them (with the item's own audit in feedback_event): the engine keeps no
 * history of these copies.
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
                Vars.ENDORSEMENTS);
    }
}
