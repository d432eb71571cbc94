package app.bar.webhook;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * {@code bar.webhooks.*}: where deliveries may go (the SSRF guard's switches, which production
 * pins: no private addresses, https only), how long one attempt may take, how much of the answer
 * is read, the per-share cap, the retry schedule and the worker. The README table lists them.
 */
@ConfigurationProperties("bar.webhooks")
@Validated
public record WebhookProperties(
        @DefaultValue("false") boolean allowPrivateAddresses,
        @DefaultValue("true") boolean allowHttp,
        @DefaultValue("true") boolean workerEnabled,
        @DefaultValue("3s") @NotNull Duration connectTimeout,
        @DefaultValue("10s") @NotNull Duration totalTimeout,
        @DefaultValue("64KB") @NotNull DataSize maxResponseSize,
        @DefaultValue("10") @Min(1) @Max(1000) int maxDeliveriesPerShare,
        @DefaultValue("24h") @NotNull Duration retryHorizon,
        @DefaultValue("10s") @NotNull Duration retryInitialDelay,
        @DefaultValue("1h") @NotNull Duration retryMaxDelay,
        @DefaultValue("2s") @NotNull Duration workerInterval,
        @DefaultValue("8") @Min(1) @Max(100) int workerBatchSize,
        @DefaultValue("30d") @NotNull Duration deliveryRetention) {

    @AssertTrue(message = "connect-timeout must be positive and at most total-timeout, total-timeout at most 60s")
    public boolean isTimeoutsValid() {
        return positive(connectTimeout) && totalTimeout.compareTo(connectTimeout) >= 0
                && totalTimeout.compareTo(Duration.ofSeconds(60)) <= 0;
    }

    @AssertTrue(message = "max-response-size must be between 1KB and 1MB")
    public boolean isMaxResponseSizeValid() {
        return maxResponseSize.toBytes() >= 1024 && maxResponseSize.toBytes() <= 1024 * 1024;
    }

    @AssertTrue(message = "retry delays and worker interval must be positive, retry-initial-delay at most retry-max-delay")
    public boolean isScheduleValid() {
        return positive(retryInitialDelay) && retryMaxDelay.compareTo(retryInitialDelay) >= 0
                && positive(retryHorizon) && positive(workerInterval) && positive(deliveryRetention);
    }

    private static boolean positive(Duration d) {
        return !d.isNegative() && !d.isZero(); // Duration.isPositive is Java 18+
    }

    /** How long a claimed delivery stays with its worker before another node may take it over. */
    Duration lease() {
        return totalTimeout.multipliedBy(2).plusSeconds(30);
    }
}
