package app.bar.share;

import app.bar.platform.secrets.OpaqueTokens;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What every share event carries, for the access log and webhooks: its own id (128 random bits,
 * base64url; a consumer that may see an event twice — the registry delivers at least once — keys
 * what it does by it), the share id, its owner's account id (null for anonymous shares), when,
 * the client's redacted IP ({@code 203.0.***.***}) and browser family (null when the server
 * itself acted, as on expiry), and the views left (null: unlimited). Never content, keys, tokens,
 * emails, or the filename.
 *
 * <p>Published inside the transaction that made the change they report (the view taken, the
 * counter raised, the key deleted). The access log ({@code share.owner}) writes its row in that
 * transaction; other modules consume them with {@code @ApplicationModuleListener}s after it committed.
 */
public sealed interface ShareEvent
        permits ShareAccessed, SharePasswordFailed, ShareLocked, ShareDestroyed, ShareExpired, ShareTamperDetected {

    /** Unique per event; the same on every delivery of it. */
    String eventId();

    ShareId shareId();

    @Nullable String ownerAccountId();

    Instant at();

    @Nullable String clientIp();

    @Nullable String browser();

    @Nullable Integer viewsLeft();

    /** The event's name in webhooks ({@code share.accessed}, {@code share.destroyed}, ...). */
    String type();

    /** The access-log outcome name ({@code opened}, {@code password_failed}, ...). */
    String outcome();

    /** A new event id (for the records' first component). */
    static String newId() {
        return OpaqueTokens.newId();
    }
}
