package se.esam.lifecycle.revision;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import se.esam.lifecycle.guidance.RevisionVocabulary;

/** The change classes' labels for the public pages, from the enum the forms and the decision table use. */
@Component
class PublicRevisionVocabulary implements RevisionVocabulary {

    @Override
    public Map<String, String> changeClasses() {
        return Arrays.stream(ChangeClass.values())
                .collect(Collectors.toUnmodifiableMap(Enum::name, ChangeClass::label));
    }
}
