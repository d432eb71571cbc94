package app.bar.platform.web;

import app.bar.platform.ratelimit.RateLimit;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpMethod;
import org.springframework.util.unit.DataSize;

/**
 * What a module declares for one of its routes: who may call it ({@link Access}, enforced by the
 * security module), how often ({@link RateLimit}), whether a cookie session must send its CSRF
 * token, and how large a body it takes. A module contributes its routes in one
 * {@link RoutePolicies} bean; {@link RouteTable} assembles every module's, and a request takes the
 * policy of the most specific pattern that matches it.
 *
 * <p>Access and rate limit are always explicit. The rest has a safe default: a cookie-authenticated
 * change needs the CSRF token, and a body is capped at {@code bar.http.max-body-size}.
 *
 * @param method the HTTP method, or {@code null} for every method
 * @param pattern a Spring path pattern, for example {@code /api/shares/{id}/content} or {@code /api/admin/**}
 * @param csrfExempt declared {@link #sessionless()}: the route never acts with the session's
 *     authority, so a leftover access cookie must not make it demand a CSRF token (sign-in, registration)
 */
public record RoutePolicy(@Nullable HttpMethod method, String pattern, Access access, RateLimit rateLimit,
        boolean csrfExempt, BodyLimit bodyLimit) {

    public RoutePolicy {
        Objects.requireNonNull(pattern, "pattern");
        Objects.requireNonNull(access, "access");
        Objects.requireNonNull(rateLimit, "rateLimit");
        Objects.requireNonNull(bodyLimit, "bodyLimit");
        if (!pattern.startsWith("/")) {
            throw new IllegalArgumentException("a route pattern starts with '/': " + pattern);
        }
    }

    /** {@code method pattern} with the given access and rate limit, CSRF required, the default body limit. */
    public static RoutePolicy route(HttpMethod method, String pattern, Access access, RateLimit rateLimit) {
        return new RoutePolicy(method, pattern, access, rateLimit, false, BodyLimit.DEFAULT);
    }

    /** Every method of {@code pattern}. */
    public static RoutePolicy anyMethod(String pattern, Access access, RateLimit rateLimit) {
        return new RoutePolicy(null, pattern, access, rateLimit, false, BodyLimit.DEFAULT);
    }

    /**
     * The route never acts with the session's authority (sign-in, registration), so no CSRF token is
     * demanded even when a leftover access cookie came with the request.
     */
    public RoutePolicy sessionless() {
        return new RoutePolicy(method, pattern, access, rateLimit, true, bodyLimit);
    }

    /** Bodies up to {@code limit} instead of the default. */
    public RoutePolicy bodyLimit(DataSize limit) {
        return new RoutePolicy(method, pattern, access, rateLimit, csrfExempt, BodyLimit.of(limit));
    }

    /** The handler streams the body and enforces its own limit while it reads (uploads). */
    public RoutePolicy bodyStreamedByHandler() {
        return new RoutePolicy(method, pattern, access, rateLimit, csrfExempt, BodyLimit.STREAMED);
    }

    /** Whether a request with {@code requestMethod} is this route's; {@code HEAD} is answered by the {@code GET} route, as in Spring MVC. */
    public boolean matchesMethod(String requestMethod) {
        return method == null || method.matches(requestMethod) || (HttpMethod.GET.equals(method) && "HEAD".equals(requestMethod));
    }

    @Override
    public String toString() {
        return (method == null ? "*" : method.name()) + " " + pattern + " access=" + access + " rate=" + rateLimit
                + (csrfExempt ? " sessionless" : "") + (bodyLimit.equals(BodyLimit.DEFAULT) ? "" : " body=" + bodyLimit);
    }

    /**
     * How large a body the route takes: {@link #DEFAULT} ({@code bar.http.max-body-size}), a size
     * of its own, or {@link #STREAMED} by a handler that counts as it reads.
     */
    public record BodyLimit(@Nullable DataSize size, boolean streamed) {

        public static final BodyLimit DEFAULT = new BodyLimit(null, false);
        public static final BodyLimit STREAMED = new BodyLimit(null, true);

        public static BodyLimit of(DataSize size) {
            return new BodyLimit(Objects.requireNonNull(size, "size"), false);
        }

        @Override
        public String toString() {
            return streamed ? "streamed" : size == null ? "default" : size.toString();
        }
    }
}
