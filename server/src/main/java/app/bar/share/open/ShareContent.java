package app.bar.share.open;

import app.bar.crypto.ContentCipher;
import app.bar.crypto.DataKey;
import app.bar.crypto.TamperedContentException;
import app.bar.platform.error.BarProblem;
import app.bar.platform.streams.StreamSlots;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Opening a share's content with a ticket. A file share first takes a stream slot
 * ({@link StreamSlots}): over the bound the answer is 503 before the ticket or a view is spent.
 * The view is taken by one conditional update; within the same transaction (which holds the row
 * lock) the new count is read, so exactly one reader knows it took the last view; every other
 * concurrent reader gets the 404 of a gone share. That reader shreds the share (key, then blob)
 * once its stream has ended. A decryption failure mid-stream cuts the stream and quarantines the
 * share; a storage read failure gives the view back (issue 11 item 1): the recipient is not left
 * with nothing because the server could not read its disk.
 */
@Service
public class ShareContent {

    private static final Logger log = LoggerFactory.getLogger(ShareContent.class);

    private final ShareRepository shares;
    private final ShareVisibility visibility;
    private final TicketStore tickets;
    private final ViewerStore viewers;
    private final ShareShredder shredder;
    private final BlobStore blobs;
    private final ContentCipher cipher;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final StreamSlots slots;
    private final Clock clock;
    private final RecipientBurns burns;

    ShareContent(ShareRepository shares, ShareVisibility visibility, TicketStore tickets, ViewerStore viewers,
            ShareShredder shredder, BlobStore blobs, ContentCipher cipher, ApplicationEventPublisher events,
            TransactionTemplate tx, StreamSlots slots, Clock clock, RecipientBurns burns) {
        this.shares = shares;
        this.visibility = visibility;
        this.tickets = tickets;
        this.viewers = viewers;
        this.shredder = shredder;
        this.blobs = blobs;
        this.cipher = cipher;
        this.events = events;
        this.tx = tx;
        this.slots = slots;
        this.clock = clock;
        this.burns = burns;
    }

    /**
     * An opened share, ready to stream; {@code viewerToken} is set when a viewer cookie must be
     * sent. Closing it gives its stream slot back (the caller closes it whatever happened).
     */
    public static final class Opened implements AutoCloseable {
        private final ShareRow share;
        private final @Nullable String viewerToken;
        private final Requester who;
        private final boolean lastView;
        private final boolean viewTaken;
        private final @Nullable Integer viewsLeft;
        private final @Nullable String burnToken;
        private final InputStream plaintext;
        private final StreamSlots.@Nullable Slot slot;

        Opened(ShareRow share, InputStream plaintext, View view, Requester who, StreamSlots.@Nullable Slot slot,
                @Nullable String burnToken) {
            this.share = share;
            this.plaintext = plaintext;
            this.viewerToken = view.viewerToken;
            this.who = who;
            this.lastView = view.last;
            this.viewTaken = view.taken;
            this.viewsLeft = view.viewsLeft;
            this.burnToken = burnToken;
            this.slot = slot;
        }

        /** Views left after this one (null: unlimited), for the reader's page (issue 13 item 5). */
        public @Nullable Integer viewsLeft() {
            return viewsLeft;
        }

        /** The reader's token to burn the share, when its sender allowed that and views are left. */
        public @Nullable String burnToken() {
            return burnToken;
        }

        @Override
        public String toString() {
            return "Opened[" + share.id().value() + "]";
        }

        @Override
        public void close() {
            try {
                plaintext.close();
            } catch (IOException e) {
                log.debug("share.stream_close_failed error={}", e.getClass().getSimpleName());
            } finally {
                if (slot != null) {
                    slot.close();
                }
            }
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
        // before the ticket and the view: a download refused for want of a slot keeps both
        StreamSlots.Slot slot = share.isText() ? null : slots.acquire();
        try {
            Opened opened = open(share, ticket, viewerToken, who, slot);
            slot = null;
            return opened;
        } finally {
            if (slot != null) {
                slot.close();
            }
        }
    }

    private Opened open(ShareRow share, String ticket, @Nullable String viewerToken, Requester who,
            StreamSlots.@Nullable Slot slot) throws IOException {
        String id = share.id().value();
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
            InputStream plain;
            try {
                plain = plaintext(share, key, source);
            } catch (IOException | RuntimeException e) {
                returnView(share, view);
                throw e;
            }
            source = null;
            String burnToken = share.policy().allowRecipientBurn() && !view.last ? burns.issue(share.id()) : null;
            return new Opened(share, plain, view, who, slot, burnToken);
        } finally {
            if (source != null) {
                source.close();
            }
        }
    }

    /**
     * Copies the plaintext to {@code out}; cuts it (and quarantines the share) when the ciphertext
     * is tampered. When reading the stored content fails (the server's side: a disk or bucket
     * error, not the client going away) the view is given back; otherwise, after the last view,
     * the share is shredded now that its stream has ended.
     */
    public void stream(Opened opened, OutputStream out) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        boolean tampered = false;
        boolean readFailed = false;
        try (opened) {
            InputStream in = opened.plaintext;
            while (true) {
                int n;
                try {
                    n = in.read(buffer);
                } catch (TamperedContentException e) {
                    throw e;
                } catch (IOException e) {
                    readFailed = true;
                    throw e;
                }
                if (n < 0) {
                    break;
                }
                out.write(buffer, 0, n);
            }
            out.flush();
        } catch (TamperedContentException e) {
            tampered = true;
            shredder.quarantine(opened.share, opened.who);
            throw new StreamCut(e);
        } finally {
            if (readFailed) {
                returnView(opened.share, new View(null, opened.lastView, null, opened.viewTaken));
            } else if (!tampered && opened.lastView && opened.share.policy().viewRefresh() == null) {
                shredder.afterLastView(opened.share, opened.who);
            }
        }
    }

    private record View(@Nullable Integer viewsLeft, boolean last, @Nullable String viewerToken, boolean taken) {
    }

    /** A view whose content could not be read from storage is given back (the ticket is not: unlock again). */
    private void returnView(ShareRow share, View view) {
        if (view.taken && shares.returnView(share.id())) {
            log.warn("share.view_returned last={}", view.last);
        }
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
            if (last) {
                // without a refresh window the share is shredded when this stream ends (or, after a
                // crash, by the clean-up); until then nobody else can take a view
                shares.markExhausted(share.id(), now);
            }
            String viewer = share.policy().viewRefresh() == null ? null : viewers.register(share.id(), now);
            return new View(viewsLeft, last, viewer, true);
        });
        if (view == null) {
            throw new BarProblem.NotFound(); // another reader took the last view
        }
        return view;
    }

    /** A re-open within the refresh window uses no view; its record is a transaction of its own. */
    private View reopened(ShareRow share, Requester who, Instant now) {
        tx.executeWithoutResult(status -> publishAccessed(share, who, now, share.viewsLeft()));
        return new View(share.viewsLeft(), false, null, false);
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
