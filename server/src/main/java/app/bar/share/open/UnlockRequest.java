package app.bar.share;

import org.jspecify.annotations.Nullable;

/** {@code POST /api/shares/{id}/unlock}: whatever the share demands. Secrets as wipeable {@code char[]}. */
record UnlockRequest(char @Nullable [] password, @Nullable String accessKey, @Nullable String email,
        @Nullable String otp) {

    static final UnlockRequest EMPTY = new UnlockRequest(null, null, null, null);

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
