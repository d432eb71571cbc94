package app.bar.security;

import app.bar.platform.config.BarProperties;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * Whether an access token's session is still alive, cheaply and across nodes (ASVS 7.4.1).
 * The revoking node knows at once ({@link #revoked}); every other node learns it from a Redis
 * notice when Redis is configured, and in any case within {@code ttl} (at most 5 s), because the
 * answer read from the sessions table is cached no longer than that.
 */
@Service
public final class SessionRevocations implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(SessionRevocations.class);
    private static final int MAX_ENTRIES = 100_000;

    private final SessionStatus status;
    private final long ttlNanos;
    private final long revokedKeepNanos;
    private final ConcurrentMap<String, Long> revokedAt = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Checked> checked = new ConcurrentHashMap<>();
    private final @Nullable String channel;
    private @Nullable StatefulRedisConnection<String, String> publisher;
    private @Nullable StatefulRedisPubSubConnection<String, String> subscriber;

    SessionRevocations(SessionStatus status, SessionProperties sessions, JwtProperties jwt, BarProperties bar,
            ObjectProvider<RedisClient> redis) {
        this.status = status;
        this.ttlNanos = sessions.revocationCacheTtl().toNanos();
        // a revoked session's access tokens die with their expiry: keep the mark as long as they live
        this.revokedKeepNanos = jwt.accessTokenTtl().plus(jwt.clockSkew()).plus(Duration.ofMinutes(1)).toNanos();
        RedisClient client = redis.getIfAvailable();
        this.channel = client == null ? null : bar.redis().namespace() + ":session-revoked";
        if (client != null) {
            subscribe(client);
        }
    }

    /** Called by whoever revoked the sessions, after the database says so. */
    public void revoked(Collection<String> sessionIds) {
        for (String id : sessionIds) {
            markRevoked(id);
            publish(id);
        }
    }

    boolean isActive(String sessionId) {
        long now = System.nanoTime();
        if (revokedAt.containsKey(sessionId)) {
            return false;
        }
        Checked cached = checked.get(sessionId);
        if (cached != null && now - cached.at < ttlNanos) {
            return cached.active;
        }
        boolean active = status.isActive(sessionId);
        if (checked.size() >= MAX_ENTRIES) {
            checked.clear(); // a flood of sessions costs database reads, never memory
        }
        checked.put(sessionId, new Checked(active, now));
        return active;
    }

    private void markRevoked(String sessionId) {
        long now = System.nanoTime();
        if (revokedAt.size() >= MAX_ENTRIES) {
            revokedAt.values().removeIf(at -> now - at > revokedKeepNanos);
        }
        revokedAt.put(sessionId, now);
        checked.remove(sessionId);
    }

    private void subscribe(RedisClient client) {
        try {
            subscriber = client.connectPubSub();
            subscriber.addListener(new RedisPubSubAdapter<>() {
                @Override
                public void message(String ch, String sessionId) {
                    markRevoked(sessionId);
                }
            });
            subscriber.sync().subscribe(channel);
            publisher = client.connect();
        } catch (RuntimeException e) {
            // no notices then: other nodes still learn within the cache time
            log.warn("revocation.redis_unavailable (falling back to the sessions table): {}", e.getClass().getSimpleName());
        }
    }

    private void publish(String sessionId) {
        StatefulRedisConnection<String, String> connection = publisher;
        if (connection == null || channel == null) {
            return;
        }
        try {
            connection.async().publish(channel, sessionId);
        } catch (RuntimeException e) {
            log.warn("revocation.publish_failed: {}", e.getClass().getSimpleName());
        }
    }

    @Override
    public void destroy() {
        if (subscriber != null) {
            subscriber.close();
        }
        if (publisher != null) {
            publisher.close();
        }
    }

    private record Checked(boolean active, long at) {
    }
}
