package se.esam.lifecycle.system;

import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.modulith.NamedInterface;

/**
 * Engine queries the application makes for itself (whose organisation, who finished a task, how many
 * tasks are overdue), not on a person's behalf: they run without the signed-in person's
 * authorizations, which would hide what that person may not read.
 */
@NamedInterface("engine")
public final class AsApplication {

    private AsApplication() {}

    public static <T> T query(IdentityService identity, Supplier<T> query) {
        Authentication person = identity.getCurrentAuthentication();
        if (person == null) {
            return query.get();
        }
        identity.clearAuthentication();
        try {
            return query.get();
        } finally {
            identity.setAuthentication(person);
        }
    }
}
