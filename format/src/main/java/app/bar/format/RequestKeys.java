package app.bar.format;

import com.google.crypto.tink.subtle.EllipticCurves;
import com.google.crypto.tink.subtle.Hkdf;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.util.Arrays;

/**
 * The link key of a share that fills a request for a secret (docs/zero-knowledge-format.md,
 * "Requests"): the requester's P-256 key pair stays in the browser (the public key in the request
 * link's fragment, the private key in the requester's open link's fragment); the filler makes an
 * ephemeral key pair and both sides arrive at the same link key:
 *
 * <pre>
 * shared  = ECDH-P256(ephemeralPrivate, requesterPublic).x = ECDH-P256(requesterPrivate, ephemeralPublic).x   (32 bytes)
 * linkKey = HKDF-SHA256(ikm = shared, salt = ephemeralPublic || requesterPublic, info = "bar/v1/request-link", 32)
 * </pre>
 *
 * Public keys are raw uncompressed points (65 bytes, {@code 0x04 || x || y}), private keys the
 * 32-byte scalar. The link key then opens an ordinary container ({@link ShareKeys}).
 */
public final class RequestKeys {

    public static final int PUBLIC_KEY_BYTES = 65;
    public static final int PRIVATE_KEY_BYTES = 32;
    private static final byte[] INFO = "bar/v1/request-link".getBytes(StandardCharsets.US_ASCII);

    private RequestKeys() {
    }

    /**
     * A fresh P-256 key pair as the open link's fragment carries it: the private scalar {@code d}
     * (32 bytes, big-endian) followed by the raw public point (65 bytes) — 97 bytes, what
     * {@code newRequestKeys()} of request-keys.mjs encodes. The public key alone is its last 65 bytes.
     */
    public static byte[] newKeyPair() throws GeneralSecurityException {
        KeyPair pair = EllipticCurves.generateKeyPair(EllipticCurves.CurveType.NIST_P256);
        byte[] publicKey = EllipticCurves.pointEncode(EllipticCurves.CurveType.NIST_P256,
                EllipticCurves.PointFormatType.UNCOMPRESSED, ((ECPublicKey) pair.getPublic()).getW());
        byte[] d = ((ECPrivateKey) pair.getPrivate()).getS().toByteArray(); // may carry a sign byte, or be shorter
        byte[] both = new byte[PRIVATE_KEY_BYTES + PUBLIC_KEY_BYTES];
        int copied = Math.min(d.length, PRIVATE_KEY_BYTES);
        System.arraycopy(d, d.length - copied, both, PRIVATE_KEY_BYTES - copied, copied);
        Arrays.fill(d, (byte) 0);
        System.arraycopy(publicKey, 0, both, PRIVATE_KEY_BYTES, PUBLIC_KEY_BYTES);
        return both;
    }

    /** The filler's side: its ephemeral private key and the requester's public key. */
    public static byte[] fillerLinkKey(byte[] ephemeralPrivate, byte[] ephemeralPublic, byte[] requesterPublic)
            throws GeneralSecurityException {
        return linkKey(sharedSecret(ephemeralPrivate, requesterPublic), ephemeralPublic, requesterPublic);
    }

    /** The requester's side: its private key and the filler's ephemeral public key (stored with the share). */
    public static byte[] requesterLinkKey(byte[] requesterPrivate, byte[] requesterPublic, byte[] ephemeralPublic)
            throws GeneralSecurityException {
        return linkKey(sharedSecret(requesterPrivate, ephemeralPublic), ephemeralPublic, requesterPublic);
    }

    /** ECDH on P-256: the x coordinate of the shared point (what WebCrypto's {@code deriveBits(ECDH, 256)} gives). */
    public static byte[] sharedSecret(byte[] ownPrivate, byte[] peerPublic) throws GeneralSecurityException {
        if (ownPrivate.length != PRIVATE_KEY_BYTES || peerPublic.length != PUBLIC_KEY_BYTES) {
            throw new GeneralSecurityException("a private key is 32 bytes, a public key 65 (uncompressed)");
        }
        ECPrivateKey own = EllipticCurves.getEcPrivateKey(EllipticCurves.CurveType.NIST_P256, ownPrivate);
        ECPublicKey peer = EllipticCurves.getEcPublicKey(EllipticCurves.CurveType.NIST_P256,
                EllipticCurves.PointFormatType.UNCOMPRESSED, peerPublic); // checks the point is on the curve
        return EllipticCurves.computeSharedSecret(own, peer);
    }

    private static byte[] linkKey(byte[] shared, byte[] ephemeralPublic, byte[] requesterPublic) throws GeneralSecurityException {
        byte[] salt = new byte[ephemeralPublic.length + requesterPublic.length];
        System.arraycopy(ephemeralPublic, 0, salt, 0, ephemeralPublic.length);
        System.arraycopy(requesterPublic, 0, salt, ephemeralPublic.length, requesterPublic.length);
        try {
            return Hkdf.computeHkdf("HMACSHA256", shared, salt, INFO, ShareKeys.LINK_KEY_BYTES);
        } finally {
            Arrays.fill(shared, (byte) 0);
        }
    }
}
