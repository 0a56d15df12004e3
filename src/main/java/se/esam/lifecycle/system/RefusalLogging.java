package se.esam.lifecycle.system;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;

/**
 * Tells refusals from faults in the log. When a command fails, Camunda logs the exception with its stack
 * trace ({@code ENGINE-16004}, ERROR) unless the exception itself is one of a few engine types; our
 * refusals (bad input, jäv and four-eyes, a clash) arrive wrapped by the listener or expression that
 * threw them, so every refusal inside the engine looked like a fault. This filter turns such a line into
 * one INFO line without a stack trace; anything else Camunda logs, real faults included, is untouched.
 */
@Component
class RefusalLogging implements SmartInitializingSingleton {

    /** The logger of Camunda's command context (ENGINE-16002/16003/16004). */
    static final String CAMUNDA_COMMAND_LOGGER = "org.camunda.bpm.engine.context";

    private static final org.slf4j.Logger refusals = LoggerFactory.getLogger("se.esam.lifecycle.refusals");

    @Override
    public void afterSingletonsInstantiated() {
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        // Spring Boot's logging set-up resets the context (and its turbo filters) for each application context
        if (factory instanceof LoggerContext logback
                && logback.getTurboFilterList().stream().noneMatch(RefusalFilter.class::isInstance)) {
            RefusalFilter filter = new RefusalFilter();
            filter.setName("refusals");
            filter.start();
            logback.addTurboFilter(filter);
        }
    }

    /** The refusal a logged exception carries (itself or a cause), or null when it is something else. */
    static Throwable refusalIn(Throwable thrown) {
        int depth = 0;
        for (Throwable cause = thrown; cause != null && depth < 32; cause = cause.getCause(), depth++) {
            if (cause instanceof InvalidInputException
                    || cause instanceof ForbiddenException
                    || cause instanceof ConflictException
                    || cause instanceof NotFoundException
                    || cause instanceof TaskAlreadyClaimedException
                    || cause instanceof OptimisticLockingException
                    || cause instanceof AuthorizationException) {
                return cause;
            }
        }
        return null;
    }

    static final class RefusalFilter extends TurboFilter {

        @Override
        public FilterReply decide(
                Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
            if (level == null
                    || !level.isGreaterOrEqual(Level.INFO)
                    || !logger.getName().equals(CAMUNDA_COMMAND_LOGGER)) {
                return FilterReply.NEUTRAL;
            }
            Throwable thrown = t;
            if (thrown == null
                    && params != null
                    && params.length > 0
                    && params[params.length - 1] instanceof Throwable last) {
                thrown = last;
            }
            Throwable refusal = refusalIn(thrown);
            if (refusal == null) {
                return FilterReply.NEUTRAL;
            }
            String field = refusal instanceof InvalidInputException invalid ? " (" + invalid.field() + ")" : "";
            refusals.info(
                    "Refused in the engine: {}{}: {}", refusal.getClass().getSimpleName(), field, refusal.getMessage());
            return FilterReply.DENY;
        }
    }
}
