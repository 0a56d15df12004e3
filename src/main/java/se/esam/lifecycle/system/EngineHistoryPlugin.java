package se.esam.lifecycle.system;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.camunda.bpm.engine.history.JobState;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricActivityInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricFormPropertyEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricJobLogEvent;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.springframework.stereotype.Component;

/**
 * Camunda's history stays at level {@code full} (process, activity, task, variable, decision, job, incident,
 * identity-link and user-operation history), except the per-change detail rows of {@code act_hi_detail}: one row
 * for every variable write and every submitted form field, about a third of what a lifecycle added to the
 * database (docs/benchmark-lifecycle.md). Nothing of ours reads them, Community Cockpit and Tasklist show none, and
 * what they would prove is kept elsewhere: each variable's value in {@code act_hi_varinst}, who completed which
 * task in the user-operation log and {@code act_hi_taskinst}, and every step of an item with person and time in our
 * own audit (feedback_event, the revision audit). The level itself stays {@code full}: a database keeps its level
 * for good (Camunda refuses to start on a mismatch), so this needs no change to existing databases.
 * <p>
 * Nor are gateways kept in {@code act_hi_actinst}: three of a feedback lifecycle's eleven activity rows. A gateway
 * does nothing and has no actor; which way it went is the activity that follows it, which is kept, with its time.
 * Nor are the modules' {@link DisplayVariables}: copies made for the forms, about a third of a feedback lifecycle's
 * variable rows (docs/benchmark-lifecycle.md). Nor, in {@code act_hi_job_log}, that a job was created or deleted:
 * four of a lifecycle's rows, for the review's two timers, set when the review starts and deleted when it ends
 * before them. Each run of a job, successful or failed (with its stack trace), is kept.
 */
@Component
class EngineHistoryPlugin extends AbstractProcessEnginePlugin {

    private final Map<String, Set<String>> displayVariables;

    EngineHistoryPlugin(List<DisplayVariables> displayVariables) {
        this.displayVariables = displayVariables.stream()
                .collect(Collectors.toUnmodifiableMap(
                        DisplayVariables::processDefinitionKey,
                        DisplayVariables::names,
                        (a, b) -> Stream.concat(a.stream(), b.stream()).collect(Collectors.toUnmodifiableSet())));
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setHistoryEventHandler(new WithoutDetails(displayVariables));
    }

    /** Camunda's own database writer, minus variable-update and form-field detail rows. */
    static final class WithoutDetails extends DbHistoryEventHandler {

        private final Map<String, Set<String>> displayVariables;

        WithoutDetails(Map<String, Set<String>> displayVariables) {
            this.displayVariables = displayVariables;
        }

        @Override
        public void handleEvent(HistoryEvent event) {
            if (event instanceof HistoricFormPropertyEventEntity
                    || isGateway(event)
                    || isDisplayVariable(event)
                    || isJobCreatedOrDeleted(event)) {
                return;
            }
            super.handleEvent(event);
        }

        // every event of the variable (create, update, delete): an update without its row would insert one
        private boolean isDisplayVariable(HistoryEvent event) {
            return event instanceof HistoricVariableUpdateEventEntity variable
                    && displayVariables
                            .getOrDefault(variable.getProcessDefinitionKey(), Set.of())
                            .contains(variable.getVariableName());
        }

        // a job's runs (success, failure with its stack trace) stay; that a timer was set, or removed because its
        // task ended first, says nothing the task's own history does not
        private static boolean isJobCreatedOrDeleted(HistoryEvent event) {
            return event instanceof HistoricJobLogEvent job
                    && (job.getState() == JobState.CREATED.getStateCode()
                            || job.getState() == JobState.DELETED.getStateCode());
        }

        // start and end alike: an end whose start was not written would update no row, which Camunda allows for
        // history (no revision to check), but writing neither is plainer
        private static boolean isGateway(HistoryEvent event) {
            return event instanceof HistoricActivityInstanceEventEntity activity
                    && activity.getActivityType() != null
                    && activity.getActivityType().endsWith("Gateway");
        }

        // the variable instance row (act_hi_varinst) is still written and kept current; only the detail row goes
        @Override
        protected boolean shouldWriteHistoricDetail(HistoricVariableUpdateEventEntity event) {
            return false;
        }
    }
}
