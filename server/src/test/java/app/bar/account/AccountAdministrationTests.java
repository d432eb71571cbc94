package app.bar.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import app.bar.audit.SecurityEvents;
import app.bar.platform.error.BarProblem;
import app.bar.security.Role;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.context.ApplicationEventPublisher;

class AccountAdministrationTests {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    private final AccountRepository accounts = mock(AccountRepository.class);
    private final SessionService sessions = mock(SessionService.class);
    private final ApiTokens apiTokens = mock(ApiTokens.class);
    private final OneTimeTokens tokens = mock(OneTimeTokens.class);
    private final SecondFactors factors = mock(SecondFactors.class);
    private final ApplicationEventPublisher publisher = mock(ApplicationEventPublisher.class);
    private final AccountAdministration administration = new AccountAdministration(accounts, sessions, apiTokens, tokens,
            factors, mock(SecurityEvents.class), publisher, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void deleteWhenAccountExistsThenSessionsAndTokensEndAndAccountDeletedPublished() {
        when(accounts.findById("u1")).thenReturn(Optional.of(account("u1", AccountState.ACTIVE)));
        when(accounts.markDeleted("u1")).thenReturn(true);

        administration.delete("admin", "u1");

        verify(sessions).endAll("u1", null, "deleted");
        verify(apiTokens).deleteAll("u1");
        ArgumentCaptor<Object> event = ArgumentCaptor.forClass(Object.class);
        verify(publisher).publishEvent(event.capture());
        assertThat(event.getValue()).isEqualTo(new AccountDeleted("u1", NOW));
    }

    @Test
    void deleteWhenOwnAccountThenConflictAndNothingChanges() {
        assertThatThrownBy(() -> administration.delete("admin", "admin")).isInstanceOf(BarProblem.Conflict.class);
        verify(accounts, never()).markDeleted(any());
        verify(publisher, never()).publishEvent(any(Object.class));
    }

    @Test
    void pauseWhenActiveThenEverySessionEnds() {
        when(accounts.findById("u1")).thenReturn(Optional.of(account("u1", AccountState.ACTIVE)));
        when(accounts.changeState("u1", AccountState.ACTIVE, AccountState.PAUSED)).thenReturn(true);

        administration.pause("admin", "u1");

        verify(sessions).endAll("u1", null, "paused");
    }

    @Test
    void approveWhenNotPendingThenConflict() {
        when(accounts.findById("u1")).thenReturn(Optional.of(account("u1", AccountState.ACTIVE)));
        assertThatThrownBy(() -> administration.approve("u1")).isInstanceOf(BarProblem.Conflict.class);
    }

    @Test
    void approveWhenUnknownThenNotFound() {
        when(accounts.findById("nope")).thenReturn(Optional.empty());
        assertThatThrownBy(() -> administration.approve("nope")).isInstanceOf(BarProblem.NotFound.class);
    }

    static Account account(String id, AccountState state) {
        return new Account(id, id + "@example.test", null, "hash", Role.USER, state, NOW, null, null);
    }
}
