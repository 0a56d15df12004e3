package se.esam.lifecycle.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * One login, one logout: signing out of Tasklist ends our pages' session too and shows our login page
 * (not the webapps' own form, which cannot sign anyone in here), and signing out of our pages ends
 * Tasklist's.
 */
class SignOutBrowserIT extends SharedBrowserJourney {

    @Test
    void signingOutOfTasklistEndsTheWholeSessionAndLandsOnOurLoginPage() {
        WebDriver driver = browser.newSession();
        browser.step("karin signs in to Tasklist");
        Tasklist tasklist = Tasklist.signIn(browser, base(), "karin", "Karin Karlsson");

        browser.step("karin signs out in Tasklist");
        tasklist.signOut();
        browser.until(ExpectedConditions.urlToBe(base() + "/login"));
        assertThat(driver.findElements(By.name("username")))
                .as("our login form")
                .hasSize(1);

        browser.step("our pages and Cockpit ask for a login again");
        driver.get(base() + "/feedback");
        browser.until(ExpectedConditions.urlContains("/login"));
        driver.get(base() + "/camunda/app/cockpit/default/");
        browser.until(ExpectedConditions.urlContains("/login"));
        assertThat(driver.getCurrentUrl()).doesNotContain("/camunda/");
    }

    @Test
    void signingOutOfOurPagesEndsTasklistToo() {
        WebDriver driver = browser.newSession();
        browser.step("anna signs in to Tasklist, then opens her feedback page");
        Tasklist.signIn(browser, base(), "anna", "Anna Andersson");
        driver.get(base() + "/feedback");

        browser.step("anna signs out on our page");
        browser.click(By.xpath("//form[contains(@action,'/logout')]//button"));
        browser.until(ExpectedConditions.urlContains("/login?logout"));

        browser.step("Tasklist asks for a login again");
        driver.get(base() + Tasklist.PATH);
        browser.until(ExpectedConditions.urlContains("/login"));
        assertThat(driver.getCurrentUrl()).doesNotContain("/camunda/");
    }
}
