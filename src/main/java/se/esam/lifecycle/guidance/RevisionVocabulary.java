package se.esam.lifecycle.guidance;

import java.util.Map;

/**
 * The Swedish words for the revision codes a published version carries (its change class), supplied by the
 * module that owns them, as {@link FeedbackVocabulary} is: the public pages say what Tasklist's forms say, and
 * guidance, which revision depends on, need not know revision.
 */
public interface RevisionVocabulary {

    /** Label by change class code ({@code EDITORIAL}, {@code SUBSTANTIVE}). */
    Map<String, String> changeClasses();
}
