package se.esam.lifecycle.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.icegreen.greenmail.junit5.GreenMailExtension;

import se.esam.lifecycle.support.PostgresDatabase;
import se.esam.lifecycle.support.TestEnvironment;
import se.esam.lifecycle.support.TestOidcProvider;
import se.esam.lifecycle.support.TestSmtp;

/**
 * The {@code oidc} profile in a real browser: Tasklist sends a person to the provider's login page, back in
 * Tasklist they are signed in (one login), and either sign-out, Tasklist's own or our pages' "Logga ut",
 * ends the session, so that Tasklist asks for a login again.
 * <p>
 * Headless Chromium as in the other browser tests, a fresh PostgreSQL database, and the test provider with its
 * interactive login page (a user name and the claims as JSON). A failure leaves a screenshot and the page
 * source in {@code target/browser-screenshots/}.
 */
@SpringBootTest(webEnvironment = RANDOM_PORT)
@TestEnvironment
// the demo's organisations and groups, but people sign in at the provider: PasswordSignIn is not active
@ActiveProfiles({"demo", "oidc"})
// close the application after the class, before PostgresDatabase drops the database in its JVM shutdown hook
@DirtiesContext
class OidcLoginBrowserIT {

    private static final String KAJSA = "kajsa";
    private static final String KAJSA_FULL_NAME = "Kajsa Kanslisdotter";
    private static final String KAJSA_CLAIMS = """
            {"preferred_username": "kajsa", "given_name": "Kajsa", "family_name": "Kanslisdotter",
             "email": "kajsa@esamverka.example", "groups": ["kansli"], "organisation": "org-esam"}""";

    @RegisterExtension
    static final TestOidcProvider oidc = TestOidcProvider.withLoginPage();

    static final TestSmtp smtp = new TestSmtp();

    @RegisterExtension
    static final GreenMailExtension mail = smtp.server();

    @RegisterExtension
    final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        PostgresDatabase.createFor(OidcLoginBrowserIT.class, registry);
        smtp.configure(registry);
        oidc.configure(registry);
    }

    @Test
    void kansliMemberSignsInAtTheProviderWorksInTasklistAndEachSignOutEndsTheSession() {
        browser.step("kajsa opens Tasklist and is sent to the provider's login page");
        browser.newSession();
        browser.driver().get(baseUrl() + Tasklist.PATH);
        ProviderLoginPage.expect(browser, oidc.issuer());

        browser.step("kajsa signs in at the provider as a kansli member of eSam");
        ProviderLoginPage.signIn(browser, oidc.issuer(), KAJSA, KAJSA_CLAIMS);

        browser.step("kajsa is in Tasklist, signed in, with the kansli's filters");
        Tasklist tasklist = Tasklist.open(browser, baseUrl(), KAJSA_FULL_NAME);
        tasklist.openFilter("Triagekö");

        browser.step("kajsa signs out in Tasklist and lands on our sign-in page");
        browser.click(By.cssSelector("[cam-widget-header] li.account > a.dropdown-toggle"));
        browser.click(By.cssSelector("[cam-widget-header] li.account li.logout > a"));
        // a deliberate sign-out: /login?logout, as with passwords (app/sign-out.js)
        browser.until(ExpectedConditions.urlToBe(baseUrl() + "/login?logout"));
        browser.until(ExpectedConditions.textToBe(By.id("signed-out"), "Du är nu utloggad."));
        assertThat(browser.driver().findElement(By.tagName("html")).getAttribute("lang"))
                .isEqualTo("sv");
        assertThat(browser.driver().findElement(By.cssSelector("main h1")).getText())
                .isEqualTo("Logga in på eSam Synpunkter och revisioner");
        assertThat(browser.driver().findElement(By.cssSelector("main a.button")).getAttribute("href"))
                .isEqualTo(baseUrl() + "/oauth2/authorization/oidc");

        browser.step("Tasklist asks for a login again");
        browser.driver().get(baseUrl() + Tasklist.PATH);
        ProviderLoginPage.expect(browser, oidc.issuer());

        browser.step("kajsa signs in again and is back in Tasklist");
        ProviderLoginPage.signIn(browser, oidc.issuer(), KAJSA, KAJSA_CLAIMS);
        Tasklist.open(browser, baseUrl(), KAJSA_FULL_NAME);

        browser.step("kajsa signs out on our pages: the provider ends its session and sends her back");
        browser.driver().get(baseUrl() + "/");
        browser.until(ExpectedConditions.textToBe(By.cssSelector("main h1"), "Synpunkter på eSams vägledningar"));
        browser.click(By.xpath("//header//form//button[normalize-space()='Logga ut']"));
        // back from the provider's end_session_endpoint at our start page, which asks for a login
        ProviderLoginPage.expect(browser, oidc.issuer());

        browser.step("Tasklist asks for a login again");
        browser.driver().get(baseUrl() + Tasklist.PATH);
        ProviderLoginPage.expect(browser, oidc.issuer());
        assertThat(browser.driver().getCurrentUrl()).doesNotContain(Tasklist.PATH);
    }

    private String baseUrl() {
        return "http://localhost:" + port;
    }
}
