/**
 * Who is who: the directory of people, roles and member organisations in the engine's identity store, the
 * signed-in person and what each role may do in the engine. Web security and the features read identity here.
 */
@ApplicationModule(
        displayName = "Identitet",
        allowedDependencies = {"system :: engine"})
package se.esam.lifecycle.identity;

import org.springframework.modulith.ApplicationModule;
