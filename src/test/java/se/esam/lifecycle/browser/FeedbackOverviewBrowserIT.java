package se.esam.lifecycle.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import se.esam.lifecycle.support.ProcessDriver;

/**
 * Two journeys in Chromium: karin (kansli) narrows the overview of all feedback and opens an item; anna
 * goes from a section of a public guidance page, through sign-in, to a filled feedback form and reads her
 * reference after sending it.
 */
class FeedbackOverviewBrowserIT extends BrowserJourney {

    @Test
    void theKansliNarrowsTheOverviewOfAllFeedbackAndOpensAnItem() {
        ProcessDriver driver = new ProcessDriver(base());
        String annas = driver.submit("anna", "digital-samverkan", "4.1", "2.1", "GAP", "Kommunexempel saknas.");
        String olofs = driver.submit(
                "olof", "dataskydd-informationsutbyte", "2.0", "2", "ERROR", "Artikelhänvisningen är fel.");
        String olofsOther =
                driver.submit("olof", "dataskydd-informationsutbyte", "2.0", null, "EDITORIAL", "Stavfel i rubriken.");
        driver.route(olofs, "expert-law");

        WebDriver chromium = browser.newSession();
        browser.step("karin signs in and opens the overview");
        chromium.get(base() + "/feedback");
        LoginPage.signIn(browser, "karin", "karin");
        browser.until(ExpectedConditions.textToBe(By.cssSelector("main h1"), "Alla synpunkter"));
        assertThat(references()).contains(annas, olofs, olofsOther);

        browser.step("karin narrows to Kronofogden's feedback in expert review");
        new Select(chromium.findElement(By.name("stage"))).selectByVisibleText("Expertgranskning");
        new Select(chromium.findElement(By.name("organisation"))).selectByVisibleText("Kronofogden");
        browser.click(By.cssSelector("form.filter button[type='submit']"));
        browser.until(ExpectedConditions.urlContains("stage=REVIEW"));
        assertThat(references()).containsExactly(olofs);
        assertThat(new Select(chromium.findElement(By.name("stage")))
                        .getFirstSelectedOption()
                        .getText())
                .as("the filter is kept on the page")
                .isEqualTo("Expertgranskning");
        assertThat(chromium.findElement(By.id("count")).getText()).startsWith("1 synpunkt");

        browser.step("karin searches for anna's reference instead");
        chromium.get(base() + "/feedback");
        WebElement search = chromium.findElement(By.name("q"));
        search.sendKeys(annas.toLowerCase());
        browser.click(By.cssSelector("form.filter button[type='submit']"));
        browser.until(ExpectedConditions.urlContains("q="));
        assertThat(references()).containsExactly(annas);

        browser.step("karin opens the item from its row");
        browser.click(By.linkText(annas));
        browser.until(ExpectedConditions.textToBe(By.cssSelector("main h1"), "Synpunkt " + annas));
        assertThat(chromium.findElement(By.id("status")).getText()).isEqualTo("Under triagering");
    }

    @Test
    void aMemberGoesFromAPublicSectionToAFilledFormAndReadsHerReference() {
        WebDriver chromium = browser.newSession();
        browser.step("anna reads section 2.1 of Digital samverkan 4.1 without signing in");
        chromium.get(base() + "/guidance/digital-samverkan/4.1");
        browser.click(By.id("give-feedback-2.1"));

        browser.step("anna signs in and lands on the form with document and section filled in");
        LoginPage.signIn(browser, "anna", "anna");
        browser.until(ExpectedConditions.textToBe(By.cssSelector("main h1"), "Lämna en synpunkt"));
        assertThat(chromium.getCurrentUrl()).contains("/feedback/new?document=digital-samverkan");
        assertThat(chromium.findElement(By.id("f-document")).getText()).startsWith("Digital samverkan 4.1");
        assertThat(new Select(chromium.findElement(By.id("f-section")))
                        .getFirstSelectedOption()
                        .getText())
                .isEqualTo("2.1 Principen om enhetlig informationshantering");

        browser.step("anna sends her feedback");
        new Select(chromium.findElement(By.id("f-type"))).selectByVisibleText("Något saknas");
        chromium.findElement(By.id("f-description")).sendKeys("Principen behöver ett exempel från en kommun.");
        browser.click(By.cssSelector("#feedback-form button[type='submit']"));

        browser.step("anna reads her reference");
        WebElement received = browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("received")));
        String reference = received.findElement(By.tagName("strong")).getText();
        assertThat(reference).matches("FB-\\d{4}-\\d{4,}");
        assertThat(received.getText()).startsWith("Tack! Din synpunkt är mottagen");
        assertThat(chromium.getCurrentUrl()).endsWith("/feedback/" + reference);
        assertThat(chromium.findElement(By.cssSelector("main h1")).getText()).isEqualTo("Synpunkt " + reference);

        browser.step("anna finds it in her organisation's overview");
        chromium.get(base() + "/feedback");
        browser.until(ExpectedConditions.textToBe(By.cssSelector("main h1"), "Synpunkter från min organisation"));
        assertThat(references()).contains(reference);
    }

    /** The references in the overview's table, top to bottom. */
    private List<String> references() {
        return browser.driver().findElements(By.cssSelector("main table tbody tr td:first-child a")).stream()
                .map(WebElement::getText)
                .map(String::trim)
                .toList();
    }
}
