package app.bar.share;

import app.bar.platform.ratelimit.RatePolicy;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * {@code bar.shares.*}: limits of shares (signed-in owners get the larger ones), the virus
 * scanner, brute-force rules and the clean-up job. The README configuration table lists them.
 */
@ConfigurationProperties("bar.shares")
@Validated
public record ShareProperties(
        @DefaultValue("2GB") @NotNull DataSize maxFileSize,
        @DefaultValue("100MB") @NotNull DataSize anonymousMaxFileSize,
        @DefaultValue("1MB") @NotNull DataSize maxTextSize,
        @DefaultValue("24h") @NotNull Duration defaultExpiry,
        @DefaultValue("30d") @NotNull Duration maxExpiry,
        @DefaultValue("7d") @NotNull Duration anonymousMaxExpiry,
        @DefaultValue("true") boolean anonymousCreateEnabled,
        @DefaultValue("60s") @NotNull Duration ticketTtl,
        @DefaultValue("") String clamdUrl,
        @DefaultValue("30s") @NotNull Duration clamdTimeout,
        @DefaultValue("5") int lockAfterFailedAttempts,
        @DefaultValue("60m") @NotNull Duration lockDuration,
        @DefaultValue("30s") @NotNull Duration maxAttemptDelay,
        @DefaultValue("10m") @NotNull Duration otpTtl,
        @DefaultValue("5") int otpMaxAttempts,
        @DefaultValue("3/10m") @NotNull RatePolicy otpSendLimit,
        @DefaultValue("24h") @NotNull Duration uploadWindow,
        @DefaultValue("1h") @NotNull Duration orphanGrace,
        @DefaultValue("1d") @NotNull Duration tombstoneRetention,
        @DefaultValue("1m") @NotNull Duration cleanupInterval) {

    public DataSize fileLimit(boolean signedIn) {
        return signedIn ? maxFileSize : anonymousMaxFileSize;
    }

    public Duration expiryLimit(boolean signedIn) {
        return signedIn ? maxExpiry : anonymousMaxExpiry;
    }

    public boolean scanEnabled() {
        return !clamdUrl.isBlank();
    }
}
