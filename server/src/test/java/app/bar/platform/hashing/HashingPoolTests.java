package app.bar.platform.hashing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.bar.platform.error.BarProblem;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HashingPoolTests {

    private final HashingPool pool = new HashingPool(2, 8);

    @AfterEach
    void close() {
        pool.close();
    }

    @Test
    void submitWhenMoreWorkThanThreadsThenNeverMoreThanThreadsAtOnce() throws InterruptedException {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        CountDownLatch twoStarted = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(pool.admitted());
        for (int i = 0; i < pool.admitted(); i++) {
            pool.submit(() -> {
                most.accumulateAndGet(running.incrementAndGet(), Math::max);
                twoStarted.countDown();
                await(release);
                running.decrementAndGet();
                done.countDown();
            });
        }
        assertThat(twoStarted.await(30, TimeUnit.SECONDS)).isTrue();

        assertThatThrownBy(() -> pool.run(() -> "one too many"))
                .isInstanceOfSatisfying(BarProblem.Unavailable.class, e -> assertThat(e.retryAfterSeconds()).isPositive());
        release.countDown();
        assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(most.get()).isEqualTo(2);
        assertThat(pool.run(() -> "room again")).isEqualTo("room again");
    }

    @Test
    void refusalWhenFullThenCarriesThePoolsHold() {
        try (HashingPool held = new HashingPool(1, 0, Duration.ofMillis(1500))) {
            CountDownLatch release = new CountDownLatch(1);
            held.submit(() -> await(release));
            try {
                assertThatThrownBy(() -> held.run(() -> "one too many")).isInstanceOfSatisfying(BarProblem.Unavailable.class,
                        e -> assertThat(e.hold()).isEqualTo(Duration.ofMillis(1500)));
            } finally {
                release.countDown();
            }
        }
    }

    @Test
    void constructWhenHoldLongerThanRetryAfterThenRefused() {
        assertThatThrownBy(() -> new HashingPool(1, 0, Duration.ofSeconds(3))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void admittedWhenConfiguredThenThreadsPlusQueue() {
        assertThat(pool.admitted()).isEqualTo(10);
        assertThat(pool.threads()).isEqualTo(2);
    }

    @Test
    void runWhenWorkThrowsThenSameExceptionForTheCaller() {
        assertThatThrownBy(() -> pool.run(() -> {
            throw new IllegalArgumentException("bad input");
        })).isInstanceOf(IllegalArgumentException.class).hasMessage("bad input");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
