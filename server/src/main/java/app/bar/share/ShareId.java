package app.bar.share;

import app.bar.platform.secrets.OpaqueTokens;
import java.util.regex.Pattern;

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

    public static boolean isValid(String value) {
        return value != null && FORM.matcher(value).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
