package se.esam.lifecycle.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class SignInThrottleTest {

    private Instant now = Instant.parse("2026-12-03T10:00:00Z");
    private final SignInThrottle throttle = new SignInThrottle(new Clock() {
        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    });

    @Test
    void aFewWrongPasswordsCostNothing() {
        fail("10.0.0.1", "anna", SignInThrottle.FREE_FAILURES - 1);

        assertThat(throttle.waitBefore("10.0.0.1", "anna")).isEmpty();
    }

    @Test
    void moreWrongPasswordsFromOneSourceWaitLongerEachTime() {
        fail("10.0.0.1", "anna", SignInThrottle.FREE_FAILURES);
        assertThat(throttle.waitBefore("10.0.0.1", "anna")).contains(Duration.ofSeconds(1));

        fail("10.0.0.1", "anna", 3);
        assertThat(throttle.waitBefore("10.0.0.1", "anna")).contains(Duration.ofSeconds(8));
    }

    @Test
    void theWaitNeverExceedsTheLongestWaitAndThenEnds() {
        fail("10.0.0.1", "admin", 200);
        assertThat(throttle.waitBefore("10.0.0.1", "admin")).contains(SignInThrottle.LONGEST_WAIT);

        now = now.plus(SignInThrottle.LONGEST_WAIT);
        assertThat(throttle.waitBefore("10.0.0.1", "admin")).isEmpty();
    }

    @Test
    void theAccountsOwnerFromAnotherSourceIsNotSlowedByAnAttacker() {
        fail("203.0.113.9", "anna", 40);

        assertThat(throttle.waitBefore("203.0.113.9", "anna")).isPresent();
        assertThat(throttle.waitBefore("10.0.0.1", "anna")).isEmpty();
    }

    @Test
    void oneSourceTryingManyAccountsWaitsForAllOfThem() {
        for (int i = 0; i < SignInThrottle.FREE_FAILURES_PER_SOURCE; i++) {
            throttle.failed("203.0.113.9", "user" + i);
        }

        assertThat(throttle.waitBefore("203.0.113.9", "someone-new")).isPresent();
        assertThat(throttle.waitBefore("10.0.0.1", "someone-new")).isEmpty();
    }

    @Test
    void signingInClearsTheSourcesFailuresForThatAccount() {
        fail("10.0.0.1", "anna", SignInThrottle.FREE_FAILURES);
        now = now.plusSeconds(2);
        throttle.succeeded("10.0.0.1", "anna");

        assertThat(throttle.waitBefore("10.0.0.1", "anna")).isEmpty();
    }

    private void fail(String source, String account, int times) {
        for (int i = 0; i < times; i++) {
            throttle.failed(source, account);
        }
    }
}
