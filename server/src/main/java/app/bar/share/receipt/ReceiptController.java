package app.bar.share.receipt;

import app.bar.platform.error.BarProblem;
import app.bar.platform.web.CurrentAccount;
import app.bar.platform.web.PublicUrl;
import app.bar.share.ShareCodes;
import app.bar.share.ShareId;
import app.bar.share.core.ShareRepository;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /api/shares/{id}/receipt}: the owner's signed destruction receipt, byte for byte as
 * signed; {@code GET /.well-known/bar-receipt-keys}: the public keys that verify receipts, as a
 * JWK set (RFC 8037 {@code OKP}/{@code Ed25519}), public and cacheable.
 */
@RestController
final class ReceiptController {

    /** Published keys change only with a restart after a rotation: an hour of caching is harmless. */
    static final Duration KEYS_MAX_AGE = Duration.ofHours(1);

    private final DestructionReceipts receipts;
    private final ShareRepository shares;
    private final ReceiptKeys keys;
    private final PublicUrl publicUrl;
    private final JsonMapper json;

    ReceiptController(DestructionReceipts receipts, ShareRepository shares, ReceiptKeys keys, PublicUrl publicUrl,
            JsonMapper json) {
        this.receipts = receipts;
        this.shares = shares;
        this.keys = keys;
        this.publicUrl = publicUrl;
        this.json = json;
    }

    @GetMapping("/api/shares/{id}/receipt")
    ResponseEntity<String> receipt(@PathVariable String id) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).cacheControl(CacheControl.noStore())
                .body(ownReceipt(id));
    }

    /** {@code ?format=html}: the same receipt as a printable page (no script; the signed JSON shown as it is). */
    @GetMapping(path = "/api/shares/{id}/receipt", params = "format=html")
    ResponseEntity<String> printable(@PathVariable String id) {
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noStore()).body(printablePage(ownReceipt(id)));
    }

    private String printablePage(String receipt) {
        return ReceiptPage.render(json.readTree(receipt), receipt);
    }

    private String ownReceipt(String id) {
        String account = CurrentAccount.requireId(); // 401 auth.required when nobody is signed in
        ShareId shareId = ShareId.parse(id).orElseThrow(BarProblem.NotFound::new);
        return receipts.of(account, shareId).orElseThrow(() -> {
            boolean ownLiveShare = shares.find(shareId)
                    .filter(s -> account.equals(s.ownerId()) && s.destruction() == null).isPresent();
            // another account's share answers as a missing one (ASVS 8.2.2)
            return ownLiveShare ? new BarProblem.Conflict(ShareCodes.RECEIPT_PENDING,
                    "The share is not destroyed yet: its receipt is signed when it is.") : new BarProblem.NotFound();
        });
    }

    /** One verification key (RFC 8037). */
    record Jwk(String kty, String crv, String kid, String x, String use, String alg) {
    }

    record KeySet(String issuer, List<Jwk> keys) {
    }

    @GetMapping("/.well-known/bar-receipt-keys")
    ResponseEntity<KeySet> publicKeys() {
        List<Jwk> published = keys.published().stream()
                .map(k -> new Jwk("OKP", "Ed25519", k.kid(), k.x(), "sig", "EdDSA")).toList();
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(KEYS_MAX_AGE).cachePublic())
                .body(new KeySet(publicUrl.base(), published));
    }
}
