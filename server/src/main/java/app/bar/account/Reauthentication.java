package app.bar.account;

import app.bar.audit.SecurityEventType;
import app.bar.audit.SecurityEvents;
import app.bar.platform.error.BarProblem;
import app.bar.platform.secrets.Password;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Fresh proof of the password before actions that outlast the session or change how the account
 * is proved (ASVS 7.5.1): a session records when its user last gave the password (sign-in,
 * {@code POST /api/auth/reauthenticate}, a password change), and such an action needs that to be
 * within {@code bar.accounts.reauthentication-window}. So a stolen access token, or a session left
 * open, cannot mint a year-long API token. Factor enrolment, when it comes, calls {@link #require}.
 */
@Service
class Reauthentication {

    private final SessionRepository sessions;
    private final AccountRepository accounts;
    private final LoginService logins;
    private final SecurityEvents events;
    private final AccountProperties properties;
    private final Clock clock;

    Reauthentication(SessionRepository sessions, AccountRepository accounts, LoginService logins, SecurityEvents events,
            AccountProperties properties, Clock clock) {
        this.sessions = sessions;
        this.accounts = accounts;
        this.logins = logins;
        this.events = events;
        this.properties = properties;
        this.clock = clock;
    }

    /** Refuses with {@code 403 auth.reauthentication_required} unless the session's password proof is recent. */
    void require(String sessionId) {
        Instant now = clock.instant();
        boolean recent = sessions.authenticatedAt(sessionId, now)
                .filter(at -> now.isBefore(at.plus(properties.reauthenticationWindow()))).isPresent();
        if (!recent) {
            throw new BarProblem.Forbidden(AccountCodes.REAUTHENTICATION_REQUIRED,
                    "Confirm your password first (POST /api/auth/reauthenticate), then try again.");
        }
    }

    /**
     * Checks the password of the session's account (a wrong one counts toward the lockout, and a
     * locked account is refused) and starts the session's window again.
     */
    void reauthenticate(String accountId, String sessionId, Password password) {
        Account account = accounts.findById(accountId).filter(a -> a.state() == AccountState.ACTIVE)
                .orElseThrow(() -> new BarProblem.Unauthorized(AccountCodes.SESSION_ENDED, "The session has ended; sign in again."));
        logins.requirePassword(account, password, "password");
        if (!sessions.markAuthenticated(sessionId, clock.instant())) {
            throw new BarProblem.Unauthorized(AccountCodes.SESSION_ENDED, "The session has ended; sign in again.");
        }
        events.record(SecurityEventType.SESSION_REAUTHENTICATED, accountId, Map.of("session", sessionId));
    }

    /** A password change proved the password: the session's window starts again. */
    void proved(String sessionId) {
        sessions.markAuthenticated(sessionId, clock.instant());
    }
}
