package app.bar.share.lifecycle;

import app.bar.share.ShareId;
import app.bar.share.core.ShareRepository;
import app.bar.share.core.ShareRow;
import app.bar.share.core.ShareSecrets;
import app.bar.share.core.ShareSecretsStore;
import app.bar.storage.BlobId;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Moves the secrets of shares created before secrets blobs (wrapped key, KDF salt, verifier,
 * filename, inline content in the row) into a secrets blob, {@code batch} rows at a time: write
 * the blob, then one conditional update empties the row's columns if it still holds that key and
 * no blob — a lost race deletes the new blob. Safe on every node at once and to run twice. The
 * clean-up pass moves one batch per run; {@code rewrap} moves them all. What the database's files
 * and dumps kept of those rows before the move stays there: see docs/shares.md.
 */
@Component
class SecretsMigration {

    private static final Logger log = LoggerFactory.getLogger(SecretsMigration.class);
    static final int BATCH = 500;

    private final ShareRepository shares;
    private final ShareSecretsStore secrets;

    SecretsMigration(ShareRepository shares, ShareSecretsStore secrets) {
        this.shares = shares;
        this.secrets = secrets;
    }

    /** Moves up to {@link #BATCH} rows; returns how many moved and how many were tried. */
    Result moveBatch() {
        List<ShareId> ids = shares.idsWithSecretsInRow(BATCH);
        int moved = 0;
        int failed = 0;
        for (ShareId id : ids) {
            try {
                if (move(id)) {
                    moved++;
                }
            } catch (RuntimeException e) {
                failed++;
                log.warn("share.secrets_move_failed error={}", e.getClass().getSimpleName());
            }
        }
        if (moved + failed > 0) {
            log.info("share.secrets_moved moved={} failed={}", moved, failed);
        }
        return new Result(ids.size(), moved, failed);
    }

    /** Moves batches until none is left or a batch moves nothing (the rest keep failing). */
    Result moveAll() {
        int tried = 0;
        int moved = 0;
        int failed = 0;
        Result batch;
        do {
            batch = moveBatch();
            tried += batch.tried();
            moved += batch.moved();
            failed += batch.failed();
        } while (batch.tried() > 0 && batch.moved() > 0);
        return new Result(tried, moved, failed);
    }

    record Result(int tried, int moved, int failed) {
    }

    private boolean move(ShareId id) {
        Optional<ShareRow> found = shares.find(id);
        if (found.isEmpty() || found.get().content().secrets() != null || !found.get().keys().hasKey()) {
            return false;
        }
        ShareRow row = found.get();
        BlobId blob = secrets.write(ShareSecrets.of(row.keys(), row.content()));
        if (shares.moveSecretsToBlob(id, row.keys().sealed().value(), blob)) {
            return true;
        }
        secrets.delete(blob); // destroyed, re-wrapped or moved meanwhile
        return false;
    }
}
