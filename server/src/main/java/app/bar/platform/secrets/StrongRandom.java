package app.bar.platform.secrets;

import java.security.DrbgParameters;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/**
 * The server's CSPRNG for keys, tokens, ids that must not be guessed, salts and codes: the JDK's
 * NIST SP 800-90A DRBG (Hash_DRBG, SHA-256, 256-bit strength), each instance seeded from the
 * operating system's entropy when it is made, one instance per stripe.
 *
 * <p>Why not {@code new SecureRandom()}: on Linux that is {@code NativePRNG}, and every instance
 * reads through one static {@code RandomIO} guarded by one lock, so under load every request that
 * draws a token waits for every other (issue 12: monitor waits on
 * {@code sun.security.provider.NativePRNG} in a JFR recording of the round-trip benchmark). Each
 * DRBG instance is thread-safe with its own lock; {@value #STRIPES} of them, picked by the
 * current thread, spread the draws. Hand-written only as glue: the generator is the JDK's. A
 * per-thread instance ({@code ThreadLocal}) would seed a new DRBG for every virtual thread.
 */
public final class StrongRandom {

    static final int STRIPES = 16;
    private static final SecureRandom[] RANDOMS = new SecureRandom[STRIPES];

    static {
        for (int i = 0; i < STRIPES; i++) {
            RANDOMS[i] = newDrbg();
        }
    }

    private StrongRandom() {
    }

    /** The generator for the calling thread: thread-safe, so it may be shared freely. */
    public static SecureRandom current() {
        return RANDOMS[(int) (Thread.currentThread().getId() & (STRIPES - 1))];
    }

    /** Fills {@code bytes} with random bytes. */
    public static void nextBytes(byte[] bytes) {
        current().nextBytes(bytes);
    }

    static SecureRandom newDrbg() {
        try {
            return SecureRandom.getInstance("DRBG",
                    DrbgParameters.instantiation(256, DrbgParameters.Capability.RESEED_ONLY, null));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK's DRBG is missing", e);
        }
    }
}
