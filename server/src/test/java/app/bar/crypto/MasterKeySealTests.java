package app.bar.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

class MasterKeySealTests {

    private static final byte[] SECRET = "bar_whs_example".getBytes(StandardCharsets.US_ASCII);

    static MasterKeySeal seal(String ring) {
        return new MasterKeySeal(new MasterKeys(new CryptoProperties(ring, 19456, 2, 1)));
    }

    @Test
    void openWhenSealedForTheSamePurposeThenSameSecret() {
        MasterKeySeal seal = seal(EnvelopeTests.OLD);
        SealedSecret sealed = seal.seal("webhook:account:a", SECRET);
        assertThat(sealed.value()).doesNotContain("bar_whs_");
        assertThat(seal.open("webhook:account:a", sealed)).isEqualTo(SECRET);
    }

    @Test
    void openWhenSealedForAnotherPurposeThenRefused() {
        MasterKeySeal seal = seal(EnvelopeTests.OLD);
        SealedSecret sealed = seal.seal("webhook:account:a", SECRET);
        assertThatThrownBy(() -> seal.open("webhook:account:b", sealed)).isInstanceOf(WrongSecretException.class);
    }

    @Test
    void rewrapWhenNewKeyFirstThenSealedUnderItAndOldKeyNoLongerNeeded() {
        SealedSecret old = seal(EnvelopeTests.OLD).seal("p", SECRET);
        MasterKeySeal rotated = seal(EnvelopeTests.NEW + "," + EnvelopeTests.OLD);
        SealedSecret moved = rotated.rewrap("p", old).orElseThrow();
        assertThat(moved.kid()).isEqualTo(rotated.newestKid());
        assertThat(rotated.rewrap("p", moved)).isEmpty();
        assertThat(seal(EnvelopeTests.NEW).open("p", moved)).isEqualTo(SECRET);
        assertThatThrownBy(() -> seal(EnvelopeTests.NEW).open("p", old)).isInstanceOf(NoSuchElementException.class);
    }
}
