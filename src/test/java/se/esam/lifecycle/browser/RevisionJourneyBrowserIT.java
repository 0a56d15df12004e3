package se.esam.lifecycle.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static se.esam.lifecycle.browser.CamundaForm.row;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import se.esam.lifecycle.feedback.FeedbackType;
import se.esam.lifecycle.feedback.Submission;
import se.esam.lifecycle.support.HttpAgent;

/**
 * A revision from accepted feedback to a published version, done in Tasklist alone: the expert group drafts it
 * in the form's dynamic lists (new section text, a trace for every feedback item), the kansli reviews it, the
 * chief architect approves it, and anyone can read the new version, its change notes and how each item was
 * handled on the public pages, while the submitters get a mail.
 * <p>
 * The feedback that opens the revision is set up through the HTTP APIs, as {@code FeedbackApiIT} does (the
 * feedback part has its own browser journey in {@link TasklistJourneyBrowserIT}). Same machinery as there:
 * headless Chromium, a clean browser session per person, a fresh PostgreSQL database and an in-process SMTP server;
 * a failure leaves a screenshot and the page source in {@code target/browser-screenshots/}.
 */
class RevisionJourneyBrowserIT extends BrowserJourney {

    private static final String GUIDANCE = "digital-samverkan";
    private static final String EDITED_SECTION = "3";
    private static final String EDITORIAL = "Redaktionell (ny mindre version, fastställs av chefsarkitekten)";

    /** What erik writes in the draft. */
    record Draft(String sectionBody, String notAddressedReason, String changeNotes) {}

    @Test
    void expertGroupDraftsKansliReviewsChiefArchitectApprovesAndTheNewVersionIsPublic() throws Exception {
        String annas = submitAndAccept(
                "anna",
                "2",
                "Principerna säger inte hur aktuell information som lämnas ut ska vara.",
                "Mottagaren behöver veta hur aktuell informationen är; avsnittet om informationsutbyte kompletteras.");
        String olofs = submitAndAccept(
                "olof",
                "4",
                "Avsnitt 4 borde kräva en gemensam förvaltningsorganisation.",
                "Frågan om förvaltningsorganisation tas upp i revisionen.");
        String revision = openRevisionWith(annas, olofs);

        Draft draft = new Draft(
                "Informationsutbyte mellan organisationer ska ske genom väldefinierade och dokumenterade "
                        + "gränssnitt. Den som lämnar ut information ansvarar för att beskriva vad den betyder, hur "
                        + "aktuell den är och hur ofta den uppdateras.",
                "Förvaltningens organisation bestäms av varje gemensam lösning och hör inte hemma i ramverket.",
                "Avsnitt 3 anger nu att den som lämnar ut information ska beskriva hur aktuell den är och hur ofta "
                        + "den uppdateras.");

        erikDraftsTheRevision(revision, annas, olofs, draft);
        karinApprovesTheQuality(revision, annas, olofs, draft);
        mariaApprovesAndPublishes(revision, annas, olofs, draft);
        anyoneReadsTheNewVersion(annas, olofs, draft);

        browser.step("anna and olof hear that version 4.2 answers their feedback");
        assertThat(awaitMail("anna@pensionsmyndigheten.example", "Synpunkt " + annas + " är behandlad i version 4.2"))
                .contains("Din synpunkt besvaras av en ändring i avsnitt " + EDITED_SECTION + ".")
                .contains("/guidance/" + GUIDANCE + "/4.2");
        assertThat(awaitMail("olof@kronofogden.example", "Synpunkt " + olofs + " är behandlad i version 4.2"))
                .contains("Din synpunkt åtgärdas inte i denna version. Motivering: " + draft.notAddressedReason())
                .contains("/guidance/" + GUIDANCE + "/4.2");

        Map<String, Object> published =
                get("karin", "/api/revisions/" + revision).json();
        assertThat(published)
                .containsEntry("status", "PUBLISHED")
                .containsEntry("newVersion", "4.2")
                .containsEntry("approvedBy", "maria")
                .containsEntry("draftedBy", List.of("erik"));
        assertThat(get("anna", "/api/feedback/" + annas).json()).containsEntry("status", "ANSWERED_IN_VERSION");
        assertThat(get("olof", "/api/feedback/" + olofs).json()).containsEntry("status", "ANSWERED_IN_VERSION");
    }

