package se.esam.lifecycle.browser;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium for browser tests, one clean session (no cookies, no storage, a new tab) per person. Uses
 * Debian's Chromium and chromedriver explicitly, so Selenium Manager never looks for or downloads a driver. The
 * Chromium is Debian's headless shell ({@code chromium-headless-shell}: the same Blink and V8 as the full browser,
 * without the browser's own window layer), which drove the browser classes with a quarter less CPU than the full
 * {@code chromium --headless=new} (docs/testing.md); {@code -Dbrowser.chromium=/usr/bin/chromium} runs them in the
 * full one.
 * <p>
 * Starting chromedriver and Chromium with a new profile costs a second or more on a loaded machine, and a journey
 * switches person several times; so the JVM keeps one Chromium and {@link #newSession()} gives the next person a
 * cleared one: every cookie of every site deleted, local storage, IndexedDB and caches of every site the tab showed
 * deleted, and a new tab (no session storage, no history). It then checks that no cookie is left, and a journey's
 * sign-in still starts on the login page and ends with the new person's name shown. The HTTP cache is kept, as in
 * a person's own browser: it holds only the webapps' files, which the server lets a browser keep and has it ask
 * about before each use (security/CachePolicy); pages and answers with data are never stored.
 * <p>
 * Registered as a JUnit extension: when a test fails it saves a screenshot and the page source of the open
 * browser into {@code target/browser-screenshots/} and quits that Chromium (the next test starts a new one);
 * after a passing test the Chromium is kept for the next session.
 */
final class Browser implements AfterTestExecutionCallback, AfterEachCallback {

    static final Duration TIMEOUT = Duration.ofSeconds(30);

    /**
     * How often a wait looks again. Selenium's default, 500 ms, added a quarter of a second on average to every
     * wait of a journey (hundreds of them); each look is one small command to chromedriver.
     */
    static final Duration POLL = Duration.ofMillis(100);

    private static final String CHROMIUM =
            System.getProperty("browser.chromium", "/usr/lib/chromium/chromium-headless-shell");
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    private static final Path SCREENSHOTS = Path.of("target", "browser-screenshots");

    /** The Chromium a passing test left behind, for the next session in this JVM; quit when the JVM ends. */
    private static Chromium parked;

    private static boolean shutdownHookAdded;

    private Chromium chromium;
    private String step = "start";
    private final long started = System.nanoTime();

    /**
     * One chromedriver with its Chromium. The profile folder is chromedriver's own, made for this start and deleted
     * when it quits: the headless shell opens no page in a folder given with {@code --user-data-dir} (chromedriver:
     * "unable to discover open pages").
     */
    private record Chromium(ChromeDriver driver) {

        void quit() {
            driver.quit();
        }
    }

    /**
     * Gives the next person a browser of their own: the JVM's Chromium cleared of everything the previous person
     * left (see the class comment), or a new one when there is none or clearing it failed.
     */
    WebDriver newSession() {
        long start = System.nanoTime();
        Chromium reused = chromium != null ? chromium : unpark();
        chromium = null;
        if (reused != null) {
            try {
                clear(reused.driver());
                chromium = reused;
                System.out.println("[browser] new session in the same Chromium, cleared in " + since(start));
                return chromium.driver();
            } catch (RuntimeException e) {
                // WebDriverException, or IllegalStateException from clear(): never reuse a browser not known clean
                System.out.println("[browser] could not clear the Chromium ("
                        + String.valueOf(e.getMessage()).lines().findFirst().orElse("") + "); starting a new one");
                quitQuietly(reused);
            }
        }
        chromium = start();
        System.out.println("[browser] new session in a new Chromium (" + CHROMIUM + "), started in " + since(start));
        return chromium.driver();
    }

    private static Chromium start() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        if (!CHROMIUM.contains("headless-shell")) {
            // the full browser: headless, as the shell always is
            options.addArguments("--headless=new");
        }
        options.addArguments(
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--window-size=1280,900",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--remote-allow-origins=*",
                "--lang=en-US");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                // a browser outside Sweden, whatever the machine's zone: Tasklist must still show Swedish time
                .withEnvironment(Map.of("TZ", "UTC"))
                .build();
        return new Chromium(new ChromeDriver(service, options));
    }

    /**
     * Clears what a person leaves in a browser: a new tab replaces every open one (session storage and history go
     * with the tab), every cookie of every site is deleted, and local storage, IndexedDB, service workers and cache
     * storage of every site the closed tabs had shown, and the console log the driver collected. The HTTP cache
     * stays: what it holds is the same for everyone and revalidated at each use.
     */
    private static void clear(ChromeDriver driver) {
        Set<String> origins = new LinkedHashSet<>();
        for (String handle : driver.getWindowHandles()) {
            driver.switchTo().window(handle);
            origins.addAll(originsShown(driver));
        }
        List<String> old = new ArrayList<>(driver.getWindowHandles());
        driver.switchTo().newWindow(WindowType.TAB);
        String fresh = driver.getWindowHandle();
        for (String handle : old) {
            driver.switchTo().window(handle);
            driver.close();
        }
        driver.switchTo().window(fresh);
        driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
        for (String origin : origins) {
            driver.executeCdpCommand("Storage.clearDataForOrigin", Map.of("origin", origin, "storageTypes", "all"));
        }
        // the console log is the driver's, not the tab's: reading it empties it, so the next person's test reads
        // only what its own pages logged (ReportsBrowserIT looks for CSP violations there)
        driver.manage().logs().get(LogType.BROWSER);
        Object cookies =
                driver.executeCdpCommand("Network.getAllCookies", Map.of()).get("cookies");
        if (!(cookies instanceof List<?> left) || !left.isEmpty()) {
            throw new IllegalStateException("cookies left after clearing: " + cookies);
        }
    }

    /** The origins (scheme, host, port) of every page in the current tab's history, redirects' targets included. */
    private static Set<String> originsShown(ChromeDriver driver) {
        Set<String> origins = new LinkedHashSet<>();
        Object entries =
                driver.executeCdpCommand("Page.getNavigationHistory", Map.of()).get("entries");
        List<String> urls = new ArrayList<>();
        if (entries instanceof List<?> list) {
            for (Object entry : list) {
                if (entry instanceof Map<?, ?> map && map.get("url") instanceof String url) {
                    urls.add(url);
                }
            }
        }
        urls.add(driver.getCurrentUrl());
        for (String url : urls) {
            URI uri;
            try {
                uri = URI.create(url);
            } catch (IllegalArgumentException e) {
                if (url.startsWith("http")) {
                    // a site whose storage cannot be named cannot be cleared: the caller starts a new Chromium
                    throw new IllegalStateException("cannot tell the origin of " + url, e);
                }
                continue;
            }
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                origins.add(scheme + "://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort()));
            }
        }
        return origins;
    }

    WebDriver driver() {
        if (chromium == null) {
            throw new IllegalStateException("no browser open: call newSession() first");
        }
        return chromium.driver();
    }

    /** Names what the test is doing, so a failure screenshot says where it happened; the log gets the time. */
    void step(String description) {
        step = description;
        System.out.println("[browser] +" + since(started) + " " + description);
    }

    WebDriverWait waiting() {
        WebDriverWait wait = new WebDriverWait(driver(), TIMEOUT, POLL);
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    /** A wait with a timeout of its own, polling as {@link #waiting()} does. */
    WebDriverWait waiting(Duration timeout) {
        WebDriverWait wait = new WebDriverWait(driver(), timeout, POLL);
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    <T> T until(ExpectedCondition<T> condition) {
        return waiting().until(condition);
    }

    /** Waits until the element is visible and enabled, scrolls it to the middle and clicks it. */
    WebElement click(By locator) {
        WebElement element = until(ExpectedConditions.elementToBeClickable(locator));
        centre(element);
        // scrolling can re-render the element: find it again; a click that landed on an overlay is retried
        WebDriverWait wait = waiting();
        wait.ignoring(ElementClickInterceptedException.class);
        return wait.until(d -> {
            WebElement fresh = d.findElement(locator);
            if (!fresh.isDisplayed() || !fresh.isEnabled()) {
                return null;
            }
            fresh.click();
            return fresh;
        });
    }

    /** Scrolls the element to the middle of the window: Tasklist's fixed footer covers the bottom rows. */
    void centre(WebElement element) {
        ((JavascriptExecutor) driver()).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
    }

    /** Quits this Chromium for good (the next session starts a new one). */
    void close() {
        if (chromium != null) {
            Chromium closing = chromium;
            chromium = null;
            closing.quit();
        }
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        if (context.getExecutionException().isPresent() && chromium != null) {
            save(context.getRequiredTestClass().getSimpleName() + "-"
                    + context.getRequiredTestMethod().getName());
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (context.getExecutionException().isPresent()) {
            // a failed test may leave the browser in any state (a dialog, a hung page): the next one starts afresh
            close();
        } else {
            park();
        }
    }

    private void park() {
        if (chromium == null) {
            return;
        }
        Chromium leaving = chromium;
        chromium = null;
        Chromium previous;
        synchronized (Browser.class) {
            previous = parked;
            parked = leaving;
            if (!shutdownHookAdded) {
                shutdownHookAdded = true;
                Runtime.getRuntime().addShutdownHook(new Thread(Browser::quitParked, "browser-quit"));
            }
        }
        if (previous != null) {
            quitQuietly(previous);
        }
    }

    private static synchronized Chromium unpark() {
        Chromium taken = parked;
        parked = null;
        return taken;
    }

    private static void quitParked() {
        Chromium last = unpark();
        if (last != null) {
            quitQuietly(last);
        }
    }

    private static void quitQuietly(Chromium chromium) {
        try {
            chromium.quit();
        } catch (RuntimeException e) {
            // a Chromium that is gone already needs no quitting
        }
    }

    private static String since(long nanos) {
        return String.format(Locale.ROOT, "%.2f s", (System.nanoTime() - nanos) / 1e9);
    }

    private void save(String test) {
        WebDriver driver = chromium.driver();
        String name = test + "-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("HHmmss")) + "-"
                + step.replaceAll("[^A-Za-z0-9åäöÅÄÖ]+", "_");
        try {
            Files.createDirectories(SCREENSHOTS);
            Path png = SCREENSHOTS.resolve(name + ".png");
            Files.write(png, chromium.driver().getScreenshotAs(OutputType.BYTES));
            Files.writeString(
                    SCREENSHOTS.resolve(name + ".html"),
                    "<!-- " + driver.getCurrentUrl() + " -->\n" + driver.getPageSource());
            System.out.println("[browser] failed during '" + step + "' at " + driver.getCurrentUrl() + "; screenshot: "
                    + png.toAbsolutePath());
        } catch (IOException | RuntimeException e) {
            System.out.println("[browser] could not save a screenshot: " + e);
        }
    }
}
