package se.esam.lifecycle.review;

import java.time.Period;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param defaultPeriodMonths months from publication (or the last review) to the next review, for documents
 *     whose catalogue entry names no {@code review-period-months}
 * @param leadTime how long before the review date the owning group gets the task
 * @param reminderBeforeDue how long before the review date the owning group is reminded
 * @param longestPeriodMonths the latest next review date a group may choose, in months from the day it decides
 * @param scheduleAtStartUp whether start-up starts the reviews of versions published before (the catalogue);
 *     tests that drive the engine themselves turn it off and start them when they are ready
 */
@ConfigurationProperties("guidance.periodic-review")
record PeriodicReviewProperties(
        Integer defaultPeriodMonths,
        Period leadTime,
        Period reminderBeforeDue,
        Integer longestPeriodMonths,
        Boolean scheduleAtStartUp) {

    PeriodicReviewProperties {
        defaultPeriodMonths = defaultPeriodMonths == null ? 24 : defaultPeriodMonths;
        leadTime = leadTime == null ? Period.ofDays(60) : leadTime;
        reminderBeforeDue = reminderBeforeDue == null ? Period.ofDays(14) : reminderBeforeDue;
        longestPeriodMonths = longestPeriodMonths == null ? 36 : longestPeriodMonths;
        scheduleAtStartUp = scheduleAtStartUp == null || scheduleAtStartUp;
        if (defaultPeriodMonths < 1 || longestPeriodMonths < defaultPeriodMonths) {
            throw new IllegalArgumentException("guidance.periodic-review: default-period-months must be at least 1 "
                    + "and at most longest-period-months");
        }
    }
}
