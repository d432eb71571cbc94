package app.bar.share;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** The share reached its expiry and the clean-up job crypto-shredded it. */
public record ShareExpired(String eventId, ShareId shareId, @Nullable String ownerAccountId, Instant at,
        @Nullable String clientIp, @Nullable String browser, @Nullable Integer viewsLeft) implements ShareEvent {

    @Override
    public String type() {
        return "share.expired";
    }

    @Override
    public String outcome() {
        return "expired";
    }
}
