package se.esam.lifecycle.review;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

import io.micrometer.core.instrument.binder.MeterBinder;

import se.esam.lifecycle.identity.AuthorizationSetup;
import se.esam.lifecycle.identity.Roles;
import se.esam.lifecycle.review.internal.PeriodicReviewProcess;
import se.esam.lifecycle.system.RunningInstances;
import se.esam.lifecycle.tasklist.TasklistFilter;

/**
 * What the periodic review adds to Tasklist, to the engine's gauges and to its authorizations. Nobody is granted to start
 * the process (the system starts it, and its first step refuses a person), nor to read every instance: the
 * owning group reads its own review's instance ({@link PeriodicReviewSteps#prepare} grants it, so that its
 * task cards show title and version), and the kansli follows overdue reviews in the reports.
 */
@Configuration(proxyBeanMethods = false)
class PeriodicReviewOperations {

    @Bean
    TasklistFilter periodicReviews() {
        List<String> groups = new ArrayList<>(Roles.EXPERT_GROUPS);
        groups.add(Roles.KANSLI);
        return new TasklistFilter(
                "Periodiska översyner",
                "Publicerade vägledningar som expertgruppen ska se över: fortfarande giltig, revision eller "
                        + "tillbakadragande",
                0,
                tasks -> tasks.createTaskQuery()
                        .taskDefinitionKey(PeriodicReviewProcess.Elements.REVIEW)
                        .orderByDueDate()
                        .asc(),
                groups);
    }

    /**
     * The version on the cards, after feedback's columns: a review task has no reference, so its card shows
     * the document's title (feedback's column, the same variable) and this version before it is expanded.
     */
    @Bean
    TasklistFilter.Columns periodicReviewColumns() {
        return new TasklistFilter.Columns(
                1, List.of(new TasklistFilter.Column(PeriodicReviewProcess.Vars.GUIDANCE_VERSION, "Version")));
    }

    @Bean
    MeterBinder periodicReviewInstancesRunning(RuntimeService runtime, IdentityService identity) {
        return RunningInstances.gauge(PeriodicReviewProcess.KEY, runtime, identity);
    }

    @Bean
    @Order(3)
    ApplicationRunner periodicReviewAuthorizations(AuthorizationSetup authorizations) {
        return args -> {
            List<String> workers = new ArrayList<>(Roles.EXPERT_GROUPS);
            workers.addAll(Roles.APPROVERS);
            workers.add(Roles.KANSLI);
            workers.add(Roles.MANAGERS);
            // the definition's name and diagram in Tasklist and Cockpit; no instance, no start
            for (String group : workers) {
                authorizations.grant(group, Resources.PROCESS_DEFINITION, PeriodicReviewProcess.KEY, Permissions.READ);
            }
        };
    }
}
