package app.bar.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.bar.platform.secrets.KeyRingSpec;
import app.bar.platform.secrets.SecretBytes;
import org.junit.jupiter.api.Test;

class EnvelopeTests {

    static final String OLD = KeyRingSpec.generateEntry("old", 32);
    static final String NEW = KeyRingSpec.generateEntry("new", 32);

    static Envelope envelope(String ring) {
        return new Envelope(new MasterKeys(new CryptoProperties(ring, 19456, 2, 1)));
    }

    static byte[] material(DataKey key) {
        return key.copy();
    }

    @Test
    void openWhenSealedWithoutPasswordThenSameKey() {
        Envelope envelope = envelope(OLD);
        DataKey key = DataKey.random();
        SealedKey sealed = envelope.seal("share-a", key, null);
        assertThat(sealed.kid()).isEqualTo("old-" + OLD.substring(4, OLD.indexOf(':')));
        assertThat(material(envelope.open("share-a", sealed, null))).isEqualTo(material(key));
    }

    @Test
    void openWhenSealedForAnotherShareThenRefused() {
        Envelope envelope = envelope(OLD);
        SealedKey sealed = envelope.seal("share-a", DataKey.random(), null);
        assertThatThrownBy(() -> envelope.open("share-b", sealed, null)).isInstanceOf(WrongSecretException.class);
    }

    @Test
    void openWhenPasswordLayerAndNoOrWrongPasswordThenRefused() {
        Envelope envelope = envelope(OLD);
        SecretBytes right = SecretBytes.random(32);
        SealedKey sealed = envelope.seal("s", DataKey.random(), right);
        assertThat(sealed.passwordLayer()).isTrue();
        assertThatThrownBy(() -> envelope.open("s", sealed, null)).isInstanceOf(WrongSecretException.class);
        assertThatThrownBy(() -> envelope.open("s", sealed, SecretBytes.random(32))).isInstanceOf(WrongSecretException.class);
        assertThat(envelope.open("s", sealed, right)).isNotNull();
    }

    @Test
    void rewrapWhenOlderKeyThenSealedUnderNewestAndPasswordLayerKept() {
        DataKey key = DataKey.random();
        SecretBytes password = SecretBytes.random(32);
        SealedKey old = envelope(OLD).seal("s", key, password);
        Envelope rotated = envelope(NEW + "," + OLD);
        SealedKey moved = rotated.rewrap("s", old).orElseThrow();
        assertThat(moved.kid()).startsWith("new-");
        assertThat(moved.passwordLayer()).isTrue();
        assertThat(material(envelope(NEW).open("s", moved, password))).isEqualTo(material(key));
        assertThat(rotated.rewrap("s", moved)).isEmpty();
    }

    @Test
    void openWhenKeyIdNotInRingThenFailsLoudly() {
        SealedKey sealed = envelope(OLD).seal("s", DataKey.random(), null);
        assertThatThrownBy(() -> envelope(NEW).open("s", sealed, null)).isInstanceOf(java.util.NoSuchElementException.class);
    }

    @Test
    void toStringWhenPrintedThenNoKeyMaterial() {
        assertThat(DataKey.random().toString()).isEqualTo("DataKey[hidden]");
    }
}
