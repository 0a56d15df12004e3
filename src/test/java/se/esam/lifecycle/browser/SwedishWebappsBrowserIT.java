package se.esam.lifecycle.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import se.esam.lifecycle.support.HttpAgent;
import se.esam.lifecycle.support.People;
import se.esam.lifecycle.system.SwedishTime;

/**
 * Camunda's webapps speak Swedish with our product name, whatever language the browser asks for (the test browser
 * asks for English), and carry no "It is time to migrate to Camunda 8" banner: Tasklist for a submitter and for the
 * kansli, the welcome page, Cockpit and Admin for an administrator. English stays available with {@code ?lang=en}.
 * Cockpit shows times in Swedish time, as Tasklist does, though the test browser runs in UTC.
 */
class SwedishWebappsBrowserIT extends BrowserJourney {

    private static final String PRODUCT = "Synpunkter och revisioner";
    private static final String PROCESS = "Synpunkt på vägledning";
    private static final String COCKPIT = "/camunda/app/cockpit/default/";
    private static final String ADMIN = "/camunda/app/admin/default/";
    private static final String WELCOME = "/camunda/app/welcome/default/";
    private static final DateTimeFormatter ENGINE_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final String TASK_XPATH = "//section[contains(@class,'task-details')]";

    /** Camunda's English labels a person would otherwise meet in Tasklist. */
    private static final List<String> TASKLIST_ENGLISH = List.of(
            "Claim",
            "Unclaim",
            "Complete",
            "Save",
            "Start process",
            "Create task",
            "No task matching filters found",
            "Select a task in the list",
            "Filters",
            "Add a simple filter",
            "Assigned to you",
            "Field is required",
            "Camunda 8",
            "migrate");

