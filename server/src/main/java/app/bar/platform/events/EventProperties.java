package app.bar.platform.events;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code bar.events.*}: the listener executor and the resubmission of incomplete publications.
 *
 * @param listenerThreads threads running {@code @ApplicationModuleListener}s (each holds a database
 *        connection while it runs, so this also bounds what listeners take from the pool)
 * @param listenerQueue publications waiting for a thread; beyond it a publication is left to
 *        resubmission instead of blocking or failing the request that committed it
 * @param retryAfter a publication still incomplete this long after it was published (or after its
 *        last resubmission, doubled per attempt up to 32 times) is resubmitted, by whichever node
 *        looks first; long enough that a live node's listener is normally done by then
 * @param retryInterval how often each node looks (also once at start-up)
 * @param shutdownGrace how long a stopping node lets running and queued listeners finish; what
 *        is left stays incomplete in the registry and is resubmitted later
 * @param holdListeners tests only (the crash IT): listeners are parked instead of run, so a test
 *        can kill the process between a commit and its listeners. {@code BAR_PROFILE=prod} refuses it.
 */
@ConfigurationProperties("bar.events")
@Validated
public record EventProperties(
        @DefaultValue("4") @Min(1) @Max(64) int listenerThreads,
        @DefaultValue("10000") @Min(1) int listenerQueue,
        @DefaultValue("2m") @NotNull Duration retryAfter,
        @DefaultValue("30s") @NotNull Duration retryInterval,
        @DefaultValue("20s") @NotNull Duration shutdownGrace,
        @DefaultValue("false") boolean holdListeners) {
}
