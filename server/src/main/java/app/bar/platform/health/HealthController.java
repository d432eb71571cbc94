package app.bar.platform.health;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /healthz}: the process answers. {@code /readyz}: every {@link ReadinessCheck} passes
 * (database, blob store, …). Neither body says more than up or down; what failed goes to the log.
 *
 * <p>The checks run in parallel and {@code /readyz} answers within {@link #BUDGET}: a check that
 * has not answered by then counts as down (issue 11 item 4: a database out of reach used to hold
 * {@code /readyz} for Hikari's 30 s, and a load balancer's probe gave up long before). Each check
 * still ends by its own timeout (the pool's connection timeout, say); the pool that runs them is
 * bounded, and a probe that finds it full is answered down rather than queued.
 */
@RestController
final class HealthController implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(HealthController.class);

    /** Below the 1 s a probe gets in docs/operations.md, with room for the answer itself. */
    static final Duration BUDGET = Duration.ofMillis(800);

    private final List<ReadinessCheck> checks;
    private final Duration budget;
    private final ThreadPoolExecutor pool;

    @Autowired
    HealthController(List<ReadinessCheck> checks) {
        this(checks, BUDGET);
    }

    HealthController(List<ReadinessCheck> checks, Duration budget) {
        this.checks = List.copyOf(checks);
        this.budget = budget;
        AtomicInteger n = new AtomicInteger();
        // plain JDK pool (JDK 17 has no virtual threads): at most 4 probes' checks at a time
        this.pool = new ThreadPoolExecutor(0, Math.max(1, 4 * this.checks.size()), 30, TimeUnit.SECONDS,
                new SynchronousQueue<>(), r -> {
                    Thread t = new Thread(r, "readiness-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
    }

    /** {@code UP} or {@code DOWN}, nothing more. */
    record Health(String status) {
        static final Health UP = new Health("UP");
        static final Health DOWN = new Health("DOWN");
    }

    @GetMapping("/healthz")
    ResponseEntity<Health> live() {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(Health.UP);
    }

    @GetMapping("/readyz")
    ResponseEntity<Health> ready() {
        boolean ready = allReady();
        return ResponseEntity.status(ready ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
                .cacheControl(CacheControl.noStore())
                .body(ready ? Health.UP : Health.DOWN);
    }

    private boolean allReady() {
        List<CompletableFuture<Boolean>> running = new ArrayList<>(checks.size());
        for (ReadinessCheck check : checks) {
            running.add(start(check));
        }
        long deadline = System.nanoTime() + budget.toNanos();
        boolean ready = true;
        for (int i = 0; i < checks.size(); i++) {
            String failure = outcome(running.get(i), deadline);
            if (failure != null) {
                log.warn("readiness.failed check={} reason={}", checks.get(i).name(), failure);
                ready = false;
            }
        }
        return ready;
    }

    private CompletableFuture<Boolean> start(ReadinessCheck check) {
        try {
            return CompletableFuture.supplyAsync(check::isReady, pool);
        } catch (RejectedExecutionException busy) {
            return CompletableFuture.failedFuture(busy);
        }
    }

    /** {@code null} when the check passed, else why not (for the log). */
    private static String outcome(CompletableFuture<Boolean> check, long deadline) {
        try {
            return check.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS) ? null : "down";
        } catch (TimeoutException e) {
            return "timeout";
        } catch (ExecutionException e) {
            return e.getCause() instanceof RejectedExecutionException ? "busy" : e.getCause().getClass().getSimpleName();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    @Override
    public void destroy() {
        pool.shutdownNow();
    }
}
