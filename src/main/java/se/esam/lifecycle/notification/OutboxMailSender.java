package se.esam.lifecycle.notification;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** Writes mails as .eml files into a folder: the demo has no mail server, and a person can open them. */
class OutboxMailSender extends JavaMailSenderImpl {

    private final Path folder;

    OutboxMailSender(Path folder) {
        this.folder = folder;
    }

    @Override
    protected void doSend(MimeMessage[] mimeMessages, Object[] originalMessages) {
        try {
            Files.createDirectories(folder);
            for (MimeMessage message : mimeMessages) {
                message.saveChanges();
                Path file = folder.resolve(System.currentTimeMillis() + "-" + UUID.randomUUID() + ".eml");
                try (OutputStream out = Files.newOutputStream(file)) {
                    message.writeTo(out);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (MessagingException e) {
            throw new MailPreparationException(e);
        }
    }
}
