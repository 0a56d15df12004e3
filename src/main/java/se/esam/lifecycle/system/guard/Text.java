package se.esam.lifecycle.system.guard;

/** Text a person may send: no control characters but line breaks and tabs, no half of a surrogate pair. */
final class Text {

    private Text() {
    }

    static void requirePrintable(String name, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t') {
                throw new VariableRefused(name, "Texten innehåller ett otillåtet styrtecken (U+"
                        + String.format("%04X", (int) c) + ").");
            }
            if (Character.isHighSurrogate(c) && (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1)))
                    || Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(text.charAt(i - 1)))) {
                throw new VariableRefused(name, "Texten innehåller ett ofullständigt tecken.");
            }
        }
    }
}
