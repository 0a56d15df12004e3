/**
 * Revising a guidance document: drafting, consultation, approval and publication of a new version.
 */
@ApplicationModule(
        displayName = "Revisioner",
        allowedDependencies = {
            "guidance",
            "identity",
            "notification",
            "privacy",
            "registry",
            "system :: errors",
            "system :: time",
            "system :: engine",
            "system :: text",
            "tasklist"
        })
package se.esam.lifecycle.revision;

import org.springframework.modulith.ApplicationModule;
