package app.bar.platform.events;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;

/**
 * Runs every {@code @ApplicationModuleListener} (they are {@code @Async}; nothing else in BAR is).
 * Bounded: {@code listener-threads} platform threads and a queue of {@code listener-queue} — not
 * Boot's task executor, which on JDK 21+ runs each task on a new virtual thread, without a bound,
 * so a burst of events would take every database connection from the requests. A publication
 * the queue has no room for is not run now and not lost: it stays incomplete in the registry and
 * {@link EventResubmission} runs it later. Nothing here throws into the request whose transaction
 * just committed.
 *
 * <p>At shutdown it stops after the web server (its phase is below the graceful shutdown's), so
 * requests still draining hand it their listeners: {@link #stop} waits up to
 * {@code shutdown-grace} until running and queued listeners are done, and the pool is shut down
 * when the context is destroyed. Whatever is cut off, or comes after, stays incomplete in the
 * registry and is resubmitted by this node's next start or by another node. A stop is not final
 * (Spring stops and restarts a context that it pauses, as its test cache does): the pool keeps
 * working after {@link #stop} and {@link #start}.
 *
 * <p>Not an {@link Executor} bean on purpose: one would replace Boot's {@code applicationTaskExecutor}.
 */
@Component
class EventListenerExecutor implements SmartLifecycle, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(EventListenerExecutor.class);

    /** Below the web server's graceful shutdown (DEFAULT_PHASE - 1024) and its stop (- 2048). */
    static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

    private static final Duration DRAIN_POLL = Duration.ofMillis(20);

    private final ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
    private final Duration grace;
    private volatile boolean running;

    EventListenerExecutor(EventProperties properties, MeterRegistry meters) {
        this.grace = properties.shutdownGrace();
        Counter deferred = meters.counter("bar.events.deferred");
        // counted by EventConfiguration's uncaught-exception handler; registered here at zero so
        // the series exists (and an alert on its rate works) before the first failure
        meters.counter("bar.events.listener.failures");
        executor.setCorePoolSize(properties.listenerThreads());
        executor.setMaxPoolSize(properties.listenerThreads());
        executor.setQueueCapacity(properties.listenerQueue());
        executor.setThreadNamePrefix("bar-event-");
        executor.setDaemon(true);
        executor.setWaitForTasksToCompleteOnShutdown(true);
        executor.setAwaitTerminationMillis(properties.shutdownGrace().toMillis());
        executor.setRejectedExecutionHandler((task, pool) -> {
            deferred.increment();
            // the publication stays in the registry: EventResubmission runs it once it is old enough
            log.warn("event.listener_deferred reason={}", pool.isShutdown() ? "shutting_down" : "queue_full");
        });
        if (properties.holdListeners()) {
            log.warn("event.listeners_held setting=bar.events.hold-listeners (tests only)");
            executor.setTaskDecorator(task -> EventListenerExecutor::park);
        }
        executor.initialize();
    }

    Executor executor() {
        return executor;
    }

    @Override
    public void start() {
        running = true;
    }

    /** Waits up to {@code shutdown-grace} until no listener runs or waits. */
    @Override
    public void stop() {
        running = false;
        long deadline = System.nanoTime() + grace.toNanos();
        ThreadPoolExecutor pool = executor.getThreadPoolExecutor();
        while ((pool.getActiveCount() > 0 || !pool.getQueue().isEmpty()) && System.nanoTime() < deadline) {
            LockSupport.parkNanos(DRAIN_POLL.toNanos());
        }
        if (pool.getActiveCount() > 0 || !pool.getQueue().isEmpty()) {
            log.warn("event.listeners_unfinished running={} queued={}", pool.getActiveCount(), pool.getQueue().size());
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }

    /** Refuses new listeners and gives what is left {@code shutdown-grace} more. */
    @Override
    public void destroy() {
        executor.shutdown();
    }

    /** A held listener never runs: it waits for the process to be killed (or interrupted). */
    private static void park() {
        while (!Thread.currentThread().isInterrupted()) {
            LockSupport.park(EventListenerExecutor.class);
        }
    }
}
