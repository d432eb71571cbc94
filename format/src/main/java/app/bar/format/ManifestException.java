package app.bar.format;

import java.io.IOException;

/**
 * A multi-file manifest (or the content it describes) that breaks a rule of the format: the
 * share is damaged (or was not made by a BAR client), and a reader writes none of it.
 */
public final class ManifestException extends IOException {

    private static final long serialVersionUID = 1L;

    public ManifestException(String message) {
        super(message);
    }

    public ManifestException(String message, Throwable cause) {
        super(message, cause);
    }
}
