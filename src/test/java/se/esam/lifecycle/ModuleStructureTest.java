package se.esam.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;

/**
 * Each top-level package is a module; they may not form cycles, reach into each other's internals or
 * use a module (or a named interface) they do not declare.
 */
class ModuleStructureTest {

    private static final ApplicationModules MODULES = ApplicationModules.of(GuidanceLifecycleApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        MODULES.verify();
    }

    /** Without a declaration a module may use every other, and verify() checks nothing but cycles for it. */
    @Test
    void everyModuleDeclaresWhatItMayDependOn() {
        List<String> undeclared = MODULES.stream().map(module -> module.getBasePackage().getName())
                .filter(basePackage -> !declaresAllowedDependencies(basePackage)).toList();

        assertThat(undeclared).as("modules without @ApplicationModule(allowedDependencies = ...) in package-info")
                .isEmpty();
    }

    private static boolean declaresAllowedDependencies(String basePackage) {
        try {
            ApplicationModule declaration = Class.forName(basePackage + ".package-info")
                    .getAnnotation(ApplicationModule.class);
            return declaration != null
                    && !List.of(declaration.allowedDependencies()).contains(ApplicationModule.OPEN_TOKEN);
        } catch (ClassNotFoundException noPackageInfo) {
            return false;
        }
    }
}
