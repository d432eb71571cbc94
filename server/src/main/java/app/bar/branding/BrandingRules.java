package app.bar.branding;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;

/**
 * The rules every branding setting must follow, on every start (the embedded default too): each
 * value ends up in every page and mail, so none may carry markup that is not escaped, a style, a
 * script URL or a file the browser would run. Shared by {@link BrandingProductionCheck} (before
 * the context starts, one {@code config.invalid} line per problem) and {@link Branding} (which
 * refuses the same values if it is ever built without the check). Rules name the variable, never
 * the value.
 */
final class BrandingRules {

    static final int MAX_NAME = 60;
    static final int MAX_TEXT = 300;
    static final int MAX_LINK = 500;
    static final int MAX_LOGO_BYTES = 256 * 1024;

    /** Only six hex digits: anything else could close the CSS declaration it is written into. */
    private static final Pattern COLOR = Pattern.compile("#[0-9a-fA-F]{6}");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}\\u202A-\\u202E\\u2066-\\u2069]");
    private static final String LINK_RULE = "must be an https:// URL or a path starting with a single /"
            + " (no spaces, quotes, angle brackets or backslashes)";

    /** The settings, with the property each binds and the variable the README names. */
    enum Setting {
        NAME("bar.branding.name", "BAR_BRANDING_NAME"),
        LOGO("bar.branding.logo", "BAR_BRANDING_LOGO"),
        ACCENT_COLOR("bar.branding.accent-color", "BAR_BRANDING_ACCENT_COLOR"),
        FOOTER_TEXT("bar.branding.footer-text", "BAR_BRANDING_FOOTER_TEXT"),
        IMPRINT_URL("bar.branding.imprint-url", "BAR_BRANDING_IMPRINT_URL"),
        PRIVACY_URL("bar.branding.privacy-url", "BAR_BRANDING_PRIVACY_URL"),
        TERMS_URL("bar.branding.terms-url", "BAR_BRANDING_TERMS_URL"),
        NOTICE("bar.branding.notice", "BAR_BRANDING_NOTICE");

        final String key;
        final String variable;

        Setting(String key, String variable) {
            this.key = key;
            this.variable = variable;
        }
    }

    /** A broken rule: the variable and what it must be. */
    record Problem(String variable, String rule) {

        @Override
        public String toString() {
            return variable + " " + rule;
        }
    }

    /** A logo as served: its bytes and the type read from them (never from the file name). */
    record Logo(byte[] bytes, MediaType type) {
    }

    /** The logo file does not qualify; {@link #getMessage()} is the rule. */
    static final class InvalidLogo extends Exception {

        private static final long serialVersionUID = 1L;

        InvalidLogo(String rule) {
            super(rule);
        }
    }

    private BrandingRules() {
    }

    /** Every problem of the values {@code value} gives (a blank value is an unset one, always fine). */
    static List<Problem> problems(Function<Setting, String> value) {
        List<Problem> problems = new ArrayList<>();
        text(problems, Setting.NAME, value.apply(Setting.NAME), MAX_NAME);
        text(problems, Setting.FOOTER_TEXT, value.apply(Setting.FOOTER_TEXT), MAX_TEXT);
        text(problems, Setting.NOTICE, value.apply(Setting.NOTICE), MAX_TEXT);
        String color = value.apply(Setting.ACCENT_COLOR).strip();
        if (!color.isEmpty() && !COLOR.matcher(color).matches()) {
            problems.add(new Problem(Setting.ACCENT_COLOR.variable, "must be a colour written #rrggbb (six hex digits)"));
        }
        for (Setting link : List.of(Setting.IMPRINT_URL, Setting.PRIVACY_URL, Setting.TERMS_URL)) {
            String url = value.apply(link).strip();
            if (!url.isEmpty() && !isSafeLink(url)) {
                problems.add(new Problem(link.variable, LINK_RULE));
            }
        }
        String logo = value.apply(Setting.LOGO).strip();
        if (!logo.isEmpty()) {
            try {
                readLogo(logo);
            } catch (InvalidLogo e) {
                problems.add(new Problem(Setting.LOGO.variable, e.getMessage()));
            }
        }
        return problems;
    }

    private static void text(List<Problem> problems, Setting setting, String value, int max) {
        String text = value.strip();
        if (text.codePointCount(0, text.length()) > max) {
            problems.add(new Problem(setting.variable, "must be at most " + max + " characters"));
        }
        if (CONTROL.matcher(text).find()) {
            problems.add(new Problem(setting.variable, "must be one line without control or direction-override characters"));
        }
    }

    /**
     * An absolute {@code https://} URL with a host and no user part, or a path on this server
     * ({@code /imprint}, not {@code //host}, which browsers read as another host). Everything
     * else is refused: {@code javascript:}, {@code data:}, {@code http:}, relative paths.
     */
    static boolean isSafeLink(String url) {
        if (url.length() > MAX_LINK || url.chars().anyMatch(c -> c <= 0x20 || c == 0x7f || "\\\"'<>`".indexOf(c) >= 0)) {
            return false;
        }
        if (url.startsWith("/")) {
            return !url.startsWith("//");
        }
        try {
            URI uri = new URI(url);
            return url.startsWith("https://") && uri.getHost() != null && uri.getRawUserInfo() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /**
     * Reads and checks the logo file: at most {@link #MAX_LOGO_BYTES}, and a PNG, JPEG, GIF or
     * WebP image by its first bytes. SVG is refused: it is a document that can hold script.
     */
    static Logo readLogo(String file) throws InvalidLogo {
        Path path;
        try {
            path = Path.of(file);
        } catch (InvalidPathException e) {
            throw new InvalidLogo("must be the path of a readable image file");
        }
        byte[] bytes;
        try {
            if (!Files.isRegularFile(path)) {
                throw new InvalidLogo("must be the path of a readable image file");
            }
            if (Files.size(path) > MAX_LOGO_BYTES) {
                throw new InvalidLogo("must be a file of at most " + MAX_LOGO_BYTES / 1024 + " KiB");
            }
            try (InputStream in = Files.newInputStream(path)) {
                bytes = in.readNBytes(MAX_LOGO_BYTES + 1);
            }
        } catch (IOException e) {
            throw new InvalidLogo("must be the path of a readable image file");
        }
        if (bytes.length > MAX_LOGO_BYTES) {
            throw new InvalidLogo("must be a file of at most " + MAX_LOGO_BYTES / 1024 + " KiB");
        }
        MediaType type = imageType(bytes);
        if (type == null) {
            throw new InvalidLogo("must be a PNG, JPEG, GIF or WebP image (SVG is refused: it can hold script)");
        }
        return new Logo(bytes, type);
    }

    private static @Nullable MediaType imageType(byte[] b) {
        if (startsWith(b, 0, 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a)) {
            return MediaType.IMAGE_PNG;
        }
        if (startsWith(b, 0, 0xff, 0xd8, 0xff)) {
            return MediaType.IMAGE_JPEG;
        }
        if (startsWith(b, 0, 'G', 'I', 'F', '8')) {
            return MediaType.IMAGE_GIF;
        }
        if (startsWith(b, 0, 'R', 'I', 'F', 'F') && startsWith(b, 8, 'W', 'E', 'B', 'P')) {
            return new MediaType("image", "webp");
        }
        return null;
    }

    private static boolean startsWith(byte[] bytes, int offset, int... expected) {
        if (bytes.length < offset + expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if ((bytes[offset + i] & 0xff) != expected[i]) {
                return false;
            }
        }
        return true;
    }
}
