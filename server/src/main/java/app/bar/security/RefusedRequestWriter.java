package app.bar.security;

import app.bar.platform.config.BarProperties;
import app.bar.platform.error.ProblemWriter;
import app.bar.platform.error.Problems;
import app.bar.platform.web.RequestIds;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.stereotype.Component;

/**
 * Answers requests refused before the filter chain ran: by Spring Security's firewall (encoded
 * slashes or dots, TRACE and other unknown methods) and by Tomcat itself (a malformed URI).
 * The error page cannot serve them (the firewall would refuse the error dispatch too), so the
 * problem body and the security headers are written here.
 */
@Component
final class RefusedRequestWriter implements RequestRejectedHandler {

    private static final List<String> KNOWN_METHODS = List.of("GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "PATCH");

    private final List<HeaderWriter> headers;
    private final ProblemWriter problems;

    RefusedRequestWriter(BarProperties properties, ProblemWriter problems) {
        this.headers = SecurityHeaders.writers(properties.http().hsts());
        this.problems = problems;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException e)
            throws IOException {
        write(request, response, KNOWN_METHODS.contains(request.getMethod()) ? 400 : 405);
    }

    void write(HttpServletRequest request, HttpServletResponse response, int status) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        String requestId = RequestIds.assign(request, response);
        HttpHeaders extra = new HttpHeaders();
        if (status == 405) {
            extra.set(HttpHeaders.ALLOW, String.join(", ", KNOWN_METHODS));
        }
        headers.forEach(w -> w.writeHeaders(request, response));
        problems.write(response, Problems.forStatus(status), extra, requestId);
        response.flushBuffer();
    }
}
