package se.esam.lifecycle.system;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricFormPropertyEventEntity;
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
 */
@Component
class EngineHistoryPlugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setHistoryEventHandler(new WithoutDetails());
    }

    /** Camunda's own database writer, minus variable-update and form-field detail rows. */
    static final class WithoutDetails extends DbHistoryEventHandler {

        @Override
        public void handleEvent(HistoryEvent event) {
            if (event instanceof HistoricFormPropertyEventEntity) {
                return;
            }
            super.handleEvent(event);
        }

        // the variable instance row (act_hi_varinst) is still written and kept current; only the detail row goes
        @Override
        protected boolean shouldWriteHistoricDetail(HistoricVariableUpdateEventEntity event) {
            return false;
        }
    }
}