    @Test
    void submitterAndKansliSeeTasklistInSwedish() {
        browser.newSession();
        browser.step("anna signs in to Tasklist");
        Tasklist tasklist = Tasklist.signIn(browser, base(), "anna", "Anna Andersson");
        expectSwedishTasklist();
        assertThat(visibleText(By.cssSelector("li.start-process-action"))).isEqualTo("Starta process");

        browser.step("anna starts '" + PROCESS + "': the start dialog is Swedish too");
        CamundaForm form = tasklist.startProcess(PROCESS);
        assertThat(visibleText(By.xpath("//div[contains(@class,'modal-footer')]//button[@type='submit']")))
                .isEqualTo("Starta");
        expectNoEnglish(visibleText(By.cssSelector(".modal-dialog")), TASKLIST_ENGLISH);
        form.select("Field_guidanceId", "Digital samverkan")
                .type("Field_sectionId", "2.1")
                .choose("Field_feedbackType", "Något saknas")
                .type("Field_description", "Avsnitt 2.1 saknar ett exempel med flera myndigheter.");
        tasklist.submitStartForm();

        browser.newSession();
        browser.step("karin signs in to Tasklist");
        tasklist = Tasklist.signIn(browser, base(), "karin", "Karin Karlsson");
        expectSwedishTasklist();

        browser.step("karin opens the triage task: 'Ta uppgiften', not 'Claim'");
        tasklist.openFilter("Triagekö");
        browser.click(By.xpath(
                "//section[contains(@class,'tasks-list')]//li[contains(concat(' ', normalize-space(@class), ' '), ' task ')]"
                        + "//h4/a[normalize-space()='Triagera synpunkt']"));
        browser.until(ExpectedConditions.textToBe(By.cssSelector("section.task-details h2.task"), "Triagera synpunkt"));
        assertThat(visibleText(By.cssSelector("section.task-details button.claim")))
                .isEqualTo("Ta uppgiften");
        expectNoEnglish(bodyText(), TASKLIST_ENGLISH);

        browser.step("karin claims it: 'Spara' and 'Slutför' below the form");
        tasklist.claim("Karin Karlsson");
        assertThat(visibleText(By.xpath(
                        TASK_XPATH + "//div[contains(@class,'form-actions')]//button[@ng-click='save($event)']")))
                .isEqualTo("Spara");
        assertThat(visibleText(By.xpath(
                        TASK_XPATH + "//div[contains(@class,'form-actions')]//button[@ng-click='complete()']")))
                .isEqualTo("Slutför");
        expectNoEnglish(bodyText(), TASKLIST_ENGLISH);

        browser.step("English is there for who asks for it (?lang=en), and Swedish comes back with ?lang=sv");
        browser.driver().get(base() + Tasklist.PATH + "?lang=en");
        // karin may not start a process, so the action is there but not shown: its text still says the language
        browser.until(ExpectedConditions.attributeContains(
                By.cssSelector("li.start-process-action"), "textContent", "Start process"));
        assertThat(lang()).isEqualTo("en");
        // Tasklist fully up (its filters are the last to load) before leaving it: a page left while its scripts
        // were still being revalidated once kept the next load on Tasklist's splash (docs/testing.md)
        browser.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".task-filters .task-filter")));
        browser.driver().get(base() + Tasklist.PATH + "?lang=sv");
        browser.until(ExpectedConditions.attributeContains(
                By.cssSelector("li.start-process-action"), "textContent", "Starta process"));
        assertThat(lang()).isEqualTo("sv");
    }

    @Test
    void administratorSeesCockpitAndAdminInSwedish() {
        WebDriver driver = browser.newSession();
        browser.step("admin signs in to Cockpit");
        driver.get(base() + COCKPIT);
        LoginPage.signIn(browser, "admin", "admin");
        browser.waiting()
                .withMessage(() -> "Cockpit's dashboard with its Swedish heading 'Just nu'")
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.cssSelector("h1.section-title"), "Just nu"));
        expectOurHeader();
        String menu = visibleText(By.cssSelector("[cam-widget-header]"));
        assertThat(menu).contains("Processer", "Beslut", "Användaruppgifter");
        expectNoEnglish(
                bodyText(),
                List.of(
                        "Right Now",
                        "Processes",
                        "Decisions",
                        "Human Tasks",
                        "Deployments",
                        "Running Process Instances",
                        "Open Incidents",
                        "Camunda 8",
                        "migrate"));

        browser.step("Cockpit's deployments show their times in Swedish time, though the browser runs in UTC");
        List<OffsetDateTime> deployed = deploymentTimes();
        Set<String> inStockholm = shown(deployed, SwedishTime.ZONE);
        Set<String> inUtc = shown(deployed, ZoneOffset.UTC);
        assertThat(inStockholm).as("Stockholm is never at UTC's offset").doesNotContainAnyElementsOf(inUtc);
        driver.get(base() + COCKPIT + "#/repository");
        browser.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("dd.time")));
        List<String> times = driver.findElements(By.cssSelector("dd.time")).stream()
                .map(WebElement::getText)
                .map(String::trim)
                .filter(text -> !text.isEmpty())
                .toList();
        assertThat(times)
                .as("deployment times in Cockpit, against the engine's %s", deployed)
                .isNotEmpty()
                // Cockpit's deployment list writes the seconds too ("2026-12-05T02:36:27"): the minute is what counts
                .allSatisfy(time -> assertThat(inStockholm).contains(toTheMinute(time)));
        // the footer names the browser's zone: it must not say the times are in it
        assertThat(visibleText(By.id("footer-timezone"))).startsWith("Datum och tid visas i svensk tid.");

        browser.step("admin opens Admin");
        driver.get(base() + ADMIN);
        browser.waiting()
                .withMessage(() -> "Admin's Swedish menu")
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.cssSelector("[cam-widget-header]"), "Behörigheter"));
        expectOurHeader();
        assertThat(visibleText(By.cssSelector("[cam-widget-header]"))).contains("Användare", "Grupper", "Behörigheter");
        expectNoEnglish(bodyText(), List.of("Users", "Groups", "Authorizations", "Tenants", "Camunda 8", "migrate"));
    }

    @Test
    void theWelcomePageIsSwedish() {
        WebDriver driver = browser.newSession();
        browser.step("admin signs in to the welcome page");
        driver.get(base() + WELCOME);
        LoginPage.signIn(browser, "admin", "admin");
        browser.waiting()
                .withMessage(() -> "the welcome page's Swedish list of the webapps, 'Tjänster'")
                .until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Tjänster"));
        expectOurHeader();
        assertThat(bodyText()).contains("Cockpit", "Uppgiftslista", "Administration");
        expectNoEnglish(bodyText(), List.of("Applications", "Welcome", "Your Profile", "Camunda 8", "migrate"));
    }

    /** When the engine says the application's deployments were made (the newest first). */
    private List<OffsetDateTime> deploymentTimes() {
        HttpAgent.Response response = HttpAgent.basic(base(), People.ADMIN)
                .get("/engine-rest/deployment?sortBy=deploymentTime&sortOrder=desc");
        assertThat(response.status()).as("%s", response).isEqualTo(200);
        return response.jsonList().stream()
                .map(deployment -> (String) deployment.get("deploymentTime"))
                .map(time -> OffsetDateTime.parse(time, ENGINE_DATE))
                .toList();
    }

    /** "2026-12-05T02:36:27" or "2026-12-05 02:36" as "2026-12-05 02:36"; anything else as it is. */
    private static String toTheMinute(String shown) {
        var minute =
                Pattern.compile("^(\\d{4}-\\d{2}-\\d{2})[T ](\\d{2}:\\d{2})").matcher(shown);
        return minute.find() ? minute.group(1) + " " + minute.group(2) : shown;
    }

    private static Set<String> shown(List<OffsetDateTime> times, ZoneId zone) {
        return times.stream()
                .map(time -> time.atZoneSameInstant(zone).format(SHOWN))
                .collect(Collectors.toSet());
    }

    /** Tasklist is up for the signed-in person: Swedish, our name, no banner, no Camunda English on screen. */
    private void expectSwedishTasklist() {
        expectOurHeader();
        browser.waiting()
                .withMessage(() -> "Tasklist's filters in Swedish")
                // its text, not what is on screen: it is offered only to those who may start a process
                .until(ExpectedConditions.attributeContains(
                        By.cssSelector("li.start-process-action"), "textContent", "Starta process"));
        expectNoEnglish(bodyText(), TASKLIST_ENGLISH);
    }

    /** What every webapp page shares: lang="sv", our product name, no migration banner. */
    private void expectOurHeader() {
        assertThat(lang()).as("the page's lang attribute").isEqualTo("sv");
        browser.waiting()
                .withMessage(() -> "the product name in the header")
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.cssSelector("[cam-widget-header] .navbar-brand .brand-name"), PRODUCT));
        assertThat(browser.driver().getTitle()).contains(PRODUCT);
        List<WebElement> banners = browser.driver().findElements(By.cssSelector(".ce-eol-banner"));
        assertThat(banners).as("the Camunda 8 migration banner").noneMatch(WebElement::isDisplayed);
    }

    private static void expectNoEnglish(String text, List<String> english) {
        for (String phrase : english) {
            assertThat(Pattern.compile("\\b" + Pattern.quote(phrase) + "\\b")
                            .matcher(text)
                            .find())
                    .as("'%s' on screen in:%n%s", phrase, text)
                    .isFalse();
        }
    }

    private String lang() {
        return browser.driver().findElement(By.tagName("html")).getDomAttribute("lang");
    }

    private String bodyText() {
        return browser.driver().findElement(By.tagName("body")).getText();
    }

    private String visibleText(By locator) {
        return browser.until(ExpectedConditions.visibilityOfElementLocated(locator))
                .getText()
                .trim();
    }
}
