package app.bar.platform.ratelimit;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The rate limit a module declares for a route (DESIGN.md §4). Either {@link #none()}, the
 * {@link #standard()} limit of every API call ({@code bar.rate-limits.api}, anonymous callers per
 * IP), or a named policy the module owns, with its own setting ({@code bar.rate-limits.<name>})
 * bound by the module. Requests of one name share one bucket per key.
 *
 * @param name the bucket's name (also the {@code rate_limit.exceeded} event's policy); empty for {@link #none()}
 * @param policy the limit; {@code null} for {@link #none()} and {@link #standard()} (platform's setting)
 */
public record RateLimit(Kind kind, String name, @Nullable RatePolicy policy, Key key) {

    /** The name of the standard policy, {@code bar.rate-limits.api}. */
    public static final String STANDARD_NAME = "api";

    public enum Kind { NONE, STANDARD, NAMED }

    /** What a request is counted against. */
    public enum Key {
        /** The signed-in account, else the client IP (an IPv6 client by its /64). */
        CALLER,
        /** Anonymous requests only, by client IP; signed-in requests are not counted. */
        ANONYMOUS_IP
    }

    public RateLimit {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(key, "key");
        if ((kind == Kind.NAMED) != (policy != null) || (kind == Kind.NAMED && (name.isBlank() || name.equals(STANDARD_NAME)))) {
            throw new IllegalArgumentException("a named rate limit needs its own name and policy; none() and standard() take neither");
        }
    }

    /** Not limited (pages, health checks). */
    public static RateLimit none() {
        return new RateLimit(Kind.NONE, "", null, Key.CALLER);
    }

    /** The API's common limit: anonymous callers per IP, {@code bar.rate-limits.api} (600/1h by default). */
    public static RateLimit standard() {
        return new RateLimit(Kind.STANDARD, STANDARD_NAME, null, Key.ANONYMOUS_IP);
    }

    /** {@code policy} per signed-in account, or per client IP for anonymous callers. */
    public static RateLimit perCaller(String name, RatePolicy policy) {
        return new RateLimit(Kind.NAMED, name, policy, Key.CALLER);
    }

    /** {@code policy} per client IP, for anonymous callers only (signed-in callers are not counted). */
    public static RateLimit perAnonymousIp(String name, RatePolicy policy) {
        return new RateLimit(Kind.NAMED, name, policy, Key.ANONYMOUS_IP);
    }

    @Override
    public String toString() {
        return switch (kind) {
            case NONE -> "none";
            case STANDARD -> "standard";
            case NAMED -> name + " " + policy + " per " + key;
        };
    }
}
