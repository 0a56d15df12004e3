package se.esam.lifecycle.system;

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
                  Tasklist   {}/camunda/app/tasklist/
                  Cockpit    {}/camunda/app/cockpit/
                  Admin      {}/camunda/app/admin/
                  My feedback {}/feedback
                  API docs   {}/swagger-ui.html
                ----------------------------------------------------------------""",
                String.join(
                        ",", env.getActiveProfiles().length > 0 ? env.getActiveProfiles() : env.getDefaultProfiles()),
                base,
                base,
                base,
                base,
                base);
    }
}
