package se.esam.lifecycle.system;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * The one place that turns errors into RFC 9457 problem details. Input errors name the field at fault
 * (property {@code errors}: field and message); nothing internal leaks into a response.
 */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
class ProblemDetails extends ResponseEntityExceptionHandler {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ProblemDetails.class);

    record FieldError(String field, String message) {}

    @ExceptionHandler(InvalidInputException.class)
    ProblemDetail invalidInput(InvalidInputException e) {
        return invalid(List.of(new FieldError(e.field(), e.getMessage())));
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        problem.setTitle("Hittades inte");
        return problem;
    }

    @ExceptionHandler(ForbiddenException.class)
    ProblemDetail forbidden(ForbiddenException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
        problem.setTitle("Inte tillåtet");
        return refused(problem);
    }

    @ExceptionHandler(ConflictException.class)
    ProblemDetail clash(ConflictException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setTitle("Krock");
        return refused(problem);
    }

    @ExceptionHandler(org.camunda.bpm.engine.AuthorizationException.class)
    ProblemDetail notAuthorized(org.camunda.bpm.engine.AuthorizationException e) {
        ProblemDetail problem =
                ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, "Du har inte behörighet att göra detta.");
        problem.setTitle("Inte tillåtet");
        return refused(problem);
    }

    @ExceptionHandler({
        OptimisticLockingException.class,
        OptimisticLockingFailureException.class,
        org.camunda.bpm.engine.TaskAlreadyClaimedException.class
    })
    ProblemDetail conflict(RuntimeException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.CONFLICT, "Någon annan ändrade samma sak samtidigt. Hämta den på nytt och försök igen.");
        problem.setTitle("Krock med en samtidig ändring");
        return refused(problem);
    }

    /** A process step refused its input (a service inside the engine threw InvalidInputException). */
    @ExceptionHandler(ProcessEngineException.class)
    ResponseEntity<ProblemDetail> engine(ProcessEngineException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidInputException invalid) {
                return ResponseEntity.badRequest().body(invalidInput(invalid));
            }
            if (cause instanceof ForbiddenException forbidden) {
                return ResponseEntity.status(HttpStatus.FORBIDDEN).body(forbidden(forbidden));
            }
        }
        return ResponseEntity.internalServerError().body(unexpected(e));
    }

    /** Anything unforeseen: logged in full, answered without internals. */
    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        log.error("Unexpected error answering a request", e);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.INTERNAL_SERVER_ERROR, "Ett oväntat fel inträffade. Det är loggat; försök igen senare.");
        problem.setTitle("Internt fel");
        return problem;
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = e.getBindingResult().getFieldErrors().stream()
                .map(error -> new FieldError(error.getField(), error.getDefaultMessage()))
                .toList();
        return ResponseEntity.badRequest().body(invalid(errors));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (org.springframework.core.NestedExceptionUtils.getRootCause(e)
                instanceof RequestTooLargeException tooLarge) {
            ProblemDetail problem =
                    ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE, tooLarge.getMessage());
            problem.setTitle("För stor begäran");
            return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(problem);
        }
        Throwable cause = e.getCause();
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return badRequest(fieldOf(unknown), "Okänt fält; tillåtna: " + unknown.getKnownPropertyIds());
        }
        if (cause instanceof InvalidFormatException format && !format.getPath().isEmpty()) {
            return badRequest(
                    fieldOf(format),
                    "Ogiltigt värde"
                            + (format.getTargetType().isEnum()
                                    ? ", tillåtna: "
                                            + List.of(format.getTargetType().getEnumConstants())
                                    : ""));
        }
        if (cause instanceof MismatchedInputException mismatch
                && !mismatch.getPath().isEmpty()) {
            return badRequest(
                    fieldOf(mismatch),
                    mismatch.getTargetType() == String.class ? "Ska vara en text inom citattecken." : "Ogiltigt värde");
        }
        if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return badRequest(fieldOf(mapping), "Ogiltigt värde");
        }
        if (cause instanceof StreamReadException read) {
            Matcher duplicate = DUPLICATE_KEY.matcher(String.valueOf(read.getOriginalMessage()));
            if (duplicate.find()) {
                return badRequest(duplicate.group(1), "Fältet förekommer mer än en gång.");
            }
        }
        if (cause instanceof MismatchedInputException trailing
                && String.valueOf(trailing.getOriginalMessage()).startsWith("Trailing token")) {
            return badRequest("body", "Efter JSON-dokumentet får inget mer följa.");
        }
        ProblemDetail problem =
                ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "Begäran är inte giltig JSON.");
        problem.setTitle("Ogiltig begäran");
        problem.setProperties(Map.of("errors", List.of(new FieldError("body", "Begäran är inte giltig JSON."))));
        return ResponseEntity.badRequest().body(problem);
    }

    private static final Pattern DUPLICATE_KEY = Pattern.compile("^Duplicate field '(.*)'", Pattern.DOTALL);

    private static ResponseEntity<Object> badRequest(String field, String message) {
        return ResponseEntity.badRequest().body(invalid(List.of(new FieldError(field, message))));
    }

    private static String fieldOf(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .reduce((a, b) -> a + "." + b)
                .orElse("");
    }

    /**
     * An expected refusal (bad input, no right, a clash) is one INFO line without a stack trace: the
     * caller was told why, and nobody needs to act. ERROR is for {@link #unexpected}.
     */
    private static ProblemDetail refused(ProblemDetail problem) {
        log.info("Refused with {}: {}", problem.getStatus(), problem.getDetail());
        return problem;
    }

    private static ProblemDetail invalid(List<FieldError> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST,
                errors.stream()
                        .map(error -> error.field() + ": " + error.message())
                        .reduce((a, b) -> a + "; " + b)
                        .orElse(""));
        problem.setTitle("Ogiltiga uppgifter");
        problem.setProperties(Map.of("errors", errors));
        return refused(problem);
    }
}
