package app.bar.platform.ratelimit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The named rate-limit policies (DESIGN.md §4). Each is {@code capacity/period} and applies
 * per client IP, or per account where the request is signed in; {@code share-create} and
 * {@code api} apply to anonymous requests only.
 */
@ConfigurationProperties("bar.rate-limits")
public record RateLimitProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("5/1m") RatePolicy login,
        @DefaultValue("3/1h") RatePolicy register,
        @DefaultValue("3/1h") RatePolicy forgotPassword,
        @DefaultValue("30/1m") RatePolicy shareUnlock,
        @DefaultValue("20/1h") RatePolicy shareCreate,
        @DefaultValue("600/1h") RatePolicy api,
        @DefaultValue("500000") int maxLocalKeys) {
}
