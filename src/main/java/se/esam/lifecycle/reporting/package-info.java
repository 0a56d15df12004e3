/**
 * Manager reports: where feedback waits, how long it takes and what becomes of it. A read model over
 * the columns the feedback module keeps for it (V4 migration) and the revisions. It writes only its own
 * monthly figures (V19), from feedback's {@code FeedbackFiguresChanged} in the same transaction.
 */
@ApplicationModule(
        displayName = "Rapporter",
        allowedDependencies = {"feedback", "guidance", "identity", "revision", "system :: errors", "system :: text"})
package se.esam.lifecycle.reporting;

import org.springframework.modulith.ApplicationModule;
