package app.bar.share;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** The share was crypto-shredded for {@code reason}: its data key deleted (its blob, if any, goes right after). */
public record ShareDestroyed(String eventId, ShareId shareId, @Nullable String ownerAccountId, Instant at,
        @Nullable String clientIp, @Nullable String browser, @Nullable Integer viewsLeft,
        DestroyReason reason) implements ShareEvent {

    @Override
    public String type() {
        return "share.destroyed";
    }

    @Override
    public String outcome() {
        return "destroyed_" + reason.name().toLowerCase(java.util.Locale.ROOT);
    }
}
