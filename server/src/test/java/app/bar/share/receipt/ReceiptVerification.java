package app.bar.share.receipt;

import com.google.crypto.tink.subtle.Ed25519Verify;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The verifier's side as docs/shares.md describes it, for the tests: find the receipt's
 * {@code kid} in a published key set, drop {@code signature}, canonicalise the rest, check Ed25519.
 */
final class ReceiptVerification {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ReceiptVerification() {
    }

    /** True when {@code receipt} verifies with a key of {@code keySet} (the JWK set's JSON). */
    static boolean verifies(String receipt, String keySet) {
        JsonNode parsed = JSON.readTree(receipt);
        String kid = parsed.path("kid").asString("");
        for (JsonNode key : JSON.readTree(keySet).path("keys")) {
            if (kid.equals(key.path("kid").asString())) {
                return verifies(parsed, Base64.getUrlDecoder().decode(key.path("x").asString()));
            }
        }
        return false;
    }

    private static boolean verifies(JsonNode receipt, byte[] publicKey) {
        Map<String, Object> members = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> member : receipt.properties()) {
            JsonNode value = member.getValue();
            if (!member.getKey().equals("signature")) {
                members.put(member.getKey(), value.isIntegralNumber() ? (Object) value.asLong() : value.asString());
            }
        }
        try {
            new Ed25519Verify(publicKey).verify(Base64.getUrlDecoder().decode(receipt.path("signature").asString()),
                    CanonicalJson.of(members).getBytes(StandardCharsets.UTF_8));
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** {@code receipt} with member {@code name} set to {@code value}, signature unchanged. */
    static String with(String receipt, String name, Object value) {
        Map<String, Object> members = new LinkedHashMap<>();
        JSON.readTree(receipt).properties().forEach(m -> members.put(m.getKey(),
                m.getValue().isIntegralNumber() ? (Object) m.getValue().asLong() : m.getValue().asString()));
        members.put(name, value);
        return CanonicalJson.of(members);
    }
}
