package se.esam.lifecycle.fuzz;

import java.util.List;
import java.util.Map;

import se.esam.lifecycle.support.HttpAgent;
import se.esam.lifecycle.support.ProcessDriver;

/**
 * The real things the fuzzed requests name, made through the API as people would: feedback of two
 * organisations, a clarification task that anna (a submitter) holds, and a revision waiting for the chief
 * architect's approval. A valid request can finish anna's task; a new one is then made, so the task
 * endpoints keep being hit with an id that exists.
 */
final class FuzzedWorld {

    static final String GUIDANCE = "digital-samverkan";
    static final String VERSION = "4.1";

    private final ProcessDriver driver;
    final String annasReference;
    final String olofsReference;
    /** Routed with its text published: another organisation may endorse it. */
    final String annasPublishedReference;

    final String revision;
    private String annasTask;
    private String annasProcess;
    private boolean taskMayHaveMoved;
    private long made;

    FuzzedWorld(ProcessDriver driver) {
        this.driver = driver;
        annasReference = driver.submit("anna", GUIDANCE, VERSION, "2.1", "GAP", "Exempel för kommuner saknas.");
        olofsReference = driver.submit("olof", GUIDANCE, VERSION, "2.1", "ERROR", "Fel i avsnitt 2.1.");
        annasPublishedReference = driver.submit("anna", GUIDANCE, VERSION, "2.1", "GAP", "Mallen saknas.");
        driver.routeAndPublishAsIs(annasPublishedReference, "expert-architecture");
        String accepted = driver.submit("anna", GUIDANCE, VERSION, "3", "SUGGESTION", "Förtydliga ansvaret.");
        driver.route(accepted, "expert-architecture");
        driver.review("erik", accepted, "ACCEPTED", "Vi förtydligar avsnitt 3.");
        revision = driver.openRevision(GUIDANCE);
        driver.draftEditorially("erik", revision, List.of(accepted), null);
        driver.approveQuality(revision);
        newClarificationTask();
    }

    /** A clarification task anna holds now. */
    String annasTask() {
        if (taskMayHaveMoved) {
            taskMayHaveMoved = false;
            HttpAgent.Response task = driver.as("anna").get("/engine-rest/task/" + annasTask);
            if (task.status() != 200 || !"anna".equals(task.json().get("assignee"))) {
                newClarificationTask();
            }
        }
        return annasTask;
    }

    /** The process of anna's clarification task. */
    String annasProcess() {
        annasTask();
        return annasProcess;
    }

    /** After a request that was let through and may have finished or handed over anna's task. */
    void taskMayHaveMoved() {
        taskMayHaveMoved = true;
    }

    /** How many clarification tasks were made so far: a change of it means stored data changed in between. */
    long made() {
        return made;
    }

    private void newClarificationTask() {
        made++;
        String reference =
                driver.submit("anna", GUIDANCE, VERSION, "1", "NOT_WORKING_IN_PRACTICE", "Gäller detta kommuner?");
        driver.askForClarification(reference, "Vilka kommuner menar ni?");
        annasTask = driver.task("anna", "RequestClarification", reference);
        HttpAgent.Response task = driver.as("anna").get("/engine-rest/task/" + annasTask);
        annasProcess = (String) task.json().get("processInstanceId");
    }

    /** Valid values for the query parameters of our API, by name. */
    static final Map<String, String> QUERY_VALUES = Map.ofEntries(
            Map.entry("from", "2026-01"),
            Map.entry("to", "2026-12"),
            Map.entry("month", "2026-12"),
            Map.entry("expertGroup", "expert-architecture"),
            Map.entry("guidanceId", GUIDANCE),
            Map.entry("organisation", "org-pensionsmyndigheten"),
            Map.entry("figure", "BACKLOG"),
            Map.entry("stage", "REVIEW"),
            Map.entry("outcome", "ACCEPTED"),
            Map.entry("type", "GAP"));
}
