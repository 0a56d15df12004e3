/**
 * Feedback on the guidance: submission, the feedback process, its pages and API, and what it tells submitters.
 */
@ApplicationModule(
        displayName = "Synpunkter",
        allowedDependencies = {
            "guidance",
            "identity",
            "notification",
            "privacy",
            "registry",
            "revision",
            "system :: errors",
            "system :: time",
            "system :: engine",
            "system :: text",
            "tasklist"
        })
package se.esam.lifecycle.feedback;

import org.springframework.modulith.ApplicationModule;
