package app.bar.share.core;

import app.bar.platform.error.BarProblem;
import app.bar.platform.secrets.OpaqueTokens;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Manage tokens ({@code bar_mt_} + 256 random bits) authorise upload and burn of one share. They
 * are compared by SHA-256 in constant time; a wrong token answers as a missing share does.
 */
public final class ManageTokens {

    /** What tells a manage token from other bearer values (API tokens are {@code bar_pat_}). */
    static final String PREFIX = "bar_mt_";

    private ManageTokens() {
    }

    /** A new manage token, which the creator sees once. */
    public static String newToken() {
        return PREFIX + OpaqueTokens.newSecret();
    }

    /** What {@code shares.manage_token_hash} holds. */
    public static String hash(String token) {
        return OpaqueTokens.sha256Hex(token);
    }

    /** The bearer value of an {@code Authorization: Bearer bar_mt_...} header, or null. */
    public static @Nullable String fromHeader(@Nullable String authorization) {
        return OpaqueTokens.bearer(authorization, PREFIX);
    }

    public static boolean matches(ShareRow share, @Nullable String token) {
        return token != null && OpaqueTokens.sameHash(share.manageTokenHash(), hash(token));
    }

    /** The share, when it is live (or awaiting upload) and the token is its own; otherwise 404. */
    public static ShareRow authorize(Optional<ShareRow> found, @Nullable String token, Instant now) {
        ShareRow share = found.orElseThrow(BarProblem.NotFound::new);
        boolean live = (share.state() == ShareState.ACTIVE || share.state() == ShareState.PENDING
                || share.state() == ShareState.UPLOADING) && share.expiresAt().isAfter(now);
        if (!live || !matches(share, token)) {
            throw new BarProblem.NotFound();
        }
        return share;
    }
}
