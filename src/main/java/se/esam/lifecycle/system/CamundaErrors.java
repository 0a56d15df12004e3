package se.esam.lifecycle.system;

import java.io.IOException;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jakarta.annotation.Priority;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.InvalidRequestException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;

/**
 * Camunda's REST API and the webapps' engine API answer every error as Camunda's documented
 * {@code ExceptionDto} ({@code type}, {@code message}, {@code code}; {@code application/json}), ours
 * included, with our Swedish sentence in {@code message}:
 * <ul>
 * <li>a process step that refused its input ({@link InvalidInputException}): 400, the field named;
 * one that refused the person ({@link ForbiddenException}, four eyes, jäv): 403;</li>
 * <li>a task that was finished first: 409, without naming who finished it (the caller may not be
 * allowed to see that task); a task that never was: 404; two people at once: 409;</li>
 * <li>the request's own values that the engine or the database cannot take (Camunda's
 * {@link BadUserRequestException} and {@link NullValueException}, an engine exception raised on the
 * request's values with no cause behind it, an SQL data exception such as a value too long or a
 * negative offset, a body that is not the JSON asked for): 400, not Camunda's 500.</li>
 * </ul>
 * Everything else is Camunda's own answer, and a fault stays a 500 logged in full. The mappers are
 * preferred over Camunda's own for the same types by their priority (a lower number wins in Jersey);
 * they are registered by class in the webapps' engine API, so they look the engine up themselves.
 */
public final class CamundaErrors {

    private static final Logger log = LoggerFactory.getLogger(CamundaErrors.class);
    private static final Pattern TASK_ACTION =
            Pattern.compile("(?:^|/)task/([^/]+)/(complete|submit-form|claim|resolve)/?$");
    static final int PREFERRED = 1000;

    private CamundaErrors() {}

    /** Every provider, to register with a Jersey application by class. */
    public static List<Class<?>> providers() {
        return List.of(
                ForThrowable.class,
                ForRestException.class,
                ForEngineException.class,
                ForJsonParseException.class,
                ForJsonMappingException.class,
                NoNullBody.class);
    }

