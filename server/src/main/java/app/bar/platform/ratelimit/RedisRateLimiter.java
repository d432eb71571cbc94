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
 * When Redis cannot be reached the request is limited by this node's own buckets instead,
 * so an outage degrades the limits to per node rather than switching them off.
 */
final class RedisRateLimiter implements RateLimiter, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RedisRateLimiter.class);

    private final StatefulRedisConnection<byte[], byte[]> connection;
    private final ProxyManager<byte[]> buckets;
    private final LocalRateLimiter fallback;
    private final String namespace;

    RedisRateLimiter(RedisClient client, String namespace, LocalRateLimiter fallback) {
        this.namespace = namespace;
        this.connection = client.connect(ByteArrayCodec.INSTANCE);
        this.buckets = Bucket4jLettuce.casBasedBuilder(connection)
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10)))
                .requestTimeout(Duration.ofSeconds(2))
                .build();
        this.fallback = fallback;
    }

    @Override
    public Duration tryConsume(String policyName, RatePolicy policy, String key) {
        // the policy is part of the key, so a changed limit starts fresh buckets
        byte[] id = (namespace + ":rl:" + policyName + ":" + policy + ":" + key).getBytes(StandardCharsets.UTF_8);
        try {
            ConsumptionProbe probe = buckets.builder()
                    .build(id, () -> configuration(policy))
                    .tryConsumeAndReturnRemaining(1);
            return probe.isConsumed() ? Duration.ZERO : Duration.ofNanos(probe.getNanosToWaitForRefill());
        } catch (RuntimeException e) {
            log.warn("ratelimit.redis_unavailable policy={} (limiting on this node only): {}", policyName, e.toString());
            return fallback.tryConsume(policyName, policy, key);
        }
    }

    private static BucketConfiguration configuration(RatePolicy policy) {
        return BucketConfiguration.builder()
                .addLimit(Bandwidth.builder().capacity(policy.capacity())
                        .refillGreedy(policy.capacity(), policy.period()).build())
                .build();
    }

    @Override
    public void close() {
        connection.close();
    }
}
