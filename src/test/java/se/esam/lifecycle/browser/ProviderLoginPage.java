package se.esam.lifecycle.browser;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The OpenID Connect provider's own login page, where a browser lands in the {@code oidc} profile (the
 * test provider's: a user name, and the token's further claims as JSON).
 */
final class ProviderLoginPage {

    private ProviderLoginPage() {}

    /** Waits until the browser shows the provider's login page for this issuer. */
    static void expect(Browser browser, String issuer) {
        browser.waiting()
                .withMessage(() -> "the provider's login page at " + issuer)
                .until(ExpectedConditions.and(
                        ExpectedConditions.urlContains(issuer + "/authorize"),
                        ExpectedConditions.visibilityOfElementLocated(By.name("username"))));
    }

    /** Signs in on the provider's login page the browser was sent to; waits until it has left it. */
    static void signIn(Browser browser, String issuer, String user, String claimsJson) {
        expect(browser, issuer);
        WebElement username = browser.driver().findElement(By.name("username"));
        username.clear();
        username.sendKeys(user);
        WebElement claims = browser.driver().findElement(By.name("claims"));
        claims.clear();
        claims.sendKeys(claimsJson);
        browser.click(By.cssSelector("form input[type='submit']"));
        browser.until(ExpectedConditions.not(ExpectedConditions.urlContains(issuer)));
    }
}
