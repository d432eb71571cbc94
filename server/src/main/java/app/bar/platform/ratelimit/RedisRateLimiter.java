package app.bar.platform.ratelimit;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bucket4j buckets in Redis, shared by every node (compare-and-swap, keys expire once full).
 * The connection is opened on first use and re-tried at most every few seconds; while Redis
 * cannot be reached, requests are limited by this node's own buckets instead, so an outage
 * degrades the limits to per node rather than switching them off or stopping the server.
 */
final class RedisRateLimiter implements RateLimiter, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RedisRateLimiter.class);
    private static final long RETRY_NANOS = Duration.ofSeconds(5).toNanos();

    private final RedisClient client;
    private final String namespace;
    private final LocalRateLimiter fallback;
    private StatefulRedisConnection<byte[], byte[]> connection;
    private volatile ProxyManager<byte[]> buckets;
    private long nextAttempt;

    RedisRateLimiter(RedisClient client, String namespace, LocalRateLimiter fallback) {
        this.client = client;
        this.namespace = namespace;
        this.fallback = fallback;
    }

    @Override
    public Duration tryConsume(String policyName, RatePolicy policy, String key) {
        ProxyManager<byte[]> manager = buckets();
        if (manager != null) {
            // the policy is part of the key, so a changed limit starts fresh buckets
            byte[] id = (namespace + ":rl:" + policyName + ":" + policy + ":" + key).getBytes(StandardCharsets.UTF_8);
            try {
                ConsumptionProbe probe = manager.builder().build(id, () -> configuration(policy)).tryConsumeAndReturnRemaining(1);
                return probe.isConsumed() ? Duration.ZERO : Duration.ofNanos(probe.getNanosToWaitForRefill());
            } catch (RuntimeException e) {
                log.warn("ratelimit.redis_unavailable policy={} error={} (limiting on this node only)", policyName,
                        e.getClass().getSimpleName());
            }
        }
        return fallback.tryConsume(policyName, policy, key);
    }

    private ProxyManager<byte[]> buckets() {
        ProxyManager<byte[]> ready = buckets;
        return ready != null ? ready : connect();
    }

    private synchronized ProxyManager<byte[]> connect() {
        if (buckets != null || System.nanoTime() - nextAttempt < 0) {
            return buckets;
        }
        try {
            connection = client.connect(ByteArrayCodec.INSTANCE);
            buckets = Bucket4jLettuce.casBasedBuilder(connection)
                    .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10)))
                    .requestTimeout(Duration.ofSeconds(2))
                    .build();
        } catch (RuntimeException e) {
            nextAttempt = System.nanoTime() + RETRY_NANOS;
            log.warn("ratelimit.redis_connect_failed error={} (limiting on this node only)", e.getClass().getSimpleName());
        }
        return buckets;
    }

    private static BucketConfiguration configuration(RatePolicy policy) {
        return BucketConfiguration.builder()
                .addLimit(Bandwidth.builder().capacity(policy.capacity())
                        .refillGreedy(policy.capacity(), policy.period()).build())
                .build();
    }

    @Override
    public synchronized void close() {
        if (connection != null) {
            connection.close();
        }
    }
}
