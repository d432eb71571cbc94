package app.bar.cli;

import com.google.crypto.tink.subtle.Ed25519Verify;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks a BAR destruction receipt offline (docs/shares.md, "Destruction receipts"): its
 * {@code kid} must be in the published key set, and its {@code signature} must be Ed25519 over the
 * RFC 8785 canonical JSON of every other member. Members are strings or integers only, and a
 * repeated member name is refused (two parsers could read two different receipts from it).
 */
final class ReceiptVerifier {

    /** Duplicate names are an error, not "the last one wins". */
    private static final JsonMapper STRICT = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    /** What a valid receipt says. */
    record Verified(String shareId, String createdAt, String destroyedAt, String reason, long viewsUsed, String kid,
            String issuer) {
    }

    private ReceiptVerifier() {
    }

    static Verified verify(byte[] receiptJson, byte[] keySetJson) {
        JsonNode receipt = parse(receiptJson, "the receipt");
        JsonNode keys = parse(keySetJson, "the key set");
        if (!receipt.isObject() || !"bar.destruction-receipt".equals(receipt.path("type").asString(""))) {
            throw invalid("this is not a BAR destruction receipt (its type is not bar.destruction-receipt)");
        }
        String kid = receipt.path("kid").asString("");
        byte[] publicKey = publicKey(keys, kid);
        byte[] signature;
        try {
            signature = Base64.getUrlDecoder().decode(receipt.path("signature").asString(""));
            new Ed25519Verify(publicKey).verify(signature, canonicalWithoutSignature(receipt));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            throw invalid("the signature does not verify: the receipt was altered, or these keys did not sign it");
        }
        return new Verified(receipt.path("shareId").asString(""), receipt.path("createdAt").asString(""),
                receipt.path("destroyedAt").asString(""), receipt.path("reason").asString(""),
                receipt.path("viewsUsed").asLong(), kid, receipt.path("issuer").asString(""));
    }

    private static byte[] publicKey(JsonNode keys, String kid) {
        for (JsonNode key : keys.path("keys")) {
            if (kid.equals(key.path("kid").asString()) && "Ed25519".equals(key.path("crv").asString())) {
                try {
                    byte[] x = Base64.getUrlDecoder().decode(key.path("x").asString(""));
                    if (x.length == 32) {
                        return x;
                    }
                } catch (IllegalArgumentException e) {
                    // reported below as a key that is not there
                }
                throw invalid("the key set's key " + kid + " is not an Ed25519 public key");
            }
        }
        throw invalid("no published key has the receipt's kid " + (kid.isEmpty() ? "(none)" : kid)
                + ": signed by another server, or with a key no longer published");
    }

    /** RFC 8785 for a flat object of strings and integers (hand-written: a dozen lines, no library here does JCS). */
    static byte[] canonicalWithoutSignature(JsonNode receipt) {
        Map<String, JsonNode> members = new TreeMap<>();
        receipt.properties().forEach(m -> members.put(m.getKey(), m.getValue()));
        members.remove("signature");
        StringBuilder json = new StringBuilder(256).append('{');
        for (Map.Entry<String, JsonNode> member : members.entrySet()) {
            if (json.length() > 1) {
                json.append(',');
            }
            JsonNode value = member.getValue();
            quote(json, member.getKey()).append(':');
            if (value.isString()) {
                quote(json, value.asString());
            } else if (value.isIntegralNumber()) {
                json.append(value.bigIntegerValue());
            } else {
                throw invalid("member " + member.getKey() + " is neither a string nor an integer: not a BAR receipt");
            }
        }
        return json.append('}').toString().getBytes(StandardCharsets.UTF_8);
    }

    private static StringBuilder quote(StringBuilder json, String text) {
        json.append('"');
        text.chars().forEach(c -> {
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\b' -> json.append("\\b");
                case '\f' -> json.append("\\f");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> json.append(c < 0x20 ? String.format("\\u%04x", c) : String.valueOf((char) c));
            }
        });
        return json.append('"');
    }

    private static JsonNode parse(byte[] json, String what) {
        try {
            return STRICT.readTree(json);
        } catch (JacksonException e) {
            throw invalid(what + " is not valid JSON (or repeats a member name)");
        }
    }

    private static CliFailure invalid(String message) {
        return new CliFailure(Exit.INVALID, message);
    }
}
