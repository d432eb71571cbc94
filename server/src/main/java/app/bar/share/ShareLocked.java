package app.bar.share;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** Too many wrong passwords: the share refuses every try until {@code lockedUntil}. */
public record ShareLocked(String eventId, ShareId shareId, @Nullable String ownerAccountId, Instant at,
        @Nullable String clientIp, @Nullable String browser, @Nullable Integer viewsLeft,
        Instant lockedUntil) implements ShareEvent {

    @Override
    public String type() {
        return "share.locked";
    }

    @Override
    public String outcome() {
        return "locked";
    }
}
