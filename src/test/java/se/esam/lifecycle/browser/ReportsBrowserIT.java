package se.esam.lifecycle.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;

import se.esam.lifecycle.support.ProcessDriver;

/**
 * The manager reports in a real browser: Chart.js, served from our jar, draws every chart under our
 * Content-Security-Policy (no inline script), and the filter form narrows the figures.
 */
class ReportsBrowserIT extends BrowserJourney {

    @Test
    void managerSeesEveryChartDrawnAndFiltersTheReports() {
        // three open items: two with the architecture group, one with the law group
        route(submit(), "expert-architecture");
        route(submit(), "expert-architecture");
        route(submit(), "expert-law");

        WebDriver driver = browser.newSession();
        browser.step("mats signs in and opens the reports from the menu");
        driver.get(base() + "/");
        LoginPage.signIn(browser, "mats", "mats");
        browser.click(By.linkText("Rapporter"));
        browser.until(ExpectedConditions.titleContains("Rapporter"));

        browser.step("every chart is drawn by Chart.js");
        List<?> canvases = driver.findElements(By.cssSelector("canvas[data-chart]"));
        assertThat(canvases).hasSize(4);
        Object drawn = ((JavascriptExecutor) driver)
                .executeScript("return Array.from(document.querySelectorAll('canvas[data-chart]'))"
                        + ".filter(c => window.Chart && Chart.getChart(c)).length");
        assertThat(drawn).isEqualTo(4L);
        List<LogEntry> violations = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getMessage().contains("Content Security Policy"))
                .toList();
        assertThat(violations).as("CSP violations").isEmpty();
        assertThat(openItems(driver)).as("open items, every group").isEqualTo("3");

        browser.step("mats narrows the reports to one expert group");
        browser.click(By.cssSelector("select[name='expertGroup'] option[value='expert-law']"));
        browser.click(By.cssSelector("form.filter button[type='submit']"));
        browser.until(ExpectedConditions.urlContains("expertGroup=expert-law"));
        assertThat(driver.findElement(By.cssSelector("select[name='expertGroup'] option[value='expert-law']"))
                        .isSelected())
                .isTrue();
        assertThat(openItems(driver)).as("open items, law group only").isEqualTo("1");
    }

    /** The backlog's headline figure: "N öppna". */
    private static String openItems(WebDriver driver) {
        return driver.findElement(By.cssSelector("#backlog p strong")).getText();
    }

    private String submit() {
        return new ProcessDriver(base())
                .submit("anna", "digital-samverkan", "4.1", "2.1", "GAP", "Exempel saknas för rapporterna.");
    }

    private void route(String reference, String expertGroup) {
        new ProcessDriver(base()).route(reference, expertGroup);
    }
}
