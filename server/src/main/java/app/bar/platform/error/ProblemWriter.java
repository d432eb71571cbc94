package app.bar.platform.error;

import app.bar.platform.web.RequestIds;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one place a problem becomes bytes: status, {@code application/problem+json},
 * {@code Cache-Control: no-store}, the request id, and the {@link ProblemDetail} as JSON (its
 * properties, such as {@code code} and {@code errors}, at the top level). The exception handler,
 * the error controller, the filters that answer before Spring MVC, the CORS check and the
 * container's error valve all write through it.
 */
@Component
public final class ProblemWriter {

    private final JsonMapper json;

    ProblemWriter(JsonMapper json) {
        // the mix-in puts the properties at the top level, whatever the application's mapper has
        this.json = json.rebuild().addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class).build();
    }

    /** A domain problem, with {@code Retry-After} when it asks the client to come back later. */
    public void write(HttpServletResponse response, BarProblem problem) throws IOException {
        write(response, Problems.of(problem), headersOf(problem));
    }

    /** A domain problem answered outside the request's logging context (a held answer, {@link HeldAnswers}). */
    void write(HttpServletResponse response, BarProblem problem, String requestId) throws IOException {
        write(response, Problems.of(problem), headersOf(problem), requestId);
    }

    private static HttpHeaders headersOf(BarProblem problem) {
        HttpHeaders headers = new HttpHeaders();
        if (problem instanceof BarProblem.Delayed delayed) {
            headers.set(HttpHeaders.RETRY_AFTER, Long.toString(delayed.retryAfterSeconds()));
        }
        return headers;
    }

    public void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        write(response, problem, HttpHeaders.EMPTY);
    }

    /** Writes {@code problem} with extra {@code headers} (such as {@code Allow}); nothing when the response is committed. */
    public void write(HttpServletResponse response, ProblemDetail problem, HttpHeaders headers) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        response.setStatus(problem.getStatus());
        headers.forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.getOutputStream().write(toJson(problem, RequestIds.current()));
    }

    /**
     * For code outside the request's logging context (the container's error valve): the request
     * id is given, not read from the logging context.
     */
    public void write(HttpServletResponse response, ProblemDetail problem, HttpHeaders headers, String requestId)
            throws IOException {
        Problems.identify(problem, requestId);
        write(response, problem, headers);
    }

    /** For Spring's CORS processor, which answers through its own response abstraction. */
    public void write(ServerHttpResponse response, ProblemDetail problem) throws IOException {
        response.setStatusCode(HttpStatusCode.valueOf(problem.getStatus()));
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        response.getHeaders().setCacheControl("no-store");
        response.getBody().write(toJson(problem, RequestIds.current()));
        response.flush();
    }

    private byte[] toJson(ProblemDetail problem, String requestId) {
        Problems.identify(problem, requestId);
        return json.writeValueAsBytes(problem);
    }
}
