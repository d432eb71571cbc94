package app.bar.share.receipt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.bar.platform.secrets.KeyRingSpec;
import com.google.crypto.tink.subtle.Ed25519Verify;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The receipt signing ring: the newest key signs, every listed key verifies, so keys rotate. */
class ReceiptKeysTests {

    private static final String OLD = KeyRingSpec.generateEntry("rk-old", 32);
    private static final String NEW = KeyRingSpec.generateEntry("rk-new", 32);
    private static final byte[] MESSAGE = "{\"shareId\":\"x\"}".getBytes(StandardCharsets.UTF_8);

    private static ReceiptKeys keys(String ring, String retired) {
        return new ReceiptKeys(new ReceiptProperties(ring, retired, Duration.ofDays(365)));
    }

    private static String kid(String entry) {
        return entry.substring(0, entry.indexOf(':'));
    }

    @Test
    void signWhenRingHasSeveralKeysThenNewestSignsAndAllArePublished() throws Exception {
        ReceiptKeys ring = keys(NEW + "," + OLD, "");
        assertThat(ring.signingKid()).isEqualTo(kid(NEW));
        assertThat(ring.published()).extracting(ReceiptKeys.Published::kid).containsExactly(kid(NEW), kid(OLD));
        new Ed25519Verify(ring.published().get(0).publicKey()).verify(ring.sign(MESSAGE), MESSAGE);
    }

    @Test
    void publishedWhenKeyRotatedOutOfSigningThenOldSignatureStillVerifies() throws Exception {
        byte[] signedBeforeRotation = keys(OLD, "").sign(MESSAGE);
        ReceiptKeys afterRotation = keys(NEW + "," + OLD, "");
        ReceiptKeys.Published old = afterRotation.published().stream().filter(k -> k.kid().equals(kid(OLD)))
                .findFirst().orElseThrow();
        new Ed25519Verify(old.publicKey()).verify(signedBeforeRotation, MESSAGE);
    }

    @Test
    void publishedWhenPrivateKeyRetiredThenItsPublicKeyStillListedAndVerifies() throws Exception {
        byte[] signedBeforeRotation = keys(OLD, "").sign(MESSAGE);
        String oldPublic = keys(OLD, "").published().get(0).x();
        ReceiptKeys retired = keys(NEW, kid(OLD) + ":" + oldPublic);
        assertThat(retired.published()).extracting(ReceiptKeys.Published::kid).containsExactly(kid(NEW), kid(OLD));
        new Ed25519Verify(retired.published().get(1).publicKey()).verify(signedBeforeRotation, MESSAGE);
    }

    @Test
    void constructWhenRetiredKeyRepeatsASigningKidThenRefused() {
        String newPublic = keys(NEW, "").published().get(0).x();
        assertThatThrownBy(() -> keys(NEW, kid(NEW) + ":" + newPublic)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining(newPublic);
    }

    /** docs/shares.md's test vector, which the CLI's verifier checks too: both sides sign and read one form. */
    @Test
    void signWhenDocumentedVectorThenDocumentedSignatureAndPublicKey() {
        ReceiptKeys vector = keys("rk-vector:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8", "");
        java.util.Map<String, Object> receipt = new java.util.LinkedHashMap<>();
        receipt.put("type", "bar.destruction-receipt");
        receipt.put("version", 1);
        receipt.put("issuer", "https://bar.example.com");
        receipt.put("shareId", "Qx3l9Zt0RkWm2vB8yC1aDg");
        receipt.put("createdAt", "2026-12-04T17:05:09Z");
        receipt.put("destroyedAt", "2026-12-04T17:09:41Z");
        receipt.put("reason", "views_used");
        receipt.put("viewsUsed", 1);
        receipt.put("kid", "rk-vector");
        byte[] signature = vector.sign(CanonicalJson.of(receipt).getBytes(StandardCharsets.UTF_8));
        assertThat(java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(signature)).isEqualTo("NGQcGWfDruxwBvwoapI3WHLQ2nxJ-KKu9DQkmk7xGKMBUuD9SzD1Y25PTfF2Lmqds7yt-xYsNy1jm8_VfLZlCQ");
        assertThat(vector.published().get(0).x()).isEqualTo("A6EHv_POEL4dcN0Y50vAmWfk1jCbpQ1fHdyGZBJVMbg");
    }

    @Test
    void publishedWhenSameSeedThenSamePublicKeyOnEveryNode() {
        assertThat(keys(OLD, "").published().get(0).x()).isEqualTo(keys(OLD, "").published().get(0).x());
        assertThat(List.of(keys(OLD, "").published().get(0).x())).doesNotContain(keys(NEW, "").published().get(0).x());
    }
}
