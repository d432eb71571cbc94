package app.bar.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.crypto.tink.subtle.AesGcmJce;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class KeySealerTests {

    private static final byte[] KEK = HexFormat.of().parseHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
    private static final byte[] PLAIN = "a 32-byte data key, for example!".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CONTEXT = "share:abc".getBytes(StandardCharsets.UTF_8);

    @Test
    void openWhenSealedByTinkAesGcmJceThenSamePlaintext() throws Exception {
        byte[] sealedByTink = new AesGcmJce(KEK).encrypt(PLAIN, CONTEXT);
        assertThat(KeySealer.openBytes(KEK, sealedByTink, "share:abc")).isEqualTo(PLAIN);
    }

    @Test
    void tinkAesGcmJceOpensWhatTheSealerSealed() throws Exception {
        byte[] sealed = KeySealer.sealBytes(KEK, PLAIN, "share:abc");
        assertThat(new AesGcmJce(KEK).decrypt(sealed, CONTEXT)).isEqualTo(PLAIN);
        assertThat(sealed).hasSize(12 + PLAIN.length + 16);
    }

    @Test
    void sealTwiceThenDifferentNonces() {
        byte[] one = KeySealer.sealBytes(KEK, PLAIN, "share:abc");
        byte[] two = KeySealer.sealBytes(KEK, PLAIN, "share:abc");
        assertThat(Arrays.copyOf(one, 12)).isNotEqualTo(Arrays.copyOf(two, 12));
    }

    @Test
    void openWithAnotherContextThenWrongSecret() {
        byte[] sealed = KeySealer.sealBytes(KEK, PLAIN, "share:abc");
        assertThatThrownBy(() -> KeySealer.openBytes(KEK, sealed, "share:abd")).isInstanceOf(WrongSecretException.class);
    }

    @Test
    void openWithAnotherKeyThenWrongSecret() {
        byte[] sealed = KeySealer.sealBytes(KEK, PLAIN, "share:abc");
        byte[] other = KEK.clone();
        other[0] ^= 1;
        assertThatThrownBy(() -> KeySealer.openBytes(other, sealed, "share:abc")).isInstanceOf(WrongSecretException.class);
    }

    @Test
    void openWhenTamperedOrTruncatedThenWrongSecret() {
        byte[] sealed = KeySealer.sealBytes(KEK, PLAIN, "share:abc");
        byte[] tampered = sealed.clone();
        tampered[20] ^= 1;
        assertThatThrownBy(() -> KeySealer.openBytes(KEK, tampered, "share:abc")).isInstanceOf(WrongSecretException.class);
        assertThatThrownBy(() -> KeySealer.openBytes(KEK, Arrays.copyOf(sealed, 27), "share:abc"))
                .isInstanceOf(WrongSecretException.class);
    }

    @Test
    void openWhenNothingStoredThenWrongSecret() {
        assertThatThrownBy(() -> KeySealer.open(KEK, null, "share:abc")).isInstanceOf(WrongSecretException.class);
    }
}
