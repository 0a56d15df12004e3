/**
 * Archive delivery: a closed case (feedback item or published revision) as an E-ARK SIP (METS with PREMIS,
 * checksums, open formats), one at a time over the API or for a period by a command. Reads the other
 * modules through their record APIs; nothing depends on it.
 */
@ApplicationModule(
        displayName = "Arkiv",
        allowedDependencies = {
            "feedback",
            "guidance",
            "identity",
            "revision",
            "notification",
            "registry",
            "system :: errors",
            "system :: time"
        })
package se.esam.lifecycle.archive;

import org.springframework.modulith.ApplicationModule;
