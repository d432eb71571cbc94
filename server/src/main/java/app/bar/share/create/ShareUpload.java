package app.bar.share.create;

import app.bar.crypto.ContentCipher;
import app.bar.crypto.DataKey;
import app.bar.crypto.WrongSecretException;
import app.bar.platform.error.BarProblem;
import app.bar.platform.streams.StreamSlots;
import app.bar.share.ShareCodes;
import app.bar.share.ShareId;
import app.bar.share.ShareProperties;
import app.bar.share.core.ManageTokens;
import app.bar.share.core.ShareRepository;
import app.bar.share.core.ShareRow;
import app.bar.share.core.ShareState;
import app.bar.storage.BlobId;
import app.bar.storage.BlobStore;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Streams an upload straight into encryption: request body → size check → (virus scan) →
 * streaming AEAD → blob store, in 64 KiB reads; plaintext never reaches the disk and memory does
 * not grow with the size. Over the limit, infected, scanner down or client gone: the blob was
 * never committed, so nothing is kept, and the share waits for another try. Per-recipient links
 * are uploaded once, to the group's first share: its completion makes every member readable.
 */
@Service
public class ShareUpload {

    private static final Logger log = LoggerFactory.getLogger(ShareUpload.class);
    private static final int BUFFER = 64 * 1024;

    private final ShareRepository shares;
    private final BlobStore blobs;
    private final ContentCipher cipher;
    private final VirusScanner scanner;
    private final ShareProperties properties;
    private final StreamSlots slots;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;
    private final List<UploadBounds> bounds;
    private final Clock clock;

    ShareUpload(ShareRepository shares, BlobStore blobs, ContentCipher cipher, VirusScanner scanner,
            ShareProperties properties, StreamSlots slots, TransactionTemplate tx, ApplicationEventPublisher events,
            List<UploadBounds> bounds, Clock clock) {
        this.shares = shares;
        this.blobs = blobs;
        this.cipher = cipher;
        this.scanner = scanner;
        this.properties = properties;
        this.slots = slots;
        this.tx = tx;
        this.events = events;
        this.bounds = List.copyOf(bounds);
        this.clock = clock;
    }

    public record Uploaded(long size, String contentType) {
    }

    public Uploaded upload(String shareId, String manageToken, InputStream body, long declaredLength)
            throws IOException {
        Instant now = clock.instant();
        ShareRow share = ManageTokens.authorize(ShareId.parse(shareId).flatMap(shares::find), manageToken, now);
        ShareId id = share.id();
        // UPLOADING too: the manage-token holder restarts a stuck upload at once (issue 11 item 6)
        if ((share.state() != ShareState.PENDING && share.state() != ShareState.UPLOADING) || share.isText()) {
            throw contentExists();
        }
        ShareId group = share.groupId();
        if (group != null && !group.equals(id)) {
            throw new BarProblem.Conflict(ShareCodes.CONTENT_EXISTS,
                    "Per-recipient links are uploaded once, to the first link with its manage token.");
        }
        UploadBounds.Bound limit = limit(share);
        if (declaredLength > limit.bytes()) {
            throw limit.refusal().get();
        }
        String sealedUploadKey = shares.uploadKey(id).orElseThrow(BarProblem.NotFound::new);
        try (StreamSlots.Slot slot = slots.acquire()) { // over the bound: 503 before the share is touched
            return upload(id, manageToken, sealedUploadKey, share, body, limit, now);
        }
    }

    /** The owner's file limit, or a share's own bound below it ({@link UploadBounds}: a request's answer). */
    private UploadBounds.Bound limit(ShareRow share) {
        UploadBounds.Bound limit = new UploadBounds.Bound(properties.fileLimit(share.ownerId() != null).toBytes(),
                BarProblem.PayloadTooLarge::new);
        for (UploadBounds bound : bounds) {
            UploadBounds.Bound own = bound.of(share.id()).orElse(null);
            if (own != null && own.bytes() < limit.bytes()) {
                limit = own;
            }
        }
        return limit;
    }

    private Uploaded upload(ShareId id, String manageToken, String sealedUploadKey, ShareRow share, InputStream body,
            UploadBounds.Bound limit, Instant now) throws IOException {
        int seen = shares.uploadAttempt(id);
        if (!shares.startUpload(id, now, seen)) {
            throw contentExists(); // uploaded meanwhile, or a concurrent attempt took the share first
        }
        int attempt = seen + 1;
        if (share.state() == ShareState.UPLOADING) {
            // the older attempt, if alive, can no longer commit; its writer discards its partial blob
            log.info("share.upload_restarted attempt={}", attempt);
        }
        boolean done = false;
        try (DataKey key = UploadKeys.open(manageToken, sealedUploadKey, id)) {
            Uploaded result = store(share, attempt, key, body, limit);
            done = true;
            log.info("share.uploaded bytes={} type={}", result.size(), result.contentType());
            return result;
        } catch (WrongSecretException e) {
            throw new BarProblem.NotFound();
        } finally {
            if (!done) {
                shares.abortUpload(id, attempt);
            }
        }
    }

