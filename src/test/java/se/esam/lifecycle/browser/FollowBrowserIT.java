package se.esam.lifecycle.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A member follows a section from the public guidance page, finds it on the settings page, chooses a daily
 * digest and stops following, all by clicking.
 */
class FollowBrowserIT extends SharedBrowserJourney {

    @Test
    void aMemberFollowsASectionSeesItOnSettingsChangesTheFrequencyAndUnfollows() {
        browser.step("olof signs in and opens Digital samverkan 4.1");
        browser.newSession();
        browser.driver().get(base() + "/settings");
        LoginPage.signIn(browser, "olof", "olof");
        assertThat(browser.driver().findElement(By.id("no-follows")).getText()).contains("Du följer inget ännu");
        browser.driver().get(base() + "/guidance/digital-samverkan/4.1");

        browser.step("he follows section 2.1");
        browser.click(By.id("follow-2.1"));
        browser.until(ExpectedConditions.urlContains("/settings?followed="));
        assertThat(browser.driver().findElement(By.id("followed-notice")).getText())
                .isEqualTo("Du följer nu Digital samverkan, avsnitt 2.1.");
        String row = browser.driver().findElement(By.id("follows")).getText();
        assertThat(row).contains("Digital samverkan").contains("2.1");

        browser.step("the guidance page says he follows 2.1 instead of offering it again");
        browser.driver().get(base() + "/guidance/digital-samverkan/4.1");
        assertThat(browser.driver().findElement(By.id("following-2.1")).getText())
                .isEqualTo("Du följer avsnitt 2.1.");
        assertThat(browser.driver().findElements(By.id("follow-2.1"))).isEmpty();
        assertThat(browser.driver().findElements(By.id("follow-3"))).hasSize(1);
        assertThat(browser.driver().findElements(By.id("follow-document"))).hasSize(1);
        browser.driver().get(base() + "/settings");

        browser.step("the digest comes weekly until he chooses daily");
        assertThat(browser.driver().findElement(By.id("frequency-WEEKLY")).isSelected())
                .isTrue();
        browser.click(By.id("frequency-DAILY"));
        browser.click(By.id("save-frequency"));
        browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("saved-notice")));
        assertThat(browser.driver().findElement(By.id("frequency-DAILY")).isSelected())
                .isTrue();

        browser.step("he stops following the section");
        browser.click(By.cssSelector("#follows button[type='submit']"));
        browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("unfollowed-notice")));
        assertThat(browser.driver().findElements(By.id("follows"))).isEmpty();
        assertThat(browser.driver().findElement(By.id("no-follows")).isDisplayed())
                .isTrue();
        browser.driver().get(base() + "/guidance/digital-samverkan/4.1");
        assertThat(browser.driver().findElements(By.id("follow-2.1"))).hasSize(1);
        assertThat(browser.driver().findElements(By.id("following-2.1"))).isEmpty();
    }
}
