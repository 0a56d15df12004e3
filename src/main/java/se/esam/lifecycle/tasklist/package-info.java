/**
 * Camunda Tasklist as the application sets it up: the filters each role sees.
 */
@ApplicationModule(displayName = "Tasklist", allowedDependencies = { "feedback", "identity" })
package se.esam.lifecycle.tasklist;

import org.springframework.modulith.ApplicationModule;
