package se.esam.lifecycle.feedback;

import se.esam.lifecycle.system.PlainText;

/** A submitter's text as the process carries it: Camunda's text column holds 4,000 characters, ours 10,000. */
final class FeedbackText {

    /** Camunda's limit for a string variable (ACT_RU_VARIABLE.TEXT_). */
    static final int ENGINE_TEXT_LIMIT = 4000;

    static final String NOT_PLAIN = "Texten innehåller otillåtna tecken (styrtecken eller ett ofullständigt tecken).";

    private FeedbackText() {}

    static boolean isPlain(String text) {
        return PlainText.Validator.isPlain(text);
    }

    /**
     * The whole text when it fits the engine; else its beginning and where the whole text is, so that
     * whoever reads a task form in Tasklist knows it goes on.
     */
    static String forForms(String text, String reference) {
        if (text == null || text.length() <= ENGINE_TEXT_LIMIT) {
            return text;
        }
        String pointer = "\n\n[…] Texten är förkortad här. Hela texten (" + text.length() + " tecken) finns på "
                + "/feedback/" + reference + ".";
        int end = ENGINE_TEXT_LIMIT - pointer.length();
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + pointer;
    }
}
