package app.bar.platform.streams;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code bar.streams.*}, the {@link StreamSlots}: {@code maxConcurrent} content streams (uploads
 * and downloads together) at once, 0 = derived from the heap ({@link StreamSlots#boundFor});
 * a stream over the bound is answered 503 with {@code Retry-After: retryAfter}.
 */
@ConfigurationProperties("bar.streams")
@Validated
public record StreamProperties(
        @DefaultValue("0") @Min(0) int maxConcurrent,
        @DefaultValue("2s") @NotNull Duration retryAfter) {

    int effectiveBound() {
        return maxConcurrent > 0 ? maxConcurrent : StreamSlots.boundFor(Runtime.getRuntime().maxMemory());
    }
}
