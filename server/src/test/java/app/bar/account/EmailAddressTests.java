package app.bar.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EmailAddressTests {

    @Test
    void normalizeWhenMixedCaseAndSpacesThenTrimmedLowerCase() {
        assertThat(EmailAddress.normalize("  Ada.Lovelace@Example.TEST ")).isEqualTo("ada.lovelace@example.test");
    }

    @Test
    void normalizeWhenHeaderInjectionOrListThenNull() {
        // ASVS 1.3.11: no user value reaches a mail header unvalidated
        assertThat(EmailAddress.normalize("a@example.test\r\nBcc: x@evil.example")).isNull();
        assertThat(EmailAddress.normalize("a@example.test, b@example.test")).isNull();
        assertThat(EmailAddress.normalize("Ada <a@example.test>")).isNull();
        assertThat(EmailAddress.normalize("no-at-sign")).isNull();
        assertThat(EmailAddress.normalize("a@localhost")).isNull();
        assertThat(EmailAddress.normalize("x".repeat(250) + "@example.test")).isNull();
    }
}
