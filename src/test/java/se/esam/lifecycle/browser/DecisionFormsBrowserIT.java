package se.esam.lifecycle.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static se.esam.lifecycle.browser.CamundaForm.row;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import se.esam.lifecycle.support.ProcessDriver;

/**
 * The forms carry what each decision needs, and only what applies (issue 13, point 4), as people see them in
 * Tasklist: an expert opens the revision from its start form, the submitter answers the kansli's question in her
 * form (Slutför without Spara); re-triage shows the kansli's question beside the submitter's answer with no decision pre-selected;
 * the review shows the clarification only when there was one, and says who may not review (jäv); drafting asks
 * for a reason only for feedback that is not addressed; quality review marks what the draft changes and links to the
 * revision's page, which shows the same changes section by section; approval shows who drafted the revision, so a
 * drafter sees before claiming that he may not approve it (four eyes), and links to the same page.
 * <p>
 * What happens between the forms is set up through the APIs ({@link ProcessDriver}).
 */
class DecisionFormsBrowserIT extends BrowserJourney {

    private static final String GUIDANCE = "digital-samverkan";
    private static final String QUESTION = "Vilka exempel saknar du i avsnitt 2.1?";
    private static final String ANSWER = "Exempel på hur en kommun och en myndighet delar adressuppgifter.";
    private static final String REDRAFTED_SECTION = "3";
    private static final String REDRAFTED_TEXT = "Den som lämnar ut uppgifter ansvarar för utbytet.";

    @Test
    void formsShowWhatTheDecisionNeedsAndOnlyWhatApplies() {
        ProcessDriver driver = new ProcessDriver(base());
        erikStartsARevisionInTasklist();
        browser.step("anna's feedback is sent back to her with a question");
        String clarified = driver.submit("anna", GUIDANCE, "4.1", "2.1", "GAP", "Avsnitt 2.1 saknar exempel.");
        driver.askForClarification(clarified, QUESTION);
        annaAnswersTheQuestionInTasklist(clarified);
        browser.step("olof's feedback goes straight to the architecture group");
        String straight =
                driver.submit("olof", GUIDANCE, "4.1", "4", "ERROR", "Avsnitt 4 säger inte vem som utser förvaltaren.");
        driver.route(straight, "expert-architecture");

        karinReTriagesWithTheQuestionAndTheAnswerInView(clarified);
        erikReadsTheClarificationOnlyWhereThereIsOne(clarified, straight);
        driver.review("erik", straight, "REJECTED", "Förvaltaren utses redan enligt avsnitt 4 andra stycket.");
        driver.review("erik", clarified, "ACCEPTED", "Avsnittet får exempel i nästa version.");

        String revision = driver.openRevision(GUIDANCE);
        perIsAskedForAReasonOnlyForFeedbackNotAddressed(clarified);
        driver.draftEditorially("per", revision, List.of(clarified), null);
        karinSeesWhatTheDraftChanges(revision);
        driver.approveQuality(revision);
        perSeesOnTheApprovalThatHeDraftedIt(revision);
    }

    /** The revision the accepted feedback will join, opened from the start form as an expert does it. */
    private void erikStartsARevisionInTasklist() {
        browser.step("erik starts 'Revision av vägledning' for Digital samverkan in Tasklist");
        browser.newSession();
        Tasklist tasklist = Tasklist.signIn(browser, base(), "erik", "Erik Eriksson");
        tasklist.startProcess("Revision av vägledning").select("Field_guidanceId", "Digital samverkan");
        assertThat(tasklist.submitStartForm()).contains("Processen har startats.");
    }

    private void annaAnswersTheQuestionInTasklist(String reference) {
        browser.step("anna reads the kansli's question in Tasklist and answers it: Slutför, no Spara");
        browser.newSession();
        Tasklist tasklist = Tasklist.signIn(browser, base(), "anna", "Anna Andersson");
        tasklist.openFilter("Mina uppgifter");
        CamundaForm form = tasklist.openTask("Besvara begäran om förtydligande", reference);
        form.expectValue("Field_clarificationQuestion", QUESTION).type("Field_clarificationAnswer", ANSWER);
        tasklist.complete();
    }

