package app.bar.share;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** The share's ciphertext failed authentication while being read: the stream was cut, the share quarantined. */
public record ShareTamperDetected(String eventId, ShareId shareId, @Nullable String ownerAccountId, Instant at,
        @Nullable String clientIp, @Nullable String browser, @Nullable Integer viewsLeft) implements ShareEvent {

    @Override
    public String type() {
        return "share.tamper_detected";
    }

    @Override
    public String outcome() {
        return "tamper_detected";
    }
}
