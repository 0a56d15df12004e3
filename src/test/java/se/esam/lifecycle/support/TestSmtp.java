package se.esam.lifecycle.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.springframework.test.context.DynamicPropertyRegistry;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * A real SMTP server (GreenMail) on a free port of its own, so test classes running side by side
 * never read each other's mail.
 */
public final class TestSmtp {

    /** The one of this JVM, which {@link SharedApplication}'s context sends to. */
    private static final TestSmtp SHARED = new TestSmtp();

    private final int port = freePort();
    private final GreenMailExtension server = new GreenMailExtension(setup(port)).withPerMethodLifecycle(false);

    /**
     * GreenMail waits 2 s for its server thread by default; on a loaded two-core CI machine that thread
     * was once not scheduled in time and a whole class failed before its first test. The wait ends as soon
     * as the server is up, so a long bound costs nothing on a quiet machine.
     */
    public static ServerSetup setup(int port) {
        ServerSetup setup = new ServerSetup(port, "127.0.0.1", "smtp");
        setup.setServerStartupTimeout(60_000);
        return setup;
    }

    /** Register as a static {@code @RegisterExtension} field. */
    public GreenMailExtension server() {
        return server;
    }

    /**
     * The mail server of this JVM's {@link SharedApplication}. Each class registers its {@link #server()}
     * as its own {@code @RegisterExtension}: a fresh GreenMail, empty, on this port from the class's first
     * test to its last, so a class reads only the mail sent while it ran.
     */
    public static TestSmtp shared() {
        return SHARED;
    }

    /** Call from the test class's {@code @DynamicPropertySource}. */
    public void configure(DynamicPropertyRegistry registry) {
        properties().forEach((name, value) -> registry.add(name, () -> value));
    }

    /** The application's settings that send mail here. */
    Map<String, Object> properties() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.mail.host", "127.0.0.1");
        properties.put("spring.mail.port", port);
        // ./config/application-demo.yaml outranks a classpath test profile, so the demo outbox is switched off here
        properties.put("guidance.mail.outbox-folder", "");
        return properties;
    }

    /** Subjects of the mails received so far for this address, each mail once however many it went to. */
    public List<String> subjectsTo(String address) {
        List<String> subjects = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        try {
            for (MimeMessage message : server.getReceivedMessages()) {
                if (Arrays.stream(message.getAllRecipients())
                                .anyMatch(r -> r.toString().equals(address))
                        && seen.add(message.getMessageID())) {
                    subjects.add(message.getSubject());
                }
            }
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
        return subjects;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
