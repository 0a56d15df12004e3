package se.esam.lifecycle.feedback;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import se.esam.lifecycle.guidance.FeedbackVocabulary;

/** The labels of feedback's own enums, for the public pages of published versions. */
@Component
class PublicFeedbackVocabulary implements FeedbackVocabulary {

    @Override
    public Map<String, String> feedbackTypes() {
        return Arrays.stream(FeedbackType.values())
                .collect(Collectors.toUnmodifiableMap(Enum::name, FeedbackType::label));
    }

    @Override
    public Map<String, String> dispositions() {
        return Arrays.stream(Disposition.values())
                .collect(Collectors.toUnmodifiableMap(Enum::name, Disposition::label));
    }
}
