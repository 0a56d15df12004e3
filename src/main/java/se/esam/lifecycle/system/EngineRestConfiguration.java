package se.esam.lifecycle.system;

import java.util.List;
import java.util.Map;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Camunda's REST API answers every exception from a process step with 500. When one of our steps
 * refused its input (for example a review without a reason), the client gets what our own API gives:
 * 400 with a problem detail naming the field; a step that refuses the person (four eyes) gives 403.
 */
@Configuration(proxyBeanMethods = false)
class EngineRestConfiguration {

    @Bean
    CamundaJerseyResourceConfig engineRestResources() {
        return new CamundaJerseyResourceConfig() {
            @Override
            protected void registerAdditionalResources() {
                register(RefusedInputInRestException.class);
                register(RefusedInputInEngineException.class);
            }
        };
    }

    static Response respond(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
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

    /** Preferred over Camunda's own mapper for the same type by its higher priority (lower number). */
    @Priority(1000)
    public static class RefusedInputInRestException implements ExceptionMapper<RestException> {
        @Override
        public Response toResponse(RestException exception) {
            return respond(exception);
        }
    }

    @Priority(1000)
    public static class RefusedInputInEngineException implements ExceptionMapper<ProcessEngineException> {
        @Override
        public Response toResponse(ProcessEngineException exception) {
            return respond(exception);
        }
    }
}
