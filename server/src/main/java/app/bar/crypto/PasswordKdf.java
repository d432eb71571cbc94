package app.bar.crypto;

import app.bar.platform.error.BarProblem;
import app.bar.platform.error.ProblemCodes;
import app.bar.platform.secrets.SecretBytes;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.springframework.stereotype.Component;

/**
 * Argon2id (BouncyCastle; Spring Security's encoder hashes, it does not derive keys) turning a
 * share password into a 256-bit key. Derivations are deliberately slow, so at most
 * {@code kdfConcurrency} run at once; a request that waits longer than {@code kdfQueueTimeout}
 * for a slot is answered 503, so a flood of password guesses cannot starve other requests.
 */
@Component
public final class PasswordKdf {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final CryptoProperties properties;
    private final Semaphore slots;
    private final Duration queueTimeout;

    PasswordKdf(CryptoProperties properties) {
        this.properties = properties;
        this.slots = new Semaphore(properties.kdfConcurrency(), true);
        this.queueTimeout = properties.kdfQueueTimeout();
    }

    /** Fresh parameters with a random 128-bit salt, at the configured cost. */
    public KdfParams newParams() {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return new KdfParams(properties.argon2MemoryKib(), properties.argon2Iterations(), properties.argon2Parallelism(),
                Base64.getUrlEncoder().withoutPadding().encodeToString(salt));
    }

    public SecretBytes derive(char[] password, KdfParams params) {
        acquire();
        try {
            Argon2Parameters p = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                    .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                    .withSalt(params.saltBytes())
                    .withMemoryAsKB(params.memoryKib())
                    .withIterations(params.iterations())
                    .withParallelism(params.parallelism())
                    .build();
            Argon2BytesGenerator generator = new Argon2BytesGenerator();
            generator.init(p);
            byte[] out = new byte[32];
            generator.generateBytes(password, out);
            SecretBytes key = SecretBytes.copyOf(out);
            java.util.Arrays.fill(out, (byte) 0);
            return key;
        } finally {
            slots.release();
        }
    }

    private void acquire() {
        try {
            if (!slots.tryAcquire(queueTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new BarProblem.Unavailable(ProblemCodes.SERVER_BUSY,
                        "Too many password checks are running; try again shortly.",
                        Duration.ofSeconds(2));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BarProblem.Unavailable(ProblemCodes.SERVER_UNAVAILABLE,
                    "The server is shutting down.", Duration.ofSeconds(2));
        }
    }
}
