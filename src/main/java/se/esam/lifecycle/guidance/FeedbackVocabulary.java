package se.esam.lifecycle.guidance;

import java.util.Map;

/**
 * The Swedish words for the feedback codes a published version carries (type, disposition), supplied
 * by the module that owns them: the public pages show what the feedback pages show, and guidance, which
 * feedback depends on, need not know feedback.
 */
public interface FeedbackVocabulary {

    /** Label by feedback type code. */
    Map<String, String> feedbackTypes();

    /** Label by disposition code. */
    Map<String, String> dispositions();
}
