package app.bar.account;

import app.bar.audit.SecurityEventType;
import app.bar.audit.SecurityEvents;
import app.bar.platform.error.BarProblem;
import app.bar.platform.web.ClientIp;
import app.bar.platform.web.CurrentAccount;
import app.bar.security.SessionCookies;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.time.Clock;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/auth/*}: sign-up, verification, sign-in, refresh, re-authentication, sign-out,
 * forgot and reset password.
 */
@RestController
@RequestMapping(path = "/api/auth", produces = MediaType.APPLICATION_JSON_VALUE)
class AuthController {

    private static final String JSON = MediaType.APPLICATION_JSON_VALUE;

    private final RegistrationService registration;
    private final LoginService logins;
    private final SessionService sessions;
    private final PasswordService passwords;
    private final Reauthentication reauthentication;
    private final SessionCookies cookies;
    private final SecurityEvents events;
    private final Clock clock;

    AuthController(RegistrationService registration, LoginService logins, SessionService sessions, PasswordService passwords,
            Reauthentication reauthentication, SessionCookies cookies, SecurityEvents events, Clock clock) {
        this.registration = registration;
        this.logins = logins;
        this.sessions = sessions;
        this.passwords = passwords;
        this.reauthentication = reauthentication;
        this.cookies = cookies;
        this.events = events;
        this.clock = clock;
    }

    @PostMapping(path = "/register", consumes = JSON)
    ResponseEntity<AuthResponses.Accepted> register(@Valid @RequestBody AuthRequests.Register request) {
        registration.register(request.email(), request.password(), request.displayName());
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(AuthResponses.ACCEPTED);
    }

    @PostMapping(path = "/verify-email", consumes = JSON)
    AuthResponses.Verified verifyEmail(@Valid @RequestBody AuthRequests.Token request) {
        return new AuthResponses.Verified(registration.verify(request.token()).name());
    }

    @PostMapping(path = "/login", consumes = JSON)
    AuthResponses.Session login(@Valid @RequestBody AuthRequests.Login request, HttpServletRequest http,
            HttpServletResponse response) {
        IssuedSession session = logins.login(request.email(), request.password(), Boolean.TRUE.equals(request.rememberMe()),
                http.getHeader(HttpHeaders.USER_AGENT), ClientIp.redacted(http));
        return withCookies(session, response);
    }

    @PostMapping("/refresh")
    AuthResponses.Session refresh(HttpServletRequest request, HttpServletResponse response) {
        String refreshToken = cookies.readRefresh(request);
        if (refreshToken == null) {
            throw new BarProblem.Unauthorized(AccountCodes.SESSION_ENDED, "There is no session to refresh; sign in.");
        }
        return withCookies(sessions.refresh(refreshToken, request), response);
    }

    /**
     * The signed-in user proves their password again, for the actions that need a recent proof
     * (new API tokens): a wrong one counts toward the account's lockout, like a failed sign-in.
     */
    @PostMapping(path = "/reauthenticate", consumes = JSON)
    ResponseEntity<Void> reauthenticate(@Valid @RequestBody AuthRequests.Reauthenticate request) {
        String sessionId = CurrentAccount.sessionId().orElseThrow(AccountController::sessionRequired);
        reauthentication.reauthenticate(CurrentAccount.requireId(), sessionId, request.password());
        return ResponseEntity.noContent().build();
    }

    /**
     * Ends the session named by the access token (cookie or bearer) or, when that has expired,
     * by the refresh cookie; a cookie-authenticated request needs its CSRF token either way.
     */
    @PostMapping("/logout")
    ResponseEntity<Void> logout(HttpServletRequest request, HttpServletResponse response) {
        String refresh = cookies.readRefresh(request);
        String accountId = CurrentAccount.id().orElse(null);
        String sessionId = CurrentAccount.sessionId().orElse(null);
        if (accountId == null && refresh != null) {
            SessionRepository.SessionRow session = sessions.liveSessionOf(refresh, request);
            if (session != null) {
                sessionId = session.id();
                accountId = session.accountId();
            }
        }
        if (sessionId != null) {
            sessions.end(sessionId, "logout");
            events.record(SecurityEventType.SESSION_REVOKED, accountId, Map.of("session", sessionId, "by", "logout"));
        }
        cookies.clear(response);
        return ResponseEntity.noContent().build();
    }

    @PostMapping(path = "/forgot-password", consumes = JSON)
    ResponseEntity<AuthResponses.Accepted> forgotPassword(@Valid @RequestBody AuthRequests.Email request) {
        passwords.forgot(request.email());
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(AuthResponses.ACCEPTED);
    }

    @PostMapping(path = "/reset-password", consumes = JSON)
    ResponseEntity<Void> resetPassword(@Valid @RequestBody AuthRequests.Reset request) {
        passwords.reset(request.token(), request.newPassword());
        return ResponseEntity.noContent().build();
    }

    private AuthResponses.Session withCookies(IssuedSession session, HttpServletResponse response) {
        cookies.write(response, session.accessToken(), session.refreshToken(), session.csrfToken(),
                session.persistentUntil(), clock.instant());
        return AuthResponses.Session.of(session);
    }
}
