package app.bar.crypto;

import app.bar.platform.hashing.HashingPool;
import app.bar.platform.secrets.SecretBytes;
import app.bar.platform.secrets.StrongRandom;
import java.util.Base64;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.springframework.stereotype.Component;

/**
 * Argon2id (BouncyCastle; Spring Security's encoder hashes, it does not derive keys) turning a
 * share password into a 256-bit key. Derivations are deliberately slow, so they run on the
 * platform's {@link HashingPool}, shared with the account password hashes: a flood of password
 * guesses is answered 503 past the pool's queue and cannot starve other requests.
 */
@Component
public final class PasswordKdf {

    private final CryptoProperties properties;
    private final HashingPool pool;

    PasswordKdf(CryptoProperties properties, HashingPool pool) {
        this.properties = properties;
        this.pool = pool;
    }

    /** Fresh parameters with a random 128-bit salt, at the configured cost. */
    public KdfParams newParams() {
        byte[] salt = new byte[16];
        StrongRandom.current().nextBytes(salt);
        return new KdfParams(properties.argon2MemoryKib(), properties.argon2Iterations(), properties.argon2Parallelism(),
                Base64.getUrlEncoder().withoutPadding().encodeToString(salt));
    }

    public SecretBytes derive(char[] password, KdfParams params) {
        return pool.run(() -> compute(password, params));
    }

    private static SecretBytes compute(char[] password, KdfParams params) {
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
    }
}
