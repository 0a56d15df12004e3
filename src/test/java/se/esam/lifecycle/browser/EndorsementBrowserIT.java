package se.esam.lifecycle.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import se.esam.lifecycle.support.ProcessDriver;

/**
 * Endorsements in Chromium: olof (Kronofogden) finds Pensionsmyndigheten's published item among other
 * organisations' feedback and says "vi har samma problem" with a comment; karin (kansli) reads on a triage form
 * which organisations stand behind an item after she merged a duplicate into it.
 */
class EndorsementBrowserIT extends BrowserJourney {

    @Test
    void aMemberEndorsesAnotherOrganisationsItemAndTheKansliSeesEndorsersOnTheTriageForm() {
        ProcessDriver driver = new ProcessDriver(base());
        String published = driver.submit(
                "anna", "digital-samverkan", "4.1", "2.1", "GAP", "Avsnitt 2.1 saknar ett exempel från en kommun.");
        driver.routeAndPublishAsIs(published, "expert-architecture");
        String inTriage = driver.submit(
                "anna", "digital-samverkan", "4.1", "3", "GAP", "Avsnitt 3 säger inte vem som äger informationen.");
        String duplicate =
                driver.submit("olof", "digital-samverkan", "4.1", "3", "GAP", "Vem äger informationen i avsnitt 3?");
        driver.complete(
                "karin",
                driver.task("karin", "TriageFeedback", duplicate),
                Map.of("triageDecision", "duplicate", "duplicateOf", inTriage));

        WebDriver chromium = browser.newSession();
        browser.step("olof opens other organisations' feedback and signs in");
        chromium.get(base() + "/feedback/endorsable");
        LoginPage.signIn(browser, "olof", "olof");
        browser.until(ExpectedConditions.textToBe(By.cssSelector("main h1"), "Synpunkter från andra organisationer"));
        WebElement item = chromium.findElement(By.id("item-" + published));
        assertThat(item.getText())
                .contains("Avsnitt 2.1 saknar ett exempel från en kommun.")
                .contains("Pensionsmyndigheten")
                .doesNotContain("Anna");
        assertThat(chromium.findElements(By.id("item-" + inTriage)))
                .as("an item whose text was not reviewed for publication is not listed")
                .isEmpty();

        browser.step("olof says Kronofogden has the same problem, with a comment");
        chromium.findElement(By.id("c-" + published)).sendKeys("Vi saknar samma exempel för utmätning.");
        browser.click(By.id("endorse-" + published));
        WebElement notice = browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("endorsed")));
        assertThat(notice.getText()).contains(published);
        assertThat(chromium.findElement(By.id("item-" + published)).getText())
                .contains("Er organisation står bakom synpunkten.")
                .contains("1 organisation till");
        assertThat(chromium.findElements(By.id("endorse-" + published)))
                .as("no second endorsement is offered")
                .isEmpty();

        browser.step("karin opens the triage of the item the duplicate was merged into");
        browser.newSession();
        Tasklist tasklist = Tasklist.signIn(browser, base(), "karin", "Karin Karlsson");
        CamundaForm form = tasklist.openTask("Triagera synpunkt", inTriage);
        String endorsers = form.awaitValue(
                "Field_endorsements", "Kronofogden as an endorser", value -> value.contains("Kronofogden"));
        assertThat(endorsers)
                .startsWith("1 organisation till har samma problem:")
                .contains("Kronofogden (dubblett " + duplicate + ")");
        form.expectDisabled("Field_endorsements");

        browser.step("karin reads the endorsement on the published item's page");
        browser.driver().get(base() + "/feedback/" + published);
        browser.until(ExpectedConditions.textToBe(By.cssSelector("main h1"), "Synpunkt " + published));
        assertThat(browser.driver().findElement(By.id("endorsements")).getText())
                .contains("Kronofogden")
                .contains("Vi saknar samma exempel för utmätning.");
    }
}
