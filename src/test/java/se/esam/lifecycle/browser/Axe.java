package se.esam.lifecycle.browser;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.webjars.WebJarVersionLocator;

/**
 * axe-core, Deque's accessibility rules (the npm package, from Maven Central as the webjar
 * {@code org.webjars.npm:axe-core}), run inside the page the browser shows.
 * <p>
 * The script is injected with WebDriver's own script call, not as a {@code <script>} element: the pages'
 * Content-Security-Policy does not apply to it, and nothing about the page is changed for the test. axe runs every
 * rule it has except the experimental ones (WCAG 2.0/2.1 A and AA and its best practices); what the law's level
 * (WCAG 2.1 AA through EN 301 549) and issue 13 do not accept are the {@code critical} and {@code serious} findings.
 */
final class Axe {

    /** What a finding may not be: axe's two highest impacts. */
    static final List<String> BLOCKING = List.of("critical", "serious");

    private static final String SOURCE = load();

    /** How long a blocking finding must last to count: the page may still be rendering when a test checks it. */
    private static final Duration SETTLE = Duration.ofMillis(3000);

    /** The pause between two runs while the page settles (a run itself takes a few hundred milliseconds). */
    private static final Duration RECHECK = Duration.ofMillis(250);

    /**
     * Runs axe on the whole document; returns each finding as rule id, impact, help text and the CSS targets of its
     * nodes (at most five, enough to find them).
     */
    private static final String RUN = """
            const done = arguments[arguments.length - 1];
            axe.run(document, {resultTypes: ['violations']})
              .then(result => done(result.violations.map(v => ({
                id: v.id,
                impact: v.impact || 'unknown',
                help: v.help,
                targets: v.nodes.slice(0, 5).map(n => n.target.join(' ')),
                nodes: v.nodes.length
              }))))
              .catch(e => done({error: String(e)}));
            """;

    private Axe() {}

    /** One rule broken on the page: its id (e.g. {@code color-contrast}), impact, help text and where. */
    record Violation(String rule, String impact, String help, List<String> targets, long nodes) {

        boolean blocking() {
            return BLOCKING.contains(impact);
        }

        @Override
        public String toString() {
            return impact + " " + rule + " (" + help + ") on " + nodes + " element(s): " + String.join(" | ", targets);
        }
    }

    /** Runs the rules on what the browser shows now; every violation, whatever its impact. */
    @SuppressWarnings("unchecked")
    static List<Violation> check(WebDriver driver) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        if (!Boolean.TRUE.equals(js.executeScript("return typeof window.axe === 'object';"))) {
            js.executeScript(SOURCE);
        }
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        Object result = js.executeAsyncScript(RUN);
        if (result instanceof Map<?, ?> error) {
            throw new IllegalStateException(
                    "axe could not run on " + driver.getCurrentUrl() + ": " + error.get("error"));
        }
        return ((List<Map<String, Object>>) result)
                .stream()
                        .map(v -> new Violation(
                                (String) v.get("id"),
                                (String) v.get("impact"),
                                (String) v.get("help"),
                                (List<String>) v.get("targets"),
                                ((Number) v.get("nodes")).longValue()))
                        .toList();
    }

    /**
     * Runs the rules and fails with every critical and serious violation, rule id and targets, if there is one; the
     * lesser ones are printed, so a reader of the build log sees them too.
     */
    static void assertNoSeriousViolations(Browser browser, String page) {
        browser.step("axe on " + page);
        List<Violation> violations = check(browser.driver());
        // the webapps keep rendering after the element a test waited for (a loading grey, a title about to be
        // replaced): what counts is the page once it has settled, so a finding must still be there after SETTLE.
        // It is checked again until it is gone or SETTLE has passed, not after fixed sleeps: a passing page that
        // settles in 300 ms no longer waits 1.5 s, and a finding that stays fails after the same 3 s as before.
        long deadline = System.nanoTime() + SETTLE.toNanos();
        if (violations.stream().anyMatch(Violation::blocking)) {
            System.out.println("[axe] " + page + ": checking again until the page has settled; found "
                    + violations.stream().filter(Violation::blocking).toList());
        }
        while (violations.stream().anyMatch(Violation::blocking) && System.nanoTime() < deadline) {
            sleep(RECHECK);
            violations = check(browser.driver());
        }
        violations.stream().filter(v -> !v.blocking()).forEach(v -> System.out.println("[axe] " + page + ": " + v));
        List<Violation> blocking =
                violations.stream().filter(Violation::blocking).toList();
        if (!blocking.isEmpty()) {
            throw new AssertionError("axe found " + blocking.size() + " critical or serious violation(s) on " + page
                    + " (" + browser.driver().getCurrentUrl() + "):\n  "
                    + blocking.stream().map(Violation::toString).collect(Collectors.joining("\n  ")));
        }
        System.out.println("[axe] " + page + ": no critical or serious violation (" + violations.size() + " lesser)");
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String load() {
        String path = new WebJarVersionLocator().fullPath("axe-core", "axe.min.js");
        if (path == null) {
            throw new IllegalStateException(
                    "axe-core's webjar (org.webjars.npm:axe-core) is not on the test classpath");
        }
        try (InputStream in = Axe.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("no " + path + " on the test classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
