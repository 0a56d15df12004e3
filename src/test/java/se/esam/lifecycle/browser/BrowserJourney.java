package se.esam.lifecycle.browser;

import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.icegreen.greenmail.junit5.GreenMailExtension;

import se.esam.lifecycle.support.PostgresDatabase;
import se.esam.lifecycle.support.TestEnvironment;
import se.esam.lifecycle.support.TestSmtp;

/**
 * What every browser journey runs on: the application on a random port with a fresh PostgreSQL
 * database and an SMTP server of its own (each IT class runs in its own JVM, so the statics are the
 * class's), and headless Chromium ({@link Browser}).
 */
@SpringBootTest(webEnvironment = RANDOM_PORT)
@TestEnvironment
// close the application after the class, before PostgresDatabase drops the database in its JVM shutdown hook;
// otherwise the two shutdown hooks race and the fork can hang for Hikari's 30 s connection timeout
@DirtiesContext
abstract class BrowserJourney {

    /** GreenMail on a free port of its own (not 3025), so a second build on the machine cannot clash. */
    static final TestSmtp smtp = new TestSmtp();

    @RegisterExtension
    static final GreenMailExtension mail = smtp.server();

    @RegisterExtension
    final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void journeyProperties(DynamicPropertyRegistry registry) {
        PostgresDatabase.createFor(BrowserJourney.class, registry);
        smtp.configure(registry);
    }

    String base() {
        return "http://localhost:" + port;
    }
}
