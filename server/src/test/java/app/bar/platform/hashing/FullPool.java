package app.bar.platform.hashing;

import app.bar.platform.error.BarProblem;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Holds every place of a {@link HashingPool} (its threads and its queue) with waiting work until
 * closed. Work already on the pool (a registration hashes after it answered) is waited out first.
 */
public final class FullPool implements AutoCloseable {

    private final CountDownLatch release = new CountDownLatch(1);
    private final CountDownLatch done;

    private FullPool(HashingPool pool) {
        done = new CountDownLatch(pool.admitted());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        for (int i = 0; i < pool.admitted(); i++) {
            while (!take(pool)) {
                if (System.nanoTime() - deadline > 0) {
                    release.countDown();
                    throw new IllegalStateException("the hashing pool stayed busy");
                }
                sleep();
            }
        }
    }

    public static FullPool fill(HashingPool pool) {
        return new FullPool(pool);
    }

    /** Returns once no earlier work is left on the pool. */
    public static void awaitIdle(HashingPool pool) {
        fill(pool).close();
    }

    private boolean take(HashingPool pool) {
        try {
            pool.submit(() -> {
                await(release);
                done.countDown();
            });
            return true;
        } catch (BarProblem.Unavailable busy) {
            return false;
        }
    }

    /** Lets the held work finish and waits until it has, so the pool has room again. */
    @Override
    public void close() {
        release.countDown();
        await(done);
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the held hashing work did not finish");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
