package app.bar.webhook;

import app.bar.crypto.MasterKeySeal;
import app.bar.crypto.SealedSecret;
import app.bar.platform.secrets.SecretBytes;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Webhook signing secrets: {@code bar_whs_} + 256 random bits (base64url) from {@code SecureRandom},
 * shown to the owner once and stored sealed under the master key ring, bound to the webhook it
 * belongs to ({@code account:<id>} or {@code share:<id>}). The URL is sealed in the same value
 * ({@code secret + "\n" + url}): Discord and Slack URLs carry a token, so a database leak alone
 * must not reveal them. The HMAC key is the secret exactly as shown (its ASCII bytes), so a
 * receiver uses the string it was given.
 */
@Component
class WebhookSecrets {

    static final String PREFIX = "bar_whs_";
    private static final int BYTES = 32;

    private final MasterKeySeal seal;

    WebhookSecrets(MasterKeySeal seal) {
        this.seal = seal;
    }

    /** A fresh secret: the text for the owner (once) and its sealed form for the database. */
    record Issued(String secret, SealedSecret sealed) {
        @Override
        public String toString() {
            return "Issued[" + sealed.kid() + "]";
        }
    }

    Issued issue(String owner, String url) {
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(SecretBytes.random(BYTES).toByteArray());
        byte[] plain = (secret + "\n" + url).getBytes(StandardCharsets.UTF_8);
        try {
            return new Issued(secret, seal.seal(purpose(owner), plain));
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    /** The HMAC key of a webhook; the caller wipes it after signing. */
    byte[] key(String owner, SealedSecret sealed) {
        byte[] plain = seal.open(purpose(owner), sealed);
        try {
            return Arrays.copyOf(plain, separator(plain));
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    /** The URL a webhook delivers to. */
    String url(String owner, SealedSecret sealed) {
        byte[] plain = seal.open(purpose(owner), sealed);
        try {
            int at = separator(plain);
            return new String(plain, at + 1, plain.length - at - 1, StandardCharsets.UTF_8);
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    private static int separator(byte[] plain) {
        for (int i = 0; i < plain.length; i++) {
            if (plain[i] == '\n') {
                return i;
            }
        }
        throw new IllegalStateException("a sealed webhook holds its secret and URL");
    }

    Optional<SealedSecret> rewrap(String owner, SealedSecret sealed) {
        return seal.rewrap(purpose(owner), sealed);
    }

    String newestKid() {
        return seal.newestKid();
    }

    /** {@code owner} is {@code account:<accountId>} or {@code share:<shareId>}. */
    private static String purpose(String owner) {
        return "webhook:" + owner;
    }
}
