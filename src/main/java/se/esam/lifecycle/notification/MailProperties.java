package se.esam.lifecycle.notification;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param from         sender of every mail
 * @param outboxFolder when set, mails are written there as .eml files instead of being sent (demo)
 * @param linkBaseUrl  where links in mails point: the application as its users reach it
 */
@ConfigurationProperties("guidance.mail")
public record MailProperties(String from, Path outboxFolder, String linkBaseUrl) {
}
