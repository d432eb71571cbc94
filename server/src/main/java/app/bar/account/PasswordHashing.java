package app.bar.account;

import app.bar.platform.error.BarProblem;
import app.bar.platform.error.ProblemCodes;
import app.bar.platform.secrets.OpaqueTokens;
import app.bar.platform.secrets.Password;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Argon2id (ASVS 11.4.2, OWASP Password Storage cheat sheet) with the configured cost, run on
 * a small bounded pool: a flood of logins waits in a short queue and past it is answered 503
 * with {@code Retry-After}, so it can neither starve the request threads nor exhaust memory
 * (each running hash holds {@code memoryKib}). Spring's {@code defaultsForSpringSecurity_v5_8}
 * uses 16 MiB, below OWASP's minimum, so the encoder is built from configuration.
 */
@Component
class PasswordHashing implements DisposableBean {

    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final Duration RETRY_AFTER = Duration.ofSeconds(2);

    private final Argon2PasswordEncoder encoder;
    private final String currentParameters;
    private final ThreadPoolExecutor pool;
    private final String dummyHash;
    private final int admitted;

    PasswordHashing(AccountProperties properties) {
        AccountProperties.Argon2 a = properties.argon2();
        this.encoder = new Argon2PasswordEncoder(SALT_BYTES, HASH_BYTES, a.parallelism(), a.memoryKib(), a.iterations());
        this.currentParameters = "$argon2id$v=19$m=" + a.memoryKib() + ",t=" + a.iterations() + ",p=" + a.parallelism() + "$";
        int threads = properties.hashing().effectiveThreads();
        int queue = properties.hashing().queueCapacity();
        BlockingQueue<Runnable> work = queue == 0 ? new SynchronousQueue<>() : new ArrayBlockingQueue<>(queue);
        AtomicInteger n = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, work, r -> {
            Thread t = new Thread(r, "bar-hashing-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        }, new ThreadPoolExecutor.AbortPolicy());
        this.admitted = threads + queue;
        // a real hash of a random password: unknown accounts are checked against it, in the same time
        this.dummyHash = encoder.encode(OpaqueTokens.newSecret());
    }

    /** How many hashes may run or wait at once before the next is refused. */
    int admitted() {
        return admitted;
    }

    String hash(Password password) {
        return run(() -> encoder.encode(password.asCharSequence()));
    }

    /** Hashes on the calling thread: only for work already running on the pool ({@link #submit}). */
    String hashHere(Password password) {
        return encoder.encode(password.asCharSequence());
    }

    boolean matches(Password password, String hash) {
        return run(() -> encoder.matches(password.asCharSequence(), hash));
    }

    /** The work of {@link #matches} for an account that does not exist; always false. */
    void matchDummy(Password password) {
        run(() -> encoder.matches(password.asCharSequence(), dummyHash));
    }

    /** True when the hash was made with other parameters than the configured ones. */
    boolean needsRehash(String hash) {
        return !hash.startsWith(currentParameters);
    }

    /** Runs {@code work} on the pool without waiting (registration answers before it hashes). */
    void submit(Runnable work) {
        try {
            pool.execute(work);
        } catch (RejectedExecutionException e) {
            throw busy();
        }
    }

    private <T> T run(Callable<T> work) {
        Future<T> future;
        try {
            future = pool.submit(work);
        } catch (RejectedExecutionException e) {
            throw busy();
        }
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(true);
            throw busy();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException("password hashing failed", e.getCause());
        }
    }

    private static BarProblem.Unavailable busy() {
        return new BarProblem.Unavailable(ProblemCodes.SERVER_BUSY,
                "Too many sign-ins are being processed; retry after the number of seconds "
                + "in Retry-After.", RETRY_AFTER);
    }

    @Override
    public void destroy() {
        pool.shutdownNow();
    }
}
