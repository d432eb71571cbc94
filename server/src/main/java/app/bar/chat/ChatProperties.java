package app.bar.chat;

import app.bar.platform.ratelimit.RatePolicy;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * {@code bar.chat.*} ({@code BAR_CHAT_MAXLIFETIME}, ...): how long a room may live and how many
 * may join it, and the limits of its WebSocket: the largest frame, messages per connection and per
 * client IP, how often the server pings and how long a silent connection is kept.
 */
@Validated
@ConfigurationProperties("bar.chat")
public record ChatProperties(
        @DefaultValue("24h") Duration maxLifetime,
        @DefaultValue("1h") Duration defaultLifetime,
        @DefaultValue("10") @Min(2) @Max(50) int maxParticipants,
        @DefaultValue("64KB") DataSize maxMessageSize,
        @DefaultValue("30/10s") RatePolicy connectionMessages,
        @DefaultValue("120/10s") RatePolicy ipMessages,
        @DefaultValue("25s") Duration pingInterval,
        @DefaultValue("2m") Duration idleTimeout,
        @DefaultValue("1m") Duration sweepInterval) {

    public ChatProperties {
        if (defaultLifetime.compareTo(maxLifetime) > 0 || maxLifetime.compareTo(Duration.ofHours(24)) > 0) {
            throw new IllegalArgumentException("bar.chat.default-lifetime must be at most bar.chat.max-lifetime,"
                    + " which is at most 24h; were " + defaultLifetime + " and " + maxLifetime);
        }
    }
}
