/**
 * What every module stands on: problem details and engine errors, the engine clock, running as the
 * application, plain-text checks, the variable guard, metrics and the start-up banner. It uses no other module.
 */
@ApplicationModule(
        displayName = "System",
        allowedDependencies = {})
package se.esam.lifecycle.system;

import org.springframework.modulith.ApplicationModule;
