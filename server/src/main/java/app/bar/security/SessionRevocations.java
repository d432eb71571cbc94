package app.bar.security;

import app.bar.platform.config.BarProperties;
import app.bar.platform.redis.RedisAvailability;
import app.bar.platform.redis.RedisChannel;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;

/**
 * Whether an access token's session is still alive, cheaply and across nodes (ASVS 7.3.1,
 * 7.4.1), on every authenticated request and without a write. The revoking node knows at once
 * ({@link #revoked}); every other node learns it from a Redis notice when Redis is configured,
 * and in any case within {@code ttl} (at most 5 s — also while Redis is away: see
 * {@link RedisAvailability}), because what is read from the sessions table
 * is cached no longer than that. What is cached is the session's end (idle or absolute, whichever
 * comes first), compared with the clock on each request: a session that goes idle is refused at
 * its idle end, not up to {@code ttl} later. A cached end that has passed is read again once,
 * since a refresh (on any node) may have moved it; an end that had passed when it was read is
 * final (an idle session cannot be refreshed).
 */
@Service
public final class SessionRevocations implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(SessionRevocations.class);
    private static final int MAX_ENTRIES = 100_000;

    private final SessionStatus status;
    private final Clock clock;
    private final long ttlNanos;
    private final long revokedKeepNanos;
    private final ConcurrentMap<String, Long> revokedAt = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Checked> checked = new ConcurrentHashMap<>();
    private final @Nullable RedisChannel notices;

    SessionRevocations(SessionStatus status, SessionProperties sessions, JwtProperties jwt, BarProperties bar,
            RedisAvailability redis, Clock clock) {
        this.status = status;
        this.clock = clock;
        this.ttlNanos = sessions.revocationCacheTtl().toNanos();
        // a revoked session's access tokens die with their expiry: keep the mark as long as they live
        this.revokedKeepNanos = jwt.accessTokenTtl().plus(jwt.clockSkew()).plus(Duration.ofMinutes(1)).toNanos();
        // subscribed also when the node started while Redis was down, and after every outage (issue 11 item 5)
        this.notices = RedisChannel.open(redis, bar.redis().namespace() + ":session-revoked", this::markRevoked);
    }

    /** Called by whoever revoked the sessions, after the database says so. */
    public void revoked(Collection<String> sessionIds) {
        for (String id : sessionIds) {
            markRevoked(id);
            publish(id);
        }
    }

    boolean isActive(String sessionId) {
        if (revokedAt.containsKey(sessionId)) {
            return false;
        }
        long nanos = System.nanoTime();
        Instant now = clock.instant();
        Checked cached = checked.get(sessionId);
        if (cached != null && nanos - cached.nanos() < ttlNanos && cached.answers(now)) {
            return cached.activeAt(now);
        }
        Checked read = new Checked(status.activeUntil(sessionId).orElse(null), now, nanos);
        if (checked.size() >= MAX_ENTRIES) {
            checked.clear(); // a flood of sessions costs database reads, never memory
        }
        checked.put(sessionId, read);
        return read.activeAt(now);
    }

    private void markRevoked(String sessionId) {
        long now = System.nanoTime();
        if (revokedAt.size() >= MAX_ENTRIES) {
            revokedAt.values().removeIf(at -> now - at > revokedKeepNanos);
        }
        revokedAt.put(sessionId, now);
        checked.remove(sessionId);
    }

    private void publish(String sessionId) {
        if (notices != null) {
            notices.publish(sessionId); // without Redis, other nodes still learn within the cache time
        }
    }

    @Override
    public void destroy() {
        if (notices != null) {
            notices.close();
        }
    }

    /** One look at the sessions table: the session's end (null: revoked or unknown), when and at what clock time. */
    private record Checked(@Nullable Instant until, Instant readAt, long nanos) {

        boolean activeAt(Instant now) {
            return until != null && now.isBefore(until);
        }

        /** False once the end has passed since this look: a refresh may have moved it, so look again. */
        boolean answers(Instant now) {
            return until == null || now.isBefore(until) || !readAt.isBefore(until);
        }
    }
}
