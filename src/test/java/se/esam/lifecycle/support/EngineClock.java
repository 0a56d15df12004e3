package se.esam.lifecycle.support;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The application's clock in tests: the engine's (Camunda's {@code ClockUtil}, static, so shared by everything in
 * the JVM), which the application reads through its {@code Clock} bean as well. The one test class that names
 * the engine's internal clock, so that a fork of the engine that moves it changes one file.
 */
public final class EngineClock {

    private EngineClock() {}

    /** The clock reads {@code now} from here on. */
    public static void at(Instant now) {
        ClockUtil.setCurrentTime(Date.from(now));
    }

    /** The clock moves on by {@code step} from what it reads now. */
    public static void advance(Duration step) {
        ClockUtil.offset(ClockUtil.now().getTime() - System.currentTimeMillis() + step.toMillis());
    }

    /** What the clock reads. */
    public static Instant now() {
        return ClockUtil.now().toInstant();
    }

    /** The real time again. */
    public static void reset() {
        ClockUtil.reset();
    }
}
