package se.esam.lifecycle.archive;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * The bulk export as a command: the application started with {@code --archive.export.from=2026-01-01
 * --archive.export.to=2026-12-31 --archive.export.target=/path} writes one ZIP per case closed in that
 * period into the target folder and exits (0 when all went well). Without those options it does nothing.
 * A package already in the folder is left alone, so a run that stopped half-way can be run again.
 */
@Component
class ArchiveExportCommand implements ApplicationRunner {

    static final String FROM = "archive.export.from";
    static final String TO = "archive.export.to";
    static final String TARGET = "archive.export.target";
    /** {@code false} keeps the application running after the export (tests). */
    static final String EXIT = "archive.export.exit";

    private static final Logger log = LoggerFactory.getLogger(ArchiveExportCommand.class);

    private final ArchivePackages packages;
    private final ApplicationContext context;

    ArchiveExportCommand(ArchivePackages packages, ApplicationContext context) {
        this.packages = packages;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (!args.containsOption(TARGET)) {
            return;
        }
        List<Path> written = export(
                ArchiveController.date("from", single(args, FROM)),
                ArchiveController.date("to", single(args, TO)),
                Path.of(single(args, TARGET)));
        log.info("Archive export: {} package(s) in {}", written.size(), single(args, TARGET));
        if (!"false".equals(single(args, EXIT))) {
            System.exit(SpringApplication.exit(context, () -> 0));
        }
    }

    /** Writes each case closed in the period as {@code <reference>.zip}; returns the files of this run. */
    List<Path> export(LocalDate from, LocalDate to, Path target) throws IOException {
        Files.createDirectories(target);
        List<Path> written = new ArrayList<>();
        for (String reference : packages.closedBetween(from, to)) {
            Path file = target.resolve(reference + ".zip");
            if (Files.exists(file)) {
                continue;
            }
            ArchivePackages.Package sip = packages.of(reference);
            // written beside and moved into place: a half-written package never carries the final name
            Path partial = target.resolve(reference + ".zip.part");
            try (OutputStream out = Files.newOutputStream(partial)) {
                SipPackage.zip(sip.objid(), sip.files(), out);
            }
            Files.move(partial, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            written.add(file);
        }
        return written;
    }

    private static String single(ApplicationArguments args, String name) {
        List<String> values = args.getOptionValues(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
