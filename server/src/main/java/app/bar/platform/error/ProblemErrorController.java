package app.bar.platform.error;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Replaces Spring Boot's {@code BasicErrorController}, whose body echoes the request path,
 * for errors raised outside Spring MVC (the container, the firewall, a filter's
 * {@code sendError}): the same problem, with the status's code, nothing from the request in it.
 */
@RestController
final class ProblemErrorController implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorController.class);

    private final ProblemWriter writer;

    ProblemErrorController(ProblemWriter writer) {
        this.writer = writer;
    }

    @RequestMapping(path = "/error")
    void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i && i >= 400 ? i : 500;
        Object exception = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        if (status >= 500 && exception instanceof Throwable t && DatabaseOutage.isOutage(t)) {
            // thrown in a filter (a session looked up before Spring MVC): the same 503 as in a controller
            log.warn("database.unavailable error={}", t.getClass().getSimpleName());
            writer.write(response, DatabaseOutage.problem());
            return;
        }
        if (status >= 500 && exception instanceof Throwable t) {
            log.error("http.container_error status={}", status, t);
        }
        writer.write(response, Problems.forStatus(status));
    }
}
