package app.bar.share;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A wrong password (or zero-knowledge access key) was tried; {@code failedAttempts} in a row. */
public record SharePasswordFailed(String eventId, ShareId shareId, @Nullable String ownerAccountId, Instant at,
        @Nullable String clientIp, @Nullable String browser, @Nullable Integer viewsLeft,
        int failedAttempts) implements ShareEvent {

    @Override
    public String type() {
        return "share.password_failed";
    }

    @Override
    public String outcome() {
        return "password_failed";
    }
}
