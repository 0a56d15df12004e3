package se.esam.lifecycle.browser;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.icegreen.greenmail.junit5.GreenMailExtension;

import se.esam.lifecycle.support.SharedApplication;
import se.esam.lifecycle.support.TestSmtp;

/**
 * A browser journey on the JVM's {@link SharedApplication} instead of an application of its own: the same
 * Chromium ({@link Browser}), port and {@link #base()} as {@link BrowserJourney}, without a context start and
 * a database per class. For journeys that make their own data and find it by its reference; a journey that
 * counts rows, picks "the only task" in a list, opens a revision, starts a periodic review or publishes a
 * version stays on {@link BrowserJourney}.
 */
@SharedApplication
abstract class SharedBrowserJourney {

    @RegisterExtension
    static final GreenMailExtension mail = TestSmtp.shared().server();

    @RegisterExtension
    final Browser browser = new Browser();

    @LocalServerPort
    int port;

    String base() {
        return "http://localhost:" + port;
    }
}
