/**
 * Retention and disposal (gallring): the rules per record type from config/retention.yaml, the nightly
 * disposal run and its log, legal holds on cases, and a person's data access report and erasure. It owns
 * the disposal SQL of every record type in one place ({@code RetentionRepository}): the feedback and
 * revision modules keep no disposal logic, and none of them depends on this module.
 */
@ApplicationModule(
        displayName = "Gallring",
        allowedDependencies = {"identity", "system :: errors", "system :: engine", "system :: time"})
package se.esam.lifecycle.retention;

import org.springframework.modulith.ApplicationModule;
