package app.bar.account;

import app.bar.audit.SecurityEventType;
import app.bar.audit.SecurityEvents;
import app.bar.platform.error.BarProblem;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What an administrator may do to accounts (the admin module's way in). Pausing and deleting
 * end every session at once and stop the account's API tokens; deleting also removes the
 * account's personal data and publishes {@link AccountDeleted}.
 */
@Service
public class AccountAdministration {

    private final AccountRepository accounts;
    private final SessionService sessions;
    private final ApiTokens apiTokens;
    private final OneTimeTokens tokens;
    private final SecondFactors factors;
    private final SecurityEvents events;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;

    AccountAdministration(AccountRepository accounts, SessionService sessions, ApiTokens apiTokens, OneTimeTokens tokens,
            SecondFactors factors, SecurityEvents events, ApplicationEventPublisher publisher, Clock clock) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.apiTokens = apiTokens;
        this.tokens = tokens;
        this.factors = factors;
        this.events = events;
        this.publisher = publisher;
        this.clock = clock;
    }

    /** One page of accounts, newest first, optionally only those in {@code state}. */
    public List<AccountSummary> list(@Nullable AccountState state, int page, int size) {
        return accounts.list(state, page * size, size).stream().map(AccountSummary::of).toList();
    }

    public long count(@Nullable AccountState state) {
        return accounts.count(state);
    }

    public Map<AccountState, Long> countByState() {
        return accounts.countByState();
    }

    public long liveSessions() {
        return sessions.countLive();
    }

    public AccountSummary approve(String accountId) {
        return move(accountId, AccountState.PENDING_APPROVAL, AccountState.ACTIVE);
    }

    public AccountSummary pause(String adminId, String accountId) {
        refuseSelf(adminId, accountId);
        AccountSummary paused = move(accountId, AccountState.ACTIVE, AccountState.PAUSED);
        sessions.endAll(accountId, null, "paused");
        return paused;
    }

    public AccountSummary resume(String accountId) {
        return move(accountId, AccountState.PAUSED, AccountState.ACTIVE);
    }

    /** The account, its sessions and tokens end and {@link AccountDeleted} is published, in one transaction. */
    @Transactional
    public void delete(String adminId, String accountId) {
        refuseSelf(adminId, accountId);
        accounts.findById(accountId).filter(a -> a.state() != AccountState.DELETED).orElseThrow(BarProblem.NotFound::new);
        if (!accounts.markDeleted(accountId)) {
            throw new BarProblem.NotFound();
        }
        sessions.endAll(accountId, null, "deleted");
        apiTokens.deleteAll(accountId);
        tokens.deleteAll(accountId);
        factors.removeAll(accountId);
        publisher.publishEvent(new AccountDeleted(accountId, clock.instant()));
    }

    /**
     * Removes every second factor of the account (authenticator, recovery codes, passkeys), for a
     * user who lost them; recorded as {@code mfa.reset} on the account, with the administrator. The
     * user signs in with the password alone next time (or enrols, when factors are required).
     */
    @Transactional
    public void resetFactors(String adminId, String accountId) {
        accounts.findById(accountId).filter(a -> a.state() != AccountState.DELETED).orElseThrow(BarProblem.NotFound::new);
        factors.removeAll(accountId);
        events.record(SecurityEventType.MFA_RESET, accountId, Map.of("by", adminId));
    }

    private AccountSummary move(String accountId, AccountState from, AccountState to) {
        Account account = accounts.findById(accountId).filter(a -> a.state() != AccountState.DELETED)
                .orElseThrow(BarProblem.NotFound::new);
        if (!accounts.changeState(accountId, from, to)) {
            throw new BarProblem.Conflict(AccountCodes.STATE_CONFLICT,
                    "The account is " + account.state() + ", not " + from + ".");
        }
        return AccountSummary.of(accounts.findById(accountId).orElseThrow(BarProblem.NotFound::new));
    }

    private static void refuseSelf(String adminId, String accountId) {
        if (adminId.equals(accountId)) {
            throw new BarProblem.Conflict(AccountCodes.OWN_ACCOUNT,
                    "Administrators cannot pause or delete their own account.");
        }
    }
}
