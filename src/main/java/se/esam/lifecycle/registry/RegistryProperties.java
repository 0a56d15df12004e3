package se.esam.lifecycle.registry;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param numberFormat how a registration number is written: {@code {year}} and {@code {sequence}} (or
 *     {@code {sequence:N}}, zero-padded to N digits) are replaced; both must be there, or numbers would repeat
 * @param defaultSecrecyMarking the marking an entry gets on receipt; blank for none
 * @param personalDataSecrecyMarking the marking once the kansli's triage says the item holds personal data
 */
@ConfigurationProperties("guidance.registry")
record RegistryProperties(String numberFormat, String defaultSecrecyMarking, String personalDataSecrecyMarking) {

    private static final Pattern SEQUENCE = Pattern.compile("\\{sequence(?::([1-9]))?}");

    RegistryProperties {
        if (numberFormat == null
                || !numberFormat.contains("{year}")
                || !SEQUENCE.matcher(numberFormat).find()) {
            throw new IllegalArgumentException(
                    "guidance.registry.number-format must contain {year} and {sequence}, e.g. \"ESAM {year}/{sequence}\"");
        }
        if (numberFormat.length() > 60) {
            throw new IllegalArgumentException("guidance.registry.number-format is longer than 60 characters");
        }
        defaultSecrecyMarking = blankAsNull(defaultSecrecyMarking);
        personalDataSecrecyMarking = personalDataSecrecyMarking == null || personalDataSecrecyMarking.isBlank()
                ? "Sekretess kan gälla"
                : personalDataSecrecyMarking.strip();
    }

    String number(int year, int sequence) {
        Matcher m = SEQUENCE.matcher(numberFormat.replace("{year}", String.valueOf(year)));
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String digits =
                    m.group(1) == null ? String.valueOf(sequence) : String.format("%0" + m.group(1) + "d", sequence);
            m.appendReplacement(out, Matcher.quoteReplacement(digits));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String blankAsNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
