package se.esam.lifecycle.system.guard;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * Installs the {@link VariableGuard} in front of every command, and turns on Camunda's check of the classes a
 * stored Object variable may name: with it off, a JSON variable naming a class makes Jackson build that class
 * when anyone reads it, and some classes run code when built. Our own variables are strings, numbers, dates
 * and Spin JSON, so nothing beyond Camunda's built-in list of plain Java types is allowed.
 */
@Component
class VariableGuardPlugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setDeserializationTypeValidationEnabled(true);
        configuration.setDeserializationAllowedPackages("");
        configuration.setDeserializationAllowedClasses("");
        // one guard per chain: an interceptor knows the next one in its chain
        configuration.setCustomPreCommandInterceptorsTxRequired(
                withGuard(configuration.getCustomPreCommandInterceptorsTxRequired(), new VariableGuard(configuration)));
        configuration.setCustomPreCommandInterceptorsTxRequiresNew(withGuard(
                configuration.getCustomPreCommandInterceptorsTxRequiresNew(), new VariableGuard(configuration)));
    }

    private static List<CommandInterceptor> withGuard(List<CommandInterceptor> existing, VariableGuard guard) {
        List<CommandInterceptor> interceptors = new ArrayList<>();
        interceptors.add(guard);
        if (existing != null) {
            interceptors.addAll(existing);
        }
        return interceptors;
    }
}