    // --- 1. set-up through the APIs

    /** A submitter's feedback on 4.1, routed by karin to the architecture group and accepted by erik. */
    private String submitAndAccept(String submitter, String section, String description, String acceptance) {
        browser.step(submitter + " submits feedback on section " + section + "; karin routes it, erik accepts it");
        HttpAgent.Response submitted = post(
                submitter, "/api/feedback", new Submission(GUIDANCE, "4.1", section, FeedbackType.GAP, description));
        assertThat(submitted.status()).as("%s", submitted).isEqualTo(201);
        String reference = (String) submitted.json().get("reference");

        claimAndSubmit(
                "karin",
                taskOf("karin", "TriageFeedback", reference),
                Map.of("triageDecision", "route", "expertGroup", "expert-architecture", "priority", "NORMAL"));
        claimAndSubmit(
                "erik",
                taskOf("erik", "ReviewFeedback", reference),
                Map.of("disposition", "ACCEPTED", "dispositionReason", acceptance));
        assertThat(get(submitter, "/api/feedback/" + reference).json()).containsEntry("disposition", "ACCEPTED");
        return reference;
    }

    /** The first acceptance opened the revision, the second joined it: one open revision with both items. */
    private String openRevisionWith(String... references) {
        browser.step("the open revision of " + GUIDANCE + " has both items");
        List<Map<String, Object>> open = get("erik", "/api/revisions").jsonList();
        assertThat(open).filteredOn(r -> GUIDANCE.equals(r.get("guidanceId"))).hasSize(1);
        Map<String, Object> revision = open.stream()
                .filter(r -> GUIDANCE.equals(r.get("guidanceId")))
                .findFirst()
                .orElseThrow();
        assertThat(revision).containsEntry("status", "DRAFTING").containsEntry("baseVersion", "4.1");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> items = (List<Map<String, Object>>) revision.get("items");
        assertThat(items).extracting(i -> i.get("reference")).containsExactlyInAnyOrder((Object[]) references);
        String id = (String) revision.get("id");
        assertThat(id).matches("REV-\\d+");
        return id;
    }

    // --- 2.-4. the revision in Tasklist

    /** erik (expert group architecture) writes the new text and a trace for each item in "Utarbeta revision". */
    private void erikDraftsTheRevision(String revision, String answered, String notAddressed, Draft draft) {
        browser.step("erik signs in to Tasklist");
        browser.newSession();
        Tasklist tasklist = Tasklist.signIn(browser, base(), "erik", "Erik Eriksson");

        browser.step("erik opens 'Utarbeta revision' from his group's tasks");
        tasklist.openFilter("Min grupps uppgifter");
        CamundaForm form = tasklist.openOnlyTask("Utarbeta revision");
        form.expectValue("Field_revisionId", revision)
                .expectValue("Field_guidanceTitle", "Digital samverkan")
                .expectValue("Field_baseVersion", "4.1");
        // the draft starts from the text of 4.1: six sections, 1 to 5 with 2.1
        int section = form.rowWhere("Field_section_sectionId", EDITED_SECTION);
        form.expectValue(row("Field_section_title", section), "Informationsutbyte")
                .awaitValue(
                        row("Field_section_body", section),
                        "the text of 4.1",
                        body -> body.startsWith("Informationsutbyte mellan organisationer ska ske"));
        assertThat(form.rowCount("Field_section_sectionId")).isEqualTo(6);
        int first = form.rowWhere("Field_item_reference", answered);
        int second = form.rowWhere("Field_item_reference", notAddressed);
        form.expectValue(row("Field_item_organisation", first), "Pensionsmyndigheten")
                .expectValue(row("Field_item_organisation", second), "Kronofogden")
                .expectValue(row("Field_item_type", first), "Något saknas");

        browser.step("erik claims the drafting task");
        tasklist.claim("Erik Eriksson");

        browser.step("the lists speak Swedish: 'Lägg till' below the sections, 'Ta bort rad' on each");
        String shown = form.shownText();
        assertThat(shown).contains("Lägg till", "Ta bort rad 1");
        assertThat(shown).doesNotContain("Add new", "Remove list item", "Select", "Field is required", "Expand all");

        browser.step("erik rewrites section " + EDITED_SECTION);
        form.type(row("Field_section_body", section), draft.sectionBody());

        browser.step("erik traces " + answered + " to section " + EDITED_SECTION);
        form.select(row("Field_item_trace", first), "Besvaras av en ändring")
                // pre-filled with the section anna commented on; the change is in another one
                .expectValue(row("Field_item_traceSection", first), "2")
                .type(row("Field_item_traceSection", first), EDITED_SECTION);

        browser.step("erik leaves " + notAddressed + " unaddressed, with a reason");
        form.select(row("Field_item_trace", second), "Åtgärdas inte")
                .expectHidden(row("Field_item_traceSection", second))
                .type(row("Field_item_traceReason", second), draft.notAddressedReason());

        browser.step("erik writes the change notes and classes the change as editorial");
        form.type("Field_changeNotes", draft.changeNotes()).choose("Field_changeClass", EDITORIAL);

        browser.step("erik completes the draft");
        tasklist.complete();

        browser.step("the drafting task has left erik's lists");
        tasklist.expectNoTask("Utarbeta revision");
        tasklist.openFilter("Mina uppgifter").expectNoTask("Utarbeta revision");
        tasklist.openFilter("Min grupps uppgifter").expectNoTask("Utarbeta revision");

        Map<String, Object> drafted = get("erik", "/api/revisions/" + revision).json();
        assertThat(drafted)
                .containsEntry("status", "QUALITY_REVIEW")
                .containsEntry("changeClass", "EDITORIAL")
                .containsEntry("changeNotes", draft.changeNotes())
                .containsEntry("newVersion", "4.2");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> traces = (List<Map<String, Object>>) drafted.get("items");
        assertThat(traces)
                .containsExactlyInAnyOrder(
                        Map.of("reference", answered, "trace", "ANSWERED", "traceSection", EDITED_SECTION),
                        Map.of(
                                "reference",
                                notAddressed,
                                "trace",
                                "NOT_ADDRESSED",
                                "traceReason",
                                draft.notAddressedReason()));
    }

