package app.bar.storage;

import app.bar.platform.secrets.StrongRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/** A blob's name: 128 random bits, base64url. Never derived from user input, so never a path trick. */
public record BlobId(String value) {

    private static final Pattern FORM = Pattern.compile("[A-Za-z0-9_-]{22}");

    public BlobId {
        if (!FORM.matcher(value).matches()) {
            throw new IllegalArgumentException("a blob id is 22 base64url characters");
        }
    }

    public static BlobId random() {
        byte[] bytes = new byte[16];
        StrongRandom.current().nextBytes(bytes);
        return new BlobId(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    public static boolean isValid(String value) {
        return FORM.matcher(value).matches();
    }
}
