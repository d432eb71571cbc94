package app.bar.platform.secrets;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The text form of a key ring, as {@code BAR_JWT_KEYS} and {@code BAR_MASTER_KEYS} hold it:
 * {@code kid:secret[,kid:secret...]}, newest first. A kid is 1–64 characters of
 * {@code [A-Za-z0-9_.-]}; a secret is base64url (standard base64 is accepted too), padding
 * optional. Problems are reported as rules only: this class never puts a value in a message.
 */
public final class KeyRingSpec {

    /** HMAC-SHA256 keys: at least 32 bytes (RFC 7518 §3.2). */
    public static final int JWT_KEY_BYTES = 32;
    /** AES-256 master keys: exactly 32 bytes. */
    public static final int MASTER_KEY_BYTES = 32;

    private static final Pattern KID = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    private KeyRingSpec() {
    }

    /** Parses a ring whose keys must be at least {@code minBytes} and at most {@code maxBytes} long. */
    public static KeyRing parse(String spec, int minBytes, int maxBytes) {
        List<String> problems = new ArrayList<>();
        List<KeyRing.Entry> entries = read(spec, minBytes, maxBytes, problems);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("key ring: " + String.join("; ", problems));
        }
        return new KeyRing(entries);
    }

    /** The rules {@code spec} breaks, empty when it is a valid ring. */
    public static List<String> problems(String spec, int minBytes, int maxBytes) {
        List<String> problems = new ArrayList<>();
        read(spec, minBytes, maxBytes, problems);
        return problems;
    }

    /** A new {@code kid:secret} entry; the kid carries today's date so rotations are easy to follow. */
    public static String generateEntry(String prefix, int bytes) {
        String kid = prefix + "-" + LocalDate.now(ZoneOffset.UTC) + "-"
                + HexFormat.of().formatHex(SecretBytes.random(3).toByteArray());
        return kid + ":" + Base64.getUrlEncoder().withoutPadding().encodeToString(SecretBytes.random(bytes).toByteArray());
    }

    private static List<KeyRing.Entry> read(String spec, int minBytes, int maxBytes, List<String> problems) {
        List<KeyRing.Entry> entries = new ArrayList<>();
        if (spec == null || spec.isBlank()) {
            problems.add("is missing");
            return entries;
        }
        Set<String> kids = new HashSet<>();
        String[] parts = spec.split(",", -1);
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i].strip();
            int colon = part.indexOf(':');
            String position = "entry " + (i + 1);
            if (colon < 0) {
                problems.add(position + " is not in the form kid:base64url-secret");
                continue;
            }
            String kid = part.substring(0, colon);
            if (!KID.matcher(kid).matches()) {
                problems.add(position + " has a key id that is not 1-64 characters of A-Z a-z 0-9 _ . -");
                continue;
            }
            if (!kids.add(kid)) {
                problems.add(position + " repeats a key id");
                continue;
            }
            byte[] secret = decode(part.substring(colon + 1));
            if (secret == null) {
                problems.add(position + " has a secret that is not base64url");
            } else if (secret.length < minBytes) {
                problems.add(position + " has a secret shorter than " + minBytes + " bytes");
            } else if (secret.length > maxBytes) {
                problems.add(position + " has a secret longer than " + maxBytes + " bytes");
            } else {
                entries.add(new KeyRing.Entry(kid, SecretBytes.copyOf(secret)));
            }
        }
        return entries;
    }

    private static byte[] decode(String text) {
        String trimmed = text.strip();
        if (trimmed.isEmpty()) {
            return null;
        }
        try {
            return Base64.getUrlDecoder().decode(trimmed);
        } catch (IllegalArgumentException notUrl) {
            try {
                return Base64.getDecoder().decode(trimmed);
            } catch (IllegalArgumentException notStandard) {
                return null;
            }
        }
    }
}
