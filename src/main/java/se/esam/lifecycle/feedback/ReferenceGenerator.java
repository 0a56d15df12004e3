package se.esam.lifecycle.feedback;

import java.time.Clock;
import java.time.Year;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hands out tracking references {@code FB-<year>-<number>}, numbered from 1 each year. The counter row
 * is locked by the increment, so concurrent submissions queue for it and never share a number; a
 * rolled-back submission leaves a gap, which is the price of not holding the lock longer.
 */
@Component
class ReferenceGenerator {

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;

    ReferenceGenerator(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /** Must run inside the submission's transaction, which holds the counter lock until it ends. */
    String next() {
        int year = Year.now(clock).getValue();
        ensureCounter(year);
        jdbc.sql("update feedback_reference_counter set last_number = last_number + 1 where reference_year = ?")
                .param(year).update();
        int number = jdbc.sql("select last_number from feedback_reference_counter where reference_year = ?")
                .param(year).query(Integer.class).single();
        return "FB-%d-%04d".formatted(year, number);
    }

    private void ensureCounter(int year) {
        // in its own transaction: a lost insert race must not abort the submission's transaction
        ownTransaction.executeWithoutResult(status -> {
            boolean exists = jdbc.sql("select count(*) from feedback_reference_counter where reference_year = ?")
                    .param(year).query(Integer.class).single() > 0;
            if (!exists) {
                try {
                    jdbc.sql("insert into feedback_reference_counter (reference_year, last_number) values (?, 0)")
                            .param(year).update();
                } catch (DuplicateKeyException raceLost) {
                    status.setRollbackOnly();
                }
            }
        });
    }
}
