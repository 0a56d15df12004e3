package se.esam.lifecycle.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Instant;
import java.time.Period;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.FileSystemResource;

import se.esam.lifecycle.feedback.FeedbackStatus;
import se.esam.lifecycle.retention.RecordType.Anchor;
import se.esam.lifecycle.retention.RecordType.DisposalAction;
import se.esam.lifecycle.retention.RetentionProperties.Rule;

/** The retention rules: what config/retention.yaml must say, and when a record has passed its time. */
class RetentionRulesTest {

    private static final String NIGHTLY = "0 30 2 * * *";

    @Test
    void theShippedRulesCoverEveryRecordTypeAndBindAsTheApplicationBindsThem() throws IOException {
        RetentionProperties shipped = shipped();
        for (RecordType type : RecordType.values()) {
            assertThat(shipped.rule(type)).as(type.key()).isNotNull();
        }
        assertThat(shipped.rule(RecordType.ENGINE_HISTORY).period()).isEqualTo(Period.ofDays(730));
        assertThat(shipped.rule(RecordType.FEEDBACK).action()).isEqualTo(DisposalAction.ANONYMISE);
        assertThat(shipped.rule(RecordType.MAIL).erasable()).isTrue();
        assertThat(shipped.rule(RecordType.FEEDBACK).erasable()).isFalse();
        assertThat(shipped.cron()).isEqualTo(NIGHTLY);
    }

    @Test
    void aMissingRecordTypeStopsTheStartNamingIt() {
        Map<RecordType, Rule> rules = complete();
        rules.remove(RecordType.CONSULTATION_RESPONSE);
        assertThatThrownBy(() -> new RetentionProperties(NIGHTLY, rules))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("guidance.retention.records.consultation-response is not configured");
    }

    @Test
    void anActionOrStartingPointTheRecordsDoNotAllowStopsTheStart() {
        Map<RecordType, Rule> rules = complete();
        rules.put(
                RecordType.FEEDBACK,
                new Rule(Period.ofYears(10), DisposalAction.DELETE, "beslut", Anchor.CASE_CLOSED, false));
        rules.put(
                RecordType.MAIL,
                new Rule(Period.ofYears(1), DisposalAction.DELETE, "beslut", Anchor.CASE_CLOSED, true));
        assertThatThrownBy(() -> new RetentionProperties(NIGHTLY, rules))
                .hasMessageContaining("guidance.retention.records.feedback.action must be one of [ANONYMISE]")
                .hasMessageContaining("guidance.retention.records.mail.from must be one of [CREATED]");
    }

    @Test
    void aRuleWithoutDecisionOrPeriodOrWithTheEngineHistoryInYearsStopsTheStart() {
        Map<RecordType, Rule> rules = complete();
        rules.put(
                RecordType.CLARIFICATION,
                new Rule(Period.ofYears(2), DisposalAction.ANONYMISE, " ", Anchor.CASE_CLOSED, false));
        rules.put(
                RecordType.AUDIT_EVENT,
                new Rule(Period.ZERO, DisposalAction.ANONYMISE, "beslut", Anchor.CASE_CLOSED, false));
        rules.put(
                RecordType.ENGINE_HISTORY,
                new Rule(Period.ofYears(2), DisposalAction.DELETE, "beslut", Anchor.CASE_CLOSED, true));
        assertThatThrownBy(() -> new RetentionProperties(NIGHTLY, rules))
                .hasMessageContaining("clarification.decision must name the disposal decision")
                .hasMessageContaining("audit-event.period must be a positive")
                .hasMessageContaining("engine-history.period must be in days");
        assertThatThrownBy(() -> new RetentionProperties("every night", complete()))
                .hasMessageContaining("guidance.retention.cron");
        assertThat(new RetentionProperties("-", complete()).cron()).as("never").isEqualTo("-");
    }

    @Test
    void aMisspelledRecordTypeInTheFileStopsTheStart() {
        StandardEnvironment environment = new StandardEnvironment();
        environment
                .getPropertySources()
                .addFirst(new org.springframework.core.env.MapPropertySource(
                        "test",
                        Map.of(
                                "guidance.retention.cron",
                                NIGHTLY,
                                "guidance.retention.records.feedbak.period",
                                "P1Y")));
        assertThatThrownBy(() -> Binder.get(environment).bind("guidance.retention", RetentionProperties.class))
                .isInstanceOf(BindException.class);
    }

    @Test
    void aRecordHasPassedItsTimeWhenItsPeriodHasRunOutInSwedishCalendarTime() {
        Rule tenYears = new Rule(Period.ofYears(10), DisposalAction.ANONYMISE, "beslut", Anchor.CASE_CLOSED, false);
        // 12:00 in Stockholm in summer (UTC+2); ten years earlier the same wall-clock time
        Instant now = Instant.parse("2036-06-15T10:00:00Z");
        assertThat(tenYears.cutoff(now)).isEqualTo(Instant.parse("2026-06-15T10:00:00Z"));
        // over a daylight-saving change the calendar date counts, not 24-hour days
        Rule thirtyDays = new Rule(Period.ofDays(30), DisposalAction.DELETE, "beslut", Anchor.CREATED, true);
        assertThat(thirtyDays.cutoff(Instant.parse("2026-04-15T10:00:00Z")))
                .isEqualTo(Instant.parse("2026-03-16T11:00:00Z"));
    }

    @Test
    void theDisposalSqlKnowsEveryClosedFeedbackStatus() {
        assertThat(RetentionRepository.CLOSED_FEEDBACK)
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(FeedbackStatus.values())
                        .filter(FeedbackStatus::closed)
                        .map(Enum::name)
                        .toList());
    }

    private static Map<RecordType, Rule> complete() {
        Map<RecordType, Rule> rules = new EnumMap<>(RecordType.class);
        for (RecordType type : RecordType.values()) {
            rules.put(
                    type,
                    new Rule(
                            Period.ofDays(365),
                            type.actions().iterator().next(),
                            "ESAM beslut dnr 1",
                            type.anchors().iterator().next(),
                            false));
        }
        return rules;
    }

    private static RetentionProperties shipped() throws IOException {
        StandardEnvironment environment = new StandardEnvironment();
        new YamlPropertySourceLoader()
                .load("retention", new FileSystemResource("config/retention.yaml"))
                .forEach(source -> environment.getPropertySources().addFirst(source));
        return new Binder(ConfigurationPropertySources.get(environment))
                .bind("guidance.retention", RetentionProperties.class)
                .get();
    }
}
