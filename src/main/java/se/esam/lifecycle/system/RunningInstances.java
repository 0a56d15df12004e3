package se.esam.lifecycle.system;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.modulith.NamedInterface;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * The gauge {@code camunda.process.instances.running{process}}: each module registers it for the process it
 * owns (only it knows the key), so the engine's own gauges ({@code EngineMetrics}) name no process.
 */
@NamedInterface("engine")
public final class RunningInstances {

    private RunningInstances() {}

    /** Read when scraped, as the application: a person's authorizations would hide instances. */
    public static MeterBinder gauge(String processKey, RuntimeService runtime, IdentityService identity) {
        return registry -> Gauge.builder(
                        "camunda.process.instances.running",
                        () -> AsApplication.query(
                                identity,
                                () -> runtime.createProcessInstanceQuery()
                                        .processDefinitionKey(processKey)
                                        .count()))
                .description("Running process instances")
                .tag("process", processKey)
                .register(registry);
    }
}
