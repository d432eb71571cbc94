package app.bar.share.core;

import app.bar.platform.secrets.OpaqueTokens;
import java.util.Objects;

/**
 * How a text share's sealed content is kept in {@code shares.inline_content}: base64url, with the
 * prefix {@value #WHOLE} when it was sealed in one piece ({@code ContentCipher.sealWhole}). A value
 * without it is a streaming-AEAD ciphertext, as text shares were sealed before.
 */
public final class InlineContent {

    public static final String WHOLE = "w1.";

    private InlineContent() {
    }

    public static String whole(byte[] sealed) {
        return WHOLE + OpaqueTokens.base64Url(sealed);
    }

    public static boolean isWhole(String stored) {
        return stored.startsWith(WHOLE);
    }

    public static byte[] sealedBytes(String stored) {
        return Objects.requireNonNull(OpaqueTokens.decodeBase64Url(isWhole(stored) ? stored.substring(WHOLE.length()) : stored));
    }
}
