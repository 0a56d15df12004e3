package se.esam.lifecycle.system.guard;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.variable.value.TypedValue;

import se.esam.lifecycle.system.guard.EngineCommands.InstanceWrite;
import se.esam.lifecycle.system.guard.EngineCommands.Other;
import se.esam.lifecycle.system.guard.EngineCommands.StartWrite;
import se.esam.lifecycle.system.guard.EngineCommands.Steering;
import se.esam.lifecycle.system.guard.EngineCommands.TaskWrite;
import se.esam.lifecycle.system.guard.EngineCommands.Write;

/**
 * One guard for every path into the engine (our API, /engine-rest, Tasklist's API, Java calls made on a
 * person's behalf): a person writes only what the form of their task or start event declares, in its type
 * and size, and does not steer a process by messages, signals or moved tokens. Camunda itself lets whoever
 * holds a task write any variable. The process's own steps (nested commands, the job executor) and the
 * application's own calls ({@code AsApplication}) run without a person and pass.
 */
final class VariableGuard extends CommandInterceptor {

    /** Only the outermost command is a person's request; the ones it runs inside are the engine's own. */
    private static final ThreadLocal<int[]> DEPTH = ThreadLocal.withInitial(() -> new int[1]);

    private final ProcessEngineConfigurationImpl engine;
    private final Map<String, FormFields> forms = new ConcurrentHashMap<>();

    VariableGuard(ProcessEngineConfigurationImpl engine) {
        this.engine = engine;
    }

    @Override
    public <T> T execute(Command<T> command) {
        int[] depth = DEPTH.get();
        Authentication person = depth[0] == 0 ? engine.getIdentityService().getCurrentAuthentication() : null;
        depth[0]++;
        try {
            if (person != null && person.getUserId() != null) {
                check(EngineCommands.of(command), person);
            }
            return next.execute(command);
        } finally {
            depth[0]--;
            if (depth[0] == 0) {
                DEPTH.remove();
            }
        }
    }

    private void check(Write write, Authentication person) {
        if (write instanceof TaskWrite task) {
            checkTask(task);
        } else if (write instanceof StartWrite start) {
            checkStart(start);
        } else if (write instanceof InstanceWrite instance) {
            if (!isAdministrator(person)) {
                throw new AuthorizationException("En process variabler ändras av dess steg och formulär, inte "
                        + "direkt. Bara administratörer kan rätta dem.");
            }
            sendable(instance.variables());
        } else if (write instanceof Steering steering) {
            if (!isAdministrator(person)) {
                throw new AuthorizationException(
                        switch (steering.what()) {
                            case "message" -> "Meddelanden till processerna skickas av systemet, inte av personer.";
                            case "signal" -> "Signaler till processerna skickas av systemet, inte av personer.";
                            default ->
                                "Processerna styrs av sina steg och formulär; det här får bara administratörer göra.";
                        });
            }
            steering.variables().keySet().stream().findFirst().ifPresent(name -> {
                throw new VariableRefused(name, "Processerna tar inte emot variabler den vägen.");
            });
        } else if (write instanceof Other other) {
            other.variables().forEach((name, value) -> {
                if (value instanceof TypedValue) {
                    FormFields.plain(name, value);
                }
            });
        }
    }

    private void checkTask(TaskWrite write) {
        if (write.variables().isEmpty() && write.removals().isEmpty()) {
            return;
        }
        FormFields form = lookup(context -> {
            // by id, not through a task query: the query's dynamic SQL (a hundred optional criteria, evaluated
            // with OGNL at every run) cost more than the check itself, on every write of every task
            TaskEntity task = context.getTaskManager().findTaskById(write.taskId());
            return task == null ? null : form(() -> engine.getFormService().getDeployedTaskForm(task.getId()));
        });
        if (form == null) {
            // no such task: the engine's own answer (404) says so, with nothing written
            sendable(write.variables());
            return;
        }
        write.variables()
                .forEach((name, value) -> form.check(
                        name,
                        value,
                        () -> lookup(
                                context -> engine.getTaskService().getVariableTyped(write.taskId(), name, false))));
        for (String name : write.removals()) {
            if (!form.isRemovable(name)) {
                throw new VariableRefused(name, "Fältet \"" + name + "\" kan inte tas bort här.");
            }
        }
    }

    private void checkStart(StartWrite write) {
        if (write.variables().isEmpty()) {
            return;
        }
        FormFields form = lookup(context -> {
            String id = write.definitionId();
            if (id == null) {
                List<ProcessDefinition> latest = engine.getRepositoryService()
                        .createProcessDefinitionQuery()
                        .processDefinitionKey(write.definitionKey())
                        .latestVersion()
                        .list();
                id = latest.isEmpty() ? null : latest.get(0).getId();
            }
            String definitionId = id;
            return id == null ? null : form(() -> engine.getFormService().getDeployedStartForm(definitionId));
        });
        if (form == null) {
            sendable(write.variables());
            return;
        }
        write.variables().forEach((name, value) -> form.check(name, value, () -> null));
    }

    private static void sendable(Map<String, Object> variables) {
        variables.forEach(FormFields::plain);
    }

    /** The fields of a deployed form; a step without a form takes nothing from a person. */
    private FormFields form(Supplier<InputStream> deployed) {
        String json;
        try (InputStream in = deployed.get()) {
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (ProcessEngineException noForm) {
            return FormFields.NONE;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return forms.computeIfAbsent(json, FormFields::parse);
    }

    /** Looks things up for the guard itself, not as the person: they may not be allowed to read the form. */
    private <T> T lookup(Command<T> query) {
        return engine.getCommandExecutorTxRequired()
                .execute(context -> context.runWithoutAuthorization(() -> query.execute(context)));
    }

    private static boolean isAdministrator(Authentication person) {
        return person.getGroupIds() != null && person.getGroupIds().contains(Groups.CAMUNDA_ADMIN);
    }
}
