package app.bar.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import app.bar.platform.error.BarProblem;
import app.bar.platform.error.ProblemCodes;
import app.bar.security.Role;
import app.bar.web.i18n.Catalogues;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Issue 17: an account saves the language of its mails, only one the catalogues offer. */
class AccountProfileTests {

    private static final String MAIL = "{\"mail.greeting.named\": \"Hello {name},\"}";

    private final AccountRepository accounts = mock(AccountRepository.class);
    private final AccountProfile profile = new AccountProfile(accounts,
            Catalogues.of(Map.of("en", Map.of("mail", MAIL), "de", Map.of("mail", "{\"mail.greeting.named\": \"Hallo {name},\"}"))));

    @Test
    void changeWhenLanguageOfferedThenSavedAndShown() {
        when(accounts.setLanguage("a1", "de")).thenReturn(true);
        when(accounts.findById("a1")).thenReturn(Optional.of(new Account("a1", "ann@example.com", null, "h", Role.USER,
                AccountState.ACTIVE, Instant.EPOCH, null, "de")));

        assertThat(profile.change("a1", new AccountProfile.Change("de")).language()).isEqualTo("de");
    }

    @Test
    void changeWhenLanguageNotOfferedThenInvalidAndNothingSaved() {
        assertThatThrownBy(() -> profile.change("a1", new AccountProfile.Change("fr")))
                .isInstanceOfSatisfying(BarProblem.Invalid.class, invalid -> {
                    assertThat(invalid.field()).isEqualTo("language");
                    assertThat(invalid.fieldCode()).isEqualTo(ProblemCodes.FIELD_UNKNOWN_VALUE);
                });
        assertThatThrownBy(() -> profile.change("a1", new AccountProfile.Change("de\r\nX-Evil: 1")))
                .isInstanceOf(BarProblem.Invalid.class);
        verify(accounts, never()).setLanguage(anyString(), anyString());
    }
}
