package app.bar.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class EventListenerExecutorTests {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @Test
    void stopWhenListenersQueuedThenEachFinishesBeforeStopReturns() {
        EventListenerExecutor executor = new EventListenerExecutor(properties(1, 100, false), meters);
        AtomicInteger done = new AtomicInteger();
        for (int i = 0; i < 5; i++) {
            executor.executor().execute(() -> {
                sleep(50);
                done.incrementAndGet();
            });
        }
        executor.stop();
        assertThat(done).hasValue(5);
        executor.destroy();
    }

    @Test
    void startWhenStoppedBeforeThenListenersRunAgain() {
        EventListenerExecutor executor = new EventListenerExecutor(properties(1, 100, false), meters);
        executor.stop(); // a paused context
        executor.start();
        CountDownLatch ran = new CountDownLatch(1);
        executor.executor().execute(ran::countDown);
        await().atMost(Duration.ofSeconds(10)).until(() -> ran.getCount() == 0);
        executor.destroy();
    }

    @Test
    void executeWhenQueueFullThenDeferredToTheRegistryWithoutThrowing() {
        EventListenerExecutor executor = new EventListenerExecutor(properties(1, 1, false), meters);
        CountDownLatch release = new CountDownLatch(1);
        executor.executor().execute(() -> waitFor(release)); // the one thread
        executor.executor().execute(() -> { }); // the one queue slot
        executor.executor().execute(() -> { }); // no room: the request that committed must not fail
        assertThat(meters.counter("bar.events.deferred").count()).isEqualTo(1.0);
        release.countDown();
        executor.destroy();
    }

    @Test
    void executeWhenHeldThenTheListenerNeverRuns() {
        EventListenerExecutor executor = new EventListenerExecutor(properties(1, 10, true), meters);
        AtomicInteger ran = new AtomicInteger();
        executor.executor().execute(ran::incrementAndGet);
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> ran.get() == 0);
    }

    private static EventProperties properties(int threads, int queue, boolean hold) {
        return new EventProperties(threads, queue, Duration.ofMinutes(2), Duration.ofSeconds(30), Duration.ofSeconds(10),
                hold);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis); // stands for a listener's work
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void waitFor(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
