package app.bar.share.open;

import app.bar.crypto.ContentCipher;
import app.bar.crypto.DataKey;
import app.bar.crypto.TamperedContentException;
import app.bar.platform.error.BarProblem;
import app.bar.share.DestroyReason;
import app.bar.share.ShareAccessed;
import app.bar.share.ShareCodes;
import app.bar.share.ShareEvent;
import app.bar.share.core.InlineContent;
import app.bar.share.core.Requester;
import app.bar.share.core.ShareRepository;
import app.bar.share.core.ShareRow;
import app.bar.share.lifecycle.ShareShredder;
import app.bar.storage.BlobStore;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.NoSuchFileException;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Opening a share's content with a ticket. The view is taken by one conditional update; within
 * the same transaction (which holds the row lock) the new count is read, so exactly one reader
 * knows it took the last view. That reader deletes the data key in that transaction and the
 * blob once its stream has ended; every other concurrent reader gets the 404 of a gone share.
 * A decryption failure mid-stream cuts the stream and quarantines the share.
 */
@Service
public class ShareContent {

    private final ShareRepository shares;
    private final ShareVisibility visibility;
    private final TicketStore tickets;
    private final ViewerStore viewers;
    private final ShareShredder shredder;
    private final BlobStore blobs;
    private final ContentCipher cipher;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;

    ShareContent(ShareRepository shares, ShareVisibility visibility, TicketStore tickets, ViewerStore viewers,
            ShareShredder shredder, BlobStore blobs, ContentCipher cipher, ApplicationEventPublisher events,
            TransactionTemplate tx, Clock clock) {
        this.shares = shares;
        this.visibility = visibility;
        this.tickets = tickets;
        this.viewers = viewers;
        this.shredder = shredder;
        this.blobs = blobs;
        this.cipher = cipher;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
    }

    /** An opened share, ready to stream; {@code viewerToken} is set when a viewer cookie must be sent. */
    public static final class Opened {
        private final ShareRow share;
        private final @Nullable String viewerToken;
        private final Requester who;
        private final boolean lastView;
        private final InputStream plaintext;

        Opened(ShareRow share, InputStream plaintext, @Nullable String viewerToken, Requester who, boolean lastView) {
            this.share = share;
            this.plaintext = plaintext;
            this.viewerToken = viewerToken;
            this.who = who;
            this.lastView = lastView;
        }

        public ShareRow share() {
            return share;
        }

        public @Nullable String viewerToken() {
            return viewerToken;
        }
    }

    public Opened open(String id, String ticket, @Nullable String viewerToken, Requester who) throws IOException {
        ShareRow share = visibility.visible(id, viewerToken);
        Instant now = clock.instant();
        DataKey key = tickets.redeem(share.id(), ticket, now).orElse(null);
        if (key == null) {
            visibility.visible(id, viewerToken); // a share used up meanwhile (its tickets went with it) is a 404
            throw new BarProblem.Unauthorized(ShareCodes.TICKET_EXPIRED,
                    "The ticket is invalid, used or expired; unlock again.");
        }
        InputStream source = null;
        try (key) {
            source = openSource(share);
            boolean reopen = viewers.mayReopen(share, viewerToken, now);
            View view = reopen ? reopened(share, who, now) : takeView(share, who, now);
            InputStream plain = plaintext(share, key, source);
            source = null;
            return new Opened(share, plain, view.viewerToken, who, view.last);
        } finally {
            if (source != null) {
                source.close();
            }
        }
    }

    /** Copies the plaintext to {@code out}; cuts it (and quarantines the share) when the ciphertext is tampered. */
    public void stream(Opened opened, OutputStream out) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        boolean tampered = false;
        try (InputStream in = opened.plaintext) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
            }
            out.flush();
        } catch (TamperedContentException e) {
            tampered = true;
            shredder.quarantine(opened.share, opened.who);
            throw new StreamCut(e);
        } finally {
            if (!tampered && opened.lastView && opened.share.policy().viewRefresh() == null) {
                shredder.afterLastView(opened.share);
            }
        }
    }

    private record View(@Nullable Integer viewsLeft, boolean last, @Nullable String viewerToken) {
    }

    /**
     * Takes a view by one conditional update and, in the same transaction, publishes
     * {@link ShareAccessed} (the access-log row is written with it) and, for the last view, deletes
     * the key and publishes {@link app.bar.share.ShareDestroyed}: the view is spent exactly when
     * its record is. A failing access-log insert rolls the view back.
     */
    private View takeView(ShareRow share, Requester who, Instant now) {
        View view = tx.execute(status -> {
            if (!shares.consumeView(share.id(), now)) {
                return null;
            }
            int used = shares.viewsUsed(share.id());
            Integer max = share.policy().maxViews();
            boolean last = max != null && used >= max;
            Integer viewsLeft = max == null ? null : Math.max(0, max - used);
            publishAccessed(share, who, now, viewsLeft);
            if (last && share.policy().viewRefresh() == null) {
                shredder.shred(share, DestroyReason.VIEWS_USED, who); // the key, at once
            } else if (last) {
                shares.markExhausted(share.id(), now);
            }
            String viewer = share.policy().viewRefresh() == null ? null : viewers.register(share.id(), now);
            return new View(viewsLeft, last, viewer);
        });
        if (view == null) {
            throw new BarProblem.NotFound(); // another reader took the last view
        }
        return view;
    }

    /** A re-open within the refresh window uses no view; its record is a transaction of its own. */
    private View reopened(ShareRow share, Requester who, Instant now) {
        tx.executeWithoutResult(status -> publishAccessed(share, who, now, share.viewsLeft()));
        return new View(share.viewsLeft(), false, null);
    }

    private void publishAccessed(ShareRow share, Requester who, Instant now, @Nullable Integer viewsLeft) {
        events.publishEvent(new ShareAccessed(ShareEvent.newId(), share.id(), share.ownerId(), now, who.clientIp(),
                who.browser(), viewsLeft));
    }

    private InputStream plaintext(ShareRow share, DataKey key, InputStream source) throws IOException {
        String inline = share.content().inline();
        if (inline != null && InlineContent.isWhole(inline)) {
            try (source) {
                return cipher.openWhole(key, source.readAllBytes(), share.id().value());
            }
        }
        return cipher.decrypting(key, source, share.id().value());
    }

    private InputStream openSource(ShareRow share) throws IOException {
        String inline = share.content().inline();
        if (inline != null) {
            return new ByteArrayInputStream(InlineContent.sealedBytes(inline));
        }
        try {
            return blobs.open(Objects.requireNonNull(share.content().blob()));
        } catch (NoSuchFileException e) {
            throw new BarProblem.NotFound(); // its last view was taken and the blob removed meanwhile
        }
    }

    /** The download was cut on purpose: the container must abort the connection, not finish the body. */
    public static final class StreamCut extends RuntimeException {
        StreamCut(Throwable cause) {
            super("stream cut: content failed authentication", cause);
        }
    }
}
