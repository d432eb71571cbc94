package app.bar.share.open;

import org.jspecify.annotations.Nullable;

/** {@code POST /api/shares/{id}/unlock}: whatever the share demands. Secrets as wipeable {@code char[]}. */
public record UnlockRequest(char @Nullable [] password, @Nullable String accessKey, @Nullable String email,
        @Nullable String otp) {

    public static final UnlockRequest EMPTY = new UnlockRequest(null, null, null, null);

    void wipe() {
        if (password != null) {
            java.util.Arrays.fill(password, '\0');
        }
    }

    @Override
    public String toString() {
        return "UnlockRequest[hidden]";
    }
}
