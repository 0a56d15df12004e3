package se.esam.lifecycle.feedback;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.micrometer.core.instrument.binder.MeterBinder;

import se.esam.lifecycle.feedback.internal.FeedbackProcess;
import se.esam.lifecycle.feedback.internal.FeedbackProcess.Vars;
import se.esam.lifecycle.identity.Roles;
import se.esam.lifecycle.system.RunningInstances;
import se.esam.lifecycle.tasklist.TasklistFilter;

/** What feedback adds to Tasklist and to the engine's gauges: it alone knows its tasks and variables. */
@Configuration(proxyBeanMethods = false)
class FeedbackOperations {

    @Bean
    TasklistFilter triageQueue() {
        return new TasklistFilter(
                "Triagekö",
                "Nya synpunkter som kansliet ska triagera",
                TasklistFilter.FIRST,
                tasks -> tasks.createTaskQuery()
                        .taskCandidateGroup(Roles.KANSLI)
                        .taskDefinitionKey(FeedbackProcess.Elements.TRIAGE)
                        .orderByTaskCreateTime()
                        .asc(),
                List.of(Roles.KANSLI));
    }

    @Bean
    TasklistFilter.Columns feedbackColumns() {
        return new TasklistFilter.Columns(
                0,
                List.of(
                        new TasklistFilter.Column(Vars.REFERENCE, "Referens"),
                        new TasklistFilter.Column(Vars.GUIDANCE_TITLE, "Vägledning"),
                        new TasklistFilter.Column(Vars.FEEDBACK_TYPE_LABEL, "Typ"),
                        new TasklistFilter.Column(Vars.SUBMITTER_ORGANISATION, "Organisation")));
    }

    @Bean
    MeterBinder feedbackInstancesRunning(RuntimeService runtime, IdentityService identity) {
        return RunningInstances.gauge(FeedbackProcess.KEY, runtime, identity);
    }
}
