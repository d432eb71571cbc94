package app.bar.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import app.bar.audit.SecurityEvents;
import app.bar.security.Role;
import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

class BootstrapAdminTests {

    private final AccountRepository accounts = mock(AccountRepository.class);
    private final PasswordHashing hashing = mock(PasswordHashing.class);
    private final BootstrapAdmin bootstrap = new BootstrapAdmin(accounts, hashing,
            new PasswordPolicy(PasswordPolicyTests.DEFAULTS), mock(SecurityEvents.class), PasswordPolicyTests.DEFAULTS,
            Clock.systemUTC());

    @Test
    void ensureAdminWhenNoAdminExistsThenActiveAdminCreated() {
        when(accounts.findByEmail("root@example.test")).thenReturn(Optional.empty());
        when(hashing.hash(any())).thenReturn("$argon2id$hash");

        assertThat(bootstrap.ensureAdmin("Root@Example.test", "Granite otter umbrella 93 fjord")).isPresent();

        ArgumentCaptor<Account> created = ArgumentCaptor.forClass(Account.class);
        verify(accounts).insert(created.capture());
        assertThat(created.getValue().role()).isEqualTo(Role.ADMIN);
        assertThat(created.getValue().state()).isEqualTo(AccountState.ACTIVE);
        assertThat(created.getValue().email()).isEqualTo("root@example.test");
    }

    @Test
    void ensureAdminWhenAnAdminExistsThenNothingChanges() {
        when(accounts.adminExists()).thenReturn(true);
        assertThat(bootstrap.ensureAdmin("root@example.test", "Granite otter umbrella 93 fjord")).isEmpty();
        verify(accounts, never()).insert(any());
        verify(accounts, never()).makeActiveAdmin(any(), any());
    }

    @Test
    void ensureAdminWhenNotConfiguredThenNothingHappens() {
        assertThat(bootstrap.ensureAdmin("", "")).isEmpty();
        verify(accounts, never()).adminExists();
    }

    @Test
    void ensureAdminWhenPasswordWeakThenStartRefusedWithoutPrintingIt() {
        // ASVS 6.3.2: no default or weak credentials
        assertThatThrownBy(() -> bootstrap.ensureAdmin("root@example.test", "adminadmin12"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("BAR_BOOTSTRAP_ADMIN_PASSWORD").hasMessageNotContaining("adminadmin12");
    }

    @Test
    void ensureAdminWhenAddressAlreadyRegisteredThenThatAccountPromoted() {
        when(accounts.findByEmail("root@example.test")).thenReturn(Optional.of(
                AccountAdministrationTests.account("u7", AccountState.PENDING_VERIFICATION)));
        when(hashing.hash(any())).thenReturn("$argon2id$hash");

        assertThat(bootstrap.ensureAdmin("root@example.test", "Granite otter umbrella 93 fjord")).contains("u7");
        verify(accounts).makeActiveAdmin("u7", "$argon2id$hash");
    }
}
