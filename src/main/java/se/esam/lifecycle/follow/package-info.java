/**
 * Following guidance: a person follows a document or a section and gets a digest mail (daily, weekly or
 * never) of what changed for them: new versions touching what they follow, consultations opened, published
 * dispositions, and their own organisation's open feedback. A read model over the guidance, revision and
 * feedback tables for the digest (like the reports); it writes only its own tables and the outbox. It declares
 * revision for that reason alone: it reads the revision tables, and uses none of revision's types
 * (ModuleTablesTest holds every module's SQL to the modules it declares).
 */
@ApplicationModule(
        displayName = "Bevakning",
        allowedDependencies = {
            "feedback",
            "guidance",
            "identity",
            "notification",
            "revision",
            "system :: errors",
            "system :: time"
        })
package se.esam.lifecycle.follow;

import org.springframework.modulith.ApplicationModule;
