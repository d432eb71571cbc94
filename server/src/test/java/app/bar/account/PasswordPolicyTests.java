package app.bar.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.bar.platform.error.BarProblem;
import app.bar.platform.secrets.Password;
import org.junit.jupiter.api.Test;

class PasswordPolicyTests {

    static final AccountProperties DEFAULTS = new AccountProperties(false, "", "", java.time.Duration.ofMinutes(30),
            java.time.Duration.ofHours(12), java.time.Duration.ofDays(7), java.time.Duration.ofDays(30),
            java.time.Duration.ofMinutes(5), java.time.Duration.ofHours(24), java.time.Duration.ofMinutes(30), 3, 50, java.time.Duration.ofDays(365),
            new AccountProperties.Lockout(5, java.time.Duration.ofMinutes(15), java.time.Duration.ofMinutes(15)),
            new AccountProperties.Argon2(19456, 2, 1));

    private final PasswordPolicy policy = new PasswordPolicy(DEFAULTS);

    @Test
    void checkWhenElevenCharactersThenRefusedNamingTheRange() {
        // ASVS 6.2.1
        assertThatThrownBy(() -> policy.check("password", Password.of("Xq7#zP9!kL2"), "a@example.test", null))
                .isInstanceOfSatisfying(BarProblem.Invalid.class, e -> {
                    assertThat(e.field()).isEqualTo("password");
                    assertThat(e.detail()).contains("12 to 1024");
                });
    }

    @Test
    void checkWhenOver1024CharactersThenRefused() {
        // ASVS 6.2.9 upper bound
        assertThatThrownBy(() -> policy.check("password", Password.of("Ab1-".repeat(257)), "a@example.test", null))
                .isInstanceOf(BarProblem.Invalid.class);
    }

    @Test
    void checkWhen1024CharactersThenAcceptedQuickly() {
        // ASVS 6.2.9: long passphrases are allowed; zxcvbn only measures a bounded prefix
        String longPassword = "Walnut ferry 28 copper lagoon ".repeat(40).substring(0, 1024);
        long start = System.nanoTime();
        assertThatCode(() -> policy.check("password", Password.of(longPassword), "a@example.test", null)).doesNotThrowAnyException();
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(2_000);
    }

    @Test
    void checkWhenCommonPasswordThenRefused() {
        // ASVS 6.2.4/6.2.12
        for (String common : new String[] {"password1234", "qwertyuiop123", "iloveyou12345", "aaaaaaaaaaaa"}) {
            assertThatThrownBy(() -> policy.check("password", Password.of(common), "a@example.test", null)).as(common)
                    .isInstanceOf(BarProblem.Invalid.class);
        }
    }

    @Test
    void checkWhenPasswordBuiltFromDisplayNameThenRefused() {
        assertThatThrownBy(() -> policy.check("password", Password.of("Wolfgangsternberg1"), "x@example.test", "Wolfgang Sternberg"))
                .isInstanceOf(BarProblem.Invalid.class);
    }

    @Test
    void checkWhenStrongPassphraseWithoutCompositionRulesThenAccepted() {
        // ASVS 6.2.5: no composition rules (all lower case, spaces)
        assertThatCode(() -> policy.check("password", Password.of("plover quartz lantern meadow"), "a@example.test", null))
                .doesNotThrowAnyException();
    }

    @Test
    void checkWhenLengthCountedThenCodePointsNotUtf16Units() {
        // 11 emoji are 22 UTF-16 units but 11 characters: still too short
        assertThatThrownBy(() -> policy.check("password", Password.of("😀".repeat(11)), "a@example.test", null))
                .isInstanceOf(BarProblem.Invalid.class);
    }
}
