package app.bar.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.bar.platform.error.BarProblem;
import app.bar.platform.hashing.FullPool;
import app.bar.platform.hashing.HashingPool;
import app.bar.platform.secrets.KeyRingSpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PasswordKdfTests {

    private final HashingPool pool = new HashingPool(1, 1);
    private final PasswordKdf kdf = new PasswordKdf(
            new CryptoProperties(KeyRingSpec.generateEntry("k", 32), 19456, 2, 1), pool);

    @AfterEach
    void closePool() {
        pool.close();
    }

    @Test
    void deriveWhenSamePasswordAndParamsThenSameKey() {
        KdfParams params = kdf.newParams();
        assertThat(kdf.derive("pw".toCharArray(), params)).isEqualTo(kdf.derive("pw".toCharArray(), params));
        assertThat(kdf.derive("pW".toCharArray(), params)).isNotEqualTo(kdf.derive("pw".toCharArray(), params));
    }

    @Test
    void newParamsWhenCalledThenOwaspMinimumAndFreshSalt() {
        KdfParams a = kdf.newParams();
        assertThat(a.encode()).startsWith("argon2id$m=19456,t=2,p=1$");
        assertThat(a.salt()).isNotEqualTo(kdf.newParams().salt());
        assertThat(KdfParams.decode(a.encode())).isEqualTo(a);
    }

    @Test
    void deriveWhenSharedPoolBusyWithOtherWorkThen503() {
        // one pool for every Argon2id: while other work (account hashes) holds its thread and queue, no derivation starts
        try (FullPool full = FullPool.fill(pool)) {
            assertThatThrownBy(() -> kdf.derive("y".toCharArray(), kdf.newParams()))
                    .isInstanceOf(BarProblem.Unavailable.class);
        }
    }
}
