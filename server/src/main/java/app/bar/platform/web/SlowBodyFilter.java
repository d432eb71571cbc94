package app.bar.platform.web;

import app.bar.platform.error.BarProblem;
import app.bar.platform.error.ProblemCodes;
import app.bar.platform.error.ProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The defence against slow request bodies (issue 11): a request that sends a body holds a thread
 * while it is read, so (1) at most {@code maxPerClient} bodies are read at once per client address
 * ({@link ClientIp}, trusted proxies honoured), more are answered 429
 * {@code rate_limit.concurrent_bodies} with {@code Retry-After}; (2) a body must keep a minimum
 * average rate after a grace period ({@link BodyRate}), else the read fails with 408
 * {@code request.too_slow}. Both answers close the connection, so the container does not wait
 * for the rest of the body. Requests without a body ({@code /healthz}) pass untouched. A body
 * counts against its client only while it is being read: once it is read to its end the slot is
 * given back, so a download asked for with a small JSON body (its ticket) does not hold one for
 * as long as its response streams.
 */
final class SlowBodyFilter extends OncePerRequestFilter {

    private final SlowBodyProperties properties;
    private final ProblemWriter problems;
    private final RefusalHeaders refusalHeaders;
    private final LongSupplier nanoClock;
    private final Map<String, Integer> inFlight = new ConcurrentHashMap<>();

    SlowBodyFilter(SlowBodyProperties properties, ProblemWriter problems, RefusalHeaders refusalHeaders,
            LongSupplier nanoClock) {
        this.properties = properties;
        this.problems = problems;
        this.refusalHeaders = refusalHeaders;
        this.nanoClock = nanoClock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!RequestBodies.announced(request)) {
            chain.doFilter(request, response);
            return;
        }
        String client = ClientIp.of(request);
        if (!acquire(client)) {
            // answered before Spring Security ran: its headers are written here
            refusalHeaders.write(request, response);
            response.setHeader("Connection", "close");
            problems.write(response, new BarProblem.RateLimited(ProblemCodes.RATE_LIMIT_CONCURRENT_BODIES,
                    "Too many request bodies are being sent at once from your address.", properties.retryAfter()));
            return;
        }
        AtomicBoolean released = new AtomicBoolean();
        Runnable releaseOnce = () -> {
            if (released.compareAndSet(false, true)) {
                release(client);
            }
        };
        RateLimitedRequest wrapped = new RateLimitedRequest(request, response,
                new BodyRate(properties.minRate().toBytes(), properties.grace().toNanos(), nanoClock), releaseOnce);
        try {
            chain.doFilter(wrapped, response);
        } catch (RuntimeException | IOException | ServletException e) {
            if (!wrapped.tooSlow || response.isCommitted()) {
                throw e;
            }
            response.reset(); // also dropped the headers Spring Security wrote
            refusalHeaders.write(request, response);
            response.setHeader("Connection", "close");
            problems.write(response, tooSlow());
        } finally {
            releaseOnce.run();
        }
    }

    /** In flight now for {@code client} (for tests). */
    int inFlight(String client) {
        return inFlight.getOrDefault(client, 0);
    }

    private boolean acquire(String client) {
        boolean[] admitted = {false};
        inFlight.compute(client, (ip, count) -> {
            int now = count == null ? 0 : count;
            if (now >= properties.maxPerClient()) {
                return count;
            }
            admitted[0] = true;
            return now + 1;
        });
        return admitted[0];
    }

    private void release(String client) {
        inFlight.computeIfPresent(client, (ip, count) -> count <= 1 ? null : count - 1);
    }

    private static BarProblem tooSlow() {
        return new BarProblem.RequestTimeout(ProblemCodes.REQUEST_TOO_SLOW,
                "The request body arrived slower than the server's minimum rate.");
    }

    private static final class RateLimitedRequest extends HttpServletRequestWrapper {
        private final HttpServletResponse response;
        private final BodyRate rate;
        private final Runnable bodyEnded;
        private ServletInputStream stream;
        private volatile boolean tooSlow;

        RateLimitedRequest(HttpServletRequest request, HttpServletResponse response, BodyRate rate, Runnable bodyEnded) {
            super(request);
            this.response = response;
            this.rate = rate;
            this.bodyEnded = bodyEnded;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new RateCheckedStream(super.getInputStream(), this);
            }
            return stream;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding() == null ? "UTF-8" : getCharacterEncoding();
            return new BufferedReader(new InputStreamReader(getInputStream(), encoding));
        }

        void counted(long n, boolean end) {
            if (end) {
                bodyEnded.run();
                return;
            }
            if (!rate.read(n)) {
                tooSlow = true;
                if (!response.isCommitted()) {
                    response.setHeader("Connection", "close"); // Tomcat then does not drain the rest
                }
                throw tooSlow();
            }
        }
    }

    private static final class RateCheckedStream extends ServletInputStream {
        private final ServletInputStream in;
        private final RateLimitedRequest request;

        RateCheckedStream(ServletInputStream in, RateLimitedRequest request) {
            this.in = in;
            this.request = request;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            request.counted(b >= 0 ? 1 : 0, b < 0 || in.isFinished());
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            request.counted(Math.max(n, 0), n < 0 || in.isFinished());
            return n;
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
