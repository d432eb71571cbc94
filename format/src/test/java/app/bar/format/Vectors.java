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
        return file;
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
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (i * 7 + 3);
        }
        return b;
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
