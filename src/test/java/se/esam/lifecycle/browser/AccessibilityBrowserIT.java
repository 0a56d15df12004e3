package se.esam.lifecycle.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

import se.esam.lifecycle.review.PeriodicReviewStarter;
import se.esam.lifecycle.review.internal.PeriodicReviewProcess;
import se.esam.lifecycle.support.HttpAgent;
import se.esam.lifecycle.support.ProcessDriver;

/**
 * Accessible, as the law requires of a public service (DOS-lagen, WCAG 2.1 AA; issue 13, point 8): axe-core
 * ({@link Axe}) finds no critical and no serious violation on any page of ours, signed in or not (the sign-in page
 * with its notices, the error pages 400, 403 and 404 included), nor in Tasklist
 * with each of our forms open (the periodic review's too); Camunda's own screen parts are fixed by our webapp script and styles
 * ({@code app/accessibility.js}, {@code app/tasklist/styles/user-styles.css}). The accessibility statement is
 * public, linked from every page, and says how to report a problem.
 * <p>
 * The data the pages and forms show is set up through the real processes, over our API and Camunda's REST API as
 * {@link RevisionJourneyBrowserIT} does; the forms are opened in Tasklist as a person does.
 */
class AccessibilityBrowserIT extends BrowserJourney {

    private static final String GUIDANCE = "digital-samverkan";
    private static final String STATEMENT = "Tillgänglighetsredogörelse";
    private static final String REVIEW_KEY = PeriodicReviewProcess.businessKey(GUIDANCE, "4.1");

    @Autowired
    PeriodicReviewStarter starter;

    @Autowired
    ManagementService management;

    @Value("${guidance.accessibility.contact-email}")
    String contactEmail;

