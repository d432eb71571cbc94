package app.bar.share.create;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;

/**
 * User filenames, which are only ever a download name (ASVS 5.3.2, 5.4.1): never a path on
 * disk. Sanitised on the way in, and sent only in an RFC 6266 {@code Content-Disposition}
 * with an ASCII fallback and a UTF-8 {@code filename*}.
 */
public final class Filenames {

    public static final String FALLBACK = "download";

    private Filenames() {
    }

    /** The longest name kept, in characters (code points). */
    static final int MAX_LENGTH = 200;

    /**
     * The last path segment, without control, bidi-override or reserved characters, lone
     * surrogates or leading dots, and at most {@value #MAX_LENGTH} characters, cut between code
     * points: the result is always well-formed Unicode, so valid UTF-8 in the header.
     */
    static String sanitize(String name) {
        String s = Normalizer.normalize(name, Normalizer.Form.NFC);
        int slash = Math.max(s.lastIndexOf('/'), s.lastIndexOf('\\'));
        s = s.substring(slash + 1);
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().forEach(c -> {
            int type = Character.getType(c);
            boolean control = Character.isISOControl(c) || type == Character.FORMAT || type == Character.SURROGATE;
            boolean reserved = "<>:\"|?*;".indexOf(c) >= 0;
            out.appendCodePoint(control || reserved ? '_' : c);
        });
        String result = out.toString().strip();
        while (result.startsWith(".")) {
            result = result.substring(1);
        }
        return result.codePointCount(0, result.length()) > MAX_LENGTH
                ? result.substring(0, result.offsetByCodePoints(0, MAX_LENGTH)) : result;
    }

    /** {@code attachment; filename="ascii"; filename*=UTF-8''percent-encoded}. */
    public static String attachment(String name) {
        String safe = sanitize(name);
        if (safe.isEmpty()) {
            safe = FALLBACK;
        }
        StringBuilder ascii = new StringBuilder();
        safe.codePoints().forEach(c -> ascii.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' && c != '%'
                ? (char) c : '_'));
        String encoded = URLEncoder.encode(safe, StandardCharsets.UTF_8).replace("+", "%20");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }
}
