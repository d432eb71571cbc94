package app.bar.platform.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OpaqueTokensTests {

    @Test
    void newIdWhenCalledThen128BitsOfBase64url() {
        assertThat(OpaqueTokens.newId()).matches("[A-Za-z0-9_-]{22}");
    }

    @Test
    void newSecretWhenCalledThen256BitsOfBase64urlAndNoRepeats() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String secret = OpaqueTokens.newSecret();
            assertThat(secret).matches("[A-Za-z0-9_-]{43}");
            assertThat(seen.add(secret)).isTrue();
        }
    }

    @Test
    void randomBytesWhenFewerThan128BitsThenRefused() {
        assertThatThrownBy(() -> OpaqueTokens.randomBytes(15)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("16").hasMessageContaining("15");
    }

    @Test
    void decodeBase64UrlWhenNotBase64urlThenNull() {
        assertThat(OpaqueTokens.decodeBase64Url("a+b/")).isNull();
        assertThat(OpaqueTokens.decodeBase64Url(OpaqueTokens.base64Url(new byte[] {1, 2, 3}))).containsExactly(1, 2, 3);
    }

    @Test
    void bearerWhenTheSchemeInAnyCaseAndTheTokenHasThePrefixThenTheToken() {
        assertThat(OpaqueTokens.bearer("Bearer bar_mt_abc", "bar_mt_")).isEqualTo("bar_mt_abc");
        assertThat(OpaqueTokens.bearer("bearer  bar_mt_abc ", "bar_mt_")).isEqualTo("bar_mt_abc");
    }

    @Test
    void bearerWhenAnotherKindOfTokenOrSchemeOrNoneThenNull() {
        assertThat(OpaqueTokens.bearer("Bearer bar_pat_abc", "bar_mt_")).isNull();
        assertThat(OpaqueTokens.bearer("Basic bar_mt_abc", "bar_mt_")).isNull();
        assertThat(OpaqueTokens.bearer("Bearer", "bar_mt_")).isNull();
        assertThat(OpaqueTokens.bearer(null, "bar_mt_")).isNull();
    }

    @Test
    void bearerWhen128CharactersOrMoreThenNull() {
        String longest = "bar_mt_" + "a".repeat(120);
        assertThat(OpaqueTokens.bearer("Bearer " + longest, "bar_mt_")).isEqualTo(longest);
        assertThat(OpaqueTokens.bearer("Bearer " + longest + "a", "bar_mt_")).isNull();
    }

    @Test
    void sha256HexWhenKnownInputThenKnownDigest() {
        assertThat(OpaqueTokens.sha256Hex("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void sameHashWhenEqualOrNotThenTellsApart() {
        String hash = OpaqueTokens.sha256Hex("token");
        assertThat(OpaqueTokens.sameHash(hash, OpaqueTokens.sha256Hex("token"))).isTrue();
        assertThat(OpaqueTokens.sameHash(hash, OpaqueTokens.sha256Hex("tokem"))).isFalse();
    }
}
