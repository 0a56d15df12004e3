package se.esam.lifecycle.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Camunda 7 Tasklist (in Swedish, our translation) as a person uses it: filters on the left, task cards in the middle,
 * the chosen task with its form on the right, "Starta process" in the header. Buttons are found by what they do
 * (their ng-click), not by their label.
 */
final class Tasklist {

    static final String PATH = "/camunda/app/tasklist/default/";

    private static final String MODAL = ".modal-dialog";
    private static final String MODAL_XPATH = "//div[contains(@class,'modal-dialog')]";
    private static final String TASK = "section.task-details";
    private static final String TASK_XPATH = "//section[contains(@class,'task-details')]";
    private static final By COMPLETE =
            By.xpath(TASK_XPATH + "//div[contains(@class,'form-actions')]//button[@ng-click='complete()']");
    /** How long Tasklist may take to enable "Slutför" after the last change to a valid form. */
    private static final Duration ENABLED_WITHIN = Duration.ofSeconds(10);

    private static final By NO_TASK_CHOSEN = By.xpath(
            TASK_XPATH + "//div[contains(@class,'no-task')][contains(normalize-space(), 'Välj en uppgift i listan.')]");
    private static final String CARDS_XPATH = "//section[contains(@class,'tasks-list')]//div[@cam-tasks]";

    private final Browser browser;

    private Tasklist(Browser browser) {
        this.browser = browser;
    }

    /** Opens Tasklist in a new browser session, signs in on the login page it redirects to, waits until it is up. */
    static Tasklist signIn(Browser browser, String baseUrl, String user, String fullName) {
        browser.driver().get(baseUrl + PATH);
        LoginPage.signIn(browser, user, user);
        return open(browser, baseUrl, fullName);
    }

