package se.esam.lifecycle.system;

import java.time.Clock;
import java.util.Date;
import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.management.Metrics;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * The engine's state as Prometheus gauges, read when scraped: open and overdue tasks, open incidents
 * and jobs that ran out of retries. Running instances per process are counted by the module that owns
 * the process.
 */
@Component
class EngineMetrics implements MeterBinder {

    private final RuntimeService runtime;
    private final TaskService tasks;
    private final ManagementService management;
    private final IdentityService identity;
    private final Clock clock;

    EngineMetrics(
            RuntimeService runtime,
            TaskService tasks,
            ManagementService management,
            IdentityService identity,
            Clock clock) {
        this.runtime = runtime;
        this.tasks = tasks;
        this.management = management;
        this.identity = identity;
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        gauge(
                registry,
                "guidance.tasks.overdue",
                "Open tasks past their due date",
                () -> tasks.createTaskQuery()
                        .dueBefore(Date.from(clock.instant()))
                        .count());
        gauge(
                registry,
                "camunda.tasks.open",
                "Open user tasks",
                () -> tasks.createTaskQuery().count());
        gauge(
                registry,
                "camunda.incidents.open",
                "Open incidents",
                () -> runtime.createIncidentQuery().count());
        gauge(
                registry,
                "camunda.jobs.failed",
                "Jobs with no retries left",
                () -> management.createJobQuery().noRetriesLeft().count());
        gauge(
                registry,
                "camunda.jobs.executable",
                "Jobs due to run",
                () -> management.createJobQuery().executable().count());
        // Camunda's own counters, as its metrics reporter writes them to the database (every 15 minutes)
        for (String metric : java.util.List.of(
                Metrics.ACTIVTY_INSTANCE_START,
                Metrics.ACTIVTY_INSTANCE_END,
                Metrics.JOB_SUCCESSFUL,
                Metrics.JOB_FAILED,
                Metrics.JOB_ACQUISITION_ATTEMPT,
                Metrics.EXECUTED_DECISION_ELEMENTS,
                Metrics.ROOT_PROCESS_INSTANCE_START)) {
            FunctionCounter.builder(
                            "camunda.engine.metric",
                            management,
                            m -> count(() -> m.createMetricsQuery().name(metric).sum()))
                    .tag("name", metric)
                    .description("Camunda's own engine metric")
                    .register(registry);
        }
    }

    private void gauge(MeterRegistry registry, String name, String description, Supplier<Long> count) {
        Gauge.builder(name, () -> count(count)).description(description).register(registry);
    }

    private double count(Supplier<Long> query) {
        return AsApplication.query(identity, query);
    }
}
