package se.esam.lifecycle.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

import se.esam.lifecycle.review.PeriodicReviewStarter;
import se.esam.lifecycle.review.internal.PeriodicReviewProcess;
import se.esam.lifecycle.support.ProcessDriver;
import se.esam.lifecycle.support.SwedishToday;

/**
 * An expert of the owning group does the periodic review of a published version in Tasklist, from the group's
 * "Periodiska översyner" list: reads the version's age, feedback and endorsements, claims the task, finds it still
 * valid with the proposed next date, and the public page then says when it was reviewed.
 */
class PeriodicReviewBrowserIT extends BrowserJourney {

    private static final String KEY = PeriodicReviewProcess.businessKey("digital-samverkan", "4.1");

    @Autowired
    PeriodicReviewStarter starter;

    @Autowired
    ManagementService management;

    @Test
    void anExpertFindsTheVersionStillValidAndThePublicPageSaysGranskad() {
        browser.step("the catalogue's reviews are scheduled and Digital samverkan 4.1 falls due");
        starter.scheduleCurrentVersions();
        ProcessDriver driver = new ProcessDriver(base());
        management.executeJob(management
                .createJobQuery()
                .processInstanceId(driver.processInstance(KEY))
                .activityId(PeriodicReviewProcess.Elements.REVIEW_FALLS_DUE)
                .singleResult()
                .getId());

        browser.step("erik opens 'Periodisk översyn' from his group's list of periodic reviews");
        browser.newSession();
        Tasklist tasklist = Tasklist.signIn(browser, base(), "erik", "Erik Eriksson");
        tasklist.openFilter("Periodiska översyner");
        // the only review due in this application; its card tells it from other reviews by title and version
        String card = tasklist.expectOnlyTask("Periodisk översyn").getText();
        assertThat(card).contains("Digital samverkan").contains("4.1");
        CamundaForm form = tasklist.openTask("Periodisk översyn", "4.1");

        browser.step("he reads what the version is and what has been said about it");
        form.expectValue("Field_guidanceVersion", "4.1")
                .expectDisabled("Field_guidanceVersion")
                .expectValue("Field_publishedOn", "2025-06-10")
                .expectValue("Field_endorsements", "Instämmanden: inga")
                .expectValue("Field_openFeedback", "Inga")
                .expectHidden("Field_withdrawReason");

        browser.step("he claims it and finds the version still valid, with the proposed next review date");
        tasklist.claim("Erik Eriksson");
        form.choose("Field_reviewOutcome", "Fortfarande giltig").expectHidden("Field_withdrawReason");
        tasklist.complete();

        browser.step("the public page says when the version was reviewed and when the next review is due");
        browser.driver().get(base() + "/guidance/digital-samverkan/4.1");
        String reviewed = browser.driver().findElement(By.id("last-reviewed")).getText();
        assertThat(reviewed).isEqualTo(SwedishToday.date().toString());
        assertThat(browser.driver().findElement(By.tagName("main")).getText())
                .contains("Granskad")
                .contains("Nästa översyn senast")
                .doesNotContain("Dragen tillbaka");
    }
}
