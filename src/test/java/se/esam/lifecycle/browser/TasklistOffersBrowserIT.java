package se.esam.lifecycle.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import se.esam.lifecycle.support.ProcessDriver;
import se.esam.lifecycle.system.SwedishTime;

/**
 * Tasklist opens where each role works, and offers only what the person may do: the kansli lands in its
 * triage queue, experts and approvers in their groups' open tasks, managers in the overdue tasks, submitters in their own;
 * "Starta process" only for those who may start one of our processes, "Skapa uppgift" only for
 * administrators; task cards show the reference and the document to everyone who has the task, experts
 * included, and not Camunda's bare priority number; times in Swedish time, even in a browser set to UTC.
 */
class TasklistOffersBrowserIT extends BrowserJourney {

    private static final DateTimeFormatter ENGINE_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");
    private static final By START_PROCESS = By.cssSelector("li.start-process-action");
    private static final By CREATE_TASK = By.cssSelector("li.create-task-action");

    @Test
    void eachRoleOpensTasklistInTheListItWorksFromAndIsOfferedOnlyWhatItMayDo() {
        ProcessDriver driver = new ProcessDriver(base());
        String reference =
                driver.submit("anna", "digital-samverkan", "4.1", "2.1", "GAP", "Avsnitt 2.1 saknar ett exempel.");

        Tasklist karins = signIn("karin", "Karin Karlsson");
        expectStartingList("Triagekö");
        expectOffered(false, false);
        browser.step("karin's triage card shows the reference, and no priority number");
        WebElement card = karins.expectTask("Triagera synpunkt", reference);
        assertThat(card.getText()).contains(reference).doesNotContainPattern("(?m)^\\s*50\\s*$");
        assertThat(browser.driver().findElements(By.cssSelector(".tasks-list .task .priority")))
                .allSatisfy(priority -> assertThat(priority.isDisplayed()).isFalse());
        browser.step("the card's time is Swedish time, though the browser runs in UTC");
        String created = (String) driver.as("admin")
                .get("/engine-rest/task/" + driver.task("karin", "TriageFeedback", reference))
                .json()
                .get("created");
        String inStockholm = OffsetDateTime.parse(created, ENGINE_DATE)
                .atZoneSameInstant(SwedishTime.ZONE)
                .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
        // karin's triage queue holds this one task
        assertThat(browser.driver()
                        .findElement(By.cssSelector(".tasks-list .creation-date [uib-tooltip]"))
                        .getDomAttribute("uib-tooltip"))
                .as("when the task was made, as Tasklist shows it")
                .isEqualTo(inStockholm);

        driver.route(reference, "expert-architecture");
        Tasklist eriks = signIn("erik", "Erik Eriksson");
        expectStartingList("Min grupps uppgifter");
        expectOffered(true, false);
        browser.step("erik's review card shows the reference and the document, though he may not read the process");
        assertThat(eriks.expectTask("Granska synpunkt", reference).getText())
                .contains("Referens", reference)
                .contains("Vägledning", "Digital samverkan");

        // approvers decide revisions from their group's tasks, and start nothing
        signIn("maria", "Maria Magnusson");
        expectStartingList("Min grupps uppgifter");
        expectOffered(false, false);

        signIn("mats", "Mats Mattsson");
        expectStartingList("Försenade");
        expectOffered(false, false);

        signIn("anna", "Anna Andersson");
        expectStartingList("Mina uppgifter");
        expectOffered(true, false);

        signIn("admin", "Ada Admin");
        expectOffered(true, true);
    }

    private Tasklist signIn(String user, String fullName) {
        browser.newSession();
        browser.step(user + " signs in to Tasklist");
        return Tasklist.signIn(browser, base(), user, fullName);
    }

    private void expectStartingList(String filter) {
        WebElement active = browser.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(".task-filters .task-filter.active h4 a")));
        assertThat(active.getText()).as("the list Tasklist opens with").startsWith(filter);
    }

    private void expectOffered(boolean startProcess, boolean createTask) {
        // the script asks the engine after Tasklist has loaded; wait for its answer before judging
        browser.waiting()
                .withMessage(() -> "Tasklist to have asked what the person may do")
                .until(driver -> "true"
                        .equals(driver.findElement(By.tagName("body")).getDomAttribute("data-gl-offers-checked")));
        assertThat(displayed(START_PROCESS)).as("Starta process offered").isEqualTo(startProcess);
        assertThat(displayed(CREATE_TASK)).as("Skapa uppgift offered").isEqualTo(createTask);
        if (startProcess) {
            assertThat(browser.driver().findElement(START_PROCESS).getText()).isEqualTo("Starta process");
        }
        if (createTask) {
            assertThat(browser.driver().findElement(CREATE_TASK).getText()).isEqualTo("Skapa uppgift");
        }
    }

    private boolean displayed(By action) {
        List<WebElement> found = browser.driver().findElements(action);
        return !found.isEmpty() && found.get(0).isDisplayed();
    }
}
