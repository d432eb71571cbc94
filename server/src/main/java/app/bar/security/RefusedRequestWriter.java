package app.bar.security;

import app.bar.platform.config.BarProperties;
import app.bar.platform.error.Problems;
import app.bar.platform.web.RequestIds;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

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
    private final JsonMapper json;

    RefusedRequestWriter(BarProperties properties, JsonMapper json) {
        this.headers = SecurityHeaders.writers(properties.http().hsts());
        this.json = json;
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
        response.resetBuffer();
        response.setStatus(status);
        if (status == 405) {
            response.setHeader("Allow", String.join(", ", KNOWN_METHODS));
        }
        response.setHeader("Cache-Control", "no-store");
        headers.forEach(w -> w.writeHeaders(request, response));
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        HttpStatusCode code = HttpStatusCode.valueOf(status);
        response.getOutputStream().write(json.writeValueAsBytes(Problems.of(code, Problems.genericDetail(status), requestId)));
        response.flushBuffer();
    }
}
