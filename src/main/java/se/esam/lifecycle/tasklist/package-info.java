/**
 * Camunda Tasklist as the application sets it up: the filters each role sees. Modules contribute the
 * filters of their own tasks and the columns of their own variables ({@code TasklistFilter}); this module
 * names no process.
 */
@ApplicationModule(
        displayName = "Tasklist",
        allowedDependencies = {"identity"})
package se.esam.lifecycle.tasklist;

import org.springframework.modulith.ApplicationModule;
