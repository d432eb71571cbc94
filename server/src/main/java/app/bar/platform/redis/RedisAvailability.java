package app.bar.platform.redis;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * A circuit breaker around Redis (issue 11 item 5): the node's users of Redis (shared rate limits,
 * session revocation notices) ask {@link #isAvailable()} before each call and report a failed call
 * with {@link #failed}. The first failure opens the circuit: from then on they use their in-process
 * fallback at once instead of paying Lettuce's timeout on every request, while one background thread
 * pings Redis every {@link #PROBE_INTERVAL}. When a ping answers, the users reconnect (the
 * {@link #whenAvailable} actions: fresh connections, the revocation channel subscribed again —
 * also on a node that started while Redis was down) and only then is the circuit closed. Each change
 * of state is logged and counted once ({@code bar.redis.state.changes}); {@code bar.redis.available}
 * is 1 while Redis is in use. Hand-written: Resilience4j is not on the classpath, and the breaker
 * needed here is one flag and one probe, not failure-rate windows.
 */
@Component
public final class RedisAvailability implements SmartInitializingSingleton, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(RedisAvailability.class);
    static final Duration PROBE_INTERVAL = Duration.ofSeconds(1);

    private final @Nullable RedisClient client;
    private final AtomicBoolean available = new AtomicBoolean();
    private final AtomicBoolean probing = new AtomicBoolean();
    private final AtomicBoolean decided = new AtomicBoolean(); // the first probe's outcome is known
    private final List<Runnable> reconnects = new CopyOnWriteArrayList<>();
    private final @Nullable ScheduledExecutorService prober;
    private final Counter becameAvailable;
    private final Counter becameUnavailable;
    private final AtomicBoolean started = new AtomicBoolean();

    RedisAvailability(ObjectProvider<RedisClient> redis, MeterRegistry meters) {
        this.client = redis.getIfAvailable();
        // 1 while Redis is in use; 0 while it is unreachable (or not configured). MeterRegistry.gauge, not
        // Gauge.builder(..).register: "register" is another module's setting name (PlatformBoundaryTests)
        meters.gauge("bar.redis.available", available, a -> a.get() ? 1 : 0);
        this.becameAvailable = meters.counter("bar.redis.state.changes", "state", "available");
        this.becameUnavailable = meters.counter("bar.redis.state.changes", "state", "unavailable");
        this.prober = client == null ? null : Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "redis-probe");
            t.setDaemon(true);
            return t;
        });
    }

    /** Whether {@code BAR_REDIS_URL} is set at all. */
    public boolean isConfigured() {
        return client != null;
    }

    /** Whether to use Redis now; false while the circuit is open (and when it is not configured). */
    public boolean isAvailable() {
        return available.get();
    }

    /** The Redis client, for the users that hold their own connections. */
    public RedisClient client() {
        if (client == null) {
            throw new IllegalStateException("Redis is not configured (BAR_REDIS_URL)");
        }
        return client;
    }

    /**
     * Runs {@code reconnect} each time Redis becomes available — the first time when the node
     * starts and reaches it. It opens the caller's connections; if it throws, Redis counts as
     * still unavailable and the probe tries again.
     */
    public void whenAvailable(Runnable reconnect) {
        reconnects.add(reconnect);
    }

    /**
     * Once every bean registered its reconnect, the first probe runs before the node serves: a node
     * that starts with Redis up limits on the shared buckets from its first request. A Redis that is
     * down delays the start by its connect timeout (1 s) at most, then probing goes on in the background.
     */
    @Override
    public void afterSingletonsInstantiated() {
        if (client != null && started.compareAndSet(false, true)) {
            probing.set(true);
            probe();
        }
    }

    /** A Redis call failed: open the circuit (logged and counted once) and probe in the background. */
    public void failed(Throwable error) {
        if (available.compareAndSet(true, false)) {
            becameUnavailable.increment();
            log.warn("redis.unavailable error={} (in-process rate limits, no revocation notices; retrying every {})",
                    error.getClass().getSimpleName(), PROBE_INTERVAL);
            scheduleProbe(PROBE_INTERVAL);
        }
    }

    private void scheduleProbe(Duration delay) {
        if (prober != null && probing.compareAndSet(false, true)) {
            prober.schedule(this::probe, delay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void probe() {
        probing.set(false);
        if (available.get()) {
            return; // closed already: reconnecting now would cut the connections in use
        }
        try (StatefulRedisConnection<String, String> connection = client().connect()) {
            connection.sync().ping();
            reconnects.forEach(Runnable::run);
            if (available.compareAndSet(false, true)) {
                becameAvailable.increment();
                log.info("redis.available (shared rate limits and revocation notices again)");
            }
            decided.set(true);
        } catch (RuntimeException e) {
            if (decided.compareAndSet(false, true)) { // down when the node started: once, like a change
                becameUnavailable.increment();
                log.warn("redis.unavailable error={} (at start: in-process rate limits, no revocation notices; "
                        + "retrying every {})", e.getClass().getSimpleName(), PROBE_INTERVAL);
            }
            scheduleProbe(PROBE_INTERVAL);
        }
    }

    @Override
    public void destroy() {
        if (prober != null) {
            prober.shutdownNow();
        }
    }
}
