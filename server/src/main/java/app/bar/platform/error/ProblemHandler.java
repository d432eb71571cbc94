package app.bar.platform.error;

import app.bar.platform.config.BarProperties;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolationException;
import java.io.IOException;
import org.apache.catalina.connector.ClientAbortException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.BindException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestValueException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * The one place exceptions become problems (RFC 9457), written by {@link ProblemWriter}. Client
 * errors get a code and a fixed detail that says what was wrong without echoing input (Spring's
 * own details quote media types, methods and paths), and are not logged as errors; anything
 * unexpected is a 500 that names only the request id, with the stack trace in the log — except a
 * database out of reach, a 503 with {@code Retry-After} ({@link DatabaseOutage}).
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
final class ProblemHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    private final ProblemWriter writer;
    private final HeldAnswers held;
    private final boolean exposeDetails;

    ProblemHandler(ProblemWriter writer, HeldAnswers held, BarProperties properties) {
        this.writer = writer;
        this.held = held;
        this.exposeDetails = properties.errors().exposeDetails();
    }

    /** A refusal with a hold is answered when its hold is over ({@link HeldAnswers}), the rest at once. */
    @ExceptionHandler(BarProblem.class)
    void handle(BarProblem problem, HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (problem instanceof BarProblem.Unavailable refusal && held.hold(request, response, refusal)) {
            return;
        }
        writer.write(response, problem);
    }

    /** {@code @Valid} bodies, and {@code @ModelAttribute} binding (a {@link BindException}). */
    @ExceptionHandler(BindException.class)
    void handle(BindException e, HttpServletResponse response) throws IOException {
        writer.write(response, BindingProblems.of(e.getBindingResult()));
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    void handle(HandlerMethodValidationException e, HttpServletResponse response) throws IOException {
        writer.write(response, BindingProblems.of(e));
    }

    @ExceptionHandler(ConstraintViolationException.class)
    void handle(ConstraintViolationException e, HttpServletResponse response) throws IOException {
        writer.write(response, BindingProblems.of(e));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    void handle(HttpMessageNotReadableException e, HttpServletResponse response) throws IOException {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BarProblem problem) {
                writer.write(response, problem); // a body limit hit while the converter was reading
                return;
            }
        }
        writer.write(response, BindingProblems.of(e));
    }

    /** A path variable, query parameter or header that does not convert to its type (issue #21 item 3). */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    void handle(MethodArgumentTypeMismatchException e, HttpServletResponse response) throws IOException {
        writer.write(response, BindingProblems.of(e));
    }

    @ExceptionHandler(MissingRequestValueException.class)
    void handle(MissingRequestValueException e, HttpServletResponse response) throws IOException {
        ProblemDetail missing = BindingProblems.of(e);
        if (missing == null) {
            handle((Exception) e, response);
        } else {
            writer.write(response, missing);
        }
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
    void handle(Exception e, HttpServletResponse response) throws IOException {
        if (clientGone(e)) {
            // the client closed the connection mid-request (a cancelled upload or download): nobody
            // to answer and nothing broken here, so no error line with a stack
            log.info("http.client_gone error={}", e.getClass().getSimpleName());
            return;
        }
        if (DatabaseOutage.isOutage(e)) {
            // no stack trace per request during an outage; the pool logs the cause (HikariPool)
            log.warn("database.unavailable error={}", e.getClass().getSimpleName());
            writer.write(response, DatabaseOutage.problem());
            return;
        }
        if (e instanceof ErrorResponse known && !known.getStatusCode().is5xxServerError()) {
            HttpHeaders headers = new HttpHeaders();
            copy(known.getHeaders(), headers, HttpHeaders.ALLOW);
            copy(known.getHeaders(), headers, HttpHeaders.ACCEPT);
            HttpStatusCode status = known.getStatusCode();
            writer.write(response, Problems.of(status, codeOf(e, status.value()), ProblemCodes.genericDetail(status.value())),
                    headers);
            return;
        }
        ProblemDetail problem;
        if (e instanceof ErrorResponse known) {
            log.error("http.error status={}", known.getStatusCode().value(), e);
            problem = Problems.forStatus(known.getStatusCode().value());
        } else {
            log.error("http.unexpected_error", e);
            problem = Problems.forStatus(500);
        }
        if (exposeDetails) {
            problem.setProperty("exception", e.getClass().getName() + ": " + e.getMessage());
        }
        writer.write(response, problem);
    }

    /**
     * Tomcat's own signal that this request's client went away ({@code ClientAbortException}, an
     * {@code IOException} on the request's or the response's stream), anywhere in the causes. Not
     * Spring's {@code DisconnectedClientHelper}: it also takes a "connection reset" message for a
     * client gone, and a reset connection to the database or the blob store must stay a 5xx.
     */
    private static boolean clientGone(Throwable e) {
        Throwable t = e;
        for (int depth = 0; t != null && depth < 16; depth++, t = t.getCause()) {
            if (t instanceof ClientAbortException) {
                return true;
            }
        }
        return false;
    }

    private static String codeOf(Exception e, int status) {
        if (e instanceof HttpRequestMethodNotSupportedException) {
            return ProblemCodes.METHOD_NOT_ALLOWED;
        } else if (e instanceof HttpMediaTypeNotSupportedException) {
            return ProblemCodes.MEDIA_TYPE_UNSUPPORTED;
        } else if (e instanceof HttpMediaTypeNotAcceptableException) {
            return ProblemCodes.MEDIA_TYPE_NOT_ACCEPTABLE;
        } else if (e instanceof NoResourceFoundException) {
            return ProblemCodes.RESOURCE_NOT_FOUND;
        }
        return ProblemCodes.forStatus(status);
    }

    private static void copy(HttpHeaders from, HttpHeaders to, String name) {
        if (from.containsHeader(name)) {
            to.put(name, from.get(name));
        }
    }
}
