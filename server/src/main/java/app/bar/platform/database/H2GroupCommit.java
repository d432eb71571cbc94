package app.bar.platform.database;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.h2.mvstore.MVStore;

/**
 * A group commit over one embedded H2 database's MVStore (issue 12). Written by hand: H2 has none.
 *
 * <p>H2 makes a commit durable only by writing a whole chunk of the store; with {@code WRITE_DELAY=0}
 * every transaction writes its own, one after the other, and that was the round trip's ceiling
 * (about 2,900 commits/s on two cores, {@code bench/H2Commits.java}). Here H2's transactions commit
 * in memory only (see the constructor), and each writing commit then calls {@link #awaitDurable()}:
 * one caller at a time (the leader) writes a chunk holding everything committed before it started,
 * and everyone who committed before that start returns with it. Whoever committed while it was
 * writing waits for the next chunk, written by one of them.
 *
 * <p>Why a chunk written by {@link MVStore#commit()} holds all earlier commits: it stores every map
 * changed since the last stored version, synchronously. When it finds nothing left to store, another
 * thread (H2's background writer, or a statement's {@code tryCommit} when unsaved memory grows) has
 * already taken those changes into a chunk it may still be writing on H2's single-threaded
 * serialization and save executors; flushing both executors (H2's own
 * {@code FileStore.executeFileStoreOperation}) waits for that write. Data reaches the file (the
 * operating system's cache), which is what survives {@code kill -9} — as H2's {@code WRITE_DELAY=0}
 * did, no more (no {@code fsync} per commit).
 */
final class H2GroupCommit {

    private static final Map<MVStore, H2GroupCommit> BY_STORE = new IdentityHashMap<>();

    private final MVStore store;
    private final ReentrantLock lock = new ReentrantLock();   // not synchronized: virtual threads stay unpinned
    private final Condition written = lock.newCondition();
    private long requested;   // tickets handed out, one per writing commit
    private long stored;      // every ticket up to this one is on disk
    private boolean writing;
    private long chunks;

    private H2GroupCommit(MVStore store) {
        this.store = store;
        // From here on only the group commit writes (and H2 itself when unsaved changes pile up, see
        // MVStore.beforeWrite). H2 clamps WRITE_DELAY to 0 or more, and 0 makes every transaction
        // write its own chunk again; the MVStore's own setting takes -1, which means: no write per
        // transaction (TransactionStore.endTransaction writes only at exactly 0), and no background
        // writer, whose serialization and save threads would put two thread hand-offs into every
        // write — on two busy cores each hand-off waited milliseconds for a core (measured: 175
        // round trips/s with them, bench/README.md). Every write then runs on the thread asking for it.
        store.setAutoCommitDelay(-1);
    }

    /**
     * The one group commit of this store (two data sources over one database share it). Called once
     * per new pooled connection; forgets the stores closed since (a test JVM opens many).
     */
    static H2GroupCommit of(MVStore store) {
        synchronized (BY_STORE) {
            BY_STORE.keySet().removeIf(MVStore::isClosed);
            return BY_STORE.computeIfAbsent(store, H2GroupCommit::new);
        }
    }

    /**
     * Returns once everything this thread committed before the call is written to the file.
     * Uninterruptible: an interrupted caller must not take an unwritten commit for a written one (the
     * interrupt is kept for it, as {@link Condition#awaitUninterruptibly()} does). Throws H2's
     * exception when the write fails: H2 then closes the store, and every later caller gets its
     * panic exception from {@code MVStore.commit()} too, so none returns as if written.
     */
    void awaitDurable() {
        long target;
        lock.lock();
        try {
            long mine = ++requested;
            while (writing && stored < mine) {
                written.awaitUninterruptibly();
            }
            if (stored >= mine) {
                return;
            }
            writing = true;
            target = requested;   // every ticket so far was taken after its commit: this chunk holds them
        } finally {
            lock.unlock();
        }
        // H2 ignores an interrupt while it waits for its executors and would return before the write:
        // the leader writes with its interrupt cleared, and gets it back afterwards.
        boolean interrupted = Thread.interrupted();
        boolean ok = false;
        try {
            store.commit();
            store.getFileStore().executeFileStoreOperation(() -> { });
            ok = true;
        } finally {
            lock.lock();
            try {
                if (ok) {
                    stored = Math.max(stored, target);
                    chunks++;
                }
                writing = false;
                written.signalAll();
            } finally {
                lock.unlock();
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Leaders' writes so far, each one chunk unless H2 had written everything already (for tests). */
    long leaderWrites() {
        lock.lock();
        try {
            return chunks;
        } finally {
            lock.unlock();
        }
    }
}
