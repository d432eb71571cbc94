package app.bar.platform.ratelimit;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bucket4j buckets in this JVM. Full buckets are dropped by {@link #evictFull()} (a full bucket
 * is the same as a new one), and past {@code maxKeys} new keys share one overflow bucket per
 * policy, so a flood of source addresses cannot grow the heap without bound (fails closed).
 */
final class LocalRateLimiter implements RateLimiter {

    private static final Logger log = LoggerFactory.getLogger(LocalRateLimiter.class);

    private final ConcurrentMap<String, Entry> buckets = new ConcurrentHashMap<>();
    private final int maxKeys;

    LocalRateLimiter(int maxKeys) {
        this.maxKeys = maxKeys;
    }

    @Override
    public Duration tryConsume(String policyName, RatePolicy policy, String key) {
        String id = policyName + ":" + key;
        if (buckets.size() >= maxKeys && !buckets.containsKey(id)) {
            id = policyName + ":overflow";
        }
        Entry entry = buckets.computeIfAbsent(id, k -> new Entry(policy, newBucket(policy)));
        if (!entry.policy.equals(policy)) {
            entry = new Entry(policy, newBucket(policy)); // configuration changed under a live key
            buckets.put(id, entry);
        }
        ConsumptionProbe probe = entry.bucket.tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Duration.ZERO : Duration.ofNanos(probe.getNanosToWaitForRefill());
    }

    /** Drops buckets that have refilled completely; returns how many remain. */
    int evictFull() {
        buckets.entrySet().removeIf(e -> e.getValue().bucket.getAvailableTokens() >= e.getValue().policy.capacity());
        int size = buckets.size();
        if (size >= maxKeys) {
            log.warn("ratelimit.local_keys_at_cap size={} (new clients share an overflow bucket)", size);
        }
        return size;
    }

    static Bucket newBucket(RatePolicy policy) {
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(policy.capacity())
                        .refillGreedy(policy.capacity(), policy.period()).build())
                .build();
    }

    private record Entry(RatePolicy policy, Bucket bucket) {
    }
}
