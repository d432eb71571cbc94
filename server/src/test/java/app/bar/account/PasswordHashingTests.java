package app.bar.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.bar.platform.error.BarProblem;
import app.bar.platform.hashing.FullPool;
import app.bar.platform.secrets.Password;
import app.bar.platform.hashing.HashingPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

class PasswordHashingTests {

    private final HashingPool pool = new HashingPool(1, 4);

    @AfterEach
    void closePool() {
        pool.close();
    }

    @Test
    void hashWhenDefaultsThenArgon2idAtOwaspMinimum() {
        // ASVS 11.4.2: m = 19456 KiB, t = 2, p = 1
        PasswordHashing hashing = new PasswordHashing(PasswordPolicyTests.DEFAULTS, pool);
        String hash = hashing.hash(Password.of("Plover quartz lantern 47"));
        assertThat(hash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
        assertThat(hashing.matches(Password.of("Plover quartz lantern 47"), hash)).isTrue();
        assertThat(hashing.matches(Password.of("plover quartz lantern 47"), hash)).isFalse();
    }

    @Test
    void needsRehashWhenParametersDifferThenTrue() {
        PasswordHashing hashing = new PasswordHashing(PasswordPolicyTests.DEFAULTS, pool);
        assertThat(hashing.needsRehash(new Argon2PasswordEncoder(16, 32, 1, 19456, 3).encode("x"))).isTrue();
        assertThat(hashing.needsRehash(Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8().encode("x"))).isTrue();
        assertThat(hashing.needsRehash(hashing.hash(Password.of("x")))).isFalse();
    }

    @Test
    void matchesWhenPoolAndQueueFullThenUnavailableWithRetryAfter() throws Exception {
        // a login flood is refused with 503 + Retry-After instead of queueing without bound
        PasswordHashing hashing = new PasswordHashing(PasswordPolicyTests.DEFAULTS, pool); // 1 thread, queue 4
        try (FullPool full = FullPool.fill(pool)) {
            assertThatThrownBy(() -> hashing.matches(Password.of("x"), "y"))
                    .isInstanceOfSatisfying(BarProblem.Unavailable.class, e -> assertThat(e.retryAfterSeconds()).isPositive());
        }
    }
}