    private void karinReTriagesWithTheQuestionAndTheAnswerInView(String reference) {
        browser.step("karin opens the feedback again from the Triagekö filter");
        browser.newSession();
        Tasklist tasklist = Tasklist.signIn(browser, base(), "karin", "Karin Karlsson");
        tasklist.openFilter("Triagekö");
        CamundaForm form = tasklist.openTask("Triagera synpunkt", reference);

        browser.step("she reads her question and anna's answer, and nothing is decided for her");
        form.expectValue("Field_clarificationAsked", QUESTION)
                .expectDisabled("Field_clarificationAsked")
                .expectValue("Field_clarificationAnswer", ANSWER)
                .expectDisabled("Field_clarificationAnswer")
                .expectHidden("Field_clarificationQuestion");
        assertThat(radios("Field_triageDecision"))
                .as("the decision options of the triage form")
                .hasSize(4)
                .noneMatch(WebElement::isSelected);

        browser.step("she sends it to the architecture group");
        tasklist.claim("Karin Karlsson");
        form.choose("Field_triageDecision", "Skicka till expertgrupp")
                .expectSelected("Field_expertGroup", "Arkitektur")
                .choose("Field_publication", "Publicera med personuppgifter maskerade")
                .expectHidden("Field_publicationGround");
        tasklist.complete();
    }

    private void erikReadsTheClarificationOnlyWhereThereIsOne(String clarified, String straight) {
        browser.step("erik opens the review of the clarified feedback");
        browser.newSession();
        Tasklist tasklist = Tasklist.signIn(browser, base(), "erik", "Erik Eriksson");
        tasklist.openFilter("Min grupps uppgifter");
        CamundaForm form = tasklist.openTask("Granska synpunkt", clarified);

        browser.step("he reads the question with the answer, and who may not review it");
        form.expectValue("Field_clarificationAsked", QUESTION).expectValue("Field_clarificationAnswer", ANSWER);
        assertThat(taskText()).contains("Förtydligande från inlämnaren").contains("får inte granska synpunkten (jäv)");

        browser.step("the review of feedback that was never unclear shows no clarification box");
        form = tasklist.openTask("Granska synpunkt", straight);
        form.expectValue("Field_reference", straight)
                .expectHidden("Field_clarificationAnswer")
                .expectHidden("Field_clarificationAsked");
        assertThat(taskText()).doesNotContain("Förtydligande från inlämnaren");
    }

    private void perIsAskedForAReasonOnlyForFeedbackNotAddressed(String reference) {
        browser.step("per opens the drafting of the revision and claims it");
        browser.newSession();
        Tasklist tasklist = Tasklist.signIn(browser, base(), "per", "Per Persson");
        tasklist.openFilter("Min grupps uppgifter");
        CamundaForm form = tasklist.openOnlyTask("Utarbeta revision");
        tasklist.claim("Per Persson");
        int item = form.rowWhere("Field_item_reference", reference);

        browser.step("'Åtgärdas inte' asks for a reason; 'Besvaras av en ändring' asks for a section instead");
        form.select(row("Field_item_trace", item), "Åtgärdas inte")
                .expectHidden(row("Field_item_traceSection", item))
                .type(row("Field_item_traceReason", item), "Skrevs innan svaret valdes.");
        form.select(row("Field_item_trace", item), "Besvaras av en ändring")
                .expectHidden(row("Field_item_traceReason", item))
                .expectValue(row("Field_item_traceSection", item), "2.1");
    }

