package app.bar.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The request key agreement against request-vectors.json, which the browser's test checks too. */
class RequestKeysTests {

    private static final Path FILE = Path.of("src/test/resources/app/bar/format/request-vectors.json");

    @Test
    void vectorsWhenDerivedByFillerAndRequesterThenSameLinkKeyAndVerifier() throws Exception {
        JsonNode vectors = JsonMapper.builder().build().readTree(Files.readString(FILE)).get("vectors");
        assertThat(vectors.size()).isGreaterThanOrEqualTo(2);
        for (JsonNode v : vectors) {
            byte[] requesterPrivate = b64(v, "requesterPrivate");
            byte[] requesterPublic = b64(v, "requesterPublic");
            byte[] ephemeralPublic = b64(v, "ephemeralPublic");
            assertThat(enc(RequestKeys.sharedSecret(requesterPrivate, ephemeralPublic))).isEqualTo(v.get("shared").asString());
            byte[] filler = RequestKeys.fillerLinkKey(b64(v, "ephemeralPrivate"), ephemeralPublic, requesterPublic);
            byte[] requester = RequestKeys.requesterLinkKey(requesterPrivate, requesterPublic, ephemeralPublic);
            assertThat(enc(filler)).as(v.get("name").asString()).isEqualTo(v.get("linkKey").asString());
            assertThat(requester).isEqualTo(filler);
            assertThat(ShareKeys.derive(filler).linkVerifier()).isEqualTo(v.get("linkVerifier").asString());
            byte[] fragment = b64(v, "openFragment");
            assertThat(fragment).hasSize(RequestKeys.PRIVATE_KEY_BYTES + RequestKeys.PUBLIC_KEY_BYTES);
        }
    }

    @Test
    void newKeyPairWhenUsedByRequesterAndFillerThenBothDeriveTheSameLinkKey() throws Exception {
        byte[] requester = RequestKeys.newKeyPair();
        byte[] filler = RequestKeys.newKeyPair();
        assertThat(requester).hasSize(RequestKeys.PRIVATE_KEY_BYTES + RequestKeys.PUBLIC_KEY_BYTES).isNotEqualTo(filler);
        assertThat(requester[RequestKeys.PRIVATE_KEY_BYTES]).isEqualTo((byte) 4); // an uncompressed point
        byte[] requesterPrivate = Arrays.copyOfRange(requester, 0, RequestKeys.PRIVATE_KEY_BYTES);
        byte[] requesterPublic = Arrays.copyOfRange(requester, RequestKeys.PRIVATE_KEY_BYTES, requester.length);
        byte[] fillerPrivate = Arrays.copyOfRange(filler, 0, RequestKeys.PRIVATE_KEY_BYTES);
        byte[] fillerPublic = Arrays.copyOfRange(filler, RequestKeys.PRIVATE_KEY_BYTES, filler.length);
        assertThat(RequestKeys.requesterLinkKey(requesterPrivate, requesterPublic, fillerPublic))
                .isEqualTo(RequestKeys.fillerLinkKey(fillerPrivate, fillerPublic, requesterPublic));
    }

    @Test
    void sharedSecretWhenPublicKeyNotOnTheCurveThenRefused() throws Exception {
        JsonNode v = JsonMapper.builder().build().readTree(Files.readString(FILE)).get("vectors").get(0);
        byte[] bad = b64(v, "ephemeralPublic");
        bad[40] ^= 1;
        assertThatThrownBy(() -> RequestKeys.sharedSecret(b64(v, "requesterPrivate"), bad))
                .isInstanceOf(GeneralSecurityException.class);
    }

    private static byte[] b64(JsonNode v, String field) {
        return Base64.getUrlDecoder().decode(v.get(field).asString());
    }

    private static String enc(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