    @Test
    void axeReportsAnImageWithoutTextAndAButtonWithoutNameAsCriticalAndTheCheckFailsOnThem() {
        browser.newSession();
        browser.driver().get(base() + "/accessibility");
        browser.until(ExpectedConditions.textToBe(By.cssSelector("main h1"), "Tillgänglighet för eSam vägledningar"));
        ((JavascriptExecutor) browser.driver())
                .executeScript("document.querySelector('main').insertAdjacentHTML('beforeend', "
                        + "'<img src=\"/favicon.ico\"><button type=\"button\"></button>');");

        List<Axe.Violation> found = Axe.check(browser.driver());

        assertThat(found)
                .filteredOn(Axe.Violation::blocking)
                .extracting(Axe.Violation::rule)
                .contains("image-alt", "button-name");
        assertThatThrownBy(() -> Axe.assertNoSeriousViolations(browser, "the statement with two faults"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("critical image-alt (Images must have alternate text) on 1 element(s): img")
                .hasMessageContaining(
                        "critical button-name (Buttons must have discernible text) on 1 element(s): button");
    }

    @Test
    void thePublicPagesTheSignInPageAndTheStatementHaveNoSeriousViolations() {
        browser.newSession();
        check("/guidance", "eSams vägledningar", "the public catalogue");
        check("/guidance/" + GUIDANCE, "Digital samverkan", "a document with its versions");
        check("/guidance/" + GUIDANCE + "/4.1", null, "a version");
        check("/guidance/" + GUIDANCE + "/4.1/dispositions", null, "a version's dispositions");
        check("/guidance/" + GUIDANCE + "/compare?from=4.0&to=4.1", null, "a comparison of two versions");
        check("/guidance/" + GUIDANCE + "/compare?from=4.1&to=9.9", null, "the comparison form with an error");
        check("/guidance/no-such-guidance", null, "the public page for unknown guidance (404)");
        check("/accessibility", "Tillgänglighet för eSam vägledningar", "the accessibility statement");

        checkSignInPage("/login", null, "the sign-in page");
        checkSignInPage("/login?logout", "signed-out", "the sign-in page after signing out");
        checkSignInPage("/login?error", "sign-in-failed", "the sign-in page after a failed sign-in");
    }

    /** The sign-in page, with the notice of this address (by id) shown when there is one. */
    private void checkSignInPage(String path, String notice, String page) {
        browser.step(page);
        browser.driver().get(base() + path);
        browser.until(ExpectedConditions.visibilityOfElementLocated(By.name("username")));
        if (notice != null) {
            browser.until(ExpectedConditions.visibilityOfElementLocated(By.id(notice)));
        }
        Axe.assertNoSeriousViolations(browser, page);
        expectStatementLink();
    }

    @Test
    void theStatementIsPublicLinkedFromThePublicPagesAndSaysHowToReportAProblem() {
        browser.newSession();
        browser.step("an anonymous reader follows the footer link from the catalogue");
        browser.driver().get(base() + "/guidance");
        browser.click(By.xpath("//footer//a[normalize-space()='" + STATEMENT + "']"));
        browser.until(ExpectedConditions.urlToBe(base() + "/accessibility"));
        assertThat(text(By.cssSelector("main h1"))).isEqualTo("Tillgänglighet för eSam vägledningar");
        assertThat(browser.driver().getTitle()).startsWith(STATEMENT);

        browser.step("the statement follows DIGG's model");
        List<String> headings = browser.driver().findElements(By.cssSelector("main h2, main h3")).stream()
                .map(WebElement::getText)
                .map(String::trim)
                .toList();
        assertThat(headings)
                .contains(
                        "Hur tillgänglig är webbtjänsten?",
                        "Rapportera brister i webbtjänstens tillgänglighet",
                        "Tillsyn",
                        "Teknisk information om webbtjänstens tillgänglighet",
                        "Innehåll som inte är tillgängligt",
                        "Hur vi testat webbtjänsten");
        assertThat(text(By.id("compliance"))).contains("delvis förenlig").contains("WCAG 2.1 nivå AA");
        assertThat(browser.driver().findElements(By.cssSelector("#known-problems li")))
                .isNotEmpty();

        browser.step("a problem is reported to the configured address, a complaint to DIGG");
        WebElement report = browser.driver().findElement(By.id("report"));
        assertThat(report.getText()).isEqualTo(contactEmail);
        assertThat(report.getDomAttribute("href")).startsWith("mailto:" + contactEmail + "?subject=");
        assertThat(browser.driver().findElement(By.id("contact")).getDomAttribute("href"))
                .isEqualTo("mailto:" + contactEmail);
        assertThat(browser.driver().findElement(By.id("supervision")).getDomAttribute("href"))
                .isEqualTo("https://www.digg.se/tdosanmalan");
        assertThat(browser.driver().findElement(By.id("reviewed")).getDomAttribute("datetime"))
                .matches("\\d{4}-\\d{2}-\\d{2}");
    }

    @Test
    void everySignedInPageOfOursHasNoSeriousViolationsAndLinksToTheStatement() {
        String reference = submit("anna", "2", "Avsnitt 2 borde säga hur informationens aktualitet anges.");
        route(reference);
        accept(reference);
        String revision = revisionWith(reference);

        browser.newSession();
        browser.driver().get(base() + "/");
        LoginPage.signIn(browser, "anna", "anna");
        check("/", null, "the home page");
        check("/feedback", "Synpunkter från min organisation", "the organisation's feedback");
        check("/feedback/" + reference, "Synpunkt " + reference, "one feedback item");
        check("/feedback/endorsable", "Synpunkter från andra organisationer", "other organisations' feedback");
        check(
                "/feedback/new?document=" + GUIDANCE + "&section=2.1",
                "Lämna en synpunkt",
                "the feedback form from a guidance page, document and section filled in");
        check("/guidance/" + GUIDANCE + "/4.1", null, "a version with its Följ buttons (signed in)");
        check("/settings", "Inställningar", "the settings: digest frequency and follows");
        check("/no-such-page", "Sidan finns inte", "the error page 404");
        check("/reports", "Inte tillåtet", "the error page 403 (a submitter on the reports)");

        browser.newSession();
        browser.driver().get(base() + "/reports");
        LoginPage.signIn(browser, "mats", "mats");
        check("/reports", null, "the manager reports");
        check("/reports/feedback", null, "the reports' feedback list");

        browser.newSession();
        browser.driver().get(base() + "/revisions/" + revision);
        LoginPage.signIn(browser, "karin", "karin");
        check("/revisions/" + revision, null, "the revision page");
        check("/feedback", "Alla synpunkter", "the kansli's overview of all feedback");
        browser.step("the error page 400 (a form posted without its field, as a hand-made request would)");
        ((JavascriptExecutor) browser.driver())
                .executeScript("const form = document.createElement('form');"
                        + "form.method = 'post'; form.action = '/revisions/" + revision + "/consultation-responses';"
                        + "form.appendChild(document.querySelector('input[name=_csrf]').cloneNode());"
                        + "document.body.appendChild(form); form.submit();");
        browser.until(ExpectedConditions.textToBe(By.cssSelector("main h1"), "Begäran kunde inte utföras"));
        Axe.assertNoSeriousViolations(browser, "the error page 400");
        expectStatementLink();
        check("/register", "Diarium: inkomna handlingar", "the register (diarium)");
        check("/register?from=2026-13-01", "Diariet kan inte visas", "the register with a bad filter");
        check("/retention", "Gallring och rättslig spärr", "the retention page");
    }

    /**
     * Every form of ours in Tasklist, unclaimed and claimed, the periodic review's too. Each person signs in once:
     * the tasks of every kind are set up first, each waiting for its person, because loading Tasklist is the
     * dearest step of a browser test.
     */
    @Test
    void tasklistWithEachOfOurFormsOpenHasNoSeriousViolations() {
        browser.step("a task of every kind, each waiting for its person");
        ProcessDriver driver = new ProcessDriver(base());
        String toTriage = submit("anna", GUIDANCE, "3", "Avsnitt 3 säger inte vem som ansvarar för beskrivningen.");
        String toClarify = submit("anna", GUIDANCE, "2", "Avsnitt 2 borde säga hur aktualitet anges.");
        driver.askForClarification(toClarify, "Vilken aktualitet menar ni?");
        String toReview = submit("olof", GUIDANCE, "4", "Avsnitt 4 säger inte vem som utser förvaltaren.");
        driver.route(toReview, "expert-architecture");
        // the revision erik drafts
        revisionWith(accepted(driver, GUIDANCE, "expert-architecture", "erik"));
        String inQualityReview =
                revisionWith(accepted(driver, "behovsdriven-utveckling", "expert-architecture", "erik"));
        draft("erik", inQualityReview);
        String forApproval = revisionWith(accepted(driver, "molntjanster-rattsligt-uttalande", "expert-law", "lena"));
        draft("lena", forApproval);
        driver.approveQuality(forApproval);
        periodicReviewFallsDue(driver);

        browser.step(
                "anna: Tasklist with no task chosen, the clarification form, the start form 'Synpunkt på vägledning'");
        browser.newSession();
        Tasklist anna = Tasklist.signIn(browser, base(), "anna", "Anna Andersson");
        Axe.assertNoSeriousViolations(browser, "Tasklist with no task chosen");
        anna.openFilter("Mina uppgifter");
        anna.openOnlyTask("Besvara begäran om förtydligande");
        Axe.assertNoSeriousViolations(browser, "Tasklist with the form answer-clarification");
        anna.startProcess("Synpunkt på vägledning");
        Axe.assertNoSeriousViolations(browser, "Tasklist with the start form submit-feedback");

        browser.step("karin: the triage form and the quality review form");
        browser.newSession();
        Tasklist karin = Tasklist.signIn(browser, base(), "karin", "Karin Karlsson");
        karin.openFilter("Triagekö");
        karin.openTask("Triagera synpunkt", toTriage);
        checkOpenForm(karin, "triage-feedback", "Karin Karlsson");
        karin.openFilter("Min grupps uppgifter");
        checkForm(karin, "Kvalitetsgranska revision", "quality-review-revision", "Karin Karlsson");

        browser.step("erik: the review, draft and periodic review forms, the start form 'Revision av vägledning'");
        browser.newSession();
        Tasklist erik = Tasklist.signIn(browser, base(), "erik", "Erik Eriksson");
        erik.openFilter("Min grupps uppgifter");
        checkForm(erik, "Granska synpunkt", "review-feedback", "Erik Eriksson");
        checkForm(erik, "Utarbeta revision", "draft-revision", "Erik Eriksson");
        erik.openFilter("Periodiska översyner");
        checkForm(erik, "Periodisk översyn", "periodic-review", "Erik Eriksson");
        erik.startProcess("Revision av vägledning");
        Axe.assertNoSeriousViolations(browser, "Tasklist with the start form start-revision");

        browser.step("maria: the approval form and the task's history");
        browser.newSession();
        Tasklist maria = Tasklist.signIn(browser, base(), "maria", "Maria Magnusson");
        maria.openFilter("Min grupps uppgifter");
        checkForm(maria, "Fastställ revision", "approve-revision", "Maria Magnusson");
        browser.click(
                By.xpath(
                        "//section[contains(@class,'task-details')]//ul[contains(@class,'nav-tabs')]//a[normalize-space()='Historik']"));
        browser.until(
                ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("section.task-details form.fjs-form")));
        Axe.assertNoSeriousViolations(browser, "Tasklist with the task's history");
    }

    /** Opens the person's only task of this name, and checks its form unclaimed and claimed. */
    private void checkForm(Tasklist tasklist, String taskName, String form, String fullName) {
        tasklist.openOnlyTask(taskName);
        checkOpenForm(tasklist, form, fullName);
    }

    private void checkOpenForm(Tasklist tasklist, String form, String fullName) {
        Axe.assertNoSeriousViolations(browser, "Tasklist with the form " + form);
        tasklist.claim(fullName);
        Axe.assertNoSeriousViolations(browser, "Tasklist with the form " + form + ", claimed");
    }

    /** Feedback on the document accepted by its group, which opens the document's revision: the feedback's reference. */
    private String accepted(ProcessDriver driver, String guidanceId, String group, String reviewer) {
        String reference = submit("olof", guidanceId, "1", "Inledningen borde säga vem vägledningen riktar sig till.");
        driver.route(reference, group);
        driver.review(reviewer, reference, "ACCEPTED", "Tas med i nästa version.");
        return reference;
    }

    /** The catalogue's reviews scheduled as start-up schedules them, and Digital samverkan 4.1's falling due. */
    private void periodicReviewFallsDue(ProcessDriver driver) {
        starter.scheduleCurrentVersions();
        management.executeJob(management
                .createJobQuery()
                .processInstanceId(driver.processInstance(REVIEW_KEY))
                .activityId(PeriodicReviewProcess.Elements.REVIEW_FALLS_DUE)
                .singleResult()
                .getId());
    }

    @Test
    void theWelcomePageCockpitAndAdminHaveNoSeriousViolations() {
        // at least one running instance for Cockpit to list
        submit("olof", "1", "Inledningen borde säga vem vägledningen riktar sig till.");

        browser.step("the administrator signs in to the welcome page");
        browser.newSession();
        browser.driver().get(base() + "/camunda/app/welcome/default/");
        LoginPage.signIn(browser, "admin", "admin");
        browser.until(
                ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".tasklist-app a.app-label-wrapper")));
        Axe.assertNoSeriousViolations(browser, "the webapps' welcome page");

