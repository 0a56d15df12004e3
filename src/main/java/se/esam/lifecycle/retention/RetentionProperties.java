package se.esam.lifecycle.retention;

import java.time.Instant;
import java.time.Period;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.scheduling.support.CronExpression;

import se.esam.lifecycle.retention.RecordType.Anchor;
import se.esam.lifecycle.retention.RecordType.DisposalAction;
import se.esam.lifecycle.system.SwedishTime;

/**
 * config/retention.yaml. Checked as the application starts: a record type without a complete rule, or with
 * an action or starting point its records do not allow, stops the start with a message naming the line,
 * since disposing under a wrong rule cannot be undone.
 *
 * @param cron    when the nightly disposal runs, Swedish time; {@code -} for never
 * @param records the rule of each record type
 */
@ConfigurationProperties("guidance.retention")
record RetentionProperties(String cron, Map<RecordType, Rule> records) {

    /** Spring's "no schedule": the tests run disposal themselves, never at whatever time the build runs. */
    static final String DISABLED = org.springframework.scheduling.annotation.Scheduled.CRON_DISABLED;

    RetentionProperties {
        List<String> problems = new ArrayList<>();
        if (cron == null || !(DISABLED.equals(cron) || CronExpression.isValidExpression(cron))) {
            problems.add("guidance.retention.cron is missing or not a cron expression: " + cron);
        }
        Map<RecordType, Rule> rules = records == null ? Map.of() : records;
        for (RecordType type : RecordType.values()) {
            Rule rule = rules.get(type);
            String prefix = "guidance.retention.records." + type.key();
            if (rule == null) {
                problems.add(prefix + " is not configured: every record type needs a retention rule");
                continue;
            }
            if (rule.period() == null
                    || rule.period().isNegative()
                    || rule.period().isZero()) {
                problems.add(prefix + ".period must be a positive ISO-8601 period, e.g. P10Y");
            }
            if (rule.action() == null || !type.actions().contains(rule.action())) {
                problems.add(prefix + ".action must be one of " + type.actions() + ", not " + rule.action());
            }
            if (rule.from() == null || !type.anchors().contains(rule.from())) {
                problems.add(prefix + ".from must be one of " + type.anchors() + ", not " + rule.from());
            }
            if (rule.decision() == null || rule.decision().isBlank()) {
                problems.add(prefix + ".decision must name the disposal decision the rule rests on");
            }
            if (type == RecordType.ENGINE_HISTORY
                    && rule.period() != null
                    && (rule.period().getYears() != 0 || rule.period().getMonths() != 0)) {
                problems.add(prefix + ".period must be in days (e.g. P730D): it is the engine's history time to live");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(
                    "Retention rules (config/retention.yaml): " + String.join("; ", problems));
        }
        records = new EnumMap<>(rules);
    }

    Rule rule(RecordType type) {
        return records.get(type);
    }

    /**
     * @param erasable whether a person's erasure may remove their data from such records before the period
     *                 has run out: false where the records must be kept until disposal
     */
    record Rule(Period period, DisposalAction action, String decision, Anchor from, boolean erasable) {

        /**
         * Records whose starting point lies before this instant have passed their time. Counted in Swedish
         * calendar time, so that "ten years" ends on the same date whatever the daylight-saving time.
         */
        Instant cutoff(Instant now) {
            return ZonedDateTime.ofInstant(now, SwedishTime.ZONE).minus(period).toInstant();
        }
    }
}
