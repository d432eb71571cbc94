package app.bar.share;

import java.util.Objects;

/**
 * How a text share's sealed content is kept in {@code shares.inline_content}: base64url, with the
 * prefix {@value #WHOLE} when it was sealed in one piece ({@code ContentCipher.sealWhole}). A value
 * without it is a streaming-AEAD ciphertext, as text shares were sealed before.
 */
final class InlineContent {

    static final String WHOLE = "w1.";

    private InlineContent() {
    }

    static String whole(byte[] sealed) {
        return WHOLE + Tokens.base64(sealed);
    }

    static boolean isWhole(String stored) {
        return stored.startsWith(WHOLE);
    }

    static byte[] sealedBytes(String stored) {
        return Objects.requireNonNull(Tokens.decode(isWhole(stored) ? stored.substring(WHOLE.length()) : stored));
    }
}