        browser.step("Cockpit: the processes, one process with its instances, one instance");
        browser.driver().get(base() + "/camunda/app/cockpit/default/#/processes");
        browser.click(By.xpath("//table//a[normalize-space()='Synpunkt på vägledning']"));
        browser.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".djs-container")));
        browser.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("a.circle")));
        Axe.assertNoSeriousViolations(browser, "Cockpit's process definition page");
        browser.click(By.cssSelector("table a.circle"));
        browser.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".super-process-instance-id")));
        Axe.assertNoSeriousViolations(browser, "Cockpit's process instance page");

        browser.step("Admin: the users, one user");
        browser.driver().get(base() + "/camunda/app/admin/default/#/users");
        browser.click(By.xpath("//table//a[normalize-space()='anna']"));
        browser.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("form [ng-model]")));
        Axe.assertNoSeriousViolations(browser, "Admin's user page");
    }

    // --- our pages

    /** Opens one of our pages, waits for its heading, runs axe and checks the footer's link to the statement. */
    private void check(String path, String heading, String page) {
        browser.step(page);
        browser.driver().get(base() + path);
        if (heading != null) {
            browser.until(ExpectedConditions.textToBe(By.cssSelector("main h1"), heading));
        } else {
            browser.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("main h1")));
        }
        assertThat(browser.driver().getCurrentUrl()).as(page).doesNotContain("/login");
        Axe.assertNoSeriousViolations(browser, page);
        expectStatementLink();
    }

    private void expectStatementLink() {
        WebElement link = browser.until(ExpectedConditions.visibilityOfElementLocated(
                By.xpath("//footer//a[normalize-space()='" + STATEMENT + "']")));
        assertThat(link.getDomAttribute("href")).isEqualTo("/accessibility");
    }

    private String text(By locator) {
        return browser.until(ExpectedConditions.visibilityOfElementLocated(locator))
                .getText()
                .trim();
    }

    // --- the data, through the real processes (our API and Camunda's REST API)

    private String submit(String submitter, String section, String description) {
        return submit(submitter, GUIDANCE, section, description);
    }

    private String submit(String submitter, String guidanceId, String section, String description) {
        HttpAgent.Response response = agent(submitter)
                .json(
                        "POST",
                        "/api/feedback",
                        Map.of(
                                "guidanceId",
                                guidanceId,
                                "sectionId",
                                section,
                                "type",
                                "GAP",
                                "description",
                                description));
        assertThat(response.status()).as("%s", response).isEqualTo(201);
        return (String) response.json().get("reference");
    }

    /** karin sends the feedback to the architecture group. */
    private void route(String reference) {
        complete(
                "karin",
                task("karin", "TriageFeedback", reference),
                Map.of("triageDecision", "route", "expertGroup", "expert-architecture", "priority", "NORMAL"));
    }

    /** erik accepts it for revision: the revision of the guidance opens, or the feedback joins the open one. */
    private void accept(String reference) {
        complete(
                "erik",
                task("erik", "ReviewFeedback", reference),
                Map.of("disposition", "ACCEPTED", "dispositionReason", "Tas med i nästa version."));
    }

    /** The open revision the accepted feedback opened or joined. */
    private String revisionWith(String reference) {
        return agent("karin").get("/api/revisions").jsonList().stream()
                .filter(r -> r.get("items").toString().contains(reference))
                .map(r -> (String) r.get("id"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no open revision with " + reference));
    }

    /** A draft as Tasklist would send it: one rewritten section, every item of the revision traced. */
    private void draft(String drafter, String revision) {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> open = (List<Map<String, Object>>)
                agent(drafter).get("/api/revisions/" + revision).json().get("items");
        List<Map<String, Object>> items =
                open.stream().map(item -> trace((String) item.get("reference"))).toList();
        Map<String, Object> variables = Map.of(
                "sections",
                json(List.of(Map.of(
                        "sectionId",
                        "3",
                        "title",
                        "Informationsutbyte",
                        "body",
                        "Den som lämnar ut information ansvarar för att beskriva den."))),
                "items",
                json(items),
                "changeNotes",
                Map.of("value", "Avsnitt 3 anger vem som beskriver informationen."),
                "changeClass",
                Map.of("value", "EDITORIAL"));
        HttpAgent.Response response = submitForm(drafter, task(drafter, "DraftRevision", revision), variables);
        assertThat(response.status()).as("%s", response).isEqualTo(204);
    }

    private static Map<String, Object> trace(String reference) {
        return Map.of("reference", reference, "trace", "ANSWERED", "traceSection", "3");
    }

    private static Map<String, Object> json(Object value) {
        try {
            return Map.of(
                    "value",
                    new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(value),
                    "type",
                    "Json");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The user's only task of this kind in the process with this business key (a reference or a revision id). */
    private String task(String user, String taskKey, String businessKey) {
        List<Map<String, Object>> found = agent(user)
                .get("/engine-rest/task?taskDefinitionKey=" + taskKey + "&processInstanceBusinessKey=" + businessKey)
                .jsonList();
        assertThat(found).as("%s's %s tasks for %s", user, taskKey, businessKey).hasSize(1);
        return (String) found.get(0).get("id");
    }

    private void complete(String user, String taskId, Map<String, Object> values) {
        Map<String, Object> variables = new HashMap<>();
        values.forEach((name, value) -> variables.put(name, Map.of("value", value)));
        HttpAgent.Response response = submitForm(user, taskId, variables);
        assertThat(response.status()).as("%s", response).isEqualTo(204);
    }

    private HttpAgent.Response submitForm(String user, String taskId, Map<String, Object> variables) {
        agent(user).json("POST", "/engine-rest/task/" + taskId + "/claim", Map.of("userId", user));
        return agent(user).json("POST", "/engine-rest/task/" + taskId + "/submit-form", Map.of("variables", variables));
    }

    private HttpAgent agent(String user) {
        return HttpAgent.basic(HttpAgent.local(port), user, user);
    }
}