    /** karin (kansli) checks the draft in "Kvalitetsgranska revision" and sends it on for approval. */
    private void karinApprovesTheQuality(String revision, String answered, String notAddressed, Draft draft) {
        browser.step("karin signs in to Tasklist");
        browser.newSession();
        Tasklist tasklist = Tasklist.signIn(browser, base(), "karin", "Karin Karlsson");

        browser.step("karin opens 'Kvalitetsgranska revision' from her group's tasks");
        tasklist.openFilter("Min grupps uppgifter");
        CamundaForm form = tasklist.openOnlyTask("Kvalitetsgranska revision");
        expectTheDraft(form, revision, answered, notAddressed, draft);

        browser.step("karin claims the quality review");
        tasklist.claim("Karin Karlsson");

        browser.step("karin starts to send it back, leaves the comments empty, and changes her mind");
        form.choose("Field_qualityDecision", "Skicka tillbaka till expertgruppen")
                .type("Field_qualityComments", "Avsnitt")
                .erase("Field_qualityComments")
                .expectError("Field_qualityComments", "Fältet måste fyllas i.");

        browser.step("karin sends the revision on for approval: the hidden comments' error no longer counts");
        form.choose("Field_qualityDecision", "Godkänn, skicka för fastställelse")
                .expectHidden("Field_qualityComments");
        tasklist.complete();

        browser.step("the quality review has left karin's lists");
        tasklist.expectNoTask("Kvalitetsgranska revision");
        tasklist.openFilter("Mina uppgifter").expectNoTask("Kvalitetsgranska revision");
        assertThat(get("karin", "/api/revisions/" + revision).json()).containsEntry("status", "AWAITING_APPROVAL");
    }

    /** maria (chief architect) reads items and traces in "Fastställ revision", approves, and the version is out. */
    private void mariaApprovesAndPublishes(String revision, String answered, String notAddressed, Draft draft) {
        browser.step("maria signs in to Tasklist");
        browser.newSession();
        Tasklist tasklist = Tasklist.signIn(browser, base(), "maria", "Maria Magnusson");

        browser.step("maria opens 'Fastställ revision' from her group's tasks");
        tasklist.openFilter("Min grupps uppgifter");
        CamundaForm form = tasklist.openOnlyTask("Fastställ revision");
        expectTheDraft(form, revision, answered, notAddressed, draft);

        browser.step("maria claims the approval");
        tasklist.claim("Maria Magnusson");

        browser.step("maria approves and publishes");
        form.choose("Field_approvalDecision", "Fastställ och publicera").expectHidden("Field_approvalComments");
        tasklist.complete();

        browser.step("the approval has left maria's lists");
        tasklist.expectNoTask("Fastställ revision");
        tasklist.openFilter("Mina uppgifter").expectNoTask("Fastställ revision");
    }

