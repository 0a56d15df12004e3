/**
 * The register (diarium) of incoming documents: every feedback item, clarification answer and consultation
 * response gets a registration number in the transaction that stores it. The kansli reads the register; an
 * agency's own diarium follows it through a feed. It knows nothing of feedback or revisions: they call in.
 */
@ApplicationModule(
        displayName = "Diarium",
        allowedDependencies = {"guidance", "identity", "system :: errors", "system :: text", "system :: time"})
package se.esam.lifecycle.registry;

import org.springframework.modulith.ApplicationModule;
