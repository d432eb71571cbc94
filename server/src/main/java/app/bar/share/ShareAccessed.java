package app.bar.share;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A share's content was opened (a view used, or a re-open within its refresh window). */
public record ShareAccessed(String eventId, ShareId shareId, @Nullable String ownerAccountId, Instant at,
        @Nullable String clientIp, @Nullable String browser, @Nullable Integer viewsLeft) implements ShareEvent {

    @Override
    public String type() {
        return "share.accessed";
    }

    @Override
    public String outcome() {
        return "opened";
    }
}
