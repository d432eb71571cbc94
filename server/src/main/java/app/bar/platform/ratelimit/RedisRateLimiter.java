package app.bar.platform.ratelimit;

import app.bar.platform.redis.RedisAvailability;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * Bucket4j buckets in Redis, shared by every node (compare-and-swap, keys expire once full).
 * Behind {@link RedisAvailability}'s circuit breaker: while Redis cannot be reached, requests are
 * limited by this node's own buckets at once — the limits degrade to per node rather than
 * switching off, stopping the server or making each request wait for a timeout — and when Redis
 * is back the breaker has this limiter open a fresh connection before it is used again.
 */
final class RedisRateLimiter implements RateLimiter, AutoCloseable {

    private final RedisAvailability redis;
    private final String namespace;
    private final LocalRateLimiter fallback;
    private @Nullable StatefulRedisConnection<byte[], byte[]> connection;
    private volatile @Nullable ProxyManager<byte[]> buckets;

    RedisRateLimiter(RedisAvailability redis, String namespace, LocalRateLimiter fallback) {
        this.redis = redis;
        this.namespace = namespace;
        this.fallback = fallback;
        redis.whenAvailable(this::reconnect);
    }

    @Override
    public Duration tryConsume(String policyName, RatePolicy policy, String key) {
        ProxyManager<byte[]> manager = buckets;
        if (manager != null && redis.isAvailable()) {
            // the policy is part of the key, so a changed limit starts fresh buckets
            byte[] id = (namespace + ":rl:" + policyName + ":" + policy + ":" + key).getBytes(StandardCharsets.UTF_8);
            try {
                ConsumptionProbe probe = manager.builder().build(id, () -> configuration(policy)).tryConsumeAndReturnRemaining(1);
                return probe.isConsumed() ? Duration.ZERO : Duration.ofNanos(probe.getNanosToWaitForRefill());
            } catch (RuntimeException e) {
                redis.failed(e); // logged once by the breaker, not per request
            }
        }
        return fallback.tryConsume(policyName, policy, key);
    }

    /** A fresh connection (the old one is closed): run by the breaker when Redis is reachable again. */
    private synchronized void reconnect() {
        close();
        StatefulRedisConnection<byte[], byte[]> fresh = redis.client().connect(ByteArrayCodec.INSTANCE);
        connection = fresh;
        buckets = Bucket4jLettuce.casBasedBuilder(fresh)
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10)))
                .requestTimeout(Duration.ofSeconds(2))
                .build();
    }

    private static BucketConfiguration configuration(RatePolicy policy) {
        return BucketConfiguration.builder()
                .addLimit(Bandwidth.builder().capacity(policy.capacity())
                        .refillGreedy(policy.capacity(), policy.period()).build())
                .build();
    }

    @Override
    public synchronized void close() {
        StatefulRedisConnection<byte[], byte[]> old = connection;
        if (old != null) {
            old.close();
            connection = null;
        }
    }
}
