package app.bar.platform.web;

import app.bar.platform.error.HeldAnswers;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;

/**
 * First filter of every request: gives it its id ({@link RequestIds#assign}), puts it in the
 * logging context, and writes one access line when the request ends. The line names the route
 * pattern, never the raw path: share ids in paths are capabilities.
 */
final class RequestIdFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger("bar.http");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String id = RequestIds.assign(request, response);
        MDC.put(RequestIds.MDC_KEY, id);
        long start = System.nanoTime();
        try {
            chain.doFilter(request, response);
        } finally {
            // an asynchronous request is logged when it is dispatched again; a held answer is not
            // dispatched again and is logged now, with the status it will be sent with
            if (!isAsyncStarted(request) || request.getAttribute(HeldAnswers.HELD) != null) {
                Object route = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
                log.info("http.request method={} route={} status={} ms={} ip={}", request.getMethod(),
                        route == null ? "-" : route, response.getStatus(), (System.nanoTime() - start) / 1_000_000,
                        ClientIp.redacted(request));
            }
            MDC.remove(RequestIds.MDC_KEY);
        }
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false; // the error page runs with the same id in the logging context
    }
}
