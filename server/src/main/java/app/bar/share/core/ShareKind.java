package app.bar.share.core;

import java.util.Optional;

/** What a share holds. {@link #value} is its name in the API and in {@code shares.kind}. */
public enum ShareKind {
    /** A text sealed at creation and kept in the row. */
    TEXT("text"),
    /** A file uploaded after creation and kept in the blob store. */
    FILE("file");

    private final String value;

    ShareKind(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    /** The kind named {@code value} ({@code text}, {@code file}); empty for anything else. */
    public static Optional<ShareKind> of(String value) {
        for (ShareKind kind : values()) {
            if (kind.value.equals(value)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
