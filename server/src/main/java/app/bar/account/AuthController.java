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
    private final LocalLogin localLogin;
    private final OidcLogout oidcLogout;
    private final Clock clock;

    AuthController(RegistrationService registration, LoginService logins, SessionService sessions, PasswordService passwords,
            Reauthentication reauthentication, SessionCookies cookies, SecurityEvents events, LocalLogin localLogin,
            OidcLogout oidcLogout, Clock clock) {
        this.localLogin = localLogin;
        this.oidcLogout = oidcLogout;
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
        localLogin.require();
        registration.register(request.email(), request.password(), request.displayName(), request.language());
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(AuthResponses.ACCEPTED);
    }

    @PostMapping(path = "/verify-email", consumes = JSON)
    AuthResponses.Verified verifyEmail(@Valid @RequestBody AuthRequests.Token request) {
        return new AuthResponses.Verified(registration.verify(request.token()).name());
    }

    /** {@code 200} and the session's cookies, or {@code 202} and the second step (no cookies) for an account with a factor. */
    @PostMapping(path = "/login", consumes = JSON)
    ResponseEntity<AuthResponses.SignIn> login(@Valid @RequestBody AuthRequests.Login request, HttpServletRequest http,
            HttpServletResponse response) {
        localLogin.require();
        SignInStep step = logins.login(request.email(), request.password(), Boolean.TRUE.equals(request.rememberMe()),
                http.getHeader(HttpHeaders.USER_AGENT), ClientIp.redacted(http));
        if (step instanceof MfaPending pending) {
            return ResponseEntity.status(HttpStatus.ACCEPTED).body(AuthResponses.SecondStep.of(pending));
        }
        return ResponseEntity.ok(withCookies((IssuedSession) step, response));
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
    /**
     * {@code 204}, or for a session a provider with RP-initiated logout signed in {@code 200} and
     * the provider's {@code endSessionUrl}, where the page sends the browser next.
     */
    @PostMapping("/logout")
    ResponseEntity<AuthResponses.SignedOut> logout(HttpServletRequest request, HttpServletResponse response) {
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
        String endSessionUrl = null;
        if (sessionId != null) {
            endSessionUrl = oidcLogout.endSessionUrl(sessionId).orElse(null);
            sessions.end(sessionId, "logout");
            events.record(SecurityEventType.SESSION_REVOKED, accountId, Map.of("session", sessionId, "by", "logout"));
        }
        cookies.clear(response);
        return endSessionUrl == null ? ResponseEntity.noContent().build()
                : ResponseEntity.ok(new AuthResponses.SignedOut(endSessionUrl));
    }

    @PostMapping(path = "/forgot-password", consumes = JSON)
    ResponseEntity<AuthResponses.Accepted> forgotPassword(@Valid @RequestBody AuthRequests.Email request) {
        localLogin.require();
        passwords.forgot(request.email());
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(AuthResponses.ACCEPTED);
    }

    @PostMapping(path = "/reset-password", consumes = JSON)
    ResponseEntity<Void> resetPassword(@Valid @RequestBody AuthRequests.Reset request) {
        passwords.reset(request.token(), request.newPassword());
        return ResponseEntity.noContent().build();
    }

    private AuthResponses.Session withCookies(IssuedSession session, HttpServletResponse response) {
        return AuthResponses.Session.written(session, cookies, response, clock.instant());
    }
}