    private Uploaded store(ShareRow share, int attempt, DataKey key, InputStream body, UploadBounds.Bound limit)
            throws IOException {
        boolean zeroKnowledge = share.policy().zeroKnowledge();
        boolean scan = !zeroKnowledge; // ciphertext from the client cannot be scanned
        try (BlobStore.BlobWriter writer = blobs.create();
                VirusScanner.Scan virusScan = scan ? startScan() : VirusScanner.NONE.start()) {
            byte[] buffer = new byte[BUFFER];
            byte[] prefix = new byte[ContentTypes.SNIFF_BYTES];
            int prefixLength = 0;
            long total = 0;
            try (OutputStream sealed = cipher.encrypting(key, new KeepOpen(writer.stream()), share.keyContext())) {
                int n;
                while ((n = body.read(buffer)) >= 0) {
                    total += n;
                    if (total > limit.bytes()) {
                        throw limit.refusal().get();
                    }
                    if (prefixLength < prefix.length) {
                        int copy = Math.min(n, prefix.length - prefixLength);
                        System.arraycopy(buffer, 0, prefix, prefixLength, copy);
                        prefixLength += copy;
                    }
                    virusScan.feed(buffer, n);
                    sealed.write(buffer, 0, n);
                }
            } catch (VirusScanner.ScannerUnavailableException e) {
                throw scannerDown(e);
            }
            java.util.Arrays.fill(buffer, (byte) 0);
            verdict(virusScan);
            String type = zeroKnowledge ? ContentTypes.OCTET_STREAM : ContentTypes.sniff(prefix, prefixLength);
            java.util.Arrays.fill(prefix, (byte) 0);
            if (!zeroKnowledge && share.policy().viewOnly() && !ContentTypes.previewable(type)) {
                // nothing committed: the blob is discarded and the share waits for another upload (issue 13 item 2)
                throw new BarProblem.Invalid(ShareCodes.NOT_PREVIEWABLE, "viewOnly", "a browser cannot show this kind of file"
                        + " (view only allows text, PDF, PNG, JPEG, GIF and WebP); upload it without viewOnly");
            }
            writer.commit();
            boolean completed;
            try {
                completed = complete(share, attempt, writer.id(), total, type);
            } catch (RuntimeException e) {
                blobs.delete(writer.id()); // a listener refused the completion: the share waits
                throw e;
            }
            if (!completed) {
                blobs.delete(writer.id()); // burned or expired meanwhile, or a newer attempt took over
                if (shares.uploadAttempt(share.id()) != attempt) {
                    throw contentExists();
                }
                throw new BarProblem.NotFound();
            }
            return new Uploaded(total, type);
        }
    }

    /**
     * The share is readable now, and with it every other member of its group (one transaction,
     * with {@link ShareUploaded}: a listener that refuses the content undoes the completion).
     */
    private boolean complete(ShareRow share, int attempt, BlobId blob, long size, String type) {
        ShareId group = share.groupId();
        return Boolean.TRUE.equals(tx.execute(status -> {
            if (!shares.completeUpload(share.id(), attempt, blob, size, type)) {
                return false;
            }
            if (group != null) {
                shares.completeGroup(group, share.id(), blob, size, type);
            }
            events.publishEvent(new ShareUploaded(share.id(), clock.instant()));
            return true;
        }));
    }

    private VirusScanner.Scan startScan() {
        try {
            return scanner.start();
        } catch (VirusScanner.ScannerUnavailableException e) {
            throw scannerDown(e);
        }
    }

    private static void verdict(VirusScanner.Scan scan) {
        VirusScanner.Verdict verdict;
        try {
            verdict = scan.verdict();
        } catch (VirusScanner.ScannerUnavailableException e) {
            throw scannerDown(e);
        }
        if (verdict == VirusScanner.Verdict.INFECTED) {
            throw new BarProblem.Unprocessable(ShareCodes.VIRUS_FOUND, "The virus scanner refused this file.");
        }
    }

    private static BarProblem scannerDown(Exception e) {
        log.error("share.scanner_unavailable error={}", e.getClass().getSimpleName());
        return new BarProblem.Unavailable(ShareCodes.SCANNER_UNAVAILABLE, "The virus scanner is not available; try again later.",
                Duration.ofSeconds(30));
    }

    private static BarProblem contentExists() {
        return new BarProblem.Conflict(ShareCodes.CONTENT_EXISTS, "This share's content is already uploaded or being uploaded.");
    }

    /** The cipher closes its sink when it finishes; the blob writer must stay open to commit. */
    private static final class KeepOpen extends FilterOutputStream {
        KeepOpen(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
