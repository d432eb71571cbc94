package app.bar.account;

import app.bar.platform.hashing.HashingPool;
import app.bar.platform.secrets.OpaqueTokens;
import app.bar.platform.secrets.Password;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Argon2id (ASVS 11.4.2, OWASP Password Storage cheat sheet) with the configured cost, run on
 * the platform's {@link HashingPool}, which it shares with the key derivation of share passwords:
 * a flood of logins waits in a short queue and past it is answered 503 with {@code Retry-After},
 * so it can neither starve the request threads nor exhaust memory (each running hash holds
 * {@code memoryKib}). Spring's {@code defaultsForSpringSecurity_v5_8} uses 16 MiB, below OWASP's
 * minimum, so the encoder is built from configuration.
 */
@Component
class PasswordHashing {

    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;

    private final Argon2PasswordEncoder encoder;
    private final String currentParameters;
    private final HashingPool pool;
    private final String dummyHash;

    PasswordHashing(AccountProperties properties, HashingPool pool) {
        AccountProperties.Argon2 a = properties.argon2();
        this.encoder = new Argon2PasswordEncoder(SALT_BYTES, HASH_BYTES, a.parallelism(), a.memoryKib(), a.iterations());
        this.currentParameters = "$argon2id$v=19$m=" + a.memoryKib() + ",t=" + a.iterations() + ",p=" + a.parallelism() + "$";
        this.pool = pool;
        // a real hash of a random password: unknown accounts are checked against it, in the same time
        this.dummyHash = encoder.encode(OpaqueTokens.newSecret());
    }

    String hash(Password password) {
        return pool.run(() -> encoder.encode(password.asCharSequence()));
    }

    /** Hashes on the calling thread: only for work already running on the pool ({@link #submit}). */
    String hashHere(Password password) {
        return encoder.encode(password.asCharSequence());
    }

    boolean matches(Password password, String hash) {
        return pool.run(() -> encoder.matches(password.asCharSequence(), hash));
    }

    /** The work of {@link #matches} for an account that does not exist; always false. */
    void matchDummy(Password password) {
        pool.run(() -> encoder.matches(password.asCharSequence(), dummyHash));
    }

    /** True when the hash was made with other parameters than the configured ones. */
    boolean needsRehash(String hash) {
        return !hash.startsWith(currentParameters);
    }

    /** Runs {@code work} on the pool without waiting (registration answers before it hashes). */
    void submit(Runnable work) {
        pool.submit(work);
    }
}
