package se.esam.lifecycle.guidance;

import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * The Swedish words the public pages show for the codes stored in our tables. Feedback's and revision's codes
 * are labelled by the modules that own them ({@link FeedbackVocabulary}, {@link RevisionVocabulary}), which
 * depend on this one.
 */
@Component
class PublicLabels {

    private static final Map<String, String> GROUPS = Map.of(
            "expert-architecture", "Arkitektur",
            "expert-law", "Juridik",
            "expert-information-security", "Informationssäkerhet",
            "expert-communication", "Kommunikation");

    private final Map<String, String> feedbackTypes;
    private final Map<String, String> dispositions;
    private final Map<String, String> changeClasses;

    PublicLabels(FeedbackVocabulary feedback, RevisionVocabulary revision) {
        this.feedbackTypes = Map.copyOf(feedback.feedbackTypes());
        this.dispositions = Map.copyOf(feedback.dispositions());
        this.changeClasses = Map.copyOf(revision.changeClasses());
    }

    /** The expert group's Swedish name; an unknown id is shown as it is. */
    static String group(String groupId) {
        return GROUPS.getOrDefault(groupId, groupId);
    }

    /** "Redaktionell" or "Innehållslig"; null when the version carries no class (as those from the catalogue). */
    String changeClass(String changeClass) {
        return changeClass == null ? null : changeClasses.getOrDefault(changeClass, changeClass);
    }

    String feedbackType(String type) {
        return feedbackTypes.getOrDefault(type, type);
    }

    String disposition(String disposition) {
        return dispositions.getOrDefault(disposition, disposition);
    }

    /** How the revision handled the feedback: answered by a change in a section, or not addressed. */
    static String trace(String trace, String traceSection) {
        if ("ANSWERED".equals(trace)) {
            return traceSection == null || traceSection.isBlank()
                    ? "Besvarad genom ändring"
                    : "Besvarad genom ändring i avsnitt " + traceSection;
        }
        if ("NOT_ADDRESSED".equals(trace)) {
            return "Inte åtgärdad";
        }
        return trace;
    }
}
