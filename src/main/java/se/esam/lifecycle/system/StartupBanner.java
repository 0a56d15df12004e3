package se.esam.lifecycle.system;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Tells whoever started the application where to go. */
@Component
class StartupBanner {

    private static final Logger log = LoggerFactory.getLogger(StartupBanner.class);

    /** Every door in, so that nobody has to read the README to find the public pages or the reports. */
    static final Map<String, String> ENTRY_POINTS = entries();

    private static Map<String, String> entries() {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("Start page", "/");
        entries.put("Published guidance (public)", "/guidance");
        entries.put("Feedback overview", "/feedback");
        entries.put("Reports", "/reports");
        entries.put("Records register (kansli)", "/register");
        entries.put("Retention (kansli)", "/retention");
        entries.put("Follows and digest settings", "/settings");
        entries.put("Archive API (kansli)", "/api/archive");
        entries.put("Tasklist", "/camunda/app/tasklist/");
        entries.put("Cockpit", "/camunda/app/cockpit/");
        entries.put("Admin", "/camunda/app/admin/");
        entries.put("Camunda REST API", "/engine-rest");
        entries.put("API docs", "/swagger-ui.html");
        entries.put("Accessibility statement", "/accessibility");
        return Collections.unmodifiableMap(entries);
    }

    static String entryPoints(String base) {
        StringBuilder lines = new StringBuilder();
        ENTRY_POINTS.forEach((name, path) -> lines.append(String.format("  %-28s %s%s%n", name, base, path)));
        return lines.toString();
    }

    @EventListener
    void ready(ApplicationReadyEvent event) {
        if (!(event.getApplicationContext() instanceof WebServerApplicationContext web)) {
            return;
        }
        String base = "http://localhost:" + web.getWebServer().getPort();
        Environment env = event.getApplicationContext().getEnvironment();
        log.info(
                """

                ----------------------------------------------------------------
                guidance-lifecycle is running (profiles: {})
                {}----------------------------------------------------------------""",
                String.join(
                        ",", env.getActiveProfiles().length > 0 ? env.getActiveProfiles() : env.getDefaultProfiles()),
                entryPoints(base));
    }
}