    static Response respond(Throwable exception, String method, String path) {
        Matcher task = TASK_ACTION.matcher(path == null ? "" : path);
        if (task.find()) {
            Optional<Response> gone = taskGone(task.group(1), exception);
            if (gone.isPresent()) {
                return refused(gone.get(), method, path);
            }
        }
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            Response ours = ours(cause);
            if (ours != null) {
                return refused(ours, method, path);
            }
        }
        Response badInput = badInput(exception);
        if (badInput != null) {
            return refused(badInput, method, path);
        }
        if (exception instanceof WebApplicationException web
                && web.getResponse().getStatus() < 500) {
            int status = web.getResponse().getStatus();
            return refused(
                    answer(status, exception.getClass().getSimpleName(), ErrorDialect.detail(status), null),
                    method,
                    path);
        }
        // Camunda's own answer; it logs faults in full. Its code is null where no engine exception is behind
        // the error, though its contract makes the code a number
        Response camunda = ExceptionHandlerHelper.getInstance().getResponse(exception);
        if (camunda.getEntity() instanceof ExceptionDto dto && dto.getCode() == null) {
            dto.setCode(0);
        }
        return camunda;
    }

    /** Our own refusals and conflicts, wherever in the chain of causes they are. */
    private static Response ours(Throwable cause) {
        if (cause instanceof InvalidInputException invalid) {
            // a person reads the message in Tasklist, so it is the Swedish sentence alone; a program finds the
            // field's name beside it
            var body = ErrorDialect.exceptionDto("InvalidInputException", invalid.getMessage());
            body.put("field", invalid.field());
            return Response.status(400)
                    .type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(body)
                    .build();
        }
        if (cause instanceof ForbiddenException forbidden) {
            return answer(403, "ForbiddenException", forbidden.getMessage(), null);
        }
        if (cause instanceof NotFoundException notFound) {
            return answer(404, "NotFoundException", notFound.getMessage(), null);
        }
        if (cause instanceof ConflictException conflict) {
            return answer(409, "ConflictException", conflict.getMessage(), null);
        }
        if (cause instanceof OptimisticLockingException || cause instanceof TaskAlreadyClaimedException) {
            return answer(
                    409,
                    cause.getClass().getSimpleName(),
                    "Någon annan tog eller slutförde uppgiften samtidigt. Hämta den på nytt.",
                    ((ProcessEngineException) cause).getCode());
        }
        if (cause instanceof RequestTooLargeException tooLarge) {
            return answer(413, "RequestTooLargeException", tooLarge.getMessage(), null);
        }
        return null;
    }

    /** Values in the request that the engine, the database or the JSON reader cannot take. */
    /** Whether the first frame outside the JDK is in Camunda's REST DTOs (the request's own values). */
    private static boolean thrownFromRestDto(Throwable cause) {
        for (StackTraceElement frame : cause.getStackTrace()) {
            String type = frame.getClassName();
            if (!type.startsWith("java.") && !type.startsWith("jdk.")) {
                return type.startsWith("org.camunda.bpm.engine.rest.dto.");
            }
        }
        return false;
    }

    private static Response badInput(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLDataException
                    || cause instanceof SQLException sql
                            && sql.getSQLState() != null
                            && sql.getSQLState().startsWith("22")) {
                // SQL's class 22, data exception: too long, out of range, a negative offset or limit (H2 says
                // so by the exception's class, PostgreSQL by its SQL state)
                return answer(
                        400,
                        "InvalidRequestException",
                        "Ett värde i begäran passar inte: för långt, negativt eller utanför det tillåtna.",
                        null);
            }
            if (cause instanceof JsonProcessingException json) {
                return answer(
                        400,
                        "InvalidRequestException",
                        "Begärans innehåll är inte den JSON som väntas: " + json.getOriginalMessage(),
                        null);
            }
            if (cause instanceof BadUserRequestException
                    || cause instanceof NullValueException
                    || (cause.getClass() == ProcessEngineException.class && cause.getCause() == null)) {
                ProcessEngineException engine = (ProcessEngineException) cause;
                return answer(
                        400,
                        cause.getClass().getSimpleName(),
                        "Ogiltig begäran: " + cause.getMessage(),
                        engine.getCode());
            }
            if (cause instanceof IndexOutOfBoundsException && thrownFromRestDto(cause)) {
                // Camunda's REST layer cuts a variable's "type" without checking it: an empty type ("") fails
                // there before anything reaches the engine
                return answer(400, "InvalidRequestException", "Begäran har ett tomt eller ogiltigt värde.", null);
            }
            if (cause instanceof NullPointerException missing && missing.getStackTrace().length > 0) {
                // Camunda's REST layer reads the request's DTOs without checking them (a filter without its
                // operator), and its authorization check assumes the task it was asked about exists
                String thrownIn = missing.getStackTrace()[0].getClassName();
                if (thrownIn.startsWith("org.camunda.bpm.engine.rest.dto.")) {
                    return answer(400, "InvalidRequestException", "Begäran saknar ett värde som krävs.", null);
                }
                if (String.valueOf(missing.getMessage()).contains("because \"task\" is null")) {
                    return answer(404, "NotFoundException", "Det finns ingen sådan uppgift.", null);
                }
            }
            if (cause instanceof RestException rest
                    && rest.getStatus() != null
                    && rest.getStatus().getStatusCode() < 500) {
                return null;
            }
        }
        return null;
    }

    /**
     * The task is gone: finished by someone first (409, whatever the late request then ran into), or
     * never there (404). Who finished it is not said: the caller may never have been allowed to see it.
     */
    private static Optional<Response> taskGone(String taskId, Throwable exception) {
        boolean missing = false;
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            missing |= cause.getMessage() != null
                    && (cause.getMessage().contains("Cannot find task with id")
                            || cause.getMessage().contains("No matching task with id"));
        }
        if (finished(taskId)) {
            return Optional.of(answer(409, "TaskAlreadyCompletedException", "Uppgiften är redan slutförd.", null));
        }
        return missing
                ? Optional.of(answer(404, "NotFoundException", "Det finns ingen uppgift " + taskId + ".", null))
                : Optional.empty();
    }

    private static boolean finished(String taskId) {
        // the engine registers itself here when built; the webapps' Jersey applications have no Spring to ask
        ProcessEngine engine = ProcessEngines.getDefaultProcessEngine(false);
        if (engine == null) {
            return false;
        }
        // the application looks for itself: the caller may not read history
        return AsApplication.query(
                engine.getIdentityService(),
                () -> engine.getHistoryService()
                                .createHistoricTaskInstanceQuery()
                                .taskId(taskId)
                                .finished()
                                .count()
                        > 0);
    }

    static Response answer(int status, String type, String message, Integer code) {
        var body = ErrorDialect.exceptionDto(type, message);
        body.put("code", code == null ? 0 : code);
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(body)
                .build();
    }

    /** An expected refusal: one line for the operator, no stack trace. */
    private static Response refused(Response response, String method, String path) {
        log.info("Refused {} {}: {} {}", method, path, response.getStatus(), response.getEntity());
        return response;
    }

    /** What every mapper shares: where the request went, for the task actions' answer and the log. */
    abstract static class Mapper<T extends Throwable> implements ExceptionMapper<T> {

        @Context
        private UriInfo uri;

        @Context
        private Request request;

        @Override
        public Response toResponse(T exception) {
            return respond(exception, request == null ? "" : request.getMethod(), uri == null ? "" : uri.getPath());
        }
    }

    @Priority(PREFERRED)
    public static final class ForThrowable extends Mapper<Throwable> {}

    @Priority(PREFERRED)
    public static final class ForRestException extends Mapper<RestException> {}

    @Priority(PREFERRED)
    public static final class ForEngineException extends Mapper<ProcessEngineException> {}

    @Priority(PREFERRED)
    public static final class ForJsonParseException extends Mapper<JsonParseException> {}

    @Priority(PREFERRED)
    public static final class ForJsonMappingException extends Mapper<JsonMappingException> {}

    /**
     * A JSON body of {@code null} reads as no object at all, which Camunda's resources then dereference
     * (500); it is refused as the bad request it is.
     */
    @Priority(PREFERRED)
    public static final class NoNullBody implements ReaderInterceptor {

        @Override
        public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
            Object body = context.proceed();
            if (body == null) {
                throw new InvalidRequestException(
                        Response.Status.BAD_REQUEST, "Begärans innehåll saknas eller är null; ett JSON-objekt väntas.");
            }
            return body;
        }
    }
}
