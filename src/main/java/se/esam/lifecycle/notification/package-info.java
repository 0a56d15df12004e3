/**
 * Mail: an outbox sent after commit, retried, and an incident in the engine when it keeps failing.
 */
@ApplicationModule(
        displayName = "Utskick",
        allowedDependencies = {"system :: engine"})
package se.esam.lifecycle.notification;

import org.springframework.modulith.ApplicationModule;
