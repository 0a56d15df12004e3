package se.esam.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

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

    /** The module diagram and a canvas per module, from the same model, committed and linked from the README. */
    @Test
    void writesTheModuleDocumentation() {
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder("docs/modules")).writeDocumentation();

        assertThat(Path.of("docs/modules/components.puml")).isRegularFile();
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
