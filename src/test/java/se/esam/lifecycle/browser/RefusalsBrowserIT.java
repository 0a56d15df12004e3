package se.esam.lifecycle.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import se.esam.lifecycle.support.ProcessDriver;

/**
 * A refusal reads as a refusal in Tasklist: hanna (architecture group, Pensionsmyndigheten) tries to take
 * the review of feedback that her own organisation submitted and is told, in one Swedish sentence, that
 * she may not and why (jäv), not shown an engine error; the task stays untaken for the rest of her group.
 */
class RefusalsBrowserIT extends BrowserJourney {

    private static final String JAV = "Du tillhör den organisation som lämnade synpunkten och får därför inte "
            + "granska den (jäv). Låt någon annan i expertgruppen ta uppgiften.";

    @Test
    void anExpertBarredByJavIsToldWhyWhenClaimingTheReview() {
        ProcessDriver driver = new ProcessDriver(base());
        String reference = driver.submit(
                "anna", "digital-samverkan", "4.1", "2.1", "GAP", "Avsnitt 2.1 saknar exempel för små myndigheter.");
        driver.route(reference, "expert-architecture");
        String review = driver.task("hanna", "ReviewFeedback", reference);

        browser.step("hanna signs in to Tasklist and opens the review from her group's tasks");
        browser.newSession();
        Tasklist tasklist = Tasklist.signIn(browser, base(), "hanna", "Hanna Holm");
        tasklist.openFilter("Min grupps uppgifter");
        tasklist.openOnlyTask("Granska synpunkt");

        browser.step("hanna tries to take the task and is told why she may not");
        browser.click(By.cssSelector("section.task-details button.claim"));
        WebElement refusal =
                browser.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//div[contains(@class,"
                        + "'page-notifications')]//*[contains(@class,'alert-danger')][contains(normalize-space(), '"
                        + "(jäv)')]")));
        String shown = refusal.getText();
        assertThat(shown)
                .as("Tasklist's notification")
                // Tasklist's heading for a failed claim (our translation of CLAIM_ERROR), then our sentence
                .contains("Du kunde inte ta uppgiften.")
                .contains(JAV)
                .doesNotContain("ENGINE-")
                .doesNotContain("Exception")
                .doesNotContain("se.esam")
                .doesNotContain("TaskListener");
        assertThat(browser.driver().findElement(By.tagName("body")).getText())
                .doesNotContain("ENGINE-")
                .doesNotContain("Exception");

        browser.step("the task is still untaken");
        assertThat(driver.as("admin").get("/engine-rest/task/" + review).json().get("assignee"))
                .isNull();
    }
}
