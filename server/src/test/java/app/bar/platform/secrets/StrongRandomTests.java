package app.bar.platform.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.DrbgParameters;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class StrongRandomTests {

    @Test
    void currentWhenAskedThenTheJdksDrbgAt256BitsNotTheNativePrngWithItsGlobalLock() {
        assertThat(StrongRandom.current().getAlgorithm()).isEqualTo("DRBG");
        DrbgParameters.Instantiation parameters = (DrbgParameters.Instantiation) StrongRandom.current().getParameters();
        assertThat(parameters.getStrength()).isEqualTo(256);
    }

    @Test
    void currentWhenManyThreadsDrawThenThreadsSpreadOverSeveralGenerators() throws InterruptedException {
        Set<Object> generators = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(StrongRandom.STRIPES);
        try {
            for (int i = 0; i < StrongRandom.STRIPES * 4; i++) {
                pool.execute(() -> generators.add(StrongRandom.current()));
            }
        } finally {
            pool.shutdown();
            assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(generators).hasSizeGreaterThan(1);
    }

    @Test
    void nextBytesWhenDrawnConcurrentlyThenNoValueRepeats() throws InterruptedException {
        Set<String> seen = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (int i = 0; i < 8; i++) {
                pool.execute(() -> {
                    for (int j = 0; j < 2_000; j++) {
                        byte[] b = new byte[16];
                        StrongRandom.nextBytes(b);
                        seen.add(OpaqueTokens.base64Url(b));
                    }
                });
            }
        } finally {
            pool.shutdown();
            assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(seen).hasSize(16_000);
    }

    @Test
    void newDrbgWhenTwoInstancesThenTheyDoNotRepeatEachOther() {
        Set<String> firsts = new HashSet<>();
        for (int i = 0; i < 8; i++) {
            byte[] b = new byte[32];
            StrongRandom.newDrbg().nextBytes(b);
            firsts.add(OpaqueTokens.base64Url(b));
        }
        assertThat(firsts).hasSize(8);
    }
}
