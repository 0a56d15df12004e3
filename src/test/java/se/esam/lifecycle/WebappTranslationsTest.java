package se.esam.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Our Swedish translation of Camunda's webapps against the English that ships with the Camunda version on the
 * classpath. Swedish is the webapps' only language unless a person asks for English, and a key missing from
 * sv.json is shown as the key itself (MY_PROFILE), so a Camunda upgrade that adds labels must fail here first.
 */
class WebappTranslationsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LOCALES = "META-INF/resources/webjars/camunda/app/%s/locales/%s.json";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^}\\s]+)\\s*}}|%[sd]");
    // real HTML only: Camunda also writes placeholders such as <undefined> that are translated
    private static final Pattern TAG = Pattern.compile("<(/?(?:a|b|br|code|em|i|li|p|span|strong|ul))[\\s/>]");

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "welcome", "admin", "cockpit"})
    void swedishHasEveryEnglishLabelWithItsPlaceholdersAndMarkup(String webapp) throws IOException {
        JsonNode english = read(webapp, "en");
        JsonNode swedish = read(webapp, "sv");

        assertThat(new TreeSet<>(keys(swedish.get("labels"))))
                .as("%s: sv.json's keys", webapp)
                .isEqualTo(new TreeSet<>(keys(english.get("labels"))));
        assertThat(swedish.has("dateLocales"))
                .as("%s: Swedish month and day names", webapp)
                .isEqualTo(english.has("dateLocales"));

        List<String> broken = new ArrayList<>();
        english.get("labels").properties().forEach(label -> {
            String en = label.getValue().asText();
            String sv = swedish.get("labels").get(label.getKey()).asText();
            if (!all(PLACEHOLDER, en).equals(all(PLACEHOLDER, sv))
                    || !all(TAG, en).equals(all(TAG, sv))
                    || en.isBlank() != sv.isBlank()) {
                broken.add(label.getKey() + ": " + en + " => " + sv);
            }
        });
        assertThat(broken)
                .as("%s: labels whose placeholders, markup or emptiness differ from the English", webapp)
                .isEmpty();
    }

    private static JsonNode read(String webapp, String language) throws IOException {
        String path = LOCALES.formatted(webapp, language);
        try (InputStream in = WebappTranslationsTest.class.getClassLoader().getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            return JSON.readTree(in);
        }
    }

    private static List<String> keys(JsonNode node) {
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    private static List<String> all(Pattern pattern, String text) {
        List<String> found = new ArrayList<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(matcher.groupCount() > 0 && matcher.group(1) != null ? 1 : 0));
        }
        found.sort(null);
        return found;
    }
}
