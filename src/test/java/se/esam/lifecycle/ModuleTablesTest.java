package se.esam.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.ApplicationModule;

/**
 * What {@link ModuleStructureTest} cannot see: SQL. Each table belongs to one module; another module's SQL may
 * name it only when it declares that module as a dependency (a read model over a module it may use, as the reports
 * and the digest are). Retention is the one declared exception: it carries out the retention schedule and legal
 * holds over every module's records, which is what the records rules ask of it (docs/records-retention.md).
 */
class ModuleTablesTest {

    private static final Path SOURCES = Path.of("src/main/java/se/esam/lifecycle");

    /** Every table of the migrations, by the module that owns (creates and writes) it. */
    private static final Map<String, Set<String>> OWNED = Map.of(
            "feedback",
                    Set.of(
                            "feedback",
                            "feedback_endorsement",
                            "feedback_event",
                            "feedback_publication",
                            "feedback_reference_counter",
                            "feedback_submission"),
            "revision",
                    Set.of("revision", "revision_event", "revision_item", "revision_section", "consultation_response"),
            "guidance", Set.of("guidance_document", "guidance_section", "guidance_version", "published_disposition"),
            "follow", Set.of("follow", "digest_preference", "digest_schedule", "digest_sent"),
            "retention", Set.of("disposal_log", "legal_hold", "retention_audit", "retention_schedule"),
            "notification", Set.of("mail_outbox"),
            "registry", Set.of("register_entry", "registry_counter"),
            "reporting", Set.of("report_count", "report_histogram"));

    /** Modules whose SQL may name any module's tables, and why. */
    private static final Set<String> EVERY_TABLE = Set.of("retention");

    private static final Pattern TABLE_IN_SQL = Pattern.compile("(?i)\\b(?:from|join|into|update)\\s+([a-z_]+)\\b");

    @Test
    void everyTableOfTheMigrationsHasAnOwner() throws IOException {
        Set<String> created = new TreeSet<>();
        Pattern create = Pattern.compile("(?i)create table (?:if not exists )?([a-z_]+)");
        try (Stream<Path> migrations = Files.list(Path.of("src/main/resources/db/migration"))) {
            for (Path migration : migrations.toList()) {
                Matcher matcher = create.matcher(Files.readString(migration));
                while (matcher.find()) {
                    created.add(matcher.group(1).toLowerCase());
                }
            }
        }
        Set<String> owned = OWNED.values().stream().flatMap(Set::stream).collect(Collectors.toSet());
        assertThat(owned).containsExactlyInAnyOrderElementsOf(created);
    }

    @Test
    void aModulesSqlNamesOnlyItsOwnTablesAndThoseOfModulesItDeclares() throws IOException {
        List<String> undeclared = new ArrayList<>();
        try (Stream<Path> modules = Files.list(SOURCES)) {
            for (Path module : modules.filter(Files::isDirectory).sorted().toList()) {
                String name = module.getFileName().toString();
                if (EVERY_TABLE.contains(name)) {
                    continue;
                }
                Set<String> mayRead = new HashSet<>(OWNED.getOrDefault(name, Set.of()));
                declaredDependencies(name)
                        .forEach(dependency -> mayRead.addAll(OWNED.getOrDefault(dependency, Set.of())));
                try (Stream<Path> files = Files.walk(module)) {
                    for (Path file : files.filter(f -> f.toString().endsWith(".java"))
                            .sorted()
                            .toList()) {
                        for (String table : tablesNamedIn(file)) {
                            if (!mayRead.contains(table)) {
                                undeclared.add(SOURCES.relativize(file) + " names " + table + " of " + ownerOf(table));
                            }
                        }
                    }
                }
            }
        }
        assertThat(undeclared)
                .as("tables of modules the module does not declare (package-info allowedDependencies)")
                .isEmpty();
    }

    /** Table names after from, join, into or update, outside comments. */
    private static Set<String> tablesNamedIn(Path file) throws IOException {
        Set<String> tables = new TreeSet<>();
        Set<String> known = OWNED.values().stream().flatMap(Set::stream).collect(Collectors.toSet());
        for (String line : Files.readAllLines(file)) {
            String code = line.strip();
            if (code.startsWith("*") || code.startsWith("/*") || code.startsWith("//")) {
                continue;
            }
            Matcher matcher = TABLE_IN_SQL.matcher(code);
            while (matcher.find()) {
                if (known.contains(matcher.group(1))) {
                    tables.add(matcher.group(1));
                }
            }
        }
        return tables;
    }

    private static String ownerOf(String table) {
        return OWNED.entrySet().stream()
                .filter(owned -> owned.getValue().contains(table))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElseThrow();
    }

    /** The module names a package-info declares, without named interfaces ("system :: time" is system). */
    private static Set<String> declaredDependencies(String module) {
        try {
            ApplicationModule declaration = Class.forName("se.esam.lifecycle." + module + ".package-info")
                    .getAnnotation(ApplicationModule.class);
            return declaration == null
                    ? Set.of()
                    : Stream.of(declaration.allowedDependencies())
                            .map(dependency -> dependency.split("::")[0].strip())
                            .collect(Collectors.toSet());
        } catch (ClassNotFoundException noPackageInfo) {
            return Set.of();
        }
    }
}
