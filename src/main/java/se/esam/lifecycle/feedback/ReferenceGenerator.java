package se.esam.lifecycle.feedback;

import java.time.Clock;
import java.time.Year;
import java.util.regex.Pattern;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import se.esam.lifecycle.system.InvalidInputException;

/**
 * Hands out tracking references {@code FB-<year>-<number>}, numbered from 1 each year. The counter row
 * is locked by the increment, so concurrent submissions queue for it and never share a number; a
 * rolled-back submission leaves a gap, which is the price of not holding the lock longer.
 */
@Component
class ReferenceGenerator {

    private final JdbcClient jdbc;
    private final TransactionTemplate savepoint;
    private final Clock clock;

    /**
     * What {@link #next()} hands out and nothing else: {@code FB-}, a four-digit year, {@code -}, the
     * number with four digits (zero-padded) or, from 10,000 on, its digits without a leading zero. So
     * {@code FB-2026-0091} is a reference and {@code FB-2026-91}, {@code fb-2026-0091} or
     * {@code FB-2026-00091} are not.
     */
    static final Pattern FORMAT = Pattern.compile("FB-[0-9]{4}-(?:[0-9]{4}|[1-9][0-9]{4,8})");

    /** @throws InvalidInputException naming the parameter when the value is not a reference */
    static String wellFormed(String parameter, String value) {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new InvalidInputException(
                    parameter, "Ange en referens som FB-ÅÅÅÅ-NNNN: år och löpnummer med minst fyra siffror.");
        }
        return value;
    }

    ReferenceGenerator(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.clock = clock;
    }

    /** Must run inside the submission's transaction, which holds the counter lock until it ends. */
    String next() {
        int year = Year.now(clock).getValue();
        ensureCounter(year);
        jdbc.sql("update feedback_reference_counter set last_number = last_number + 1 where reference_year = ?")
                .param(year)
                .update();
        int number = jdbc.sql("select last_number from feedback_reference_counter where reference_year = ?")
                .param(year)
                .query(Integer.class)
                .single();
        return "FB-%d-%04d".formatted(year, number);
    }

    private void ensureCounter(int year) {
        if (counterExists(year)) {
            return;
        }
        // a savepoint on the submission's own connection: a lost insert race rolls back to it without
        // aborting the submission. Not a transaction of its own, which would need a second connection
        // while this one is held: with every pooled connection held by a submission waiting for one,
        // the pool deadlocked until its timeout (20 submissions at once, FeedbackApiIT)
        savepoint.executeWithoutResult(status -> {
            try {
                jdbc.sql("insert into feedback_reference_counter (reference_year, last_number) values (?, 0)")
                        .param(year)
                        .update();
            } catch (DuplicateKeyException raceLost) {
                status.setRollbackOnly();
            }
        });
    }

    private boolean counterExists(int year) {
        return jdbc.sql("select count(*) from feedback_reference_counter where reference_year = ?")
                        .param(year)
                        .query(Integer.class)
                        .single()
                > 0;
    }
}
