package app.bar.platform.web;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * {@code bar.slow-body.*}, the {@link SlowBodyFilter}: at most {@code maxPerClient} request bodies
 * in flight per client address (beyond: 429 {@code rate_limit.concurrent_bodies} with
 * {@code Retry-After: retryAfter}); a body must arrive at {@code minRate} per second or faster,
 * averaged from its start, once {@code grace} has passed (else 408 {@code request.too_slow}).
 */
@ConfigurationProperties("bar.slow-body")
@Validated
public record SlowBodyProperties(
        @DefaultValue("32") @Min(1) int maxPerClient,
        @DefaultValue("1KB") @NotNull DataSize minRate,
        @DefaultValue("10s") @NotNull Duration grace,
        @DefaultValue("2s") @NotNull Duration retryAfter) {

    public SlowBodyProperties {
        if (minRate != null && minRate.toBytes() < 0) {
            throw new IllegalArgumentException("bar.slow-body.min-rate must not be negative");
        }
        if (grace != null && grace.isNegative()) {
            throw new IllegalArgumentException("bar.slow-body.grace must not be negative");
        }
    }
}
