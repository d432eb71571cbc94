package app.bar.platform.hashing;

import app.bar.platform.error.HeldAnswers;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code bar.hashing.*}, the {@link HashingPool}: {@code threads} password hashes or derivations
 * run at once (0 = half the CPUs, at least one), {@code queueCapacity} wait; past that the request
 * is answered 503 with {@code Retry-After}, {@code refusalHold} after the refusal (0 s: at once;
 * else 100 ms to 2 s), without a request thread waiting.
 */
@ConfigurationProperties("bar.hashing")
@Validated
public record HashingProperties(
        @DefaultValue("0") @Min(0) int threads,
        @DefaultValue("16") @Min(0) int queueCapacity,
        @DefaultValue("1s") Duration refusalHold) {

    public HashingProperties {
        boolean atOnce = refusalHold.isZero();
        if (!atOnce && (refusalHold.compareTo(HeldAnswers.SHORTEST_HOLD) < 0
                || refusalHold.compareTo(HashingPool.RETRY_AFTER) > 0)) {
            throw new IllegalArgumentException("bar.hashing.refusal-hold must be 0s (answered at once) or between "
                    + HeldAnswers.SHORTEST_HOLD.toMillis() + "ms and " + HashingPool.RETRY_AFTER.toSeconds()
                    + "s (the refusal's Retry-After)");
        }
    }

    int effectiveThreads() {
        return effectiveThreads(Runtime.getRuntime().availableProcessors());
    }

    /**
     * 0 means half the CPUs, at least one: a flood of sign-ins or unlocks then keeps the other half
     * for every other request (issue 12: with one per CPU, a login flood on two cores left the text
     * round trips a third of their rate and a p99 of 730 ms).
     */
    int effectiveThreads(int cpus) {
        return threads > 0 ? threads : Math.max(1, cpus / 2);
    }
}
