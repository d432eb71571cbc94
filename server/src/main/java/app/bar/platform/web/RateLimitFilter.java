package app.bar.platform.web;

import app.bar.platform.error.BarProblem;
import app.bar.platform.error.ProblemWriter;
import app.bar.platform.logging.LogRedactor;
import app.bar.platform.ratelimit.RateLimit;
import app.bar.platform.ratelimit.RateLimitExceeded;
import app.bar.platform.ratelimit.RateLimiter;
import app.bar.platform.ratelimit.RatePolicy;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Applies the rate limit each module declared for its routes ({@link RouteTable}; DESIGN.md §4)
 * after authentication, so a signed-in request is counted against its account and an anonymous
 * one against its client IP (an IPv6 client by its /64, which one subscriber usually holds whole).
 */
final class RateLimitFilter extends OncePerRequestFilter {

    private final RateLimiter limiter;
    private final RouteTable routes;
    private final RatePolicy standard;
    private final ProblemWriter problems;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    RateLimitFilter(RateLimiter limiter, RouteTable routes, RatePolicy standard, ProblemWriter problems,
            ApplicationEventPublisher events, Clock clock) {
        this.limiter = limiter;
        this.routes = routes;
        this.standard = standard;
        this.problems = problems;
        this.events = events;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        RateLimit limit = routes.rateLimit(request);
        String account = CurrentAccount.id().orElse(null);
        if (limit.kind() != RateLimit.Kind.NONE && !(limit.key() == RateLimit.Key.ANONYMOUS_IP && account != null)) {
            RatePolicy policy = limit.kind() == RateLimit.Kind.STANDARD ? standard : limit.policy();
            String key = account != null ? "u:" + account : "ip:" + clientKey(ClientIp.of(request));
            Duration wait = limiter.tryConsume(limit.name(), Objects.requireNonNull(policy), key);
            if (!wait.isZero()) {
                events.publishEvent(new RateLimitExceeded(limit.name(), LogRedactor.ip(ClientIp.of(request)), clock.instant()));
                problems.write(response, new BarProblem.RateLimited(wait));
                return;
            }
        }
        chain.doFilter(request, response);
    }

    /** IPv4 as is; IPv6 cut to its /64 (the first four groups of the expanded form). */
    static String clientKey(String ip) {
        if (ip.indexOf(':') < 0) {
            return ip;
        }
        String[] halves = ip.split("::", -1);
        String[] head = halves[0].isEmpty() ? new String[0] : halves[0].split(":");
        String[] groups = new String[8];
        java.util.Arrays.fill(groups, "0");
        for (int i = 0; i < head.length && i < 8; i++) {
            groups[i] = head[i];
        }
        if (halves.length == 1) {
            return String.join(":", java.util.Arrays.copyOf(groups, 4)) + "::/64";
        }
        String[] tail = halves[1].isEmpty() ? new String[0] : halves[1].split(":");
        for (int i = 0; i < tail.length; i++) {
            groups[8 - tail.length + i] = tail[i];
        }
        return String.join(":", java.util.Arrays.copyOf(groups, 4)) + "::/64";
    }
}
