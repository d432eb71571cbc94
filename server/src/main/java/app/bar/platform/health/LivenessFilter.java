package app.bar.platform.health;

import app.bar.platform.web.RefusalHeaders;
import app.bar.platform.web.RequestBodies;
import app.bar.platform.web.RequestIds;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers a liveness probe ({@code GET} or {@code HEAD /healthz} without an {@code Origin} or a
 * body) in front of every other filter: the same {@code {"status":"UP"}}, security headers,
 * request id and {@code no-store} as {@link HealthController}, without Spring Security's chain,
 * Spring MVC, the per-request log line or the request timers (issue 12: those were 99 % of a
 * probe's CPU and held {@code /healthz} at 5,000-8,600 answers/s on two cores). A probe asks whether the process
 * answers; {@code /readyz} still goes the whole way, through every filter and its checks.
 *
 * <p>Anything else passes: other methods (the controller answers 405), other paths (exact match
 * only, so the firewall still sees every odd spelling), requests with an {@code Origin} (CORS is
 * the chain's) and requests with a body (the slow-body defence is the chain's). Hand-written: a
 * filter this small has no library.
 */
final class LivenessFilter extends OncePerRequestFilter {

    static final String PATH = "/healthz";
    /** What Jackson writes for {@link HealthController.Health#UP}, once. */
    private static final byte[] UP = ("{\"status\":\"" + HealthController.Health.UP.status() + "\"}")
            .getBytes(StandardCharsets.US_ASCII);

    private final RefusalHeaders securityHeaders;

    LivenessFilter(RefusalHeaders securityHeaders) {
        this.securityHeaders = securityHeaders;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String method = request.getMethod();
        return !("GET".equals(method) || "HEAD".equals(method))
                || request.getHeader(HttpHeaders.ORIGIN) != null
                || RequestBodies.announced(request)
                || !(request.getContextPath() + PATH).equals(request.getRequestURI());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        RequestIds.assign(request, response);
        response.setStatus(HttpServletResponse.SC_OK);
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        securityHeaders.write(request, response);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setContentLength(UP.length);
        if ("GET".equals(request.getMethod())) {
            response.getOutputStream().write(UP);
        }
    }
}
