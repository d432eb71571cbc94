package app.bar.account;

import app.bar.audit.SecurityEventType;
import app.bar.audit.SecurityEvents;
import app.bar.platform.error.BarProblem;
import app.bar.platform.secrets.Password;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Forgotten, reset and changed passwords. Forgot-password answers before it looks the address
 * up (the lookup and the mail run on {@link AccountTasks}), so known and unknown addresses are
 * indistinguishable. A reset link is single use, lives 30 minutes, ends every session and any
 * lockout; a change ends every other session.
 */
@Service
class PasswordService {

    private final AccountRepository accounts;
    private final OneTimeTokens tokens;
    private final PasswordHashing hashing;
    private final PasswordPolicy policy;
    private final SessionService sessions;
    private final LoginService logins;
    private final Reauthentication reauthentication;
    private final AccountMails mails;
    private final AccountTasks tasks;
    private final SecurityEvents events;
    private final AccountProperties properties;

    PasswordService(AccountRepository accounts, OneTimeTokens tokens, PasswordHashing hashing, PasswordPolicy policy,
            SessionService sessions, LoginService logins, Reauthentication reauthentication, AccountMails mails,
            AccountTasks tasks, SecurityEvents events, AccountProperties properties) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.hashing = hashing;
        this.policy = policy;
        this.sessions = sessions;
        this.logins = logins;
        this.reauthentication = reauthentication;
        this.mails = mails;
        this.tasks = tasks;
        this.events = events;
        this.properties = properties;
    }

    void forgot(String email) {
        String normalized = EmailAddress.normalize(email);
        if (normalized == null) {
            return; // nothing can be mailed there; the answer is the same
        }
        tasks.submit("forgot-password", () -> accounts.findByEmail(normalized).ifPresent(this::mailLink));
    }

    private void mailLink(Account account) {
        switch (account.state()) {
            case PENDING_VERIFICATION -> mails.verification(account.email(), account.displayName(), account.language(),
                    tokens.issue(account.id(), OneTimeTokens.Purpose.VERIFY, properties.verificationTtl()));
            case ACTIVE, PENDING_APPROVAL, PAUSED -> mails.reset(account.email(), account.displayName(), account.language(),
                    tokens.issue(account.id(), OneTimeTokens.Purpose.RESET, properties.resetTtl()));
            case DELETED -> {
            }
        }
    }

    /** Sets a new password from a reset link. The link is used up only when the new password is acceptable. */
    void reset(String token, Password newPassword) {
        Account account = tokens.peek(token, OneTimeTokens.Purpose.RESET).flatMap(accounts::findById)
                .filter(a -> a.state() != AccountState.DELETED)
                .orElseThrow(RegistrationService::badLink);
        policy.check("newPassword", newPassword, account.email(), account.displayName());
        String hash = hashing.hash(newPassword);
        if (!tokens.consume(token, OneTimeTokens.Purpose.RESET)) {
            throw RegistrationService.badLink();
        }
        accounts.replacePassword(account.id(), hash);
        sessions.endAll(account.id(), null, "password_reset");
        events.record(SecurityEventType.PASSWORD_RESET, account.id(), Map.of());
        mails.passwordChanged(account.email(), account.displayName(), account.language());
    }

    /**
     * The signed-in user's change: the current password is required (the proof a sensitive action
     * needs, so no separate re-authentication; it also restarts this session's window); a wrong
     * one counts toward the lockout; other sessions end.
     */
    void change(String accountId, String currentSessionId, Password currentPassword, Password newPassword) {
        Account account = accounts.findById(accountId).orElseThrow(BarProblem.NotFound::new);
        logins.requirePassword(account, currentPassword, "currentPassword");
        policy.check("newPassword", newPassword, account.email(), account.displayName());
        accounts.replacePassword(account.id(), hashing.hash(newPassword));
        sessions.endAll(account.id(), currentSessionId, "password_changed");
        reauthentication.proved(currentSessionId);
        events.record(SecurityEventType.PASSWORD_CHANGED, account.id(), Map.of());
        mails.passwordChanged(account.email(), account.displayName(), account.language());
    }
}
