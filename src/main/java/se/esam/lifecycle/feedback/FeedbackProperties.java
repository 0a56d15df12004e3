package se.esam.lifecycle.feedback;

import java.time.Duration;
import java.time.Period;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param clarificationPeriod how long a submitter has to answer a clarification request
 * @param reviewPeriod        how long an expert group has to review, per priority
 * @param reminderBeforeDue   how long before the review is due the group is reminded
 */
@ConfigurationProperties("guidance.feedback")
record FeedbackProperties(Period clarificationPeriod, Map<Priority, Period> reviewPeriod, Duration reminderBeforeDue) {

    FeedbackProperties {
        for (Priority priority : Priority.values()) {
            if (reviewPeriod == null || !reviewPeriod.containsKey(priority)) {
                throw new IllegalArgumentException(
                        "guidance.feedback.review-period." + priority + " is not configured");
            }
        }
    }
}
