package se.esam.lifecycle.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The manager reports in a real browser: Chart.js, served from our jar, draws every chart under our
 * Content-Security-Policy (no inline script), and the filter form narrows the figures.
 */
class ReportsBrowserIT extends BrowserJourney {

    @Autowired
    TestRestTemplate http;

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
        ResponseEntity<Map<String, Object>> created = http.withBasicAuth("anna", "anna")
                .exchange(
                        "/api/feedback",
                        HttpMethod.POST,
                        new HttpEntity<>(Map.of(
                                "guidanceId",
                                "digital-samverkan",
                                "sectionId",
                                "2.1",
                                "type",
                                "GAP",
                                "description",
                                "Exempel saknas för rapporterna.")),
                        new ParameterizedTypeReference<Map<String, Object>>() {});
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return (String) created.getBody().get("reference");
    }

    private void route(String reference, String expertGroup) {
        List<Map<String, Object>> tasks = http.withBasicAuth("karin", "karin")
                .exchange(
                        "/engine-rest/task?taskDefinitionKey=TriageFeedback&processInstanceBusinessKey=" + reference,
                        HttpMethod.GET,
                        null,
                        new ParameterizedTypeReference<List<Map<String, Object>>>() {})
                .getBody();
        assertThat(tasks).as("triage task of " + reference).hasSize(1);
        ResponseEntity<String> done = http.withBasicAuth("karin", "karin")
                .postForEntity(
                        "/engine-rest/task/" + tasks.get(0).get("id") + "/submit-form",
                        Map.of(
                                "variables",
                                Map.of(
                                        "triageDecision",
                                        Map.of("value", "route"),
                                        "expertGroup",
                                        Map.of("value", expertGroup),
                                        "priority",
                                        Map.of("value", "NORMAL"))),
                        String.class);
        assertThat(done.getStatusCode()).as(done.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
    }
}
