package se.esam.lifecycle.notification;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Writes mails as .eml files into a folder: the demo has no mail server, and a person can open them. A
 * mail sent again after a crash is a second file with the same Message-ID, as a mail server would see it.
 */
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
                // saveChanges makes a new Message-ID; the outbox's must survive it
                String messageId = message.getMessageID();
                message.saveChanges();
                if (messageId != null) {
                    message.setHeader("Message-ID", messageId);
                }
                String name = System.currentTimeMillis() + "-" + UUID.randomUUID();
                Path partial = folder.resolve(name + ".eml.part");
                try (OutputStream out = Files.newOutputStream(partial)) {
                    message.writeTo(out);
                }
                // a reader of the folder never sees half a mail, even when the node dies while writing
                Files.move(partial, folder.resolve(name + ".eml"), StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            throw new MailSendException("Could not write mail into " + folder, e);
        } catch (MessagingException e) {
            throw new MailPreparationException(e);
        }
    }
}