    /** Opens Tasklist for a browser that is signed in already. */
    static Tasklist open(Browser browser, String baseUrl, String fullName) {
        if (!browser.driver().getCurrentUrl().contains(PATH)) {
            browser.driver().get(baseUrl + PATH);
        }
        browser.waiting()
                .withMessage(() -> "Tasklist to show " + fullName + " as signed in")
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.cssSelector("[cam-widget-header] li.account > a.dropdown-toggle"), fullName));
        browser.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".task-filters .task-filter")));
        return new Tasklist(browser);
    }

    /** The webapps' own "Log out" in the account menu. */
    void signOut() {
        browser.click(By.cssSelector("[cam-widget-header] li.account > a.dropdown-toggle"));
        browser.click(By.cssSelector("[cam-widget-header] li.account li.logout > a"));
    }

    /** "Start process", then the process by name: returns its start form. */
    CamundaForm startProcess(String processName) {
        browser.click(By.cssSelector("li.start-process-action > view > a, li.start-process-action a"));
        browser.click(By.xpath(
                MODAL_XPATH + "//ul[contains(@class,'processes')]//a[normalize-space()=" + "'" + processName + "']"));
        browser.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector(MODAL + " .modal-title"), "Starta process: " + processName));
        return new CamundaForm(browser, MODAL, MODAL_XPATH);
    }

    /**
     * The start dialog's "Starta" button, which must be enabled once the form is valid (as "Slutför", see
     * {@link #expectCompleteEnabled()}); waits for Tasklist's confirmation and the dialog to close, and returns the
     * confirmation as the person reads it.
     */
    String submitStartForm() {
        clickStart();
        WebElement confirmation = browser.waiting()
                .withMessage(() -> "Tasklist's confirmation 'Processen har startats.'")
                .until(
                        ExpectedConditions.visibilityOfElementLocated(
                                By.xpath(
                                        "//div[contains(@class,'page-notifications')]//div[contains(@class,'alert')]"
                                                + "//strong[contains(@class,'status')][contains(normalize-space(), 'Processen har startats.')]")));
        browser.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(MODAL)));
        return confirmation.getText().trim();
    }

    /**
     * Clicks the start dialog's "Starta" once it is enabled (fails when it stays disabled), without waiting for the
     * outcome: {@link #submitStartForm()} expects the start, a refusal test the refusal.
     */
    void clickStart() {
        By start = By.xpath(MODAL_XPATH + "//div[contains(@class,'modal-footer')]//button[@type='submit']");
        WebElement button = browser.until(ExpectedConditions.visibilityOfElementLocated(start));
        assertThat(button.getText().trim()).as("the start button's label").isEqualTo("Starta");
        try {
            new WebDriverWait(browser.driver(), ENABLED_WITHIN, Browser.POLL).until(d -> button.isEnabled());
        } catch (TimeoutException e) {
            throw new AssertionError(
                    "'Starta' stays disabled although the start form is filled in; the form shows " + errorsIn(MODAL));
        }
        browser.click(start);
    }

    /** Clicks a filter on the left and waits for its task list. */
    Tasklist openFilter(String name) {
        // the list just clicked keeps its description's tooltip open under the mouse, over its neighbour
        new Actions(browser.driver())
                .moveToElement(browser.driver().findElement(By.cssSelector("[cam-widget-header]")))
                .perform();
        browser.click(By.xpath(
                "//div[contains(@class,'task-filter')]//h4/a[starts-with(normalize-space(), '" + name + "')]"));
        browser.until(ExpectedConditions.visibilityOfElementLocated(By.xpath(
                "//div[contains(@class,'task-filter') and contains(@class,'active')]//h4/a[starts-with(normalize-space(), '"
                        + name + "')]")));
        awaitTaskList();
        return this;
    }

    /** Waits until the list shows the task card, found by task name and the Referens shown on it. */
    WebElement expectTask(String taskName, String reference) {
        return browser.waiting()
                .withMessage(() -> "a '" + taskName + "' card for " + reference + " in the task list")
                .until(ExpectedConditions.visibilityOfElementLocated(card(taskName, reference)));
    }

    /** Waits until the list shows exactly one card with this task name (for people who see no variables). */
    WebElement expectOnlyTask(String taskName) {
        By cards = By.xpath(cardXpath(taskName));
        browser.waiting()
                .withMessage(() -> "exactly one '" + taskName + "' card in the task list")
                .until(ExpectedConditions.numberOfElementsToBe(cards, 1));
        return browser.until(ExpectedConditions.visibilityOfElementLocated(cards));
    }

    /** Opens the only task with this name in the list; returns its form once it has loaded. */
    CamundaForm openOnlyTask(String taskName) {
        expectOnlyTask(taskName);
        return open(cardXpath(taskName), taskName);
    }

    /** Checks, once the list has loaded, that it has no such task card. */
    void expectNoTask(String taskName, String reference) {
        awaitTaskList();
        browser.waiting()
                .withMessage(() -> "no '" + taskName + "' card for " + reference + " in the task list")
                .until(ExpectedConditions.invisibilityOfElementLocated(card(taskName, reference)));
    }

    /** Checks, once the list has loaded, that it has no card with this task name at all. */
    void expectNoTask(String taskName) {
        awaitTaskList();
        browser.waiting()
                .withMessage(() -> "no '" + taskName + "' card in the task list")
                .until(ExpectedConditions.invisibilityOfElementLocated(By.xpath(cardXpath(taskName))));
    }

    /** Opens the task from the list; returns its form once it has loaded. */
    CamundaForm openTask(String taskName, String reference) {
        expectTask(taskName, reference);
        return open(cardXpath(taskName, reference), taskName);
    }

    private CamundaForm open(String cardXpath, String taskName) {
        browser.click(By.xpath(cardXpath + "//h4/a"));
        browser.until(ExpectedConditions.textToBe(By.cssSelector(TASK + " h2.task"), taskName));
        return new CamundaForm(browser, TASK, TASK_XPATH);
    }

    /** "Ta uppgiften": the task becomes this person's, and its form can be filled in. */
    void claim(String fullName) {
        browser.click(By.cssSelector(TASK + " button.claim"));
        browser.waiting()
                .withMessage(() -> "the task to be assigned to " + fullName)
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.cssSelector(TASK + " .assignee"), fullName));
        browser.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(TASK + " .disabled-form")));
    }

    /**
     * "Slutför" below the form, as a person would click it once the form is filled in: fails when Tasklist keeps it
     * disabled (a person has no way on from there), and fails at once with Tasklist's message when the engine refuses
     * the form (a process step answering 400 shows a red notification and leaves the task open); otherwise waits
     * until Tasklist has closed the task. No "Spara" first: a form that needs it is a dead end for a person.
     */
    void complete() {
        expectCompleteEnabled();
        browser.click(COMPLETE);
        By refused = By.cssSelector(".page-notifications .alert-danger");
        browser.waiting()
                .withMessage(() -> "Tasklist to close the completed task")
                .until(ExpectedConditions.or(
                        ExpectedConditions.visibilityOfElementLocated(NO_TASK_CHOSEN),
                        ExpectedConditions.visibilityOfElementLocated(refused)));
        var errors = browser.driver().findElements(refused);
        if (!errors.isEmpty() && errors.get(0).isDisplayed()) {
            throw new AssertionError("Tasklist could not complete the task: "
                    + errors.get(0).getText().trim());
        }
    }

    /**
     * Checks that "Slutför" is shown in Swedish and can be clicked now that the form is valid. Tasklist enables it as
     * soon as form-js reports no errors (an Angular digest later), so a short wait is enough (a few seconds on a loaded
     * machine); a form that keeps it
     * disabled with no error on screen is the dead end issue 13 is about, and fails here with what the form shows.
     */
    WebElement expectCompleteEnabled() {
        WebElement complete = browser.until(ExpectedConditions.visibilityOfElementLocated(COMPLETE));
        assertThat(complete.getText().trim()).as("the complete button's label").isEqualTo("Slutför");
        try {
            new WebDriverWait(browser.driver(), ENABLED_WITHIN, Browser.POLL).until(d -> complete.isEnabled());
        } catch (TimeoutException e) {
            throw new AssertionError(
                    "'Slutför' stays disabled although the form is filled in; the form shows " + errorsIn(TASK));
        }
        return complete;
    }

    /** What form-js shows below the fields of the form in this scope, for a failure's message. */
    private String errorsIn(String scope) {
        List<String> errors = browser.driver().findElements(By.cssSelector(scope + " .fjs-form-field-error")).stream()
                .map(WebElement::getText)
                .map(String::trim)
                .filter(text -> !text.isEmpty())
                .toList();
        return errors.isEmpty() ? "no error" : "the errors " + errors;
    }

    void expectNotification(String text) {
        browser.waiting()
                .withMessage(() -> "the notification '" + text + "'")
                .until(ExpectedConditions.visibilityOfElementLocated(
                        By.xpath("//div[contains(@class,'page-notifications')]//*[contains(normalize-space(), '" + text
                                + "')]")));
    }

    /** Waits until the middle column has finished loading: either cards or "Ingen uppgift matchar filtren." */
    private void awaitTaskList() {
        browser.waiting()
                .withMessage(() -> "the task list to load")
                .until(
                        ExpectedConditions.or(
                                ExpectedConditions.visibilityOfElementLocated(
                                        By.xpath(CARDS_XPATH + "//ol[contains(@class,'tasks-list')]")),
                                ExpectedConditions.visibilityOfElementLocated(
                                        By.xpath(
                                                CARDS_XPATH
                                                        + "//div[contains(@class,'well')][contains(normalize-space(), 'Ingen uppgift matchar filtren.')]"))));
        browser.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("div[cam-tasks] > .loader")));
    }

    private static By card(String taskName, String reference) {
        return By.xpath(cardXpath(taskName, reference));
    }

    private static String cardXpath(String taskName, String reference) {
        return cardXpath(taskName) + "[.//span[contains(@class,'variable-value')][normalize-space()='" + reference
                + "']]";
    }

    private static String cardXpath(String taskName) {
        return CARDS_XPATH + "//li[contains(concat(' ', normalize-space(@class), ' '), ' task ')]"
                + "[.//h4/a[normalize-space()='" + taskName + "']]";
    }
}
