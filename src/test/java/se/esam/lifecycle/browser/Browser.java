package se.esam.lifecycle.browser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

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
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium for browser tests, one fresh browser (own profile, no cookies) per person. Uses the
 * Debian chromium and chromedriver explicitly, so Selenium Manager never looks for or downloads a driver.
 * <p>
 * Registered as a JUnit extension: when a test fails it saves a screenshot and the page source of the open
 * browser into {@code target/browser-screenshots/}, then closes the browser.
 */
final class Browser implements AfterTestExecutionCallback, AfterEachCallback {

    static final Duration TIMEOUT = Duration.ofSeconds(30);

    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    private static final Path SCREENSHOTS = Path.of("target", "browser-screenshots");

    private WebDriver driver;
    private Path profile;
    private String step = "start";

    /** Closes the current browser, if any, and opens a new one with an empty profile. */
    WebDriver newSession() {
        close();
        try {
            profile = Files.createTempDirectory("browser-it-profile");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--window-size=1280,900",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--remote-allow-origins=*",
                "--lang=en-US",
                "--user-data-dir=" + profile.toAbsolutePath());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                // a browser outside Sweden, whatever the machine's zone: Tasklist must still show Swedish time
                .withEnvironment(Map.of("TZ", "UTC"))
                .build();
        driver = new ChromeDriver(service, options);
        return driver;
    }

    WebDriver driver() {
        if (driver == null) {
            throw new IllegalStateException("no browser open: call newSession() first");
        }
        return driver;
    }

    /** Names what the test is doing, so a failure screenshot says where it happened. */
    void step(String description) {
        step = description;
        System.out.println("[browser] " + description);
    }

    WebDriverWait waiting() {
        WebDriverWait wait = new WebDriverWait(driver(), TIMEOUT);
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

    void close() {
        if (driver != null) {
            try {
                driver.quit();
            } finally {
                driver = null;
                deleteProfile();
            }
        }
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        if (context.getExecutionException().isPresent() && driver != null) {
            save(context.getRequiredTestClass().getSimpleName() + "-"
                    + context.getRequiredTestMethod().getName());
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        close();
    }

    private void save(String test) {
        String name = test + "-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("HHmmss")) + "-"
                + step.replaceAll("[^A-Za-z0-9åäöÅÄÖ]+", "_");
        try {
            Files.createDirectories(SCREENSHOTS);
            Path png = SCREENSHOTS.resolve(name + ".png");
            Files.write(png, ((ChromeDriver) driver).getScreenshotAs(OutputType.BYTES));
            Files.writeString(
                    SCREENSHOTS.resolve(name + ".html"),
                    "<!-- " + driver.getCurrentUrl() + " -->\n" + driver.getPageSource());
            System.out.println("[browser] failed during '" + step + "' at " + driver.getCurrentUrl() + "; screenshot: "
                    + png.toAbsolutePath());
        } catch (IOException | RuntimeException e) {
            System.out.println("[browser] could not save a screenshot: " + e);
        }
    }

    private void deleteProfile() {
        if (profile == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a temp folder left behind is harmless
        }
        profile = null;
    }
}
