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
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.TransactionStatus;
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
        private final boolean shredded;
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
            this.shredded = view.shredded;
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

    /**
     * Redeems the ticket and takes the view in one transaction (issue 12: a round trip's read was
     * four commits). A text share sealed whole is decrypted inside it, before the view is spent, and
     * when that was its last view it is shredded in the same transaction too; a failure rolls all of
     * it back (ticket and view kept). A stream is decrypted as it is read, after the commit.
     */
    private Opened open(ShareRow share, String ticket, @Nullable String viewerToken, Requester who,
            StreamSlots.@Nullable Slot slot) throws IOException {
        String id = share.id().value();
        Instant now = clock.instant();
        InputStream source = openSource(share);
        try {
            boolean reopen = viewers.mayReopen(share, viewerToken, now);
            Redeemed redeemed;
            try {
                InputStream from = source;
                redeemed = tx.execute(status -> redeem(share, ticket, from, reopen, who, now, status));
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            if (redeemed == null) {
                visibility.visible(id, viewerToken); // a share used up meanwhile (its tickets went with it) is a 404
                throw new BarProblem.Unauthorized(ShareCodes.TICKET_EXPIRED,
                        "The ticket is invalid, used or expired; unlock again.");
            }
            View view = redeemed.view;
            InputStream plain = redeemed.plain;
            try (DataKey key = redeemed.key) {
                if (plain == null) {
                    try {
                        plain = cipher.decrypting(key, source, share.keyContext());
                    } catch (IOException | RuntimeException e) {
                        returnView(share, view);
                        throw e;
                    }
                }
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

    /** What the read's transaction did: the data key, the plaintext when already decrypted, the view. */
    private record Redeemed(DataKey key, @Nullable InputStream plain, View view) {
    }

    /**
     * The read's transaction. The view is taken first, so the share's row lock is the first lock
     * it holds: concurrent readers queue on that row and none holds a ticket row the winner's
     * shredding must delete (the other order deadlocked two nodes racing for one view). A ticket
     * that does not redeem rolls the view back.
     */
    private @Nullable Redeemed redeem(ShareRow share, String ticket, InputStream source, boolean reopen, Requester who,
            Instant now, TransactionStatus status) {
        String inline = share.content().inline();
        boolean whole = inline != null && InlineContent.isWhole(inline);
        boolean shredWithLastView = whole && share.policy().viewRefresh() == null;
        if (!reopen && !shares.consumeView(share.id(), now)) {
            throw new BarProblem.NotFound(); // another reader took the last view
        }
        DataKey key = tickets.redeem(share.id(), ticket, now).orElse(null);
        if (key == null) {
            status.setRollbackOnly();
            return null;
        }
        try {
            InputStream plain = null;
            if (whole) {
                try (source) {
                    plain = cipher.openWhole(key, source.readAllBytes(), share.keyContext());
                }
            }
            View view = reopen ? reopened(share, who, now) : viewTaken(share, who, now, shredWithLastView);
            if (shredWithLastView && view.last) {
                view = view.withShredded(shredder.shredWithLastView(share, who));
            }
            return new Redeemed(key, plain, view);
        } catch (IOException e) {
            key.close();
            throw new UncheckedIOException(e);
        } catch (RuntimeException | Error e) {
            key.close();
            throw e;
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
                returnView(opened.share, new View(null, opened.lastView, null, opened.viewTaken, false));
            } else if (!tampered && opened.lastView && !opened.shredded && opened.share.policy().viewRefresh() == null) {
                shredder.afterLastView(opened.share, opened.who);
            }
        }
    }

    /** A view taken (or a re-open), and whether the share was already shredded with it. */
    private record View(@Nullable Integer viewsLeft, boolean last, @Nullable String viewerToken, boolean taken,
            boolean shredded) {
        View withShredded(boolean done) {
            return new View(viewsLeft, last, viewerToken, taken, done);
        }
    }

    /** A view whose content could not be read from storage is given back (the ticket is not: unlock again). */
    private void returnView(ShareRow share, View view) {
        if (view.taken && shares.returnView(share.id())) {
            log.warn("share.view_returned last={}", view.last);
        }
    }

    /**
     * The view just taken by one conditional update: in the caller's transaction, publishes
     * {@link ShareAccessed} (the access-log row is written with it); a failing access-log insert
     * rolls the view back. The last view marks the share exhausted so nobody else can take one
     * until it is shredded — unless {@code shredNow}: then the caller shreds it in this transaction.
     */
    private View viewTaken(ShareRow share, Requester who, Instant now, boolean shredNow) {
        int used = shares.viewsUsed(share.id());
        Integer max = share.policy().maxViews();
        boolean last = max != null && used >= max;
        Integer viewsLeft = max == null ? null : Math.max(0, max - used);
        publishAccessed(share, who, now, viewsLeft);
        if (last && !shredNow) {
            // shredded when this stream ends (or, after a crash, by the clean-up)
            shares.markExhausted(share.id(), now);
        }
        String viewer = share.policy().viewRefresh() == null ? null : viewers.register(share.id(), now);
        return new View(viewsLeft, last, viewer, true, false);
    }

    /** A re-open within the refresh window uses no view; only its record is written. */
    private View reopened(ShareRow share, Requester who, Instant now) {
        publishAccessed(share, who, now, share.viewsLeft());
        return new View(share.viewsLeft(), false, null, false, false);
    }
    private void publishAccessed(ShareRow share, Requester who, Instant now, @Nullable Integer viewsLeft) {
        events.publishEvent(new ShareAccessed(ShareEvent.newId(), share.id(), share.ownerId(), now, who.clientIp(),
                who.browser(), viewsLeft));
    }

    private InputStream plaintext(ShareRow share, DataKey key, InputStream source) throws IOException {
        String inline = share.content().inline();
        if (inline != null && InlineContent.isWhole(inline)) {
            try (source) {
                return cipher.openWhole(key, source.readAllBytes(), share.keyContext());
            }
        }
        return cipher.decrypting(key, source, share.keyContext());
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
