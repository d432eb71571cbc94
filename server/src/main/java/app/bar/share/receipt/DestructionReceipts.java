package app.bar.share.receipt;

import app.bar.platform.SqlTime;
import app.bar.platform.web.PublicUrl;
import app.bar.share.ShareDestroyed;
import app.bar.share.ShareExpired;
import app.bar.share.ShareId;
import app.bar.share.core.Destruction;
import app.bar.share.core.ShareRepository;
import app.bar.share.core.ShareRow;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.util.Assert;

/**
 * Signs and keeps the destruction receipt of every owned share. A plain listener, called inside
 * the shredding transaction ({@code ShareShredder} publishes {@code ShareDestroyed} or
 * {@code ShareExpired} there): the receipt commits exactly with the destruction it reports, so
 * no share ends without its receipt and no receipt names a share still alive. Anonymous shares
 * have nobody to hand a receipt to and get none (their text round trip stays one transaction
 * lighter).
 *
 * <p>The receipt is a flat JSON object; its {@code signature} is Ed25519 over the canonical JSON
 * (RFC 8785) of every other member, and the stored text is itself that object's canonical JSON,
 * served byte for byte.
 */
@Component
public class DestructionReceipts {

    /** The {@code type} member of every receipt. */
    static final String TYPE = "bar.destruction-receipt";
    static final int VERSION = 1;

    private final ShareRepository shares;
    private final ReceiptKeys keys;
    private final PublicUrl publicUrl;
    private final JdbcClient jdbc;

    DestructionReceipts(ShareRepository shares, ReceiptKeys keys, PublicUrl publicUrl, JdbcClient jdbc) {
        this.shares = shares;
        this.keys = keys;
        this.publicUrl = publicUrl;
        this.jdbc = jdbc;
    }

    @EventListener
    void on(ShareDestroyed event) {
        issue(event.shareId(), event.ownerAccountId());
    }

    @EventListener
    void on(ShareExpired event) {
        issue(event.shareId(), event.ownerAccountId());
    }

    private void issue(ShareId id, @Nullable String ownerId) {
        if (ownerId == null) {
            return;
        }
        Assert.state(TransactionSynchronizationManager.isActualTransactionActive(),
                "a receipt is written in the transaction that destroys its share");
        ShareRow share = shares.find(id).orElseThrow(() -> new IllegalStateException("destroyed share row missing"));
        Destruction end = share.destruction();
        Assert.state(end != null, "a destroyed share's row says when and why");
        Map<String, Object> receipt = new LinkedHashMap<>();
        receipt.put("type", TYPE);
        receipt.put("version", VERSION);
        receipt.put("issuer", publicUrl.base());
        receipt.put("shareId", id.value());
        receipt.put("createdAt", timestamp(share.createdAt()));
        receipt.put("destroyedAt", timestamp(end.at()));
        receipt.put("reason", end.reason().name().toLowerCase(Locale.ROOT));
        receipt.put("viewsUsed", share.views().used());
        receipt.put("kid", keys.signingKid());
        byte[] signature = keys.sign(CanonicalJson.of(receipt).getBytes(StandardCharsets.UTF_8));
        receipt.put("signature", Base64.getUrlEncoder().withoutPadding().encodeToString(signature));
        jdbc.sql("""
                insert into share_receipts (share_id, owner_id, destroyed_at, receipt)
                values (:s, :o, :d, :r)""")
                .param("s", id.value()).param("o", ownerId).param("d", SqlTime.of(end.at()))
                .param("r", CanonicalJson.of(receipt)).update();
    }

    /** The owner's receipt of a share, as signed; empty when there is none (live, not theirs, or purged). */
    Optional<String> of(String ownerId, ShareId id) {
        return jdbc.sql("select receipt from share_receipts where share_id = :s and owner_id = :o")
                .param("s", id.value()).param("o", ownerId).query(String.class).optional();
    }

    /** Removes the receipts of shares destroyed before {@code before}; answers how many. */
    public int purgeDestroyedBefore(Instant before) {
        return jdbc.sql("delete from share_receipts where destroyed_at < :before").param("before", SqlTime.of(before))
                .update();
    }

    /** A deleted account keeps no history: its receipts go with its tombstones. */
    public void deleteOwnedBy(String ownerId) {
        jdbc.sql("delete from share_receipts where owner_id = :o").param("o", ownerId).update();
    }

    /** Whole seconds, UTC, {@code 2026-12-04T17:05:09Z}: one spelling for every receipt. */
    private static String timestamp(Instant at) {
        return at.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
