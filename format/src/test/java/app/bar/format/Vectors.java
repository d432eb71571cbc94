package app.bar.format;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * The shared test vectors (src/test/resources/app/bar/format/vectors.json), which the browser's
 * unit test checks too. Deterministic: fixed link keys, passwords, nonce prefixes and contents.
 * Regenerate only when the format changes: {@code ./mvnw -pl format test -Dbar.format.regenerate=true}.
 */
final class Vectors {

    static final Path FILE = Path.of("src/test/resources/app/bar/format/vectors.json");

    private Vectors() {
    }

    static Map<String, Object> generate() throws IOException, GeneralSecurityException {
        List<Map<String, Object>> valid = new ArrayList<>();
        valid.add(vector("text-no-password", key(1), null, BarContainer.DEFAULT_SEGMENT_SIZE, prefix(1),
                "{\"type\":\"text/plain;charset=utf-8\"}", "correct horse battery staple\n".getBytes(StandardCharsets.UTF_8)));
        valid.add(vector("file-three-segments", key(2), null, 64, prefix(2),
                "{\"name\":\"notes.txt\",\"type\":\"text/plain\",\"size\":150}", pattern(150)));
        valid.add(vector("exact-segment-multiple", key(3), null, 64, prefix(3),
                "{\"name\":\"a.bin\"}", pattern(128 - 4 - "{\"name\":\"a.bin\"}".length())));
        valid.add(vector("password-bound", key(4), "pässwörd ✓ 123", 64, prefix(4),
                "{\"name\":\"contract.pdf\",\"type\":\"application/pdf\",\"size\":70}", pattern(70)));
        valid.add(vector("files", key(5), null, 64, prefix(5), Manifest.of(List.of(
                new FileEntry("report.pdf", "application/pdf", 70),
                new FileEntry("photos/\u00e9t\u00e9.png", "image/png", 90),
                new FileEntry("empty.txt", "text/plain", 0))).toJson(), concat(pattern(70), pattern(90, 5))));

        Map<String, Object> base = valid.get(1);
        byte[] container = Base64.getUrlDecoder().decode((String) base.get("container"));
        List<Map<String, Object>> invalid = new ArrayList<>();
        invalid.add(broken("flipped-ciphertext-byte", base, flip(container, 40)));
        invalid.add(broken("flipped-header-byte", base, flip(container, 9)));
        invalid.add(broken("last-segment-dropped", base, java.util.Arrays.copyOf(container, 16 + 2 * 80)));
        invalid.add(broken("segments-swapped", base, swap(container, 16, 80)));
        invalid.add(broken("trailing-byte", base, append(container, (byte) 0)));

        Map<String, Object> file = new LinkedHashMap<>();
        file.put("format", "BAR container v1 (docs/zero-knowledge-format.md)");
        file.put("note", "binary values are base64url without padding; nonce prefixes are hex");
        file.put("valid", valid);
        file.put("invalid", invalid);
        file.put("invalidManifests", invalidManifests());
        return file;
    }

    /**
     * Containers that open and authenticate, but whose manifest (or content) breaks a rule of the
     * multi-file format: a reader must refuse each and write nothing. "refusal" says which rule.
     */
    private static List<Map<String, Object>> invalidManifests() throws IOException, GeneralSecurityException {
        List<Map<String, Object>> invalid = new ArrayList<>();
        int[] seed = {20};
        Bad bad = (name, refusal, metadata, content) -> {
            Map<String, Object> v = vector(name, key(seed[0]), null, 64, prefix(seed[0] - 10), metadata, content);
            seed[0]++;
            Map<String, Object> ordered = new LinkedHashMap<>();
            ordered.put("name", name);
            ordered.put("refusal", refusal);
            ordered.putAll(v);
            return ordered;
        };
        byte[] five = "evil\n".getBytes(StandardCharsets.UTF_8);
        invalid.add(bad.make("dot-dot-segment", "a path has a \"..\" segment", manifest(5, "../evil.txt", 5), five));
        invalid.add(bad.make("dot-dot-segment-inside", "a path has a \"..\" segment",
                manifest(5, "notes/../../evil.txt", 5), five));
        invalid.add(bad.make("leading-slash", "a path starts with \"/\"", manifest(5, "/tmp/evil.txt", 5), five));
        invalid.add(bad.make("duplicate-path-by-case", "two paths are the same ignoring case",
                manifest(5, "Report.pdf", 2, "report.PDF", 3), five));
        invalid.add(bad.make("path-prefix-of-another", "a path is also a folder of another path",
                manifest(5, "a/b", 2, "a/b/c", 3), five));
        invalid.add(bad.make("sizes-do-not-add-up", "the files' sizes do not add up to \"size\"",
                manifest(6, "a.txt", 2, "b.txt", 3), "evil\n!".getBytes(StandardCharsets.UTF_8)));
        invalid.add(bad.make("content-longer-than-size", "the content is longer than \"size\"", manifest(4, "a.txt", 4), five));
        invalid.add(bad.make("content-shorter-than-size", "the content is shorter than \"size\"", manifest(6, "a.txt", 6), five));
        Object[] many = new Object[2 * (Manifest.MAX_FILES + 1)];
        for (int i = 0; i < Manifest.MAX_FILES + 1; i++) {
            many[2 * i] = String.format(java.util.Locale.ROOT, "f%04d", i);
            many[2 * i + 1] = 0;
        }
        invalid.add(bad.make("too-many-files", "more than 1000 files", manifest(0, many), new byte[0]));
        invalid.add(bad.make("backslash", "a path has a \"\\\"", manifest(5, "a\\..\\evil.txt", 5), five));
        invalid.add(bad.make("colon", "a path has a \":\"", manifest(5, "C:evil.txt", 5), five));
        invalid.add(bad.make("control-character", "a path has a control character", manifest(5, "evil\u001b[2J.txt", 5), five));
        invalid.add(bad.make("empty-segment", "a path has an empty segment", manifest(5, "a//evil.txt", 5), five));
        invalid.add(bad.make("dot-segment", "a path has a \".\" segment", manifest(5, "./evil.txt", 5), five));
        invalid.add(bad.make("not-nfc", "a path is not in Unicode NFC", manifest(5, "e\u0301vil.txt", 5), five));
        invalid.add(bad.make("no-files", "the list of files is empty", manifest(0), new byte[0]));
        return invalid;
    }

