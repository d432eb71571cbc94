package app.bar.chat;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.crypto.tink.subtle.Hkdf;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.ECPublicKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The burn chat's key agreement (docs/chat.md "Keys and messages") computed on the JDK from the
 * test vectors in {@code chat-vectors.json}, which {@code src/test/js/chat-crypto.test.mjs} checks
 * against the browser code: a change to the derivation on either side fails one of the two.
 */
class ChatCryptoVectorsTests {

    private static JsonNode vectors;
    private static byte[] roomKey;
    private static String roomId;

    @BeforeAll
    static void readVectors() throws IOException {
        try (InputStream in = ChatCryptoVectorsTests.class.getResourceAsStream("chat-vectors.json")) {
            assertThat(in).as("chat-vectors.json").isNotNull();
            vectors = JsonMapper.builder().build().readTree(in);
        }
        roomKey = b64u(vectors.get("roomKey").asString());
        roomId = vectors.get("roomId").asString();
    }

    @Test
    void vectorsWhenComputedOnTheJdkThenHelloMacsMatch() throws GeneralSecurityException {
        byte[] auth = Hkdf.computeHkdf("HMACSHA256", roomKey, roomId.getBytes(UTF_8), utf8("bar-chat v1 auth"), 32);
        assertThat(b64u(auth)).isEqualTo(vectors.get("authKey").asString());
        for (JsonNode participant : vectors.get("participants")) {
            byte[] pub = rawPublic(participant.get("privateJwk"));
            assertThat(b64u(pub)).isEqualTo(participant.get("pub").asString());
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(auth, "HmacSHA256"));
            mac.update(utf8("bar-chat v1 hello|" + roomId + "|"));
            assertThat(b64u(mac.doFinal(pub))).isEqualTo(participant.get("helloMac").asString());
        }
    }

    @Test
    void vectorsWhenComputedOnTheJdkThenBothSidesAgreeOnEachDirectionsKey() throws GeneralSecurityException {
        byte[] first = rawPublic(participant(0));
        byte[] second = rawPublic(participant(1));
        byte[] secret = ecdh(participant(0), participant(1));
        assertThat(ecdh(participant(1), participant(0))).isEqualTo(secret);
        assertThat(b64u(secret)).isEqualTo(vectors.get("sharedSecret").asString());
        assertThat(b64u(pairKey(secret, first, second))).isEqualTo(vectors.at("/keys/firstToSecond").asString());
        assertThat(b64u(pairKey(secret, second, first))).isEqualTo(vectors.at("/keys/secondToFirst").asString());
    }

    @Test
    void vectorsWhenSealedOnTheJdkThenTheFrameAndSafetyCodeMatch() throws GeneralSecurityException {
        JsonNode sealed = vectors.get("sealed");
        int from = sealed.get("from").asInt();
        int to = sealed.get("to").asInt();
        long n = sealed.get("n").asLong();
        byte[] key = pairKey(ecdh(participant(from), participant(to)), rawPublic(participant(from)),
                rawPublic(participant(to)));
        byte[] nonce = ByteBuffer.allocate(12).putLong(4, n).array();
        String aad = "bar-chat v1|" + roomId + "|" + n;
        assertThat(b64u(nonce)).isEqualTo(sealed.get("nonce").asString());
        assertThat(aad).isEqualTo(sealed.get("aad").asString());
        Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
        gcm.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
        gcm.updateAAD(utf8(aad));
        assertThat(b64u(gcm.doFinal(utf8(sealed.get("text").asString())))).isEqualTo(sealed.get("ct").asString());

        List<String> pubs = new ArrayList<>();
        vectors.get("participants").forEach(p -> pubs.add(p.get("pub").asString()));
        pubs.sort(null);
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(utf8(roomId + "|" + String.join("|", pubs)));
        String code = "%08d".formatted(Integer.toUnsignedLong(ByteBuffer.wrap(digest).getInt()) % 100_000_000L);
        assertThat(code.substring(0, 4) + " " + code.substring(4)).isEqualTo(vectors.get("safetyCode").asString());
    }

    private static JsonNode participant(int index) {
        return vectors.get("participants").get(index).get("privateJwk");
    }

    private static byte[] pairKey(byte[] secret, byte[] from, byte[] to) throws GeneralSecurityException {
        byte[] info = ByteBuffer.allocate(16 + from.length + to.length).put(utf8("bar-chat v1 msg|")).put(from).put(to)
                .array();
        return Hkdf.computeHkdf("HMACSHA256", secret, roomKey, info, 32);
    }

    private static byte[] ecdh(JsonNode mine, JsonNode theirs) throws GeneralSecurityException {
        KeyFactory keys = KeyFactory.getInstance("EC");
        ECPrivateKey privateKey = (ECPrivateKey) keys.generatePrivate(
                new ECPrivateKeySpec(new BigInteger(1, b64u(mine.get("d").asString())), p256()));
        ECPublicKey publicKey = (ECPublicKey) keys.generatePublic(new ECPublicKeySpec(point(theirs), p256()));
        KeyAgreement agreement = KeyAgreement.getInstance("ECDH");
        agreement.init(privateKey);
        agreement.doPhase(publicKey, true);
        return agreement.generateSecret();
    }

    /** The 65-byte uncompressed point WebCrypto exports as 'raw'. */
    private static byte[] rawPublic(JsonNode jwk) throws GeneralSecurityException {
        ECPoint w = point(jwk);
        KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(w, p256())); // refuses a point off the curve
        return ByteBuffer.allocate(65).put((byte) 4).put(fixed32(w.getAffineX())).put(fixed32(w.getAffineY())).array();
    }

    private static ECPoint point(JsonNode jwk) {
        return new ECPoint(new BigInteger(1, b64u(jwk.get("x").asString())), new BigInteger(1, b64u(jwk.get("y").asString())));
    }

    private static byte[] fixed32(BigInteger value) {
        byte[] bytes = value.toByteArray();
        byte[] out = new byte[32];
        int length = Math.min(bytes.length, 32);
        System.arraycopy(bytes, bytes.length - length, out, 32 - length, length);
        return out;
    }

    private static ECParameterSpec p256() throws GeneralSecurityException {
        AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
        parameters.init(new ECGenParameterSpec("secp256r1"));
        return parameters.getParameterSpec(ECParameterSpec.class);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(UTF_8);
    }

    private static byte[] b64u(String text) {
        return Base64.getUrlDecoder().decode(text);
    }

    private static String b64u(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
