package se.esam.lifecycle.system;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * Our time is the engine's time. Due dates we compute are compared with it by timers, and tests that
 * move the engine's clock move ours with it.
 */
class EngineClock extends Clock {

    private final ZoneId zone;

    EngineClock(ZoneId zone) {
        this.zone = zone;
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new EngineClock(zone);
    }

    @Override
    public Instant instant() {
        return ClockUtil.now().toInstant();
    }
}
