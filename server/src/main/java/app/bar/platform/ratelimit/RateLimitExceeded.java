package app.bar.platform.ratelimit;

import java.time.Instant;

/** Published when a request is refused with 429; the audit module records it as {@code rate_limit.exceeded}. */
public record RateLimitExceeded(String policy, String redactedClient, Instant at) {
}
