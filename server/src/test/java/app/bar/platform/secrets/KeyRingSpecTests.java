package app.bar.platform.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class KeyRingSpecTests {

    private static final String KEY_32 = Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[32]);
    private static final String SHORT = Base64.getUrlEncoder().withoutPadding().encodeToString("tooshort-secret".getBytes());

    @Test
    void parseWhenTwoEntriesThenFirstIsNewestAndBothFindable() {
        KeyRing ring = KeyRingSpec.parse("new:" + KEY_32 + ",old:" + KEY_32, 32, 64);
        assertThat(ring.newest().kid()).isEqualTo("new");
        assertThat(ring.find("old")).isPresent();
        assertThat(ring.find("other")).isEmpty();
    }

    @Test
    void problemsWhenSecretShortThenRuleNamedAndValueAbsent() {
        var problems = KeyRingSpec.problems("k1:" + SHORT, 32, 64);
        assertThat(problems).containsExactly("entry 1 has a secret shorter than 32 bytes");
        assertThat(String.join(" ", problems)).doesNotContain(SHORT);
    }

    @Test
    void problemsWhenMalformedThenEachEntryReported() {
        assertThat(KeyRingSpec.problems("nocolon,bad kid:" + KEY_32 + ",k:not base64!!", 32, 64))
                .containsExactly("entry 1 is not in the form kid:base64url-secret",
                        "entry 2 has a key id that is not 1-64 characters of A-Z a-z 0-9 _ . -",
                        "entry 3 has a secret that is not base64url");
    }

    @Test
    void problemsWhenKidRepeatedThenRefused() {
        assertThat(KeyRingSpec.problems("a:" + KEY_32 + ",a:" + KEY_32, 32, 64)).containsExactly("entry 2 repeats a key id");
    }

    @Test
    void problemsWhenBlankThenMissing() {
        assertThat(KeyRingSpec.problems(" ", 32, 32)).containsExactly("is missing");
    }

    @Test
    void parseWhenInvalidThenMessageHoldsNoSecret() {
        assertThatThrownBy(() -> KeyRingSpec.parse("k1:" + SHORT, 32, 64))
                .hasMessageNotContaining(SHORT);
    }

    @Test
    void generateEntryWhenCalledThenParsesAndDiffersEachTime() {
        String a = KeyRingSpec.generateEntry("mk", 32);
        String b = KeyRingSpec.generateEntry("mk", 32);
        assertThat(KeyRingSpec.problems(a, 32, 32)).isEmpty();
        assertThat(a).isNotEqualTo(b);
        assertThat(KeyRingSpec.parse(a, 32, 32).newest().secret().size()).isEqualTo(32);
    }

    @Test
    void secretBytesWhenPrintedThenContentNotShown() {
        SecretBytes secret = SecretBytes.copyOf("super-secret-value".getBytes());
        assertThat(secret.toString()).doesNotContain("super");
        assertThat(KeyRingSpec.parse("k:" + KEY_32, 32, 32).toString()).isEqualTo("KeyRing[k]");
    }
}
