package app.bar.account;

import app.bar.audit.SecurityEventType;
import app.bar.audit.SecurityEvents;
import app.bar.platform.error.BarProblem;
import app.bar.platform.secrets.OpaqueTokens;
import app.bar.security.AccessTokens;
import app.bar.security.CsrfTokens;
import app.bar.security.SessionRevocations;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Sessions (ASVS 7.x): one per sign-in, with an idle timeout (renewed by each refresh) and an
 * absolute one; the refresh token rotates on every use and a used one presented again revokes
 * the session (RFC 9700 §4.14.2). Revocations reach other nodes through {@link SessionRevocations}.
 * Each refresh token starts a new generation of the session's tokens: the access token carries
 * it and the CSRF token is bound to it, so the CSRF token rotates with the others.
 */
@Service
class SessionService {

    private final SessionRepository sessions;
    private final AccountRepository accounts;
    private final AccessTokens accessTokens;
    private final CsrfTokens csrf;
    private final SessionRevocations revocations;
    private final SecurityEvents events;
    private final AccountProperties properties;
    private final Clock clock;

    SessionService(SessionRepository sessions, AccountRepository accounts, AccessTokens accessTokens, CsrfTokens csrf,
            SessionRevocations revocations, SecurityEvents events,
            AccountProperties properties, Clock clock) {
        this.sessions = sessions;
        this.accounts = accounts;
        this.accessTokens = accessTokens;
        this.csrf = csrf;
        this.revocations = revocations;
        this.events = events;
        this.properties = properties;
        this.clock = clock;
    }

    IssuedSession start(Account account, boolean rememberMe, String device, String clientIp) {
        Instant now = clock.instant();
        String id = OpaqueTokens.newId();
        String refresh = OpaqueTokens.newSecret();
        Instant expires = now.plus(rememberMe ? properties.rememberMeAbsoluteTimeout() : properties.sessionAbsoluteTimeout());
        Instant idle = min(now.plus(idleTimeout(rememberMe)), expires);
        String refreshHash = OpaqueTokens.sha256Hex(refresh);
        sessions.insert(new SessionRepository.SessionRow(id, account.id(), now, now, now, idle, expires, rememberMe,
                device, clientIp, null), refreshHash);
        return issue(id, account, refresh, refreshHash, rememberMe ? expires : null);
    }

    private IssuedSession issue(String sessionId, Account account, String refresh, String refreshHash,
            @Nullable Instant persistentUntil) {
        String generation = generationOf(refreshHash);
        return new IssuedSession(sessionId, account, accessTokens.issue(account.id(), sessionId, generation, account.role()),
                refresh, csrf.issue(sessionId, generation), persistentUntil);
    }

    /**
     * The generation of the session's tokens that a refresh token starts: derived from its hash
     * (so it needs no column), one way (the access token that carries it reveals nothing of the
     * refresh token or of its stored hash).
     */
    static String generationOf(String refreshHash) {
        return OpaqueTokens.sha256Hex("generation:" + refreshHash).substring(0, 32);
    }

    /**
     * Rotates the refresh token. The CSRF token is checked first, so a cross-site request can
     * neither rotate nor revoke; then a token used before revokes its session (reuse means it
     * was copied), and an ended session or inactive account is refused.
     */
    IssuedSession refresh(String refreshToken, HttpServletRequest request) {
        Instant now = clock.instant();
        String hash = OpaqueTokens.sha256Hex(refreshToken);
        SessionRepository.RefreshLookup lookup = sessions.findByRefreshHash(hash).orElse(null);
        if (lookup == null) {
            events.record(SecurityEventType.TOKEN_INVALID, null, Map.of("source", "refresh"));
            throw sessionEnded();
        }
        SessionRepository.SessionRow session = lookup.session();
        csrf.require(request, session.id(), generationOf(hash), session.accountId());
        if (!session.isLive(now)) {
            throw sessionEnded();
        }
        if (lookup.used() || !sessions.useRefreshToken(hash, now)) {
            end(session.id(), "refresh_reuse");
            events.record(SecurityEventType.TOKEN_REFRESH_REUSE, session.accountId(), Map.of("session", session.id()));
            throw sessionEnded();
        }
        Account account = accounts.findById(session.accountId()).filter(a -> a.state() == AccountState.ACTIVE)
                .orElse(null);
        if (account == null) {
            end(session.id(), "account_inactive");
            throw sessionEnded();
        }
        String next = OpaqueTokens.newSecret();
        String nextHash = OpaqueTokens.sha256Hex(next);
        sessions.addRefreshToken(nextHash, session.id(), now);
        sessions.touch(session.id(), now, min(now.plus(idleTimeout(session.rememberMe())), session.expiresAt()));
        return issue(session.id(), account, next, nextHash, session.rememberMe() ? session.expiresAt() : null);
    }

    /**
     * The session a refresh token names, if that session is still live, once the request's CSRF
     * token has passed for that refresh token's generation (for logout by the refresh cookie).
     */
    SessionRepository.@Nullable SessionRow liveSessionOf(String refreshToken, HttpServletRequest request) {
        String hash = OpaqueTokens.sha256Hex(refreshToken);
        SessionRepository.SessionRow session = sessions.findByRefreshHash(hash).map(SessionRepository.RefreshLookup::session)
                .filter(s -> s.isLive(clock.instant())).orElse(null);
        if (session != null) {
            csrf.require(request, session.id(), generationOf(hash), session.accountId());
        }
        return session;
    }

    void end(String sessionId, String reason) {
        if (sessions.revoke(sessionId, clock.instant(), reason)) {
            revocations.revoked(List.of(sessionId));
        }
    }

    /** Ends every live session of the account but {@code except} (null: all of them). */
    void endAll(String accountId, @Nullable String except, String reason) {
        Instant now = clock.instant();
        List<String> ended = sessions.liveIds(accountId, except, now).stream()
                .filter(id -> sessions.revoke(id, now, reason)).toList();
        revocations.revoked(ended);
    }

    /** Ends one of the account's own sessions; another account's session is "not found". */
    void endOwn(String accountId, String sessionId) {
        if (sessions.findLive(accountId, sessionId, clock.instant()).isEmpty()) {
            throw new BarProblem.NotFound();
        }
        end(sessionId, "user");
        events.record(SecurityEventType.SESSION_REVOKED, accountId, Map.of("session", sessionId, "by", "user"));
    }

    List<SessionRepository.SessionRow> listLive(String accountId) {
        return sessions.listLive(accountId, clock.instant());
    }

    long countLive() {
        return sessions.countLive(clock.instant());
    }

    private Duration idleTimeout(boolean rememberMe) {
        return rememberMe ? properties.rememberMeIdleTimeout() : properties.sessionIdleTimeout();
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static BarProblem.Unauthorized sessionEnded() {
        return new BarProblem.Unauthorized(AccountCodes.SESSION_ENDED, "The session has ended; sign in again.");
    }
}
