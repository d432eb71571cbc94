package app.bar.platform.hashing;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code bar.hashing.*}, the {@link HashingPool}: {@code threads} password hashes or derivations
 * run at once (0 = one per CPU), {@code queueCapacity} wait; past that the request is answered 503
 * with {@code Retry-After}.
 */
@ConfigurationProperties("bar.hashing")
@Validated
public record HashingProperties(
        @DefaultValue("0") @Min(0) int threads,
        @DefaultValue("16") @Min(0) int queueCapacity) {

    int effectiveThreads() {
        return threads > 0 ? threads : Math.max(1, Runtime.getRuntime().availableProcessors());
    }
}
