package app.bar.share;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What every share event carries, for the access log and the coming webhooks: the share id, its
 * owner's account id (null for anonymous shares), when, the client's redacted IP
 * ({@code 203.0.***.***}) and browser family (null when the server itself acted, as on expiry),
 * and the views left (null: unlimited). Never content, keys, tokens, emails, or the filename.
 */
public sealed interface ShareEvent
        permits ShareAccessed, SharePasswordFailed, ShareLocked, ShareDestroyed, ShareExpired, ShareTamperDetected {

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
}
