package app.bar.platform.error;

import app.bar.platform.web.RequestIds;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Sends a refusal's answer after its {@linkplain BarProblem.Unavailable#hold() hold} without a
 * request thread waiting: the request is put in the Servlet API's asynchronous mode, its thread
 * goes back to the container, and one timer thread writes the problem when the hold is over.
 *
 * <p>Why (issue 12): 64 clients signing in as fast as they are answered got 1,500–1,850 refusals
 * a second from a full hashing pool, each through the whole filter chain, on the cores the other
 * requests need. Held for a second, each of those clients sends about one a second. At most
 * {@value #MAX_HELD} answers are held at once; past that a refusal is answered at once, so the
 * held connections stay a bounded part of the container's. Glue written by hand: the container
 * holds the connection, nothing here but the timer and the bound.
 */
@Component
public final class HeldAnswers implements DisposableBean {

    /** A request attribute set while its answer is held: the access line is written when the hold begins. */
    public static final String HELD = HeldAnswers.class.getName() + ".HELD";

    static final int MAX_HELD = 4096;
    /**
     * The shortest hold; a shorter one is answered at once. The timer writes the answer from its
     * own thread, which must not happen while the request's thread still returns through the
     * filters (they set headers on the same response): a tenth of a second is far beyond that.
     */
    public static final Duration SHORTEST_HOLD = Duration.ofMillis(100);
    /** How long past its hold a held answer may wait for the timer before the container gives up on it. */
    private static final long TIMEOUT_MARGIN_MILLIS = 30_000;

    private final ProblemWriter writer;
    private final Semaphore places = new Semaphore(MAX_HELD);
    private final Set<Answer> pending = ConcurrentHashMap.newKeySet();
    private final ScheduledThreadPoolExecutor timer;

    HeldAnswers(ProblemWriter writer) {
        this.writer = writer;
        this.timer = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "bar-held-answers");
            t.setDaemon(true);
            return t;
        });
        timer.setRemoveOnCancelPolicy(true);
    }

    /**
     * Holds {@code problem}'s answer for its hold, or returns false (the caller answers at once):
     * no hold or one below {@link #SHORTEST_HOLD}, a request that cannot go asynchronous, or
     * {@value #MAX_HELD} already held.
     */
    boolean hold(HttpServletRequest request, HttpServletResponse response, BarProblem.Unavailable problem) {
        Duration hold = problem.hold();
        if (hold.compareTo(SHORTEST_HOLD) < 0 || !request.isAsyncSupported() || request.isAsyncStarted() || !places.tryAcquire()) {
            return false;
        }
        String requestId = RequestIds.current();
        response.setStatus(problem.status().value()); // the access line, written as the thread returns, says 503
        request.setAttribute(HELD, Boolean.TRUE);
        AsyncContext async;
        try {
            async = request.startAsync(request, response);
        } catch (IllegalStateException e) {
            request.removeAttribute(HELD);
            places.release();
            return false;
        }
        async.setTimeout(hold.toMillis() + TIMEOUT_MARGIN_MILLIS);
        Answer answer = new Answer(async, problem, requestId);
        pending.add(answer);
        async.addListener(answer);
        try {
            timer.schedule(answer, hold.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) { // shutting down: answer now
            answer.run();
        }
        return true;
    }

    /** How many answers are held now. */
    public int held() {
        return MAX_HELD - places.availablePermits();
    }

    /** Shutting down: the answers still held are sent now. */
    @Override
    public void destroy() {
        timer.shutdownNow();
        pending.forEach(Answer::run);
    }

    /** The held answer: written once, by the timer, or when the container times it out or the client goes. */
    private final class Answer implements Runnable, AsyncListener {
        private final AsyncContext async;
        private final BarProblem problem;
        private final String requestId;
        private final AtomicBoolean sent = new AtomicBoolean();

        Answer(AsyncContext async, BarProblem problem, String requestId) {
            this.async = async;
            this.problem = problem;
            this.requestId = requestId;
        }

        @Override
        public void run() {
            if (!sent.compareAndSet(false, true)) {
                return;
            }
            pending.remove(this);
            try {
                writer.write((HttpServletResponse) async.getResponse(), problem, requestId);
            } catch (IOException | RuntimeException e) {
                // the client went away while it was held: nobody to answer
            } finally {
                places.release();
                try {
                    async.complete();
                } catch (IllegalStateException e) {
                    // already completed by the container (its error or timeout)
                }
            }
        }

        @Override
        public void onTimeout(AsyncEvent event) {
            run();
        }

        @Override
        public void onError(AsyncEvent event) {
            run();
        }

        @Override
        public void onComplete(AsyncEvent event) {
            if (sent.compareAndSet(false, true)) { // completed by the container before the timer came
                pending.remove(this);
                places.release();
            }
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
            // not restarted
        }
    }
}
