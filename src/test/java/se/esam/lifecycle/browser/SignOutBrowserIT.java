package se.esam.lifecycle.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * One login, one logout: signing out of Tasklist or Cockpit ends our pages' session too and shows our login page
 * saying "Du är nu utloggad" (not the webapps' own form, which cannot sign anyone in here); a session that ran out
 * shows the plain login page, since nobody signed out; and signing out of our pages ends Tasklist's.
 */
class SignOutBrowserIT extends SharedBrowserJourney {

    @Test
    void signingOutOfTasklistEndsTheWholeSessionAndLandsOnOurLoginPage() {
        WebDriver driver = browser.newSession();
        browser.step("karin signs in to Tasklist");
        Tasklist tasklist = Tasklist.signIn(browser, base(), "karin", "Karin Karlsson");

        browser.step("karin signs out in Tasklist");
        tasklist.signOut();
        browser.until(ExpectedConditions.urlToBe(base() + "/login?logout"));
        assertThat(driver.findElements(By.name("username")))
                .as("our login form")
                .hasSize(1);
        assertThat(browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("signed-out")))
                        .getText())
                .isEqualTo("Du är nu utloggad.");

        browser.step("our pages and Cockpit ask for a login again");
        driver.get(base() + "/feedback");
        browser.until(ExpectedConditions.urlContains("/login"));
        driver.get(base() + "/camunda/app/cockpit/default/");
        browser.until(ExpectedConditions.urlContains("/login"));
        assertThat(driver.getCurrentUrl()).doesNotContain("/camunda/");
    }

    @Test
    void aSessionThatRanOutLandsOnOurLoginPageWithoutSayingSomeoneSignedOut() {
        WebDriver driver = browser.newSession();
        browser.step("karin signs in to Tasklist");
        Tasklist.signIn(browser, base(), "karin", "Karin Karlsson");

        browser.step("her session ends without her signing out, and Tasklist asks the engine for tasks");
        driver.manage().deleteCookieNamed("GLSESSION");
        // another list than the one open: Tasklist's request for it is answered 401, and Tasklist shows #/login
        browser.click(By.xpath("//div[contains(@class,'task-filter') and not(contains(@class,'active'))]//h4/a"));
        browser.until(ExpectedConditions.urlToBe(base() + "/login"));
        assertThat(driver.findElements(By.name("username")))
                .as("our login form")
                .hasSize(1);
        assertThat(driver.findElements(By.id("signed-out")))
                .as("'Du är nu utloggad' after a session that ran out")
                .isEmpty();
    }

    @Test
    void signingOutOfCockpitShowsThatTheSignOutWorked() {
        WebDriver driver = browser.newSession();
        browser.step("admin signs in to Cockpit");
        driver.get(base() + "/camunda/app/cockpit/default/");
        LoginPage.signIn(browser, "admin", "admin");
        browser.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[cam-widget-header] li.account > a.dropdown-toggle")));

        browser.step("admin signs out in Cockpit's header");
        browser.click(By.cssSelector("[cam-widget-header] li.account > a.dropdown-toggle"));
        browser.click(By.cssSelector("[cam-widget-header] li.account li.logout > a"));
        browser.until(ExpectedConditions.urlToBe(base() + "/login?logout"));
        assertThat(browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("signed-out")))
                        .getText())
                .isEqualTo("Du är nu utloggad.");
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
