package se.esam.lifecycle.system;

import java.io.IOException;
import java.util.Map;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.autoconfigure.web.servlet.error.BasicErrorController;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorViewResolver;
import org.springframework.boot.web.servlet.error.ErrorAttributes;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * Where the container sends what failed outside a controller (unknown paths, methods, a
 * {@code sendError} from a filter): people's browsers on our pages get the HTML error page, every
 * other request Spring Boot's {@code {timestamp,status,error,path}} never, but the dialect of its
 * surface ({@link ErrorDialect}), HTML-accepting browsers on an API path included.
 */
@Controller
@RequestMapping("${server.error.path:${error.path:/error}}")
class ErrorPage extends BasicErrorController {

    ErrorPage(ErrorAttributes errorAttributes, ServerProperties server, ObjectProvider<ErrorViewResolver> resolvers) {
        super(errorAttributes, server.getError(), resolvers.orderedStream().toList());
    }

    @Override
    @RequestMapping(produces = MediaType.TEXT_HTML_VALUE)
    public ModelAndView errorHtml(HttpServletRequest request, HttpServletResponse response) {
        if (ErrorDialect.isApi(request) || ErrorDialect.isCamunda(request)) {
            try {
                ErrorDialect.write(request, response, statusOf(request), detailOf(request));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return null;
        }
        return super.errorHtml(request, response);
    }

    @Override
    @RequestMapping
    public ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
        int status = statusOf(request);
        if (status == HttpStatus.NO_CONTENT.value()) {
            return ResponseEntity.noContent().build();
        }
        String detail = detailOf(request);
        if (ErrorDialect.isCamunda(request)) {
            return ResponseEntity.status(status)
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(ErrorDialect.exceptionDto(ErrorDialect.camundaType(status), detail));
        }
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ErrorDialect.problem(request, status, detail));
    }

    private static int statusOf(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        return code instanceof Integer status ? status : HttpStatus.INTERNAL_SERVER_ERROR.value();
    }

    /**
     * The Swedish sentence for the status; a message given to {@code sendError} is English and internal,
     * so it is never shown.
     */
    private static String detailOf(HttpServletRequest request) {
        int status = statusOf(request);
        if (status == HttpStatus.FORBIDDEN.value()
                && request.getAttribute(RequestDispatcher.ERROR_MESSAGE) instanceof String message
                && message.contains("CSRF")) {
            return "Begäran saknar giltig CSRF-token. Ladda om sidan och försök igen.";
        }
        return ErrorDialect.detail(status);
    }
}
