package se.esam.lifecycle;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** Each top-level package is a module; they may not form cycles or reach into each other's internals. */
class ModuleStructureTest {

    private static final ApplicationModules MODULES = ApplicationModules.of(GuidanceLifecycleApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        MODULES.verify();
    }
}
