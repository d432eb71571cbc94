package app.bar.share;

import app.bar.platform.secrets.OpaqueTokens;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** A share's id: 128 random bits, base64url (22 characters). It is a capability: never logged. */
public record ShareId(String value) {

    private static final Pattern FORM = Pattern.compile("[A-Za-z0-9_-]{22}");

    public ShareId {
        if (!FORM.matcher(value).matches()) {
            throw new IllegalArgumentException("a share id is 22 base64url characters");
        }
    }

    public static ShareId random() {
        return new ShareId(OpaqueTokens.newId());
    }

    /** The id written in {@code value} (a path segment), or empty when it cannot be one. */
    public static Optional<ShareId> parse(@Nullable String value) {
        return value != null && FORM.matcher(value).matches() ? Optional.of(new ShareId(value)) : Optional.empty();
    }

    @Override
    public String toString() {
        return value;
    }
}
