package se.esam.lifecycle.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows wrong passwords down per source and account, and per source across accounts (password spraying),
 * and never locks anyone out for good: whoever guesses from one address does not keep the account's owner,
 * signing in from another, out. Camunda's own throttle counts per account only and ends in a permanent
 * lock that anyone on the internet could trigger, so it is turned off (config: login-max-attempts).
 * Kept in memory per node: a restart forgets, which is what an administrator locked out needs.
 */
final class SignInThrottle {

    /** Wrong passwords a person may type before waiting: typos, caps lock, an old password. */
    static final int FREE_FAILURES = 5;
    /** Wrong passwords from one address, over all accounts, before that address waits. */
    static final int FREE_FAILURES_PER_SOURCE = 50;

    static final Duration LONGEST_WAIT = Duration.ofMinutes(15);
    private static final Duration FORGOTTEN_AFTER = Duration.ofHours(1);
    private static final int MAX_ENTRIES = 100_000;

    private record Failures(int count, Instant last) {}

    private final Map<String, Failures> bySourceAndAccount = new ConcurrentHashMap<>();
    private final Map<String, Failures> bySource = new ConcurrentHashMap<>();
    private final Clock clock;

    SignInThrottle(Clock clock) {
        this.clock = clock;
    }

    /** How long this source must still wait before trying this account again, if at all. */
    Optional<Duration> waitBefore(String source, String account) {
        Instant now = clock.instant();
        Duration pair = remaining(bySourceAndAccount.get(key(source, account)), FREE_FAILURES, now);
        Duration spray = remaining(bySource.get(source), FREE_FAILURES_PER_SOURCE, now);
        Duration wait = pair.compareTo(spray) >= 0 ? pair : spray;
        return wait.isZero() || wait.isNegative() ? Optional.empty() : Optional.of(wait);
    }

    void failed(String source, String account) {
        Instant now = clock.instant();
        forgetOld(now);
        bySourceAndAccount.merge(
                key(source, account), new Failures(1, now), (old, one) -> new Failures(old.count() + 1, now));
        bySource.merge(source, new Failures(1, now), (old, one) -> new Failures(old.count() + 1, now));
    }

    void succeeded(String source, String account) {
        bySourceAndAccount.remove(key(source, account));
    }

    /** Doubling from one second after the free failures, up to the longest wait, from the last failure. */
    private static Duration remaining(Failures failures, int free, Instant now) {
        if (failures == null || failures.count() < free) {
            return Duration.ZERO;
        }
        int over = Math.min(failures.count() - free, 20);
        Duration wait = Duration.ofSeconds(1L << over);
        if (wait.compareTo(LONGEST_WAIT) > 0) {
            wait = LONGEST_WAIT;
        }
        return Duration.between(now, failures.last().plus(wait));
    }

    private void forgetOld(Instant now) {
        if (bySourceAndAccount.size() + bySource.size() < MAX_ENTRIES) {
            return;
        }
        Instant cutoff = now.minus(FORGOTTEN_AFTER);
        bySourceAndAccount.values().removeIf(f -> f.last().isBefore(cutoff));
        bySource.values().removeIf(f -> f.last().isBefore(cutoff));
        if (bySourceAndAccount.size() + bySource.size() >= MAX_ENTRIES) {
            // under a flood, forgetting is safer than running out of memory: the waits start again
            bySourceAndAccount.clear();
            bySource.clear();
        }
    }

    private static String key(String source, String account) {
        return source + "\u0000" + account;
    }
}
