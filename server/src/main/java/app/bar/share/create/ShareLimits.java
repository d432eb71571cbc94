package app.bar.share.create;

import app.bar.share.ShareProperties;

/**
 * What a creator may choose, for anonymous and for signed-in creators: the same bounds
 * {@link SharePolicy} and {@link ShareUpload} enforce, so the create page offers only those and
 * checks a file's size before it encrypts anything (issue 13 item 8). Durations in seconds,
 * sizes in bytes: the page says them in its own words.
 */
public record ShareLimits(
        long minExpiresIn,
        long defaultExpiresIn,
        int maxViews,
        long maxTextBytes,
        Tier anonymous,
        Tier signedIn) {

    /** One kind of creator's limits; {@code maxFileBytes} bounds the uploaded bytes (a zero-knowledge container). */
    public record Tier(boolean canCreate, long maxExpiresIn, long maxFileBytes, boolean unlimitedViews) {
    }

    public static ShareLimits of(ShareProperties properties) {
        return new ShareLimits(SharePolicy.MIN_EXPIRY_SECONDS, properties.defaultExpiry().toSeconds(),
                SharePolicy.MAX_VIEWS, properties.maxTextSize().toBytes(),
                tier(properties, false, properties.anonymousCreateEnabled()), tier(properties, true, true));
    }

    private static Tier tier(ShareProperties properties, boolean signedIn, boolean canCreate) {
        return new Tier(canCreate, properties.expiryLimit(signedIn).toSeconds(), properties.fileLimit(signedIn).toBytes(),
                signedIn);
    }
}
