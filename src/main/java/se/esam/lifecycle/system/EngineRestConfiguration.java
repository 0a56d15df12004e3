package se.esam.lifecycle.system;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Camunda's REST API answers every exception from a process step with 500. When one of our steps
 * refused its input (for example a review without a reason), the client gets what our own API gives:
 * 400 with a problem detail naming the field; a step that refuses the person (four eyes) gives 403.
 * Two people doing the same task at once: the one who comes second gets 409 and who was first.
 */
@Configuration(proxyBeanMethods = false)
class EngineRestConfiguration {

    private static final Pattern TASK_ACTION = Pattern.compile("/?task/([^/]+)/(complete|submit-form|claim|resolve)");

    @Bean
    CamundaJerseyResourceConfig engineRestResources(HistoryService history, IdentityService identity) {
        TaskHistory tasks = new TaskHistory(history, identity);
        return new CamundaJerseyResourceConfig() {
            @Override
            protected void registerAdditionalResources() {
                register(new RefusedInputInRestException(tasks));
                register(new RefusedInputInEngineException(tasks));
            }
        };
    }

    /**
     * Who finished a task, looked up for the message only: the caller may not read history, but may
     * learn that the task they were about to do was done, and by whom.
     */
    record TaskHistory(HistoryService history, IdentityService identity) {

        Optional<HistoricTaskInstance> finished(String taskId) {
            return Optional.ofNullable(AsApplication.query(identity, () -> history.createHistoricTaskInstanceQuery()
                    .taskId(taskId).finished().singleResult()));
        }
    }

    static Response respond(Throwable exception, UriInfo uri, TaskHistory history) {
        Matcher task = TASK_ACTION.matcher(uri == null ? "" : uri.getPath());
        if (task.matches()) {
            Optional<Response> late = doneAlready(task.group(1), exception, history);
            if (late.isPresent()) {
                return late.get();
            }
        }
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof OptimisticLockingException || cause instanceof TaskAlreadyClaimedException) {
                return conflict("Någon annan tog eller slutförde uppgiften samtidigt. Hämta den på nytt.");
            }
            if (cause instanceof InvalidInputException invalid) {
                Map<String, Object> problem = Map.of(
                        "type", "about:blank",
                        "title", "Ogiltiga uppgifter",
                        "status", 400,
                        "detail", invalid.field() + ": " + invalid.getMessage(),
                        "errors", List.of(Map.of("field", invalid.field(), "message", invalid.getMessage())));
                return Response.status(Response.Status.BAD_REQUEST).type("application/problem+json")
                        .entity(problem).build();
            }
            if (cause instanceof ForbiddenException forbidden) {
                Map<String, Object> problem = Map.of("type", "about:blank", "title", "Inte tillåtet", "status", 403,
                        "detail", forbidden.getMessage());
                return Response.status(Response.Status.FORBIDDEN).type("application/problem+json").entity(problem)
                        .build();
            }
        }
        return ExceptionHandlerHelper.getInstance().getResponse(exception);
    }

    /**
     * The task is gone: completed by someone first (409, whatever the late request then ran into), or
     * never there (404).
     */
    private static Optional<Response> doneAlready(String taskId, Throwable exception, TaskHistory history) {
        Optional<HistoricTaskInstance> finished = history.finished(taskId);
        if (finished.isPresent()) {
            HistoricTaskInstance t = finished.get();
            return Optional.of(conflict("Uppgiften \"" + t.getName() + "\" är redan slutförd"
                    + (t.getAssignee() == null ? "" : " av " + t.getAssignee()) + "."));
        }
        boolean missing = false;
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            missing |= cause.getMessage() != null && cause.getMessage().contains("Cannot find task with id");
        }
        return missing ? Optional.of(Response.status(Response.Status.NOT_FOUND).type("application/problem+json")
                .entity(Map.of("type", "about:blank", "title", "Hittades inte", "status", 404,
                        "detail", "Det finns ingen uppgift " + taskId + "."))
                .build()) : Optional.empty();
    }

    private static Response conflict(String detail) {
        Map<String, Object> problem = Map.of("type", "about:blank", "title", "Krock med en samtidig ändring",
                "status", 409, "detail", detail);
        return Response.status(Response.Status.CONFLICT).type("application/problem+json").entity(problem).build();
    }

    /** Preferred over Camunda's own mapper for the same type by its higher priority (lower number). */
    @Priority(1000)
    public static class RefusedInputInRestException implements ExceptionMapper<RestException> {

        private final TaskHistory history;
        @Context
        private UriInfo uri;

        RefusedInputInRestException(TaskHistory history) {
            this.history = history;
        }

        @Override
        public Response toResponse(RestException exception) {
            return respond(exception, uri, history);
        }
    }

    @Priority(1000)
    public static class RefusedInputInEngineException implements ExceptionMapper<ProcessEngineException> {

        private final TaskHistory history;
        @Context
        private UriInfo uri;

        RefusedInputInEngineException(TaskHistory history) {
            this.history = history;
        }

        @Override
        public Response toResponse(ProcessEngineException exception) {
            return respond(exception, uri, history);
        }
    }
}
