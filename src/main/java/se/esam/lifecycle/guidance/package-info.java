/**
 * The guidance catalogue and its published versions, the public pages, JSON and feed.
 */
@ApplicationModule(
        displayName = "Vägledningar",
        allowedDependencies = {"privacy", "system :: errors", "system :: time"})
package se.esam.lifecycle.guidance;

import org.springframework.modulith.ApplicationModule;
