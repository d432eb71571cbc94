package app.bar.share.create;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.bar.platform.error.BarProblem;
import app.bar.share.ShareProperties;
import app.bar.share.TestShareProperties;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SharePolicyTests {

    static ShareProperties limits(boolean anonymousCreate) {
        return TestShareProperties.defaults(anonymousCreate);
    }

    static CreateShareRequest text(String text) {
        return new CreateShareRequest("text", text.toCharArray(), null, null, null, null, null, null, null, null, null,
                null, null, null, null);
    }

    @Test
    void ofWhenOnlyKindAndTextThenDefaults() {
        SharePolicy p = SharePolicy.of(text("x"), false, limits(true));
        assertThat(p.maxViews()).isEqualTo(1);
        assertThat(p.expiresIn()).isEqualTo(Duration.ofHours(24));
        assertThat(p.hasPassword()).isFalse();
        assertThat(p.otpEmails()).isEmpty();
    }

    @Test
    void ofWhenMultibyteTextOverLimitInBytesThenInvalid() {
        String text = "é".repeat(600 * 1024); // 600 Ki characters, 1.2 MiB of UTF-8
        assertThatThrownBy(() -> SharePolicy.of(text(text), false, limits(true)))
                .isInstanceOfSatisfying(BarProblem.Invalid.class, e -> assertThat(e.field()).isEqualTo("text"));
    }

    @Test
    void ofWhenFileShareCarriesTextThenInvalid() {
        CreateShareRequest r = new CreateShareRequest("file", "x".toCharArray(), null, null, null, null, null, null, null,
                null, null, null, null, null, null);
        assertThatThrownBy(() -> SharePolicy.of(r, true, limits(true)))
                .isInstanceOfSatisfying(BarProblem.Invalid.class, e -> assertThat(e.field()).isEqualTo("text"));
    }

    @Test
    void ofWhenOtpEmailsWithoutRequireOtpThenInvalid() {
        CreateShareRequest r = new CreateShareRequest("text", "x".toCharArray(), null, null, null, null, null, null,
                List.of("a@example.com"), null, null, null, null, null, null);
        assertThatThrownBy(() -> SharePolicy.of(r, true, limits(true)))
                .isInstanceOfSatisfying(BarProblem.Invalid.class, e -> assertThat(e.field()).isEqualTo("otpEmails"));
    }

    @Test
    void ofWhenBurnAfterFailedAttemptsOutOfRangeThenInvalid() {
        CreateShareRequest r = new CreateShareRequest("text", "x".toCharArray(), null, null, null, null, null, null, null,
                null, null, 0, null, null, null);
        assertThatThrownBy(() -> SharePolicy.of(r, true, limits(true)))
                .isInstanceOfSatisfying(BarProblem.Invalid.class,
                        e -> assertThat(e.field()).isEqualTo("burnAfterFailedAttempts"));
    }

    @Test
    void ofWhenFilenameIsPathThenOnlyLastSegmentKept() {
        CreateShareRequest r = new CreateShareRequest("file", null, "../../x/y.txt", null, null, null, null, null, null,
                null, null, null, null, null, null);
        assertThat(SharePolicy.of(r, true, limits(true)).filename()).isEqualTo("y.txt");
    }

    @Test
    void ofWhenAnonymousSetsWebhookUrlThenInvalidNamingWebhookUrl() {
        assertThatThrownBy(() -> SharePolicy.of(withWebhook("https://hooks.example.com/x"), false, limits(true)))
                .isInstanceOfSatisfying(BarProblem.Invalid.class, e -> assertThat(e.field()).isEqualTo("webhookUrl"));
    }

    @Test
    void ofWhenWebhookUrlTooLongThenInvalidNamingWebhookUrl() {
        String url = "https://hooks.example.com/" + "a".repeat(SharePolicy.MAX_WEBHOOK_URL);
        assertThatThrownBy(() -> SharePolicy.of(withWebhook(url), true, limits(true)))
                .isInstanceOfSatisfying(BarProblem.Invalid.class, e -> assertThat(e.field()).isEqualTo("webhookUrl"));
    }

    @Test
    void ofWhenSignedInSetsWebhookUrlThenKept() {
        assertThat(SharePolicy.of(withWebhook("https://hooks.example.com/x"), true, limits(true)).webhookUrl())
                .isEqualTo("https://hooks.example.com/x");
    }

    private static CreateShareRequest withWebhook(String url) {
        return new CreateShareRequest("text", "x".toCharArray(), null, null, null, null, null, null, null, null, null,
                null, null, null, url);
    }
}