    private void karinSeesWhatTheDraftChanges(String revision) {
        browser.step("karin opens the quality review");
        browser.newSession();
        Tasklist tasklist = Tasklist.signIn(browser, base(), "karin", "Karin Karlsson");
        tasklist.openFilter("Min grupps uppgifter");
        CamundaForm form = tasklist.openOnlyTask("Kvalitetsgranska revision");

        browser.step("the sections the draft changes are marked, with the text before and after");
        assertThat(taskText()).contains("Vad har ändrats (jämfört med nuvarande version)");
        int changed = form.rowWhere("Field_change_sectionId", REDRAFTED_SECTION);
        form.awaitValue(row("Field_change_change", changed), "a change of text", v -> v.startsWith("Ändrad"));
        form.expectValue(row("Field_change_after", changed), REDRAFTED_TEXT)
                .awaitValue(
                        row("Field_change_before", changed),
                        "the text of 4.1",
                        before -> before.startsWith("Informationsutbyte mellan organisationer ska ske"));
        form.expectDisabled(row("Field_change_after", changed));
        // the draft keeps sections 1 and 3 only: the others are marked as removed, with nothing after
        int removed = form.rowWhere("Field_change_sectionId", "2.1");
        form.expectValue(row("Field_change_change", removed), "Borttaget avsnitt")
                .expectHidden(row("Field_change_after", removed));

        browser.step("the form links to the revision's page, which shows the same changes section by section");
        String page = expectRevisionPageLink(revision);
        browser.driver().get(page);
        browser.until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("changes"), "Vad har ändrats jämfört med version 4.1"));
        WebElement redrafted = browser.driver().findElement(By.cssSelector("section.change[data-section='3']"));
        assertThat(redrafted.findElement(By.cssSelector(".change-kind")).getText())
                .startsWith("Ändrad");
        assertThat(redrafted.findElement(By.cssSelector(".before")).getText())
                .startsWith("Informationsutbyte mellan organisationer ska ske");
        assertThat(redrafted.findElement(By.cssSelector(".after")).getText()).isEqualTo(REDRAFTED_TEXT);
        WebElement gone = browser.driver().findElement(By.cssSelector("section.change[data-section='2.1']"));
        assertThat(gone.findElement(By.cssSelector(".change-kind")).getText()).isEqualTo("Borttaget avsnitt");
        assertThat(gone.findElements(By.cssSelector(".after")))
                .as("a removed section's new text")
                .isEmpty();
    }

    /** The form's link to the revision's page, where the changes can be read at full width: its address. */
    private String expectRevisionPageLink(String revision) {
        WebElement link = browser.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("section.task-details form.fjs-form a[href*='/revisions/']")));
        assertThat(link.getText()).startsWith("Revisionens sida");
        assertThat(link.getDomAttribute("href")).isEqualTo("/revisions/" + revision);
        return link.getDomProperty("href");
    }

    private void perSeesOnTheApprovalThatHeDraftedIt(String revision) {
        browser.step("per, also chief architect, sees on the approval's card and form that he drafted it");
        browser.newSession();
        Tasklist tasklist = Tasklist.signIn(browser, base(), "per", "Per Persson");
        tasklist.openFilter("Min grupps uppgifter");
        assertThat(tasklist.expectOnlyTask("Fastställ revision").getText())
                .as("the task card")
                .contains("Utarbetad av")
                .contains("Per Persson (per)");
        CamundaForm form = tasklist.openOnlyTask("Fastställ revision");

        browser.step("the form says who drafted it and that the drafter may not approve it");
        form.expectValue("Field_draftedBy", "Per Persson (per)").expectDisabled("Field_draftedBy");
        assertThat(taskText()).contains("Den som har utarbetat revisionen får inte fastställa den (fyra ögon)");
        expectRevisionPageLink(revision);
    }

    private List<WebElement> radios(String componentId) {
        return browser.driver()
                .findElements(By.cssSelector("section.task-details input[type='radio'][id*='-" + componentId + "-']"));
    }

    private String taskText() {
        return browser.until(ExpectedConditions.visibilityOfElementLocated(
                        By.cssSelector("section.task-details form.fjs-form")))
                .getText();
    }
}
