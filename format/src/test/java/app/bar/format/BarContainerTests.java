package app.bar.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The format, and the shared test vectors the browser checks too. */
class BarContainerTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void vectorsWhenRegeneratedThenIdenticalToTheCommittedFile() throws Exception {
        String expected = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(Vectors.generate()) + "\n";
        if (Boolean.getBoolean("bar.format.regenerate")) {
            Vectors.write();
        }
        assertThat(Files.readString(Vectors.FILE)).isEqualTo(expected);
    }

    @Test
    void validVectorsWhenOpenedThenGiveMetadataAndContentAndKeys() throws Exception {
        for (JsonNode v : vectors().get("valid")) {
            byte[] linkKey = b64(v.get("linkKey").asString());
            ShareKeys keys = v.get("password").isNull() ? ShareKeys.derive(linkKey)
                    : ShareKeys.derive(linkKey, v.get("password").asString().toCharArray());
            assertThat(Vectors.b64(keys.contentKey())).as(v.get("name").asString()).isEqualTo(v.get("contentKey").asString());
            if (keys.passwordBound()) {
                assertThat(keys.accessKey()).isEqualTo(v.get("accessKey").asString());
                assertThat(keys.accessVerifier()).isEqualTo(v.get("accessVerifier").asString());
            }
            assertThat(keys.linkAccessKey()).isEqualTo(v.get("linkAccessKey").asString());
            assertThat(keys.linkVerifier()).isEqualTo(v.get("linkVerifier").asString());
            byte[] container = b64(v.get("container").asString());
            assertThat(BarContainer.isPasswordBound(container)).isEqualTo(keys.passwordBound());
            try (InputStream in = BarContainer.open(new ByteArrayInputStream(container), keys.contentKey())) {
                assertThat(BarContainer.readMetadata(in)).isEqualTo(v.get("metadata").asString());
                assertThat(in.readAllBytes()).isEqualTo(b64(v.get("content").asString()));
            }
        }
    }

    @Test
    void invalidVectorsWhenOpenedThenFailAuthentication() throws Exception {
        for (JsonNode v : vectors().get("invalid")) {
            ShareKeys keys = ShareKeys.derive(b64(v.get("linkKey").asString()));
            byte[] container = b64(v.get("container").asString());
            assertThatThrownBy(() -> {
                try (InputStream in = BarContainer.open(new ByteArrayInputStream(container), keys.contentKey())) {
                    in.readAllBytes();
                }
            }).as(v.get("name").asString()).isInstanceOf(IOException.class);
        }
    }

    @Test
    void openWhenWrongKeyThenFails() throws Exception {
        JsonNode v = vectors().get("valid").get(0);
        byte[] container = b64(v.get("container").asString());
        byte[] wrong = ShareKeys.derive(ShareKeys.newLinkKey()).contentKey();
        assertThatThrownBy(() -> BarContainer.open(new ByteArrayInputStream(container), wrong).readAllBytes())
                .isInstanceOf(IOException.class);
    }

    @Test
    void passwordWhenWrongThenDifferentKeys() throws Exception {
        byte[] link = ShareKeys.newLinkKey();
        ShareKeys right = ShareKeys.derive(link, "right password".toCharArray());
        ShareKeys wrong = ShareKeys.derive(link, "wrong password".toCharArray());
        assertThat(right.contentKey()).isNotEqualTo(wrong.contentKey());
        assertThat(right.accessVerifier()).isNotEqualTo(wrong.accessVerifier());
    }

    @Test
    void linkKeyWhenOneCharacterChangedThenLinkVerifierDiffers() throws Exception {
        byte[] link = ShareKeys.newLinkKey();
        byte[] damaged = link.clone();
        damaged[5] ^= 0x01;
        assertThat(ShareKeys.derive(link).linkVerifier()).isNotEqualTo(ShareKeys.derive(damaged).linkVerifier());
        assertThat(ShareKeys.derive(link, "pw".toCharArray()).linkVerifier()).isEqualTo(ShareKeys.derive(link).linkVerifier());
    }

    @Test
    void sealWhenLargeRandomStreamThenRoundTripsInBoundedSegments() throws Exception {
        byte[] data = new byte[3 * 1024 * 1024 + 17];
        new Random(7).nextBytes(data);
        byte[] key = ShareKeys.derive(ShareKeys.newLinkKey()).contentKey();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream sealed = BarContainer.seal(out, key, false)) {
            for (int i = 0; i < data.length; i += 10_000) {
                sealed.write(data, i, Math.min(10_000, data.length - i));
            }
        }
        assertThat(out.size()).isEqualTo(BarContainer.HEADER_BYTES + data.length + 4 * BarContainer.TAG_BYTES);
        try (InputStream in = BarContainer.open(new ByteArrayInputStream(out.toByteArray()), key)) {
            assertThat(in.readAllBytes()).isEqualTo(data);
        }
    }

    @Test
    void openWhenNotAContainerThenRefused() {
        assertThatThrownBy(() -> BarContainer.open(new ByteArrayInputStream("<html>".getBytes()), new byte[32]))
                .isInstanceOf(IOException.class).hasMessageContaining("not a BAR container");
    }

    @Test
    void noncePrefixWhenVectorThenInHeader() throws Exception {
        JsonNode v = vectors().get("valid").get(1);
        byte[] container = b64(v.get("container").asString());
        assertThat(HexFormat.of().formatHex(container, 8, 15)).isEqualTo(v.get("noncePrefix").asString());
        assertThat(Map.of("segmentSize", java.nio.ByteBuffer.wrap(container, 4, 4).getInt()))
                .containsEntry("segmentSize", v.get("segmentSize").asInt());
    }

    private static JsonNode vectors() throws IOException {
        return JSON.readTree(Files.readString(Vectors.FILE));
    }

    private static byte[] b64(String s) {
        return Base64.getUrlDecoder().decode(s);
    }
}