    /** The read-only view of the draft that the quality review and the approval show. */
    private void expectTheDraft(CamundaForm form, String revision, String answered, String notAddressed, Draft draft) {
        form.expectValue("Field_revisionId", revision)
                .expectValue("Field_guidanceTitle", "Digital samverkan")
                .expectValue("Field_baseVersion", "4.1")
                .expectValue("Field_newVersion", "4.2")
                .expectSelected("Field_changeClass", EDITORIAL)
                .expectValue("Field_changeNotes", draft.changeNotes());
        int section = form.rowWhere("Field_section_sectionId", EDITED_SECTION);
        form.expectValue(row("Field_section_body", section), draft.sectionBody())
                .expectDisabled(row("Field_section_body", section));
        int first = form.rowWhere("Field_item_reference", answered);
        int second = form.rowWhere("Field_item_reference", notAddressed);
        form.expectSelected(row("Field_item_trace", first), "Besvaras av en ändring")
                .expectValue(row("Field_item_traceSection", first), EDITED_SECTION)
                .expectSelected(row("Field_item_trace", second), "Åtgärdas inte")
                .expectHidden(row("Field_item_traceSection", second))
                .expectValue(row("Field_item_traceReason", second), draft.notAddressedReason());
    }

    // --- 5. the public pages

    /** Someone who is not signed in reads the new version, its change notes and the dispositions. */
    private void anyoneReadsTheNewVersion(String answered, String notAddressed, Draft draft) {
        browser.step("an anonymous reader opens the document page");
        browser.newSession();
        browser.driver().get(base() + "/guidance/" + GUIDANCE);
        browser.until(ExpectedConditions.textToBe(By.cssSelector("main h1"), "Digital samverkan"));
        assertThat(browser.driver().getCurrentUrl()).doesNotContain("/login");
        List<WebElement> versions = browser.driver().findElements(By.cssSelector("main table.versions tbody tr"));
        assertThat(versions).hasSizeGreaterThanOrEqualTo(3);
        assertThat(versions.get(0)
                        .findElement(By.cssSelector("td[data-label='Version']"))
                        .getText())
                .isEqualTo("4.2 Aktuell");
        assertThat(versions.get(0)
                        .findElement(By.cssSelector("td[data-label='Typ av ändring']"))
                        .getText())
                .isEqualTo("Redaktionell");
        assertThat(versions.get(1)
                        .findElement(By.cssSelector("td[data-label='Version']"))
                        .getText())
                .isEqualTo("4.1");

        browser.step("the reader opens version 4.2");
        browser.click(By.xpath("//main//table[contains(@class,'versions')]//a[normalize-space()='4.2']"));
        browser.until(ExpectedConditions.urlToBe(base() + "/guidance/" + GUIDANCE + "/4.2"));
        assertThat(text(By.cssSelector("main h1 .version-number"))).isEqualTo("4.2");
        assertThat(text(By.cssSelector("main section.change-notes p.preserve-lines")))
                .isEqualTo(draft.changeNotes());
        assertThat(text(By.cssSelector("#avsnitt-" + EDITED_SECTION + " h2")))
                .isEqualTo(EDITED_SECTION + " Informationsutbyte");
        assertThat(text(By.cssSelector("#avsnitt-" + EDITED_SECTION + " p"))).isEqualTo(draft.sectionBody());
        // the other sections are those of 4.1
        assertThat(text(By.cssSelector("#avsnitt-4 p")))
                .startsWith("Varje gemensam lösning ska ha en utsedd förvaltare");

        browser.step("the reader opens how the feedback was handled");
        browser.click(By.partialLinkText("Hur synpunkterna på vägledningen har behandlats"));
        browser.until(ExpectedConditions.urlToBe(base() + "/guidance/" + GUIDANCE + "/4.2/dispositions"));
        Map<String, String> first = dispositionRow(answered);
        assertThat(first.get("Organisation")).isEqualTo("Pensionsmyndigheten");
        // the label feedback gives the disposition, the same on the public page as on the feedback pages
        assertThat(first.get("Ställningstagande")).isEqualTo("Godtagen för revision");
        assertThat(first.get("Hantering")).isEqualTo("Besvarad genom ändring i avsnitt " + EDITED_SECTION);
        Map<String, String> second = dispositionRow(notAddressed);
        assertThat(second.get("Organisation")).isEqualTo("Kronofogden");
        assertThat(second.get("Hantering")).isEqualTo("Inte åtgärdad");
        assertThat(second.get("Motivering")).isEqualTo(draft.notAddressedReason());

        browser.step("the trace links to the changed section");
        browser.click(By.xpath(
                "//table[contains(@class,'dispositions')]//a[normalize-space()='Besvarad genom ändring i avsnitt "
                        + EDITED_SECTION + "']"));
        browser.until(ExpectedConditions.urlToBe(base() + "/guidance/" + GUIDANCE + "/4.2#avsnitt-" + EDITED_SECTION));
    }

