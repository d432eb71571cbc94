package app.bar.chat;

import app.bar.platform.secrets.OpaqueTokens;
import org.jspecify.annotations.Nullable;

/**
 * Owner tokens of rooms ({@code bar_ct_} + 256 random bits), stored and compared as manage tokens
 * are: by SHA-256, in constant time.
 */
final class OwnerTokens {

    static final String PREFIX = "bar_ct_";

    private OwnerTokens() {
    }

    static String newToken() {
        return PREFIX + OpaqueTokens.newSecret();
    }

    static String hash(String token) {
        return OpaqueTokens.sha256Hex(token);
    }

    static boolean matches(ChatRoom room, String token) {
        return OpaqueTokens.sameHash(room.ownerTokenHash(), hash(token));
    }

    /** The bearer value of {@code Authorization: Bearer bar_ct_...}, or null. */
    static @Nullable String fromHeader(@Nullable String authorization) {
        return OpaqueTokens.bearer(authorization, PREFIX);
    }
}