    @FunctionalInterface
    private interface Bad {
        Map<String, Object> make(String name, String refusal, String metadata, byte[] content)
                throws IOException, GeneralSecurityException;
    }

    /** A manifest's JSON as a writer that broke the rules would send it: total, then path and size pairs. */
    private static String manifest(long total, Object... pathsAndSizes) {
        List<Map<String, Object>> files = new ArrayList<>();
        for (int i = 0; i < pathsAndSizes.length; i += 2) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("path", pathsAndSizes[i]);
            entry.put("size", pathsAndSizes[i + 1]);
            files.add(entry);
        }
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("files", files);
        metadata.put("size", total);
        return JsonMapper.builder().build().writeValueAsString(metadata);
    }

    static void write() throws IOException, GeneralSecurityException {
        Files.writeString(FILE, JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsString(generate()) + "\n");
    }

    private static Map<String, Object> vector(String name, byte[] linkKey, String password, int segmentSize, byte[] prefix,
            String metadata, byte[] content) throws IOException, GeneralSecurityException {
        ShareKeys keys = password == null ? ShareKeys.derive(linkKey) : ShareKeys.derive(linkKey, password.toCharArray());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream sealed = BarContainer.seal(out, keys.contentKey(), keys.passwordBound(), segmentSize, prefix)) {
            BarContainer.writeMetadata(sealed, metadata);
            sealed.write(content);
        }
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("name", name);
        v.put("linkKey", b64(linkKey));
        v.put("password", password);
        v.put("segmentSize", segmentSize);
        v.put("noncePrefix", HexFormat.of().formatHex(prefix));
        v.put("metadata", metadata);
        v.put("content", b64(content));
        v.put("contentKey", b64(keys.contentKey()));
        v.put("accessKey", keys.passwordBound() ? keys.accessKey() : null);
        v.put("accessVerifier", keys.passwordBound() ? keys.accessVerifier() : null);
        v.put("linkAccessKey", keys.linkAccessKey());
        v.put("linkVerifier", keys.linkVerifier());
        v.put("container", b64(out.toByteArray()));
        return v;
    }

    private static Map<String, Object> broken(String name, Map<String, Object> base, byte[] container) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("name", name);
        v.put("linkKey", base.get("linkKey"));
        v.put("password", base.get("password"));
        v.put("container", b64(container));
        return v;
    }

    private static byte[] key(int seed) {
        byte[] k = new byte[32];
        for (int i = 0; i < k.length; i++) {
            k[i] = (byte) (seed * 31 + i);
        }
        return k;
    }

    private static byte[] prefix(int seed) {
        byte[] p = new byte[7];
        for (int i = 0; i < p.length; i++) {
            p[i] = (byte) (0xA0 + seed + i);
        }
        return p;
    }

    private static byte[] pattern(int n) {
        return pattern(n, 3);
    }

    private static byte[] pattern(int n, int offset) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (i * 7 + offset);
        }
        return b;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static byte[] flip(byte[] in, int at) {
        byte[] out = in.clone();
        out[at] ^= 0x01;
        return out;
    }

    private static byte[] swap(byte[] in, int headerBytes, int chunk) {
        byte[] out = in.clone();
        System.arraycopy(in, headerBytes, out, headerBytes + chunk, chunk);
        System.arraycopy(in, headerBytes + chunk, out, headerBytes, chunk);
        return out;
    }

    private static byte[] append(byte[] in, byte b) {
        byte[] out = java.util.Arrays.copyOf(in, in.length + 1);
        out[in.length] = b;
        return out;
    }

    static String b64(byte[] b) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
