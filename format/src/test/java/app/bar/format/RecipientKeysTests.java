package app.bar.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Per-recipient links against recipient-vectors.json, which the browser's test checks too. */
class RecipientKeysTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void vectorsWhenRegeneratedThenIdenticalToTheCommittedFile() throws Exception {
        String expected = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(RecipientVectors.generate()) + "\n";
        if (Boolean.getBoolean("bar.format.regenerate")) {
            RecipientVectors.write();
        }
        assertThat(Files.readString(RecipientVectors.FILE)).isEqualTo(expected);
    }

    @Test
    void wrapWhenVectorInputsThenWrapKeyWrappedKeyAndLinkVerifierAsListed() throws Exception {
        JsonNode file = vectors();
        byte[] contentKey = b64(file.get("contentKey").asString());
        assertThat(file.get("recipients").size()).isEqualTo(3);
        for (JsonNode r : file.get("recipients")) {
            byte[] linkKey = b64(r.get("linkKey").asString());
            String label = r.get("label").asString();
            assertThat(enc(RecipientKeys.wrapKey(linkKey))).as(label).isEqualTo(r.get("wrapKey").asString());
            byte[] wrapped = RecipientKeys.wrap(contentKey, linkKey, b64(r.get("nonce").asString()));
            assertThat(wrapped).hasSize(RecipientKeys.WRAPPED_KEY_BYTES);
            assertThat(enc(wrapped)).as(label).isEqualTo(r.get("wrappedKey").asString()).hasSize(80);
            assertThat(ShareKeys.derive(linkKey).linkVerifier()).as(label).isEqualTo(r.get("linkVerifier").asString());
        }
    }

    @Test
    void unwrapWhenEachRecipientsLinkKeyThenTheContentKeyThatOpensTheContainer() throws Exception {
        JsonNode file = vectors();
        for (JsonNode r : file.get("recipients")) {
            byte[] contentKey = RecipientKeys.unwrap(b64(r.get("wrappedKey").asString()), b64(r.get("linkKey").asString()));
            assertThat(enc(contentKey)).isEqualTo(file.get("contentKey").asString());
            try (InputStream in = BarContainer.open(new ByteArrayInputStream(b64(file.get("container").asString())), contentKey)) {
                assertThat(BarContainer.readMetadata(in)).isEqualTo(file.get("metadata").asString());
                assertThat(in.readAllBytes()).isEqualTo(b64(file.get("content").asString()));
            }
        }
    }

    @Test
    void unwrapWhenInvalidVectorThenRefused() throws Exception {
        JsonNode invalid = vectors().get("invalid");
        assertThat(invalid.size()).isGreaterThanOrEqualTo(5);
        for (JsonNode v : invalid) {
            byte[] wrapped = b64(v.get("wrappedKey").asString());
            byte[] linkKey = b64(v.get("linkKey").asString());
            assertThatThrownBy(() -> RecipientKeys.unwrap(wrapped, linkKey)).as(v.get("name").asString())
                    .isInstanceOf(GeneralSecurityException.class);
        }
    }

    @Test
    void wrapWhenTwiceForOneLinkThenFreshNoncesAndBothUnwrap() throws Exception {
        byte[] contentKey = RecipientKeys.newContentKey();
        byte[] linkKey = ShareKeys.newLinkKey();
        byte[] one = RecipientKeys.wrap(contentKey, linkKey);
        byte[] two = RecipientKeys.wrap(contentKey, linkKey);
        assertThat(one).isNotEqualTo(two);
        assertThat(RecipientKeys.unwrap(one, linkKey)).isEqualTo(contentKey);
        assertThat(RecipientKeys.unwrap(two, linkKey)).isEqualTo(contentKey);
    }

    @Test
    void contentKeyWhenUnwrappedThenNotTheKeyTheLinkKeyAloneDerives() throws Exception {
        byte[] contentKey = RecipientKeys.newContentKey();
        byte[] linkKey = ShareKeys.newLinkKey();
        assertThat(RecipientKeys.unwrap(RecipientKeys.wrap(contentKey, linkKey), linkKey))
                .isNotEqualTo(ShareKeys.derive(linkKey).contentKey());
    }

    @Test
    void wrapWhenLinkKeyNot32BytesThenRefused() {
        assertThatThrownBy(() -> RecipientKeys.wrap(RecipientKeys.newContentKey(), new byte[31]))
                .isInstanceOf(GeneralSecurityException.class);
    }

    private static JsonNode vectors() throws Exception {
        return JSON.readTree(Files.readString(RecipientVectors.FILE));
    }

    private static byte[] b64(String text) {
        return Base64.getUrlDecoder().decode(text);
    }

    private static String enc(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
