package app.bar.platform.ratelimit;

import app.bar.platform.error.BarProblem;
import app.bar.platform.error.ProblemWriter;
import app.bar.platform.logging.LogRedactor;
import app.bar.platform.web.ClientIp;
import app.bar.platform.web.CurrentAccount;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.server.PathContainer;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Applies the named policies of DESIGN.md §4 to their routes — the first route that matches,
 * so {@code api} counts "every other API call" — after authentication so a
 * signed-in request is counted against its account and an anonymous one against its
 * client IP (an IPv6 client by its /64, which one subscriber usually holds whole).
 */
final class RateLimitFilter extends OncePerRequestFilter {

    private final RateLimiter limiter;
    private final List<Route> routes;
    private final ProblemWriter problems;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    RateLimitFilter(RateLimiter limiter, RateLimitProperties p, ProblemWriter problems,
            ApplicationEventPublisher events, Clock clock) {
        this.limiter = limiter;
        this.problems = problems;
        this.events = events;
        this.clock = clock;
        this.routes = List.of(
                new Route("login", p.login(), "POST", "/api/auth/login", false),
                new Route("register", p.register(), "POST", "/api/auth/register", false),
                new Route("forgot-password", p.forgotPassword(), "POST", "/api/auth/forgot-password", false),
                new Route("share-unlock", p.shareUnlock(), "POST", "/api/shares/{id}/unlock", false),
                new Route("share-create", p.shareCreate(), "POST", "/api/shares", true),
                new Route("api", p.api(), null, "/api/**", true));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        PathContainer path = PathContainer.parsePath(request.getRequestURI().substring(request.getContextPath().length()));
        String account = CurrentAccount.id().orElse(null);
        Route route = routes.stream().filter(r -> r.matches(request.getMethod(), path)).findFirst().orElse(null);
        if (route != null && !(route.anonymousOnly && account != null)) {
            String key = account != null ? "u:" + account : "ip:" + clientKey(ClientIp.of(request));
            Duration wait = limiter.tryConsume(route.name, route.policy, key);
            if (!wait.isZero()) {
                events.publishEvent(new RateLimitExceeded(route.name, LogRedactor.ip(ClientIp.of(request)), clock.instant()));
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

    private static final class Route {
        private final String name;
        private final RatePolicy policy;
        private final String method;
        private final PathPattern pattern;
        private final boolean anonymousOnly;

        Route(String name, RatePolicy policy, String method, String pattern, boolean anonymousOnly) {
            this.name = name;
            this.policy = policy;
            this.method = method;
            this.pattern = PathPatternParser.defaultInstance.parse(pattern);
            this.anonymousOnly = anonymousOnly;
        }

        boolean matches(String requestMethod, PathContainer path) {
            return (method == null || method.equals(requestMethod)) && pattern.matches(path);
        }
    }
}
