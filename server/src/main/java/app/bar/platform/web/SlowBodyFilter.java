package app.bar.platform.web;

import app.bar.platform.error.BarProblem;
import app.bar.platform.error.ProblemCodes;
import app.bar.platform.error.ProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
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

    private static final class RateLimitedRequest extends CountedBodyRequest {
        private final HttpServletResponse response;
        private final BodyRate rate;
        private final Runnable bodyEnded;
        private volatile boolean tooSlow;

        RateLimitedRequest(HttpServletRequest request, HttpServletResponse response, BodyRate rate, Runnable bodyEnded) {
            super(request);
            this.response = response;
            this.rate = rate;
            this.bodyEnded = bodyEnded;
        }

        @Override
        void counted(long n, boolean ended) {
            if (ended) {
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
}
