package app.bar.share.receipt;

import java.util.Map;
import java.util.TreeMap;

/**
 * The canonical JSON (RFC 8785, JCS) of a flat object whose values are strings and integers — all
 * a receipt holds: members sorted by name, no white space, strings with JSON's minimal escapes,
 * integers in decimal. Written by hand because JCS for this subset is a dozen lines and no
 * library here implements it (Jackson's sorted output does not promise JCS's escaping).
 */
final class CanonicalJson {

    private CanonicalJson() {
    }

    static String of(Map<String, Object> members) {
        StringBuilder json = new StringBuilder(256).append('{');
        new TreeMap<>(members).forEach((name, value) -> {
            if (json.length() > 1) {
                json.append(',');
            }
            string(json, name);
            json.append(':');
            if (value instanceof String text) {
                string(json, text);
            } else if (value instanceof Integer || value instanceof Long) {
                json.append(value);
            } else {
                throw new IllegalArgumentException("a receipt member is a string or an integer: " + name);
            }
        });
        return json.append('}').toString();
    }

    private static void string(StringBuilder json, String text) {
        json.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\b' -> json.append("\\b");
                case '\f' -> json.append("\\f");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }
}
