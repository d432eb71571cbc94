package app.bar.share.open;

import app.bar.platform.secrets.Password;
import org.jspecify.annotations.Nullable;

/**
 * {@code POST /api/shares/{id}/unlock}: whatever the share demands. The password, the
 * zero-knowledge access keys (of the password and of the link) and the one-time code are {@link Password}s: read from JSON without a
 * {@code String}, wiped after use, never printed. {@code language}: the language of the page that asks for
 * a one-time code, the language of the mail to the recipient (issue 17); English when absent.
 */
public record UnlockRequest(@Nullable Password password, @Nullable Password accessKey,
        @Nullable Password linkAccessKey, @Nullable String email, @Nullable Password otp, @Nullable String language) {

    public static final UnlockRequest EMPTY = new UnlockRequest(null, null, null, null, null, null);

    void wipe() {
        for (Password secret : new Password[] {password, accessKey, linkAccessKey, otp}) {
            if (secret != null) {
                secret.wipe();
            }
        }
    }

    @Override
    public String toString() {
        return "UnlockRequest[hidden]";
    }
}
