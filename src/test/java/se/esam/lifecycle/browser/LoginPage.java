package se.esam.lifecycle.browser;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** Our sign-in page at {@code /login} (security/SignInPage), where every browser lands first. */
final class LoginPage {

    private LoginPage() {}

    /**
     * Signs in on the login page the browser was sent to. Demo passwords equal the user name; a wrong one
     * would throttle the user's next logins, so this is the only place that types one.
     */
    static void signIn(Browser browser, String user, String password) {
        browser.until(ExpectedConditions.urlContains("/login"));
        WebElement username = browser.until(ExpectedConditions.visibilityOfElementLocated(By.name("username")));
        username.clear();
        username.sendKeys(user);
        WebElement passwordField = browser.driver().findElement(By.name("password"));
        passwordField.clear();
        passwordField.sendKeys(password);
        browser.driver()
                .findElement(By.cssSelector("form.login-form button[type='submit']"))
                .click();
        browser.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
    }
}
