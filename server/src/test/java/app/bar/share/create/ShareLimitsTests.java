package app.bar.share.create;

import static org.assertj.core.api.Assertions.assertThat;

import app.bar.share.TestShareProperties;
import org.junit.jupiter.api.Test;

/** The limits the create page is given are the ones creation enforces. */
class ShareLimitsTests {

    @Test
    void limitsWhenAnonymousCreationIsOffThenAnonymousCannotCreateAndSignedInStill() {
        ShareLimits limits = ShareLimits.of(TestShareProperties.defaults(false));
        assertThat(limits.anonymous().canCreate()).isFalse();
        assertThat(limits.signedIn().canCreate()).isTrue();
    }

    @Test
    void limitsWhenDefaultsThenTheBoundsSharePolicyAndUploadEnforce() {
        ShareLimits limits = ShareLimits.of(TestShareProperties.defaults(true));
        assertThat(limits.minExpiresIn()).isEqualTo(SharePolicy.MIN_EXPIRY_SECONDS);
        assertThat(limits.maxViews()).isEqualTo(SharePolicy.MAX_VIEWS);
        assertThat(limits.anonymous().maxExpiresIn()).isEqualTo(7 * 86400);
        assertThat(limits.anonymous().maxFileBytes()).isEqualTo(100L << 20);
        assertThat(limits.signedIn().maxFileBytes()).isEqualTo(2L << 30);
        assertThat(limits.anonymous().unlimitedViews()).isFalse();
        assertThat(limits.signedIn().unlimitedViews()).isTrue();
    }
}
