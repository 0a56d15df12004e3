package se.esam.lifecycle.follow;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.support.CronExpression;

/**
 * @param cron when the digest run starts, Swedish time; {@code -} for never (the tests run it themselves). Every
 *             run sends the daily digests not yet sent today and the weekly ones not yet sent this week, so a daily
 *             cron sends the weekly digest on the week's first run.
 */
@ConfigurationProperties("guidance.digest")
record DigestProperties(String cron) {

    DigestProperties {
        if (cron == null || !(Scheduled.CRON_DISABLED.equals(cron) || CronExpression.isValidExpression(cron))) {
            throw new IllegalArgumentException("guidance.digest.cron is missing or not a cron expression: " + cron);
        }
    }
}
