package app.bar.crypto;

import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Argon2id parameters and salt of one password, stored with the share as
 * {@code argon2id$m=19456,t=2,p=1$<salt base64url>} so a later change of the defaults never
 * breaks an existing share.
 */
public record KdfParams(int memoryKib, int iterations, int parallelism, String salt) {

    private static final Pattern FORM = Pattern.compile("argon2id\\$m=(\\d{1,7}),t=(\\d{1,2}),p=(\\d{1,2})\\$([A-Za-z0-9_-]{16,64})");

    public String encode() {
        return "argon2id$m=" + memoryKib + ",t=" + iterations + ",p=" + parallelism + "$" + salt;
    }

    public static KdfParams decode(String text) {
        Matcher m = FORM.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("not an argon2id parameter string");
        }
        return new KdfParams(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
                m.group(4));
    }

    byte[] saltBytes() {
        return Base64.getUrlDecoder().decode(salt);
    }
}
