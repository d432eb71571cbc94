package app.bar.platform.error;

import app.bar.platform.config.BarProperties;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolationException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.FieldError;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;

/**
 * The one place exceptions become problem+json (RFC 9457). Client errors get a fixed detail
 * that says what was wrong without echoing input (Spring's own details quote media types,
 * methods and paths); anything unexpected is a 500 that names only the request id, with the
 * stack trace in the log.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
final class ProblemHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    private final boolean exposeDetails;

    ProblemHandler(BarProperties properties) {
        this.exposeDetails = properties.errors().exposeDetails();
    }

    @ExceptionHandler(BarProblem.class)
    ResponseEntity<Map<String, Object>> handle(BarProblem problem) {
        HttpHeaders headers = new HttpHeaders();
        if (problem instanceof BarProblem.Delayed delayed) {
            headers.set(HttpHeaders.RETRY_AFTER, Long.toString(delayed.retryAfterSeconds()));
        }
        return respond(problem.status(), headers, bodyOf(problem));
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<Map<String, Object>> handle(MethodArgumentNotValidException e) {
        List<Map<String, String>> errors = new ArrayList<>();
        for (FieldError error : e.getBindingResult().getFieldErrors()) {
            errors.add(fieldError(error.getField(), error.getDefaultMessage()));
        }
        e.getBindingResult().getGlobalErrors().forEach(g -> errors.add(fieldError(g.getObjectName(), g.getDefaultMessage())));
        return respond(HttpStatus.BAD_REQUEST, new HttpHeaders(), Problems.invalid(errors));
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<Map<String, Object>> handle(HandlerMethodValidationException e) {
        List<Map<String, String>> errors = new ArrayList<>();
        e.getParameterValidationResults().forEach(r -> r.getResolvableErrors().forEach(
                err -> errors.add(fieldError(r.getMethodParameter().getParameterName(), err.getDefaultMessage()))));
        return respond(HttpStatus.BAD_REQUEST, new HttpHeaders(), Problems.invalid(errors));
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Map<String, Object>> handle(ConstraintViolationException e) {
        List<Map<String, String>> errors = new ArrayList<>();
        e.getConstraintViolations().forEach(v -> errors.add(fieldError(lastNode(v.getPropertyPath().toString()), v.getMessage())));
        return respond(HttpStatus.BAD_REQUEST, new HttpHeaders(), Problems.invalid(errors));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, Object>> handle(HttpMessageNotReadableException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BarProblem problem) {
                return handle(problem); // a body limit hit while the converter was reading
            }
        }
        return respond(HttpStatus.BAD_REQUEST, new HttpHeaders(), Problems.of(HttpStatus.BAD_REQUEST,
                "The request body is missing, is not valid JSON, or does not have the expected shape."));
    }

    @ExceptionHandler({AccessDeniedException.class, AuthenticationException.class})
    void rethrow(RuntimeException e) {
        throw e; // Spring Security's ExceptionTranslationFilter answers these (401/403 with events)
    }

    @ExceptionHandler(AsyncRequestNotUsableException.class)
    void clientGone(HttpServletResponse response) {
        // the client closed the connection: there is nobody to answer
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Map<String, Object>> handle(Exception e) {
        if (e instanceof ErrorResponse known) {
            HttpStatusCode status = known.getStatusCode();
            HttpHeaders headers = new HttpHeaders();
            copy(known.getHeaders(), headers, HttpHeaders.ALLOW);
            copy(known.getHeaders(), headers, HttpHeaders.ACCEPT);
            if (status.is5xxServerError()) {
                log.error("http.error status={}", status.value(), e);
            }
            return respond(status, headers, Problems.of(status));
        }
        log.error("http.unexpected_error", e);
        Map<String, Object> body = Problems.of(HttpStatus.INTERNAL_SERVER_ERROR);
        if (exposeDetails) {
            body.put("exception", e.getClass().getName() + ": " + e.getMessage());
        }
        return respond(HttpStatus.INTERNAL_SERVER_ERROR, new HttpHeaders(), body);
    }

    static Map<String, Object> bodyOf(BarProblem problem) {
        if (problem instanceof BarProblem.Invalid invalid) {
            return Problems.invalid(List.of(fieldError(invalid.field(), invalid.detail())));
        }
        return Problems.of(problem.status(), problem.detail());
    }

    private static Map<String, String> fieldError(String field, String message) {
        Map<String, String> error = new LinkedHashMap<>();
        error.put("field", field);
        error.put("message", message == null ? "is invalid" : message);
        return error;
    }

    private static String lastNode(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }

    private static void copy(HttpHeaders from, HttpHeaders to, String name) {
        if (from.containsHeader(name)) {
            to.put(name, from.get(name));
        }
    }

    private static ResponseEntity<Map<String, Object>> respond(HttpStatusCode status, HttpHeaders headers,
            Map<String, Object> body) {
        headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        headers.setCacheControl("no-store");
        return new ResponseEntity<>(body, headers, status);
    }
}
