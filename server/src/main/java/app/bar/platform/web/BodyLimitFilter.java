package app.bar.platform.web;

import app.bar.platform.error.BarProblem;
import app.bar.platform.error.ProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
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

    private static final class LimitedRequest extends HttpServletRequestWrapper {
        private final long limit;
        private ServletInputStream stream;

        LimitedRequest(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new LimitedInputStream(super.getInputStream(), limit);
            }
            return stream;
        }

        @Override
        public java.io.BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding() == null ? "UTF-8" : getCharacterEncoding();
            return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(), encoding));
        }
    }

    private static final class LimitedInputStream extends ServletInputStream {
        private final ServletInputStream in;
        private final long limit;
        private long count;

        LimitedInputStream(ServletInputStream in, long limit) {
            this.in = in;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) {
            count += n;
            if (count > limit) {
                throw new BarProblem.PayloadTooLarge();
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
