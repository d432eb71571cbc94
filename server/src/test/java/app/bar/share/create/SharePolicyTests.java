package app.bar.share.create;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import app.bar.platform.error.BarProblem;
import app.bar.platform.secrets.Password;
import app.bar.share.ShareProperties;
import app.bar.share.TestShareProperties;
import java.time.Duration;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class SharePolicyTests {

    static ShareProperties limits(boolean anonymousCreate) {
        return TestShareProperties.defaults(anonymousCreate);
    }

    static CreateShareRequest text(String text) {
        return new CreateShareRequest("text", text.toCharArray(), null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null);
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
        assertInvalid(() -> SharePolicy.of(text(text), false, limits(true)), "text", "field.size");
    }

    @Test
    void ofWhenFileShareCarriesTextThenInvalid() {
        CreateShareRequest r = new CreateShareRequest("file", "x".toCharArray(), null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null);
        assertInvalid(() -> SharePolicy.of(r, true, limits(true)), "text", "share.field_not_allowed");
    }

    @Test
    void ofWhenOtpEmailsWithoutRequireOtpThenInvalid() {
        CreateShareRequest r = new CreateShareRequest("text", "x".toCharArray(), null, null, null, null, null, null,
                List.of("a@example.com"), null, null, null, null, null, null, null, null, null);
        assertInvalid(() -> SharePolicy.of(r, true, limits(true)), "otpEmails", "share.field_not_allowed");
    }

    @Test
    void ofWhenBurnAfterFailedAttemptsOutOfRangeThenInvalid() {
        CreateShareRequest r = new CreateShareRequest("text", "x".toCharArray(), null, null, null, null, null, null, null,
                null, null, 0, null, null, null, null, null, null);
        BarProblem.Invalid e = assertInvalid(() -> SharePolicy.of(r, true, limits(true)), "burnAfterFailedAttempts",
                "field.out_of_range");
        assertThat(e.min()).isEqualTo(1);
        assertThat(e.max()).isEqualTo(100);
    }

    @Test
    void ofWhenFilenameIsPathThenOnlyLastSegmentKept() {
        CreateShareRequest r = new CreateShareRequest("file", null, "../../x/y.txt", null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null);
        assertThat(SharePolicy.of(r, true, limits(true)).filename()).isEqualTo("y.txt");
    }

    @Test
    void ofWhenAnonymousSetsWebhookUrlThenInvalidNamingWebhookUrl() {
        assertInvalid(() -> SharePolicy.of(withWebhook("https://hooks.example.com/x"), false, limits(true)), "webhookUrl",
                "share.signed_in_only");
    }

    @Test
    void ofWhenWebhookUrlTooLongThenInvalidNamingWebhookUrl() {
        String url = "https://hooks.example.com/" + "a".repeat(SharePolicy.MAX_WEBHOOK_URL);
        BarProblem.Invalid e = assertInvalid(() -> SharePolicy.of(withWebhook(url), true, limits(true)), "webhookUrl",
                "field.size");
        assertThat(e.max()).isEqualTo(SharePolicy.MAX_WEBHOOK_URL);
    }

    @Test
    void ofWhenSignedInSetsWebhookUrlThenKept() {
        assertThat(SharePolicy.of(withWebhook("https://hooks.example.com/x"), true, limits(true)).webhookUrl())
                .isEqualTo("https://hooks.example.com/x");
    }

    @Test
    void ofWhenKindMissingThenRequired() {
        CreateShareRequest r = new CreateShareRequest(null, "x".toCharArray(), null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null);
        assertInvalid(() -> SharePolicy.of(r, true, limits(true)), "kind", "field.required");
    }

    @Test
    void ofWhenKindUnknownThenUnknownValue() {
        CreateShareRequest r = new CreateShareRequest("image", "x".toCharArray(), null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null);
        assertInvalid(() -> SharePolicy.of(r, true, limits(true)), "kind", "field.unknown_value");
    }

    @Test
    void ofWhenAnonymousExpiryPastItsLimitThenOutOfRangeWithTheAnonymousBoundsInSeconds() {
        CreateShareRequest r = new CreateShareRequest("text", "x".toCharArray(), null, ExpiresIn.ofSeconds(8 * 86_400L), null, null, null, null,
                null, null, null, null, null, null, null, null, null, null);
        BarProblem.Invalid e = assertInvalid(() -> SharePolicy.of(r, false, limits(true)), "expiresIn", "field.out_of_range");
        assertThat(e.min()).isEqualTo(60);
        assertThat(e.max()).isEqualTo(7 * 86_400);
    }

    @Test
    void ofWhenSignedInExpiryPastItsLimitThenOutOfRangeWithTheSignedInBounds() {
        CreateShareRequest r = new CreateShareRequest("text", "x".toCharArray(), null, ExpiresIn.ofSeconds(31 * 86_400L), null, null, null, null,
                null, null, null, null, null, null, null, null, null, null);
        assertThat(assertInvalid(() -> SharePolicy.of(r, true, limits(true)), "expiresIn", "field.out_of_range").max())
                .isEqualTo(30 * 86_400);
    }

    @Test
    void ofWhenAnonymousAsksForUnlimitedViewsThenSignedInOnly() {
        CreateShareRequest r = new CreateShareRequest("text", "x".toCharArray(), null, null, null, true, null, null, null,
                null, null, null, null, null, null, null, null, null);
        assertInvalid(() -> SharePolicy.of(r, false, limits(true)), "unlimitedViews", "share.signed_in_only");
    }

    @Test
    void ofWhenPasswordInZeroKnowledgeModeThenNotAllowed() {
        CreateShareRequest r = new CreateShareRequest("text", "x".toCharArray(), null, null, null, null,
                Password.of("pw"), null, null, null, null, null, true, null, null, null, null, null);
        assertInvalid(() -> SharePolicy.of(r, true, limits(true)), "password", "share.field_not_allowed");
    }

    @Test
    void ofWhenPasswordLongerThanTheLimitInCodePointsThenSizeWithTheLimit() {
        CreateShareRequest r = new CreateShareRequest("text", "x".toCharArray(), null, null, null, null,
                Password.of("x".repeat(SharePolicy.MAX_PASSWORD + 1)), null, null, null, null, null, null, null, null, null, null, null);
        assertThat(assertInvalid(() -> SharePolicy.of(r, true, limits(true)), "password", "field.size").max())
                .isEqualTo(SharePolicy.MAX_PASSWORD);
    }

    @Test
    void ofWhenZeroKnowledgeWithoutLinkVerifierThenRequired() {
        CreateShareRequest r = new CreateShareRequest("text", "x".toCharArray(), null, null, null, null, null, null, null,
                null, null, null, true, null, null, null, null, null);
        assertInvalid(() -> SharePolicy.of(r, true, limits(true)), "linkVerifier", "field.required");
    }

    @Test
    void ofWhenOtpEmailMalformedThenFormat() {
        CreateShareRequest r = new CreateShareRequest("text", "x".toCharArray(), null, null, null, null, null, true,
                List.of("not an address"), null, null, null, null, null, null, null, null, null);
        assertInvalid(() -> SharePolicy.of(r, true, limits(true)), "otpEmails", "field.format");
    }

    private static BarProblem.Invalid assertInvalid(ThrowingCallable call,
            String field, String code) {
        Throwable thrown = catchThrowable(call);
        assertThat(thrown).isInstanceOfSatisfying(BarProblem.Invalid.class, e -> {
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.fieldCode()).isEqualTo(code);
        });
        return (BarProblem.Invalid) thrown;
    }

    private static CreateShareRequest withWebhook(String url) {
        return new CreateShareRequest("text", "x".toCharArray(), null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, url, null);
    }
}
