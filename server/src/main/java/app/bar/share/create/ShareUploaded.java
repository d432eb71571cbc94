package app.bar.share.create;

import app.bar.share.ShareId;
import java.time.Instant;

/**
 * A file share's upload completed: published inside the transaction that made the share readable,
 * for plain {@code @EventListener}s of the share module (a request answered with files is marked
 * answered by it, {@code share.request.FileAnswers}). A listener that throws undoes the completion:
 * the share waits for another upload. Not a {@code ShareEvent}: no webhook or access-log entry.
 */
public record ShareUploaded(ShareId shareId, Instant at) {
}
