package app.bar.platform.secrets;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;

/**
 * Random identifiers and bearer credentials that mean nothing by themselves: bytes from
 * {@code SecureRandom} (at least 128 bits, ASVS 7.2.3), written as base64url without padding, and
 * the SHA-256 under which credentials are stored. They carry 128 to 256 random bits, so a fast
 * hash is enough (a password hash would only cost CPU), and stored hashes are compared in
 * constant time.
 */
public final class OpaqueTokens {

    /** Fewer random bits than this could be guessed. */
    public static final int MIN_BYTES = 16;

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private OpaqueTokens() {
    }

    /** 128 bits: ids of accounts, sessions, API tokens and shares (22 characters). */
    public static String newId() {
        return random(16);
    }

    /** 256 bits: refresh, verification, reset, API, manage and viewer tokens (43 characters). */
    public static String newSecret() {
        return random(32);
    }

    /** {@code bytes} random bytes as base64url. */
    public static String random(int bytes) {
        return base64Url(randomBytes(bytes));
    }

    /** {@code n} random bytes, for tokens the caller encodes itself. */
    public static byte[] randomBytes(int n) {
        if (n < MIN_BYTES) {
            throw new IllegalArgumentException("a token needs at least " + MIN_BYTES + " random bytes, was " + n);
        }
        byte[] b = new byte[n];
        StrongRandom.current().nextBytes(b);
        return b;
    }

    public static String base64Url(byte[] bytes) {
        return BASE64URL.encodeToString(bytes);
    }

    /** The bytes of a base64url text, or null when it is not base64url. */
    public static byte @Nullable [] decodeBase64Url(String text) {
        try {
            return Base64.getUrlDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    public static byte[] sha256(byte[] input) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(input);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
    }

    /** The hex SHA-256 of a token's UTF-8: how credentials are stored. */
    public static String sha256Hex(String token) {
        return sha256Hex(token.getBytes(StandardCharsets.UTF_8));
    }

    public static String sha256Hex(byte[] input) {
        return HexFormat.of().formatHex(sha256(input));
    }

    /**
     * The token of an {@code Authorization: Bearer <token>} header (the scheme in any case) when it
     * starts with {@code prefix} and is shorter than 128 characters; otherwise null, so a value
     * meant for another kind of token (or none) is never looked up as this kind.
     */
    public static @Nullable String bearer(@Nullable String authorization, String prefix) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String token = authorization.substring(7).strip();
        return token.startsWith(prefix) && token.length() < 128 ? token : null;
    }

    /** Constant-time comparison of two hashes given as text. */
    public static boolean sameHash(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
    }
}
