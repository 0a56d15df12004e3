package se.esam.lifecycle.support;

import java.time.LocalDate;

import se.esam.lifecycle.system.SwedishTime;

/** Today in Sweden by the engine's clock: the day the application stamps on what it records now. */
public final class SwedishToday {

    private SwedishToday() {}

    public static LocalDate date() {
        return LocalDate.ofInstant(EngineClock.now(), SwedishTime.ZONE);
    }
}
