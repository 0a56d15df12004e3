package se.esam.lifecycle.notification;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param from         sender of every mail; its domain is also the right-hand side of every Message-ID
 * @param outboxFolder when set, mails are written there as .eml files instead of being sent (demo)
 * @param linkBaseUrl  where links in mails point: the application as its users reach it
 * @param retryDelays  how long to wait after each failed attempt; when they are used up, the mail has
 *                     failed and an incident is raised on its process
 * @param sendTimeout  how long one attempt holds its mail: no other node sends it meanwhile. A mail still
 *                     held after this is taken to have been lost with its node (a crash) and is sent again,
 *                     with the same Message-ID. Must be well above the longest send: the SMTP socket
 *                     timeouts ({@link MailConfiguration}) keep a hanging server far below it.
 */
@ConfigurationProperties("guidance.mail")
public record MailProperties(
        String from,
        Path outboxFolder,
        String linkBaseUrl,

        @DefaultValue({"PT1M", "PT5M", "PT15M", "PT1H", "PT4H"})
        List<Duration> retryDelays,

        @DefaultValue("PT5M") Duration sendTimeout) {}
