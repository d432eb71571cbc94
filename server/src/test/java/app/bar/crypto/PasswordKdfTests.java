package app.bar.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.bar.platform.error.BarProblem;
import app.bar.platform.secrets.KeyRingSpec;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class PasswordKdfTests {

    private static CryptoProperties properties(int concurrency, Duration wait) {
        return new CryptoProperties(KeyRingSpec.generateEntry("k", 32), 19456, 2, 1, concurrency, wait);
    }

    @Test
    void deriveWhenSamePasswordAndParamsThenSameKey() {
        PasswordKdf kdf = new PasswordKdf(properties(2, Duration.ofSeconds(5)));
        KdfParams params = kdf.newParams();
        assertThat(kdf.derive("pw".toCharArray(), params)).isEqualTo(kdf.derive("pw".toCharArray(), params));
        assertThat(kdf.derive("pW".toCharArray(), params)).isNotEqualTo(kdf.derive("pw".toCharArray(), params));
    }

    @Test
    void newParamsWhenCalledThenOwaspMinimumAndFreshSalt() {
        PasswordKdf kdf = new PasswordKdf(properties(2, Duration.ofSeconds(5)));
        KdfParams a = kdf.newParams();
        assertThat(a.encode()).startsWith("argon2id$m=19456,t=2,p=1$");
        assertThat(a.salt()).isNotEqualTo(kdf.newParams().salt());
        assertThat(KdfParams.decode(a.encode())).isEqualTo(a);
    }

    @Test
    void deriveWhenAllSlotsBusyPastTimeoutThen503() throws Exception {
        PasswordKdf kdf = new PasswordKdf(properties(1, Duration.ofMillis(1)));
        KdfParams slow = new KdfParams(19456 * 8, 10, 1, kdf.newParams().salt());
        CountDownLatch started = new CountDownLatch(1);
        Thread busy = new Thread(() -> {
            started.countDown();
            kdf.derive("x".toCharArray(), slow);
        });
        busy.start();
        started.await();
        Thread.sleep(50);
        assertThatThrownBy(() -> kdf.derive("y".toCharArray(), kdf.newParams()))
                .isInstanceOf(BarProblem.Unavailable.class);
        busy.join();
    }
}
