package app.bar.account;

import app.bar.audit.SecurityEventType;
import app.bar.audit.SecurityEvents;
import app.bar.platform.error.BarProblem;
import app.bar.platform.error.ProblemCodes;
import app.bar.platform.secrets.Password;
import app.bar.platform.web.UserAgents;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Sign-in (ASVS 6.3.x). An unknown email, a deleted or locked account and a wrong password
 * all give the same 401 after the same work (a locked or unknown account is checked against
 * a dummy hash), so neither words nor timing tell them apart. Whether an account is pending
 * or paused is said only after the right password. Failures are counted in the database, so
 * the lockout holds across nodes; the owner is mailed once per lock and can still reset the
 * password, so a lock is no cheap denial of service. An account with a second factor (or one that
 * must enrol, {@code bar.accounts.mfa-required}) gets no session for the password alone, but a
 * short-lived challenge for the second step ({@link MfaSignIn}).
 */
@Service
class LoginService {

    private final AccountRepository accounts;
    private final PasswordHashing hashing;
    private final SessionService sessions;
    private final AccountMails mails;
    private final SecondFactors secondFactors;
    private final SecurityEvents events;
    private final AccountProperties properties;
    private final Clock clock;

    LoginService(AccountRepository accounts, PasswordHashing hashing, SessionService sessions, AccountMails mails,
            SecondFactors secondFactors, SecurityEvents events, AccountProperties properties, Clock clock) {
        this.accounts = accounts;
        this.hashing = hashing;
        this.sessions = sessions;
        this.mails = mails;
        this.secondFactors = secondFactors;
        this.events = events;
        this.properties = properties;
        this.clock = clock;
    }

    SignInStep login(String email, Password password, boolean rememberMe, @Nullable String userAgent, String clientIp) {
        String normalized = EmailAddress.normalize(email);
        Account account = normalized == null ? null
                : accounts.findByEmail(normalized).filter(a -> a.state() != AccountState.DELETED).orElse(null);
        Instant now = clock.instant();
        if (account == null || account.isLocked(now)) {
            hashing.matchDummy(password);
            events.record(SecurityEventType.LOGIN_FAILED, account == null ? null : account.id(),
                    Map.of("reason", account == null ? "unknown_account" : "locked"));
            throw wrongCredentials();
        }
        if (!hashing.matches(password, account.passwordHash())) {
            recordFailure(account, now, SecurityEventType.LOGIN_FAILED, "wrong_password");
            throw wrongCredentials();
        }
        refuseUnlessActive(account);
        if (hashing.needsRehash(account.passwordHash())) {
            accounts.updatePasswordHash(account.id(), hashing.hash(password));
        }
        Optional<MfaPending> secondStep = secondFactors.challengeAfterPassword(account, rememberMe);
        if (secondStep.isPresent()) {
            return secondStep.get();
        }
        accounts.clearFailures(account.id());
        return startSession(account, rememberMe, userAgent, clientIp, "password");
    }

    /** The session of a completed sign-in, recorded with how it was proved ({@code method}). */
    IssuedSession startSession(Account account, boolean rememberMe, @Nullable String userAgent, String clientIp,
            String method) {
        IssuedSession session = sessions.start(account, rememberMe, UserAgents.device(userAgent), clientIp);
        events.record(SecurityEventType.LOGIN_SUCCEEDED, account.id(),
                Map.of("session", session.sessionId(), "method", method));
        return session;
    }

    /**
     * Checks the password of a signed-in account (re-authentication, password change) with the
     * sign-in's bookkeeping: a wrong one counts toward the lockout, and while the account is locked
     * no password is checked at all (so a session cannot guess on past the lock). The user is
     * signed in, so the lock is said plainly: {@code 423} with {@code Retry-After}.
     */
    void requirePassword(Account account, Password password, String field) {
        checkPassword(account, password, field);
        accounts.clearFailures(account.id());
    }

    /**
     * {@link #requirePassword} without clearing the failure count: for a proof that has a second
     * part still to come (the count then goes on across a right password and a wrong code).
     */
    void checkPassword(Account account, Password password, String field) {
        Instant now = clock.instant();
        if (account.isLocked(now)) {
            events.record(SecurityEventType.LOGIN_FAILED, account.id(), Map.of("reason", "locked"));
            throw new BarProblem.Locked(ProblemCodes.RESOURCE_LOCKED,
                    "Your account is locked after too many wrong passwords; try again later or reset your password.",
                    Duration.between(now, account.lockedUntil()));
        }
        if (!hashing.matches(password, account.passwordHash())) {
            recordFailure(account, now, SecurityEventType.LOGIN_FAILED, "wrong_password");
            throw new BarProblem.Invalid(AccountCodes.PASSWORD_WRONG, field, "is not your current password");
        }
    }

    private void refuseUnlessActive(Account account) {
        switch (account.state()) {
            case ACTIVE -> {
            }
            case PENDING_VERIFICATION -> {
                events.record(SecurityEventType.LOGIN_PENDING_APPROVAL, account.id(), Map.of("state", "pending_verification"));
                throw new BarProblem.Forbidden(AccountCodes.UNVERIFIED,
                        "Confirm your email address first: follow the link we mailed you.");
            }
            case PENDING_APPROVAL -> {
                events.record(SecurityEventType.LOGIN_PENDING_APPROVAL, account.id(), Map.of("state", "pending_approval"));
                throw new BarProblem.Forbidden(AccountCodes.PENDING_APPROVAL,
                        "Your account is waiting for an administrator's approval.");
            }
            case PAUSED -> {
                events.record(SecurityEventType.LOGIN_ACCOUNT_PAUSED, account.id(), Map.of());
                throw new BarProblem.Forbidden(AccountCodes.PAUSED,
                        "Your account is paused; contact the administrator.");
            }
            case DELETED -> throw wrongCredentials();
        }
    }

    /**
     * Counts a failed proof (a wrong password, or a wrong second factor) toward the account's
     * lockout, records it as {@code type} with {@code reason}, and locks the account at the limit.
     */
    void recordFailure(Account account, Instant now, SecurityEventType type, String reason) {
        AccountProperties.Lockout lockout = properties.lockout();
        int failures = accounts.recordFailure(account.id(), now, now.minus(lockout.window()));
        events.record(type, account.id(), Map.of("reason", reason));
        if (failures >= lockout.maxFailures()
                && accounts.lock(account.id(), lockout.maxFailures(), now, now.plus(lockout.duration()))) {
            events.record(SecurityEventType.ACCOUNT_LOCKED, account.id(),
                    Map.of("minutes", lockout.duration().toMinutes()));
            mails.locked(account.email(), account.displayName(), account.language(), lockout.duration().toMinutes());
        }
    }

    static BarProblem.Unauthorized wrongCredentials() {
        return new BarProblem.Unauthorized(AccountCodes.LOGIN_FAILED, "The email or password is wrong.");
    }
}
