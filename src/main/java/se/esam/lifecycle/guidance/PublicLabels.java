package se.esam.lifecycle.guidance;

import java.util.Map;

/**
 * The Swedish words the public pages show for the codes stored in our tables. Kept here rather than
 * borrowed from the feedback module, which depends on this one.
 */
final class PublicLabels {

    private static final Map<String, String> GROUPS = Map.of(
            "expert-architecture", "Arkitektur",
            "expert-law", "Juridik",
            "expert-information-security", "Informationssäkerhet",
            "expert-communication", "Kommunikation");

    private static final Map<String, String> CHANGE_CLASSES = Map.of(
            "EDITORIAL", "Redaktionell",
            "SUBSTANTIVE", "Innehållslig");

    private static final Map<String, String> FEEDBACK_TYPES = Map.of(
            "ERROR", "Fel",
            "GAP", "Något saknas",
            "NOT_WORKING_IN_PRACTICE", "Fungerar inte i praktiken",
            "SUGGESTION", "Förslag",
            "EDITORIAL", "Redaktionellt");

    private static final Map<String, String> DISPOSITIONS = Map.of(
            "ACCEPTED", "Godtagen",
            "HELD", "Vilande",
            "REJECTED", "Avslagen");

    private PublicLabels() {
    }

    /** The expert group's Swedish name; an unknown id is shown as it is. */
    static String group(String groupId) {
        return GROUPS.getOrDefault(groupId, groupId);
    }

    /** "Redaktionell" or "Innehållslig"; null when the version carries no class (as those from the catalogue). */
    static String changeClass(String changeClass) {
        return changeClass == null ? null : CHANGE_CLASSES.getOrDefault(changeClass, changeClass);
    }

    static String feedbackType(String type) {
        return FEEDBACK_TYPES.getOrDefault(type, type);
    }

    static String disposition(String disposition) {
        return DISPOSITIONS.getOrDefault(disposition, disposition);
    }

    /** How the revision handled the feedback: answered by a change in a section, or not addressed. */
    static String trace(String trace, String traceSection) {
        if ("ANSWERED".equals(trace)) {
            return traceSection == null || traceSection.isBlank() ? "Besvarad genom ändring"
                    : "Besvarad genom ändring i avsnitt " + traceSection;
        }
        if ("NOT_ADDRESSED".equals(trace)) {
            return "Inte åtgärdad";
        }
        return trace;
    }
}
