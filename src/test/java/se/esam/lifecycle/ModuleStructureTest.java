package se.esam.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import se.esam.lifecycle.feedback.internal.FeedbackProcess;
import se.esam.lifecycle.review.internal.PeriodicReviewProcess;
import se.esam.lifecycle.revision.internal.RevisionProcess;

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
        List<String> undeclared = MODULES.stream()
                .map(module -> module.getBasePackage().getName())
                .filter(basePackage -> !declaresAllowedDependencies(basePackage))
                .toList();

        assertThat(undeclared)
                .as("modules without @ApplicationModule(allowedDependencies = ...) in package-info")
                .isEmpty();
    }

    /**
     * A process's names (its key, messages, element ids, variables, form ids) are its module's own: they live in
     * the module's {@code internal} package, so {@link #modulesRespectTheirBoundaries()} fails when another
     * module's code uses them. Tests that cross modules on purpose (the security matrix) may still read them.
     */
    @Test
    void eachProcessVocabularyIsInternalToItsModule() {
        assertThat(Stream.of(
                                Map.entry("feedback", FeedbackProcess.class),
                                Map.entry("revision", RevisionProcess.class),
                                Map.entry("review", PeriodicReviewProcess.class))
                        .filter(owned -> MODULES.getModuleByName(owned.getKey())
                                .orElseThrow()
                                .isExposed(owned.getValue()))
                        .map(owned -> owned.getValue().getName()))
                .as("process vocabularies other modules may use")
                .isEmpty();
    }

    /** The module diagram and a canvas per module, from the same model, committed and linked from the README. */
    @Test
    void writesTheModuleDocumentation() throws IOException {
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder("docs/modules")).writeDocumentation();
        sortRelations(Path.of("docs/modules"));

        assertThat(Path.of("docs/modules/components.puml")).isRegularFile();
    }

    /**
     * The Documenter writes relations (diagrams) and list items (canvases) in no fixed order: sorted, an
     * unchanged structure leaves the files alone.
     */
    private static void sortRelations(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.toList()) {
                String written = Files.readString(file);
                List<String> lines = new ArrayList<>(written.lines().toList());
                if (file.toString().endsWith(".puml")) {
                    sortRun(lines, line -> line.startsWith("Rel("));
                } else if (file.toString().endsWith(".adoc")) {
                    sortListItems(lines);
                }
                Files.writeString(file, String.join("\n", lines) + (written.endsWith("\n") ? "\n" : ""));
            }
        }
    }

    private static void sortRun(List<String> lines, java.util.function.Predicate<String> member) {
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (member.test(lines.get(i))) {
                positions.add(i);
            }
        }
        List<String> sorted = positions.stream().map(lines::get).sorted().toList();
        for (int i = 0; i < positions.size(); i++) {
            lines.set(positions.get(i), sorted.get(i));
        }
    }

    /** A table cell's list: "|* first" and then "* next" lines. */
    private static void sortListItems(List<String> lines) {
        for (int start = 0; start < lines.size(); start++) {
            if (!lines.get(start).startsWith("|* ")) {
                continue;
            }
            int end = start + 1;
            while (end < lines.size() && lines.get(end).startsWith("* ")) {
                end++;
            }
            List<String> items = new ArrayList<>();
            items.add(lines.get(start).substring(1));
            items.addAll(lines.subList(start + 1, end));
            items.sort(null);
            for (int i = start; i < end; i++) {
                lines.set(i, (i == start ? "|" : "") + items.get(i - start));
            }
        }
    }

    private static boolean declaresAllowedDependencies(String basePackage) {
        try {
            ApplicationModule declaration =
                    Class.forName(basePackage + ".package-info").getAnnotation(ApplicationModule.class);
            return declaration != null
                    && !List.of(declaration.allowedDependencies()).contains(ApplicationModule.OPEN_TOKEN);
        } catch (ClassNotFoundException noPackageInfo) {
            return false;
        }
    }
}
