package app.bar.platform.streams;

import app.bar.platform.error.BarProblem;
import app.bar.platform.error.ProblemCodes;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The bound on content streams running at once (issue 11 item 1). Each upload or download of a
 * file holds a few hundred KiB of cipher and I/O buffers for as long as it runs, and a slow
 * client keeps it running: without a bound, enough of them exhaust the heap and every stream
 * then dies with {@code OutOfMemoryError}. A stream takes a slot <em>before</em> it spends
 * anything (a view, an upload attempt); when none is free it is refused at once with {@code 503
 * server.busy} and {@code Retry-After} — a refused download keeps its view. A plain
 * {@link Semaphore} without waiting: a queue would only hold request threads.
 *
 * <p>Meters: {@code bar.streams.active} (gauge), {@code bar.streams.refused} (counter).
 */
public final class StreamSlots {

    /** Heap a stream may use in the bound's arithmetic: measured ~0.2–0.5 MiB, with room for the rest of the request. */
    static final long BUDGET_PER_STREAM = 5L * 1024 * 1024;

    private final Semaphore slots;
    private final int bound;
    private final Duration retryAfter;
    private final Counter refused;

    public StreamSlots(int bound, Duration retryAfter, MeterRegistry meters) {
        if (bound < 1) {
            throw new IllegalArgumentException("the stream bound must be at least 1, was " + bound);
        }
        this.bound = bound;
        this.slots = new Semaphore(bound);
        this.retryAfter = retryAfter;
        this.refused = meters.counter("bar.streams.refused");
        meters.gauge("bar.streams.active", this, StreamSlots::active);
    }

    /**
     * The bound for a heap of {@code maxHeapBytes}: half of it for streams at
     * {@link #BUDGET_PER_STREAM} each, the other half for everything else (12 at {@code -Xmx128m}).
     */
    public static int boundFor(long maxHeapBytes) {
        return (int) Math.max(1, Math.min(10_000, maxHeapBytes / 2 / BUDGET_PER_STREAM));
    }

    /**
     * Takes a slot, to be closed when the stream has ended (a second close does nothing).
     *
     * @throws BarProblem.Unavailable {@code 503 server.busy} when all slots are taken
     */
    public Slot acquire() {
        if (!slots.tryAcquire()) {
            refused.increment();
            throw new BarProblem.Unavailable(ProblemCodes.SERVER_BUSY,
                    "Too many uploads and downloads are running; try again in a moment.", retryAfter);
        }
        return new Slot(slots);
    }

    public int bound() {
        return bound;
    }

    public int active() {
        return bound - slots.availablePermits();
    }

    /** A taken slot; closing it gives it back once. */
    public static final class Slot implements AutoCloseable {
        private final Semaphore slots;
        private final AtomicBoolean released = new AtomicBoolean();

        private Slot(Semaphore slots) {
            this.slots = slots;
        }

        @Override
        public void close() {
            if (released.compareAndSet(false, true)) {
                slots.release();
            }
        }
    }
}
