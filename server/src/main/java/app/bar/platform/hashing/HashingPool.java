package app.bar.platform.hashing;

import app.bar.platform.error.BarProblem;
import app.bar.platform.error.ProblemCodes;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one bounded pool for deliberately slow password work: Argon2id hashes of account passwords
 * and key derivations of share passwords both run here, so together they never use more than
 * {@code threads} CPUs (each running Argon2id also holds its memory cost). A flood of sign-ins or
 * unlocks waits in a short queue and past it is answered 503 with {@code Retry-After}, so it can
 * neither starve the request threads nor exhaust memory (DESIGN.md §5's work queue). The 503 is
 * sent after a hold ({@code bar.hashing.refusal-hold}) during which no thread waits, so a flood's
 * refusals cost next to nothing either.
 */
public final class HashingPool implements AutoCloseable {

    /** The refusal's {@code Retry-After}, and the longest its answer may be held. */
    static final Duration RETRY_AFTER = Duration.ofSeconds(2);

    private final ThreadPoolExecutor pool;
    private final int admitted;
    private final Duration refusalHold;

    /** A pool whose refusals are answered at once. */
    public HashingPool(int threads, int queueCapacity) {
        this(threads, queueCapacity, Duration.ZERO);
    }

    /**
     * @param threads how many run at once
     * @param queueCapacity how many wait; the next is refused
     * @param refusalHold how long a refusal's answer is held before it is sent (at most its
     *     {@code Retry-After}), without a request thread waiting: a client that signs in again as
     *     soon as it is refused sends one a hold instead of thousands a second
     */
    public HashingPool(int threads, int queueCapacity, Duration refusalHold) {
        if (threads < 1 || queueCapacity < 0) {
            throw new IllegalArgumentException("a hashing pool needs at least one thread and a queue of zero or more");
        }
        this.refusalHold = BarProblem.Unavailable.requireHold(refusalHold, RETRY_AFTER);
        BlockingQueue<Runnable> work = queueCapacity == 0 ? new SynchronousQueue<>() : new ArrayBlockingQueue<>(queueCapacity);
        AtomicInteger n = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, work, r -> {
            Thread t = new Thread(r, "bar-hashing-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        }, new ThreadPoolExecutor.AbortPolicy());
        this.admitted = threads + queueCapacity;
    }

    /** How many may run at once. */
    public int threads() {
        return pool.getMaximumPoolSize();
    }

    /** How many may run or wait at once before the next is refused. */
    public int admitted() {
        return admitted;
    }

    /**
     * Runs {@code work} on the pool and waits for its result.
     *
     * @throws BarProblem.Unavailable when the pool and its queue are full (503 with {@code Retry-After})
     */
    public <T> T run(Callable<T> work) {
        Future<T> future;
        try {
            future = pool.submit(work);
        } catch (RejectedExecutionException e) {
            throw busy();
        }
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(true);
            throw busy();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException("password hashing failed", e.getCause());
        }
    }

    /**
     * Runs {@code work} on the pool without waiting (registration answers before it hashes).
     *
     * @throws BarProblem.Unavailable when the pool and its queue are full
     */
    public void submit(Runnable work) {
        try {
            pool.execute(work);
        } catch (RejectedExecutionException e) {
            throw busy();
        }
    }

    private BarProblem.Unavailable busy() {
        return new BarProblem.Unavailable(ProblemCodes.SERVER_BUSY, "Too many password checks are being processed; retry after the number of "
                + "seconds in Retry-After.", RETRY_AFTER, refusalHold);
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
