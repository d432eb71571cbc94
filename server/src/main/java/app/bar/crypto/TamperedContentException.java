package app.bar.crypto;

import java.io.IOException;

/** Ciphertext that does not authenticate: a flipped, truncated, reordered or foreign blob. */
public final class TamperedContentException extends IOException {

    TamperedContentException(Throwable cause) {
        super("content failed authentication", cause);
    }
}
