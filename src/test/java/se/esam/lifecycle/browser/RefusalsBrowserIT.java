package se.esam.lifecycle.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import se.esam.lifecycle.support.ProcessDriver;

/**
 * A refusal reads as a refusal in Tasklist: one Swedish sentence saying what is wrong and why, never an engine error,
 * an exception or a class name, and nothing changes. hanna (architecture group, Pensionsmyndigheten) tries to take
 * the review of feedback that her own organisation submitted (jäv); per tries to take the approval of a revision he
 * drafted (four eyes); karin marks feedback as a duplicate of a reference that does not exist; anna names a version
 * and a section that the guidance does not have on the start form.
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

    @Test
    void theDrafterIsToldWhyHeMayNotTakeTheApproval() {
        ProcessDriver driver = new ProcessDriver(base());
        String reference = driver.submit(
                "olof", "digital-samverkan", "4.1", "3", "ERROR", "Avsnitt 3 säger inte vem som ansvarar för utbytet.");
        driver.route(reference, "expert-architecture");
        driver.review("erik", reference, "ACCEPTED", "Avsnittet får ett förtydligande.");
        String revision = driver.openRevision("digital-samverkan");
        driver.draftEditorially("per", revision, List.of(reference), null);
        driver.approveQuality(revision);

        browser.step("per, who drafted the revision and is also chief architect, opens its approval");
        browser.newSession();
        Tasklist tasklist = Tasklist.signIn(browser, base(), "per", "Per Persson");
        tasklist.openFilter("Min grupps uppgifter");
        tasklist.openOnlyTask("Fastställ revision");

        browser.step("per tries to take the approval and is told why he may not (four eyes)");
        browser.click(By.cssSelector("section.task-details button.claim"));
        expectRefusal("(fyra ögon)", "Du har utarbetat revisionen och får därför inte fastställa den (fyra ögon).");
        assertThat(browser.driver()
                        .findElement(By.cssSelector("section.task-details button.claim"))
                        .isDisplayed())
                .as("'Ta uppgiften' still offered: the approval is still untaken")
                .isTrue();
    }

    @Test
    void theKansliIsToldThatTheDuplicateItNamedDoesNotExist() {
        ProcessDriver driver = new ProcessDriver(base());
        String reference =
                driver.submit("olof", "digital-samverkan", "4.1", "2", "GAP", "Avsnitt 2 saknar en ordlista.");

        browser.step("karin triages the feedback as a duplicate of a reference that does not exist");
        browser.newSession();
        Tasklist tasklist = Tasklist.signIn(browser, base(), "karin", "Karin Karlsson");
        tasklist.openFilter("Triagekö");
        CamundaForm form = tasklist.openTask("Triagera synpunkt", reference);
        tasklist.claim("Karin Karlsson");
        form.choose("Field_triageDecision", "Dubblett av tidigare synpunkt").type("Field_duplicateOf", "FB-1999-9999");
        tasklist.expectCompleteEnabled().click();

        browser.step("she is told that there is no such feedback, and the feedback stays in triage");
        expectRefusal(
                "ingen annan synpunkt med referensen", "Det finns ingen annan synpunkt med referensen 'FB-1999-9999'.");
        assertThat(driver.as("olof").get("/api/feedback/" + reference).json()).containsEntry("status", "IN_TRIAGE");
    }

    @Test
    void theSubmitterIsToldWhichVersionOrSectionTheGuidanceDoesNotHave() {
        browser.newSession();
        Tasklist tasklist = Tasklist.signIn(browser, base(), "anna", "Anna Andersson");

        browser.step("anna names a version of Digital samverkan that was never published");
        CamundaForm form = tasklist.startProcess("Synpunkt på vägledning");
        form.select("Field_guidanceId", "Digital samverkan")
                .type("Field_guidanceVersion", "9.9")
                .type("Field_sectionId", "2.1")
                .choose("Field_feedbackType", "Något saknas")
                .type("Field_description", "Avsnittet saknar exempel.");
        tasklist.clickStart();
        expectRefusal("ingen publicerad version 9.9", "Digital samverkan har ingen publicerad version 9.9.");

        browser.step("she corrects the version but names a section that 4.1 does not have");
        form.erase("Field_guidanceVersion").type("Field_guidanceVersion", "4.1");
        form.erase("Field_sectionId").type("Field_sectionId", "99");
        tasklist.clickStart();
        expectRefusal("har inget avsnitt 99", "Digital samverkan 4.1 har inget avsnitt 99.");
    }

    /**
     * Tasklist's red notification holding the sentence (found by a part of it without quotes): the whole sentence is
     * there, and neither it nor anything else on screen shows the engine's codes, an exception or a class name.
     */
    private void expectRefusal(String part, String sentence) {
        WebElement refusal = browser.waiting()
                .withMessage(() -> "a red notification saying '" + sentence + "'")
                .until(ExpectedConditions.visibilityOfElementLocated(
                        By.xpath("//*[contains(@class,'alert-danger')][contains(normalize-space(), '" + part + "')]")));
        assertThat(refusal.getText())
                .as("Tasklist's notification")
                .contains(sentence)
                .doesNotContain("ENGINE-")
                .doesNotContain("Exception")
                .doesNotContain("se.esam")
                .doesNotContain("org.camunda");
        assertThat(browser.driver().findElement(By.tagName("body")).getText())
                .doesNotContain("ENGINE-")
                .doesNotContain("Exception")
                .doesNotContain("se.esam")
                .doesNotContain("org.camunda");
    }
}
