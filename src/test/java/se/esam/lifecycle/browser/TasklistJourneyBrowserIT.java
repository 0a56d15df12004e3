package se.esam.lifecycle.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The whole feedback journey in a real browser, as the people involved would do it: a submitter starts
 * "Synpunkt på vägledning" in Tasklist, the kansli triages it, the expert group rejects it with a reason, and
 * the submitter reads the outcome on the application's own pages and in her mail.
 * <p>
 * Headless Chromium (Debian's headless shell and {@code /usr/bin/chromedriver}, see {@link Browser}), a clean browser
 * session per person ({@link Browser#newSession()}), sign-in through the application's login form, a fresh PostgreSQL database and an in-process SMTP server.
 * A failure leaves a screenshot and the page source in {@code target/browser-screenshots/}.
 */
class TasklistJourneyBrowserIT extends BrowserJourney {

    private static final String PROCESS = "Synpunkt på vägledning";
    private static final Pattern REFERENCE = Pattern.compile("FB-\\d{4}-\\d{4,}");
    /** form-js's English texts, which our Tasklist shows in Swedish (app/tasklist/scripts/forms/swedish-form-texts.js). */
    private static final String[] FORM_JS_ENGLISH = {
        "Select", "Search", "Add new", "Field is required", "Field must", "Remove list item", "No results"
    };

    @Test
    void feedbackGoesFromSubmitterThroughKansliAndExpertGroupBackToSubmitter() throws Exception {
        String description = "Avsnitt 2.1 saknar exempel på hur principen tillämpas när flera myndigheter "
                + "delar samma grundregister.";
        String reason = "Exempel på delade grundregister finns redan i bilaga B, som avsnitt 2.1 hänvisar till.";

        String reference = annaSubmitsFeedback(description);
        karinSendsItToTheArchitectureGroup(reference, description);
        erikRejectsIt(reference, description, reason);
        annaReadsTheOutcome(reference, description, reason);

        browser.step("anna's mailbox has the receipt and the disposition");
        awaitMail("anna@pensionsmyndigheten.example", "Vi har tagit emot din synpunkt " + reference);
        MimeMessage decision =
                awaitMail("anna@pensionsmyndigheten.example", "Beslut om synpunkt " + reference + ": Avslagen");
        assertThat(decision.getContent().toString())
                .contains("Ställningstagande: Avslagen")
                .contains("Motivering: " + reason)
                .contains("/feedback/" + reference);
    }

    /** anna (submitters, Pensionsmyndigheten) starts the process in Tasklist and finds it in her list. */
    private String annaSubmitsFeedback(String description) {
        // anna signs in where she goes first, her feedback page; Tasklist then shows her name. (Signing in to
        // Tasklist first loaded it twice; karin and erik sign in through Tasklist's redirect below.)
        browser.step("anna signs in and looks at her organisation's feedback before submitting");
        browser.newSession();
        browser.driver().get(base() + "/feedback");
        LoginPage.signIn(browser, "anna", "anna");
        List<String> before = feedbackReferencesOnMyPage();

        browser.step("anna opens Tasklist and fills in the start form of '" + PROCESS + "'");
        Tasklist tasklist = Tasklist.open(browser, base(), "Anna Andersson");
        CamundaForm form = tasklist.startProcess(PROCESS);
        // form-js's own texts are Swedish too: the empty dropdown, the error of a required field left empty
        form.expectNothingSelected("Field_guidanceId")
                .type("Field_description", "Utkast")
                .erase("Field_description")
                .expectError("Field_description", "Fältet måste fyllas i.");
        assertThat(form.shownText()).doesNotContain(FORM_JS_ENGLISH);
        form.select("Field_guidanceId", "Digital samverkan")
                .type("Field_sectionId", "2.1")
                .choose("Field_feedbackType", "Något saknas")
                .type("Field_description", description)
                .expectNoError("Field_description");

        browser.step("anna starts the process and reads the reference her feedback was given");
        String confirmation = tasklist.submitStartForm();
        Matcher shown = Pattern.compile(
                        "Processen har startats\\. Din synpunkt har fått referensen (" + REFERENCE.pattern() + ")\\.")
                .matcher(confirmation);
        assertThat(shown.matches()).as("the confirmation '%s'", confirmation).isTrue();
        String reference = shown.group(1);
        // the reference links to the feedback's own page, where the journey ends
        assertThat(browser.driver()
                        .findElement(By.xpath("//div[contains(@class,'page-notifications')]//a[normalize-space()='"
                                + reference + "']"))
                        .getDomProperty("href"))
                .isEqualTo(base() + "/feedback/" + reference);

        browser.step("anna finds the same reference as her new feedback on /feedback");
        List<String> after = feedbackReferencesOnMyPage();
        List<String> added = new ArrayList<>(after);
        added.removeAll(before);
        assertThat(added).as("references new on anna's feedback page").containsExactly(reference);
        Map<String, String> row = feedbackRow(reference);
        assertThat(row.get("Vägledning")).startsWith("Digital samverkan");
        assertThat(row.get("Typ")).isEqualTo("Något saknas");
        assertThat(row.get("Status")).isEqualTo("Under triagering");
        return reference;
    }

    /** karin (kansli) takes the feedback from the triage queue and routes it to the proposed expert group. */
    private void karinSendsItToTheArchitectureGroup(String reference, String description) {
        browser.step("karin signs in to Tasklist");
        browser.newSession();
        Tasklist tasklist = Tasklist.signIn(browser, base(), "karin", "Karin Karlsson");

        browser.step("karin opens 'Triagera synpunkt' from the Triagekö filter");
        tasklist.openFilter("Triagekö");
        CamundaForm form = tasklist.openTask("Triagera synpunkt", reference);
        form.expectValue("Field_reference", reference)
                .expectValue("Field_guidanceTitle", "Digital samverkan")
                .expectValue("Field_sectionTitle", "Principen om enhetlig informationshantering")
                .expectValue("Field_feedbackTypeLabel", "Något saknas")
                .expectValue("Field_submitterOrganisation", "Pensionsmyndigheten")
                .expectValue("Field_description", description);

        browser.step("karin claims the triage task");
        tasklist.claim("Karin Karlsson");

        browser.step("karin routes the feedback to Arkitektur with high priority");
        form.choose("Field_triageDecision", "Skicka till expertgrupp")
                // proposed by the routing decision table: Digital samverkan belongs to the architecture group
                .expectSelected("Field_expertGroup", "Arkitektur")
                .select("Field_priority", "Hög");

        browser.step("karin decides what may be published: the detector found nothing, the text may go as it is");
        form.expectValue("Field_personalDataFound", "Inga personnummer, e-postadresser eller telefonnummer hittades.")
                .expectDisabled("Field_personalDataFound")
                .choose("Field_publication", "Publicera texten som den är")
                .expectHidden("Field_publicText")
                .expectHidden("Field_publicationGround");
        tasklist.complete();

        browser.step("the triage task has left karin's lists");
        tasklist.expectNoTask("Triagera synpunkt", reference);
        tasklist.openFilter("Mina uppgifter").expectNoTask("Triagera synpunkt", reference);
        tasklist.openFilter("Triagekö").expectNoTask("Triagera synpunkt", reference);
    }

    /** erik (expert group architecture) reviews the feedback and rejects it with a reason. */
    private void erikRejectsIt(String reference, String description, String reason) {
        browser.step("erik signs in to Tasklist");
        browser.newSession();
        Tasklist tasklist = Tasklist.signIn(browser, base(), "erik", "Erik Eriksson");

        browser.step("erik opens 'Granska synpunkt' from his group's tasks");
        tasklist.openFilter("Min grupps uppgifter");
        // The routed group may read this feedback's process (granted on routing), so the card shows the
        // reference (TasklistOffersBrowserIT checks that); here erik finds the task by its name and due date
        // (karin chose high priority: five days) and checks the form.
        WebElement card = tasklist.expectOnlyTask("Granska synpunkt");
        assertThat(card.getText()).contains("Förfaller om 5 dagar");
        CamundaForm form = tasklist.openOnlyTask("Granska synpunkt");
        form.expectValue("Field_reference", reference)
                .expectValue("Field_guidanceTitle", "Digital samverkan")
                .expectValue("Field_description", description);

        browser.step("erik claims the review task");
        tasklist.claim("Erik Eriksson");

        browser.step("erik rejects the feedback with a reason");
        form.choose("Field_disposition", "Avslås").type("Field_dispositionReason", reason);
        tasklist.complete();

        browser.step("the review task has left erik's lists");
        tasklist.expectNoTask("Granska synpunkt");
        tasklist.openFilter("Mina uppgifter").expectNoTask("Granska synpunkt");
        tasklist.openFilter("Min grupps uppgifter").expectNoTask("Granska synpunkt");
    }

    /** anna opens her organisation's feedback page and reads the expert group's disposition and reason. */
    private void annaReadsTheOutcome(String reference, String description, String reason) {
        browser.step("anna signs in to her feedback page");
        browser.newSession();
        browser.driver().get(base() + "/feedback");
        LoginPage.signIn(browser, "anna", "anna");
        browser.until(ExpectedConditions.urlContains("/feedback"));

        browser.step("anna sees her feedback as rejected in the list");
        assertThat(feedbackRow(reference).get("Status")).isEqualTo("Avslagen");

        browser.step("anna opens her feedback");
        browser.click(By.linkText(reference));
        browser.until(ExpectedConditions.textToBe(By.cssSelector("main h1"), "Synpunkt " + reference));
        assertThat(text(By.id("status"))).isEqualTo("Avslagen");
        assertThat(text(By.id("disposition"))).isEqualTo("Avslagen");
        assertThat(text(By.id("reason"))).isEqualTo(reason);
        assertThat(text(By.cssSelector("main p.description"))).isEqualTo(description);
    }

    /** The references listed on /feedback ("Synpunkter från min organisation"). */
    private List<String> feedbackReferencesOnMyPage() {
        browser.driver().get(base() + "/feedback");
        browser.until(ExpectedConditions.textToBe(By.cssSelector("main h1"), "Synpunkter från min organisation"));
        return browser.driver().findElements(By.cssSelector("main table tbody tr td:first-child a")).stream()
                .map(WebElement::getText)
                .map(String::trim)
                .toList();
    }

    /** One row of the /feedback table, by column heading; the browser must be on /feedback. */
    private Map<String, String> feedbackRow(String reference) {
        List<String> headings = browser.driver().findElements(By.cssSelector("main table thead th")).stream()
                .map(WebElement::getText)
                .map(String::trim)
                .toList();
        WebElement row = browser.until(ExpectedConditions.visibilityOfElementLocated(
                By.xpath("//main//table/tbody/tr[td[1]/a[normalize-space()='" + reference + "']]")));
        List<String> cells = row.findElements(By.tagName("td")).stream()
                .map(WebElement::getText)
                .map(String::trim)
                .toList();
        assertThat(cells).hasSameSizeAs(headings);
        Map<String, String> byHeading = new LinkedHashMap<>();
        for (int i = 0; i < headings.size(); i++) {
            byHeading.put(headings.get(i), cells.get(i));
        }
        return byHeading;
    }

    private String text(By locator) {
        return browser.until(ExpectedConditions.visibilityOfElementLocated(locator))
                .getText()
                .trim();
    }

    private MimeMessage awaitMail(String recipient, String subject) throws MessagingException {
        long deadline = System.currentTimeMillis() + Browser.TIMEOUT.toMillis();
        while (true) {
            for (MimeMessage message : mail.getReceivedMessages()) {
                if (subject.equals(message.getSubject())
                        && List.of(message.getRecipients(Message.RecipientType.TO)).stream()
                                .anyMatch(address -> address.toString().equals(recipient))) {
                    return message;
                }
            }
            if (System.currentTimeMillis() > deadline) {
                List<String> received = new ArrayList<>();
                for (MimeMessage message : mail.getReceivedMessages()) {
                    received.add(
                            List.of(message.getRecipients(Message.RecipientType.TO)) + ": " + message.getSubject());
                }
                throw new AssertionError("no mail '" + subject + "' to " + recipient + "; received " + received);
            }
            // GreenMail's own wait: returns as soon as one more message arrives
            mail.waitForIncomingEmail(1_000, mail.getReceivedMessages().length + 1);
        }
    }
}