    /** One row of the dispositions table, by column heading (the cells carry it as {@code data-label}). */
    private Map<String, String> dispositionRow(String reference) {
        WebElement row = browser.until(ExpectedConditions.visibilityOfElementLocated(By.xpath(
                "//table[contains(@class,'dispositions')]/tbody/tr[td[@data-label='Referens'][normalize-space()='"
                        + reference + "']]")));
        Map<String, String> cells = new HashMap<>();
        for (WebElement cell : row.findElements(By.tagName("td"))) {
            cells.put(cell.getDomAttribute("data-label"), cell.getText().trim());
        }
        return cells;
    }

    private String text(By locator) {
        return browser.until(ExpectedConditions.visibilityOfElementLocated(locator))
                .getText()
                .trim();
    }

    /** Waits for the mail with this subject to this address; returns its text. */
    private String awaitMail(String address, String subject) throws Exception {
        long deadline = System.currentTimeMillis() + Browser.TIMEOUT.toMillis();
        while (true) {
            for (MimeMessage message : mail.getReceivedMessages()) {
                if (subject.equals(message.getSubject())
                        && Arrays.stream(message.getAllRecipients())
                                .anyMatch(recipient -> recipient.toString().equals(address))) {
                    return message.getContent().toString();
                }
            }
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError(
                        "no mail '" + subject + "' to " + address + "; received " + smtp.subjectsTo(address));
            }
            // GreenMail's own wait: returns as soon as one more message arrives
            mail.waitForIncomingEmail(1_000, mail.getReceivedMessages().length + 1);
        }
    }

    // --- what a client of the two APIs does (as FeedbackApiIT)

    private HttpAgent.Response post(String user, String path, Object body) {
        return HttpAgent.basic(base(), user, user).json("POST", path, body);
    }

    private HttpAgent.Response get(String user, String path) {
        return HttpAgent.basic(base(), user, user).get(path);
    }

    /** The user's task of this kind for the feedback, found by the business key (which is its reference). */
    private String taskOf(String user, String taskDefinitionKey, String reference) {
        List<Map<String, Object>> tasks = get(
                        user,
                        "/engine-rest/task?taskDefinitionKey=" + taskDefinitionKey + "&processInstanceBusinessKey="
                                + reference)
                .jsonList();
        assertThat(tasks)
                .as("%s's %s tasks for %s", user, taskDefinitionKey, reference)
                .hasSize(1);
        return (String) tasks.get(0).get("id");
    }

    private void claimAndSubmit(String user, String taskId, Map<String, Object> values) {
        assertThat(post(user, "/engine-rest/task/" + taskId + "/claim", Map.of("userId", user))
                        .status())
                .isEqualTo(204);
        Map<String, Object> variables = new HashMap<>();
        values.forEach((name, value) -> variables.put(name, Map.of("value", value)));
        HttpAgent.Response submitted =
                post(user, "/engine-rest/task/" + taskId + "/submit-form", Map.of("variables", variables));
        assertThat(submitted.status()).as("%s", submitted).isEqualTo(204);
    }
}
