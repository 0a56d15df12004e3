/**
 * Periodic review of published guidance: each current version gets a review date, its owning expert group
 * decides in time whether it still holds, asks for a revision or withdraws it; reminders before, escalation
 * to the kansli after.
 */
@ApplicationModule(
        displayName = "Periodisk översyn",
        allowedDependencies = {
            "feedback",
            "guidance",
            "identity",
            "notification",
            "revision",
            "system :: errors",
            "system :: time",
            "system :: engine",
            "tasklist"
        })
package se.esam.lifecycle.review;

import org.springframework.modulith.ApplicationModule;
