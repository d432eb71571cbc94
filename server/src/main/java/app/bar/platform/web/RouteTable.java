package app.bar.platform.web;

import app.bar.platform.ratelimit.RateLimit;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Every module's {@link RoutePolicy}, in one table that the body limit, the rate limit, CSRF and
 * authorization all read, so they cannot disagree about a route. A request takes the policy of
 * the most specific matching pattern (Spring MVC's order: {@code /api/account/webhook} before
 * {@code /api/account/**}), a method-specific one before an any-method one. Two declarations of
 * the same method and pattern, or one bucket name with two limits, fail the start.
 *
 * <p>A request no module declared gets the safe defaults: open to anyone (so it ends in the API's
 * 404), the {@link RateLimit#standard() standard} limit under {@code /api/}, the CSRF check and the
 * default body limit.
 */
public final class RouteTable {

    private static final String ATTRIBUTE = RouteTable.class.getName() + ".match";
    private static final PathPattern API = PathPatternParser.defaultInstance.parse("/api/**");

    private final List<Entry> entries;

    public RouteTable(List<RoutePolicies> contributions) {
        List<Entry> all = new ArrayList<>();
        for (RoutePolicies contribution : contributions) {
            for (RoutePolicy policy : contribution.routes()) {
                all.add(new Entry(policy, PathPatternParser.defaultInstance.parse(policy.pattern())));
            }
        }
        refuseConflicts(all);
        all.sort(Comparator.comparing(Entry::pattern, PathPattern.SPECIFICITY_COMPARATOR)
                .thenComparing(e -> e.policy.method() == null));
        this.entries = List.copyOf(all);
    }

    /** The declared policy of this request, looked up once per request. */
    public Optional<RoutePolicy> find(HttpServletRequest request) {
        String uri = request.getRequestURI();
        if (request.getAttribute(ATTRIBUTE) instanceof Match m && m.method.equals(request.getMethod()) && m.uri.equals(uri)) {
            return Optional.ofNullable(m.policy);
        }
        RoutePolicy policy = lookup(request.getMethod(), path(request));
        request.setAttribute(ATTRIBUTE, new Match(request.getMethod(), uri, policy));
        return Optional.ofNullable(policy);
    }

    /** The declared policy of {@code method path} ({@code path} without the context path). */
    public Optional<RoutePolicy> find(String method, String path) {
        return Optional.ofNullable(lookup(method, PathContainer.parsePath(path)));
    }

    /** The rate limit of this request: its route's, else the standard one under {@code /api/} and none elsewhere. */
    public RateLimit rateLimit(HttpServletRequest request) {
        return find(request).map(RoutePolicy::rateLimit)
                .orElseGet(() -> API.matches(path(request)) ? RateLimit.standard() : RateLimit.none());
    }

    /** Every declared policy, most specific first. */
    public List<RoutePolicy> policies() {
        return entries.stream().map(Entry::policy).toList();
    }

    private @Nullable RoutePolicy lookup(String method, PathContainer path) {
        for (Entry entry : entries) {
            if (entry.policy.matchesMethod(method) && entry.pattern.matches(path)) {
                return entry.policy;
            }
        }
        return null;
    }

    private static PathContainer path(HttpServletRequest request) {
        return PathContainer.parsePath(request.getRequestURI().substring(request.getContextPath().length()));
    }

    private static void refuseConflicts(List<Entry> entries) {
        Map<String, RoutePolicy> routes = new HashMap<>();
        Map<String, RateLimit> buckets = new HashMap<>();
        for (Entry entry : entries) {
            RoutePolicy policy = entry.policy;
            HttpMethod method = policy.method();
            String route = (method == null ? "*" : method.name()) + " " + entry.pattern.getPatternString();
            RoutePolicy earlier = routes.putIfAbsent(route, policy);
            if (earlier != null) {
                throw new IllegalStateException("route " + route + " is declared twice: " + earlier + " and " + policy);
            }
            RateLimit limit = policy.rateLimit();
            if (limit.kind() == RateLimit.Kind.NAMED) {
                RateLimit other = buckets.putIfAbsent(limit.name(), limit);
                if (other != null && !other.equals(limit)) {
                    throw new IllegalStateException("rate limit '" + limit.name() + "' is declared with two policies: "
                            + other + " and " + limit);
                }
            }
        }
    }

    private record Entry(RoutePolicy policy, PathPattern pattern) {
    }

    private record Match(String method, String uri, @Nullable RoutePolicy policy) {
    }
}
