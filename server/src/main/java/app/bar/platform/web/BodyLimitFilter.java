package app.bar.platform.web;

import app.bar.platform.error.BarProblem;
import app.bar.platform.error.ProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Caps every request body (JSON included, where Tomcat's {@code maxPostSize} does not reach):
 * a declared {@code Content-Length} over the limit is refused before reading; a chunked body
 * is counted as it is read and cut at the limit. Either way the answer is a 413 problem. A route
 * may declare its own limit in its {@link RoutePolicy}.
 */
final class BodyLimitFilter extends OncePerRequestFilter {

    private final long defaultLimit;
    private final RouteTable routes;
    private final ProblemWriter problems;

    BodyLimitFilter(DataSize defaultLimit, RouteTable routes, ProblemWriter problems) {
        this.defaultLimit = defaultLimit.toBytes();
        this.routes = routes;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long limit = limitFor(request);
        if (limit < 0) {
            chain.doFilter(request, response);
            return;
        }
        long declared = request.getContentLengthLong();
        if (declared > limit) {
            problems.write(response, new BarProblem.PayloadTooLarge());
            return;
        }
        chain.doFilter(new LimitedRequest(request, limit), response);
    }

    /** The route's own limit, {@code -1} when its handler streams and counts, else the default. */
    private long limitFor(HttpServletRequest request) {
        RoutePolicy.BodyLimit limit = routes.find(request).map(RoutePolicy::bodyLimit).orElse(RoutePolicy.BodyLimit.DEFAULT);
        if (limit.streamed()) {
            return -1;
        }
        DataSize size = limit.size();
        return size == null ? defaultLimit : size.toBytes();
    }

    /** Counts the body as it is read and cuts it with a 413 past {@code limit}. */
    private static final class LimitedRequest extends CountedBodyRequest {
        private final long limit;
        private long count;

        LimitedRequest(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        void counted(long n, boolean ended) {
            count += n;
            if (count > limit) {
                throw new BarProblem.PayloadTooLarge();
            }
        }
    }
}
