package app.bar.platform.error;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Writes a problem body straight to the response, for filters that answer before Spring MVC. */
@Component
public final class ProblemWriter {

    private final JsonMapper json;

    ProblemWriter(JsonMapper json) {
        this.json = json;
    }

    public void write(HttpServletResponse response, int status, Map<String, Object> body) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setHeader("Cache-Control", "no-store");
        json.writeValue(response.getOutputStream(), body);
    }

    public void write(HttpServletResponse response, BarProblem problem) throws IOException {
        if (problem instanceof BarProblem.Delayed delayed) {
            response.setHeader("Retry-After", Long.toString(delayed.retryAfterSeconds()));
        }
        write(response, problem.status().value(), ProblemHandler.bodyOf(problem));
    }
}
