package app.bar.format;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * The per-recipient link vectors (src/test/resources/app/bar/format/recipient-vectors.json), which
 * the browser's test checks too. Deterministic: a fixed content key, three recipients with fixed
 * link keys and nonces, and one container sealed with the content key. Regenerate only when the
 * format changes: {@code ./mvnw -pl format test -Dbar.format.regenerate=true}.
 */
final class RecipientVectors {

    static final Path FILE = Path.of("src/test/resources/app/bar/format/recipient-vectors.json");
    static final String TEXT = "one secret, three links: ✓\n";

    private RecipientVectors() {
    }

    static Map<String, Object> generate() throws IOException, GeneralSecurityException {
        byte[] contentKey = bytes(32, 0x10);
        List<Map<String, Object>> recipients = new ArrayList<>();
        String[] labels = {"Alice", "Bob", "Zoë"};
        for (int i = 0; i < labels.length; i++) {
            byte[] linkKey = bytes(32, 0x40 + 32 * i);
            byte[] nonce = bytes(12, 0xC0 + 12 * i);
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("label", labels[i]);
            r.put("linkKey", b64(linkKey));
            r.put("nonce", b64(nonce));
            r.put("wrapKey", b64(RecipientKeys.wrapKey(linkKey)));
            r.put("wrappedKey", b64(RecipientKeys.wrap(contentKey, linkKey, nonce)));
            r.put("linkVerifier", ShareKeys.derive(linkKey).linkVerifier());
            recipients.add(r);
        }

        byte[] first = java.util.Base64.getUrlDecoder().decode((String) recipients.get(0).get("wrappedKey"));
        String firstLink = (String) recipients.get(0).get("linkKey");
        List<Map<String, Object>> invalid = new ArrayList<>();
        invalid.add(invalid("flipped-nonce-byte", firstLink, flip(first, 3)));
        invalid.add(invalid("flipped-ciphertext-byte", firstLink, flip(first, 20)));
        invalid.add(invalid("flipped-tag-byte", firstLink, flip(first, 59)));
        invalid.add(invalid("wrong-link-key", (String) recipients.get(1).get("linkKey"), first));
        invalid.add(invalid("too-short", firstLink, Arrays.copyOf(first, 59)));
        invalid.add(invalid("too-long", firstLink, Arrays.copyOf(first, 61)));
        invalid.add(invalid("empty", firstLink, new byte[0]));

        ByteArrayOutputStream container = new ByteArrayOutputStream();
        String metadata = "{\"type\":\"text/plain;charset=utf-8\"}";
        byte[] noncePrefix = bytes(7, 0xE0);
        try (OutputStream sealed = BarContainer.seal(container, contentKey, false, 64, noncePrefix)) {
            BarContainer.writeMetadata(sealed, metadata);
            sealed.write(TEXT.getBytes(StandardCharsets.UTF_8));
        }

        Map<String, Object> file = new LinkedHashMap<>();
        file.put("description", "Per-recipient links (docs/zero-knowledge-format.md, \"Per-recipient links\"): "
                + "wrapKey = HKDF-SHA256(ikm = linkKey, salt = \"\", info = \"bar/v1/recipient-wrap\", 32); "
                + "wrappedKey = nonce || AES-256-GCM(wrapKey, nonce, additionalData = \"bar/v1/recipient-key\", contentKey) "
                + "(60 bytes). Binary values are base64url without padding, the nonce prefix hex. The container is "
                + "sealed with contentKey (segment size 64) and opens with the key any recipient unwraps; every "
                + "invalid wrappedKey must be refused with its linkKey.");
        file.put("contentKey", b64(contentKey));
        file.put("recipients", recipients);
        file.put("segmentSize", 64);
        file.put("noncePrefix", HexFormat.of().formatHex(noncePrefix));
        file.put("metadata", metadata);
        file.put("content", b64(TEXT.getBytes(StandardCharsets.UTF_8)));
        file.put("container", b64(container.toByteArray()));
        file.put("invalid", invalid);
        return file;
    }

    static void write() throws IOException, GeneralSecurityException {
        Files.writeString(FILE, JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsString(generate()) + "\n");
    }

    private static Map<String, Object> invalid(String name, String linkKey, byte[] wrappedKey) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("name", name);
        v.put("linkKey", linkKey);
        v.put("wrappedKey", b64(wrappedKey));
        return v;
    }

    private static byte[] bytes(int n, int start) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (start + i);
        }
        return b;
    }

    private static byte[] flip(byte[] in, int at) {
        byte[] out = in.clone();
        out[at] ^= 0x01;
        return out;
    }

    private static String b64(byte[] b) {
        return Vectors.b64(b);
    }
}
