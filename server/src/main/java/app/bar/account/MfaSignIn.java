package app.bar.account;

import app.bar.audit.SecurityEventType;
import app.bar.platform.error.BarProblem;
import app.bar.platform.error.ProblemCodes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * The second step of a sign-in, after the right password ({@link LoginService} answered an
 * {@link MfaPending}): an authenticator code, a recovery code or a passkey completes it, and only
 * then is a session started, exactly as a password-only sign-in starts one. A wrong answer counts
 * toward the account's lockout like a wrong password ({@code mfa.failed}) and toward the
 * challenge's own limit (the lockout's {@code max-failures}); a locked account's challenge ends.
 * With {@code bar.accounts.mfa-required} and no factor yet, the step is the enrolment of an
 * authenticator app instead.
 */
@Service
class MfaSignIn {

    /** A session that came with an enrolment: the recovery codes are shown once, here. */
    record Enrolled(IssuedSession session, List<String> recoveryCodes) {
        @Override
        public String toString() {
            return "Enrolled[" + session.sessionId() + "]";
        }
    }

    private final AuthChallenges challenges;
    private final AccountRepository accounts;
    private final SecondFactors factors;
    private final LoginService logins;
    private final AccountProperties properties;
    private final Clock clock;

    MfaSignIn(AuthChallenges challenges, AccountRepository accounts, SecondFactors factors, LoginService logins,
            AccountProperties properties, Clock clock) {
        this.challenges = challenges;
        this.accounts = accounts;
        this.factors = factors;
        this.logins = logins;
        this.properties = properties;
        this.clock = clock;
    }

    /** Completes the sign-in with an authenticator code or a recovery code (exactly one of them). */
    IssuedSession verify(String token, @Nullable String code, @Nullable String recoveryCode, @Nullable String userAgent,
            String clientIp) {
        if ((code == null) == (recoveryCode == null)) {
            throw new BarProblem.Invalid(ProblemCodes.FIELD_REQUIRED, code == null ? "code" : "recoveryCode",
                    "send either code or recoveryCode");
        }
        AuthChallenges.Challenge challenge = live(token, AuthChallenges.Purpose.MFA);
        Account account = accountOf(challenge);
        String method = code != null ? "totp" : "recovery_code";
        boolean right = code != null ? factors.acceptTotp(account.id(), code)
                : factors.acceptRecoveryCode(account.id(), recoveryCode);
        if (!right) {
            throw failed(challenge, account, method);
        }
        return complete(challenge, account, method, userAgent, clientIp);
    }

    /** The second step passed by other means (a passkey). */
    IssuedSession complete(AuthChallenges.Challenge challenge, Account account, String method, @Nullable String userAgent,
            String clientIp) {
        if (!challenges.consume(challenge)) {
            throw challengeInvalid();
        }
        accounts.clearFailures(account.id());
        return logins.startSession(account, challenge.rememberMe(), userAgent, clientIp, "password+" + method);
    }

    /** A required enrolment's first part: a new authenticator secret for the challenge's account. */
    SecondFactors.TotpSetup beginEnrolment(String token) {
        AuthChallenges.Challenge challenge = live(token, AuthChallenges.Purpose.ENROL);
        return factors.beginTotp(accountOf(challenge));
    }

    /** A required enrolment's second part: the confirming code; then the session and the recovery codes. */
    Enrolled confirmEnrolment(String token, String code, @Nullable String userAgent, String clientIp) {
        AuthChallenges.Challenge challenge = live(token, AuthChallenges.Purpose.ENROL);
        Account account = accountOf(challenge);
        List<String> recoveryCodes;
        try {
            recoveryCodes = factors.confirmTotp(account.id(), code, "code");
        } catch (BarProblem.Invalid wrong) {
            challenges.countAttempt(challenge, properties.lockout().maxFailures());
            throw wrong;
        }
        return new Enrolled(complete(challenge, account, "totp_enrolment", userAgent, clientIp), recoveryCodes);
    }

    /** The live challenge of the token and purpose, or {@code 401 auth.mfa_challenge_invalid}. */
    AuthChallenges.Challenge live(String token, AuthChallenges.Purpose purpose) {
        return challenges.find(token, purpose).orElseThrow(MfaSignIn::challengeInvalid);
    }

    /**
     * The challenge's account while it may still sign in; a locked one ends the challenge and is
     * said plainly ({@code 423}): the password was right.
     */
    Account accountOf(AuthChallenges.Challenge challenge) {
        Account account = challenge.accountId() == null ? null : accounts.findById(challenge.accountId())
                .filter(a -> a.state() == AccountState.ACTIVE).orElse(null);
        if (account == null) {
            challenges.consume(challenge);
            throw challengeInvalid();
        }
        Instant now = clock.instant();
        if (account.isLocked(now)) {
            challenges.consume(challenge);
            throw new BarProblem.Locked(ProblemCodes.RESOURCE_LOCKED,
                    "Your account is locked after too many wrong answers; try again later or reset your password.",
                    Duration.between(now, account.lockedUntil()));
        }
        return account;
    }

    /** Counts a wrong second factor (account lockout and the challenge's own limit). */
    BarProblem failed(AuthChallenges.Challenge challenge, Account account, String method) {
        logins.recordFailure(account, clock.instant(), SecurityEventType.MFA_FAILED, method);
        if (!challenges.countAttempt(challenge, properties.lockout().maxFailures())) {
            return challengeInvalid();
        }
        return new BarProblem.Unauthorized(AccountCodes.MFA_FAILED, "The code is wrong or was used before.");
    }

    static BarProblem.Unauthorized challengeInvalid() {
        return new BarProblem.Unauthorized(AccountCodes.MFA_CHALLENGE_INVALID,
                "This sign-in step has ended (expired, used or too many wrong answers); sign in again.");
    }
}
