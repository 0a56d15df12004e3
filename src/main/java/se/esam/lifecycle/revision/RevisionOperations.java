package se.esam.lifecycle.revision;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.micrometer.core.instrument.binder.MeterBinder;

import se.esam.lifecycle.revision.internal.RevisionProcess;
import se.esam.lifecycle.system.RunningInstances;
import se.esam.lifecycle.tasklist.TasklistFilter;

/** What revision adds to the engine's gauges: it alone knows its process. */
@Configuration(proxyBeanMethods = false)
class RevisionOperations {

    /**
     * On the task cards of quality review and approval: a drafter sees in the list, before opening or
     * claiming the approval, that it is his own revision (four eyes). First, since a card shows its first
     * two variables until it is expanded; feedback's tasks do not have it, so their cards stay as they were.
     */
    @Bean
    TasklistFilter.Columns revisionColumns() {
        return new TasklistFilter.Columns(
                -1, List.of(new TasklistFilter.Column(RevisionProcess.Vars.DRAFTED_BY, "Utarbetad av")));
    }

    @Bean
    MeterBinder revisionInstancesRunning(RuntimeService runtime, IdentityService identity) {
        return RunningInstances.gauge(RevisionProcess.KEY, runtime, identity);
    }
}
