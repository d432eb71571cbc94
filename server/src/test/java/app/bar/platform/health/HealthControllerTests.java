package app.bar.platform.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

/** {@code /readyz} answers within its budget whatever its checks do (issue 11 item 4). */
class HealthControllerTests {

    private final CountDownLatch never = new CountDownLatch(1);
    private HealthController controller;

    @AfterEach
    void release() {
        never.countDown();
        controller.destroy();
    }

    @Test
    void readyWhenEveryCheckPassesThenUp() {
        controller = new HealthController(List.of(check("database", () -> true), check("blobs", () -> true)));
        assertThat(controller.ready().getStatusCode().value()).isEqualTo(200);
        assertThat(controller.ready().getBody()).isEqualTo(HealthController.Health.UP);
    }

    @Test
    void readyWhenOneCheckFailsThenDown() {
        controller = new HealthController(List.of(check("database", () -> true), check("blobs", () -> {
            throw new IllegalStateException("unreachable");
        })));
        assertThat(controller.ready().getStatusCode().value()).isEqualTo(503);
    }

    @Test
    void readyWhenCheckHangsThenDownWithinTheBudget() {
        controller = new HealthController(List.of(check("database", this::hang), check("blobs", () -> true)));
        long start = System.nanoTime();
        ResponseEntity<HealthController.Health> answer = controller.ready();
        long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getBody()).isEqualTo(HealthController.Health.DOWN);
        assertThat(millis).isBetween(HealthController.BUDGET.toMillis() - 50, 1_000L);
    }

    @Test
    void readyWhenChecksAreSlowThenTheyRunInParallel() {
        // three checks of 500 ms each: one after the other they would pass the 800 ms budget
        controller = new HealthController(List.of(check("a", () -> sleep(500)), check("b", () -> sleep(500)),
                check("c", () -> sleep(500))));
        assertThat(controller.ready().getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void readyWhenEarlierProbesStillHangThenAnswersDownAtOnce() {
        controller = new HealthController(List.of(check("database", this::hang)), Duration.ofMillis(100));
        for (int i = 0; i < 4; i++) {
            controller.ready(); // four probes' checks still hang: the pool is full
        }
        long start = System.nanoTime();
        assertThat(controller.ready().getStatusCode().value()).isEqualTo(503);
        assertThat(Duration.ofNanos(System.nanoTime() - start).toMillis()).isLessThan(100);
    }

    private boolean hang() {
        try {
            never.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return true;
    }

    private static boolean sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return true;
    }

    private static ReadinessCheck check(String name, BooleanSupplier ready) {
        return new ReadinessCheck() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public boolean isReady() {
                return ready.getAsBoolean();
            }
        };
    }
}
