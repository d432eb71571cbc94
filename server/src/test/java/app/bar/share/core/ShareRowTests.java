package app.bar.share.core;

import static org.assertj.core.api.Assertions.assertThat;

import app.bar.crypto.SealedKey;
import app.bar.share.ShareId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class ShareRowTests {

    private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");
    private static final ShareKeys KEYS = new ShareKeys(new SealedKey("k1", "c2VhbGVk", false), null, null, null, null);

    @Test
    void viewsLeftWhenLimitedThenLimitMinusUsedNeverBelowZero() {
        assertThat(row(3, 1, KEYS).viewsLeft()).isEqualTo(2);
        assertThat(row(3, 5, KEYS).viewsLeft()).isZero();
    }

    @Test
    void viewsLeftWhenUnlimitedThenNull() {
        assertThat(row(null, 40, KEYS).viewsLeft()).isNull();
        assertThat(row(null, 40, KEYS).hasViewsLeft()).isTrue();
    }

    @Test
    void isOpenableWhenActiveWithKeyAndViewsThenTrue() {
        assertThat(row(1, 0, KEYS).isOpenable(NOW)).isTrue();
    }

    @Test
    void isOpenableWhenViewsUsedUpThenFalseButStillLive() {
        ShareRow used = row(1, 1, KEYS);
        assertThat(used.isOpenable(NOW)).isFalse();
        assertThat(used.isLive(NOW)).isTrue();
    }

    @Test
    void isLiveWhenKeyShreddedOrExpiredThenFalse() {
        assertThat(row(1, 0, ShareKeys.NONE).isLive(NOW)).isFalse();
        assertThat(row(1, 0, KEYS).isLive(NOW.plusSeconds(3600))).isFalse();
    }

    @Test
    void toStringWhenPrintedThenNoKeysContentOrHashes() {
        String printed = row(1, 0, KEYS).toString() + KEYS + new StoredContent("secret.txt", null, 3L, null, "w1.abc", null);
        assertThat(printed).doesNotContain("c2VhbGVk", "secret.txt", "w1.abc", "manage-hash");
    }

    private static ShareRow row(@Nullable Integer maxViews, int used, ShareKeys keys) {
        return new ShareRow(ShareId.random(), ShareKind.TEXT, ShareState.ACTIVE, null, "manage-hash", NOW.minusSeconds(60),
                NOW.plusSeconds(60), new AccessPolicy(maxViews, null, false, false, false, false, null, false), keys,
                new StoredContent(null, null, null, null, null, null), new ViewCount(used, null), FailedAttempts.NONE, null, null);
    }
}
