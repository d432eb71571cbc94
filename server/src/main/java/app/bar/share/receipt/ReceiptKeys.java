package app.bar.share.receipt;

import app.bar.platform.secrets.KeyRing;
import app.bar.platform.secrets.KeyRingSpec;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.PublicKeySign;
import com.google.crypto.tink.signature.Ed25519PrivateKey;
import com.google.crypto.tink.signature.Ed25519PublicKey;
import com.google.crypto.tink.subtle.Ed25519Sign;
import com.google.crypto.tink.util.Bytes;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The receipt keys: Ed25519 (RFC 8032) through Tink. The ring {@code bar.receipts.keys} holds
 * 32-byte seeds, newest first; the newest signs every new receipt, and the public half of every
 * key in the ring, with the retired public keys after them, is published, so a receipt signed
 * before a rotation keeps verifying as long as its key is listed.
 */
@Component
final class ReceiptKeys {

    static final int SEED_BYTES = 32;
    static final int PUBLIC_KEY_BYTES = 32;

    /** A published verification key: its id and the 32 bytes of the Ed25519 public key. */
    record Published(String kid, byte[] publicKey) {
        String x() {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(publicKey);
        }
    }

    private final String signingKid;
    private final PublicKeySign signer;
    private final List<Published> published;

    ReceiptKeys(ReceiptProperties properties) {
        KeyRing ring = KeyRingSpec.parse(properties.keys(), SEED_BYTES, SEED_BYTES);
        List<Published> keys = new ArrayList<>();
        PublicKeySign newest = null;
        try {
            for (KeyRing.Entry entry : ring.entries()) {
                byte[] seed = entry.secret().toByteArray();
                byte[] publicKey = Ed25519Sign.KeyPair.newKeyPairFromSeed(seed).getPublicKey();
                if (newest == null) {
                    newest = Ed25519Sign.create(Ed25519PrivateKey.create(Ed25519PublicKey.create(Bytes.copyFrom(publicKey)),
                            com.google.crypto.tink.util.SecretBytes.copyFrom(seed, InsecureSecretKeyAccess.get())));
                }
                java.util.Arrays.fill(seed, (byte) 0);
                keys.add(new Published(entry.kid(), publicKey));
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("receipt keys: Ed25519 is not available", e);
        }
        if (!properties.retiredPublicKeys().isBlank()) {
            for (KeyRing.Entry entry : KeyRingSpec.parse(properties.retiredPublicKeys(), PUBLIC_KEY_BYTES,
                    PUBLIC_KEY_BYTES).entries()) {
                keys.add(new Published(entry.kid(), entry.secret().toByteArray()));
            }
        }
        Set<String> kids = new HashSet<>();
        for (Published key : keys) {
            if (!kids.add(key.kid())) {
                throw new IllegalArgumentException("receipt keys: a retired public key repeats the id of a signing key");
            }
        }
        this.signingKid = ring.newest().kid();
        this.signer = java.util.Objects.requireNonNull(newest);
        this.published = List.copyOf(keys);
    }

    String signingKid() {
        return signingKid;
    }

    byte[] sign(byte[] message) {
        try {
            return signer.sign(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("receipt signature failed", e);
        }
    }

    List<Published> published() {
        return published;
    }
}
