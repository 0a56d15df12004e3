package se.esam.lifecycle.security;

import java.util.function.Supplier;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;

/**
 * Camunda's authentication filters for its REST API and its webapps, given the application's one engine. Left to
 * themselves they look the engine a request addresses up through {@code ServiceLoader} at every request, which
 * searches every jar on the class path for the provider's service file (a JFR of the REST-heavy tests: 3.7 % of
 * their samples in such searches, 21 of 48 of them from the REST filter). An engine name other than ours is not found, as before.
 * The engine is asked for at the first request: the filters are made before it, and a web slice has none.
 */
final class AddressedEngine {

    private AddressedEngine() {}

    static ProcessEngineAuthenticationFilter forRestApi(Supplier<ProcessEngine> engine) {
        return new ProcessEngineAuthenticationFilter() {
            @Override
            protected ProcessEngine getAddressedEngine(String name) {
                return named(engine, name);
            }
        };
    }

    static ContainerBasedAuthenticationFilter forWebapps(Supplier<ProcessEngine> engine) {
        return new ContainerBasedAuthenticationFilter() {
            @Override
            protected ProcessEngine getAddressedEngine(String name) {
                return named(engine, name);
            }
        };
    }

    private static ProcessEngine named(Supplier<ProcessEngine> engine, String name) {
        ProcessEngine ours = engine.get();
        return ours != null && ours.getName().equals(name) ? ours : null;
    }
}
