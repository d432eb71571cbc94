package app.bar.security;

import java.time.Instant;
import java.util.Optional;

/**
 * Until when a session may still use its access tokens. Implemented by the accounts module over
 * its {@code sessions} table; {@link SessionRevocations} caches the answer for a few seconds.
 */
public interface SessionStatus {

    /**
     * The earlier of the session's idle end (its last refresh plus the idle timeout) and its
     * absolute end; empty when the session was revoked or never existed. Both ends move only
     * while the session is live, so an end that has passed is final.
     */
    Optional<Instant> activeUntil(String sessionId);
}
