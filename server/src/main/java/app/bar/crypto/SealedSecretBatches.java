package app.bar.crypto;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The loop of a {@link RewrapParticipant} over rows holding one {@link SealedSecret} each: read
 * the rows not under the newest master key in batches, re-seal each, store it with the caller's
 * conditional update, and skip (and count) a row that fails, so one bad row never stops the rest.
 */
public final class SealedSecretBatches {

    private static final Logger log = LoggerFactory.getLogger(SealedSecretBatches.class);
    private static final int BATCH = 500;

    /** How a participant reads, re-seals and writes its rows. */
    public interface Rows<R> {
        /** Up to {@code limit} rows whose secret is not under {@code newestKid}. */
        List<R> notUnder(String newestKid, int limit);

        /** The row's key (a failed row is skipped by it). */
        String key(R row);

        /** The row's secret sealed under the newest key ({@link MasterKeySeal#rewrap}). */
        Optional<SealedSecret> reseal(R row);

        /** Stores the re-sealed value if the row still holds the one read; true when stored. */
        boolean update(R row, SealedSecret next);
    }

    private SealedSecretBatches() {
    }

    /** Moves every row's secret to {@code newestKid}; {@code what} names them in the log. */
    public static <R> RewrapParticipant.Result rewrap(String newestKid, Rows<R> rows, String what) {
        Set<String> skipped = new HashSet<>();
        int moved = 0;
        List<R> batch;
        while (!(batch = rows.notUnder(newestKid, BATCH + skipped.size())).isEmpty()
                && !batch.stream().allMatch(row -> skipped.contains(rows.key(row)))) {
            for (R row : batch) {
                if (skipped.contains(rows.key(row))) {
                    continue;
                }
                try {
                    Optional<SealedSecret> next = rows.reseal(row);
                    if (next.isPresent() && rows.update(row, next.get())) {
                        moved++;
                    }
                } catch (RuntimeException e) {
                    skipped.add(rows.key(row));
                    log.error("rewrap.failed what={} error={}", what, e.getClass().getSimpleName());
                }
            }
        }
        return new RewrapParticipant.Result(moved, skipped.size());
    }
}
