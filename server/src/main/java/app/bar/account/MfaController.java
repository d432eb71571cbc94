package app.bar.account;

import app.bar.platform.web.ClientIp;
import app.bar.platform.web.CurrentAccount;
import app.bar.security.SessionCookies;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.time.Clock;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Second factors over HTTP: the second sign-in step ({@code /api/auth/mfa/**}, with the challenge
 * a right password answered) and the signed-in account's own factors ({@code /api/account/mfa/**}:
 * a session only; setting up, removing and renewing need a recent password, {@link Reauthentication}).
 */
@RestController
class MfaController {

    private static final String JSON = MediaType.APPLICATION_JSON_VALUE;

    private final MfaSignIn signIn;
    private final SecondFactors factors;
    private final AccountProfile profile;
    private final Reauthentication reauthentication;
    private final SessionCookies cookies;
    private final Clock clock;

    MfaController(MfaSignIn signIn, SecondFactors factors, AccountProfile profile, Reauthentication reauthentication,
            SessionCookies cookies, Clock clock) {
        this.signIn = signIn;
        this.factors = factors;
        this.profile = profile;
        this.reauthentication = reauthentication;
        this.cookies = cookies;
        this.clock = clock;
    }

    /** Completes a sign-in with an authenticator code or a recovery code: the session's cookies, as {@code /login} gives. */
    @PostMapping(path = "/api/auth/mfa", consumes = JSON, produces = JSON)
    AuthResponses.Session verify(@Valid @RequestBody AuthRequests.SecondFactor request, HttpServletRequest http,
            HttpServletResponse response) {
        IssuedSession session = signIn.verify(request.mfaToken(), request.code(), request.recoveryCode(),
                http.getHeader(HttpHeaders.USER_AGENT), ClientIp.redacted(http));
        return AuthResponses.Session.written(session, cookies, response, clock.instant());
    }

    @PostMapping(path = "/api/auth/mfa/enrolment", consumes = JSON, produces = JSON)
    AuthResponses.TotpSetup beginEnrolment(@Valid @RequestBody AuthRequests.MfaToken request) {
        return AuthResponses.TotpSetup.of(signIn.beginEnrolment(request.mfaToken()));
    }

    @PostMapping(path = "/api/auth/mfa/enrolment/confirm", consumes = JSON, produces = JSON)
    AuthResponses.EnrolledSession confirmEnrolment(@Valid @RequestBody AuthRequests.ConfirmEnrolment request,
            HttpServletRequest http, HttpServletResponse response) {
        MfaSignIn.Enrolled enrolled = signIn.confirmEnrolment(request.mfaToken(), request.code(),
                http.getHeader(HttpHeaders.USER_AGENT), ClientIp.redacted(http));
        return new AuthResponses.EnrolledSession(
                AuthResponses.Session.written(enrolled.session(), cookies, response, clock.instant()),
                enrolled.recoveryCodes());
    }

    @GetMapping(path = "/api/account/mfa", produces = JSON)
    SecondFactors.Status status() {
        return factors.status(CurrentAccount.requireId());
    }

    @PostMapping(path = "/api/account/mfa/totp", produces = JSON)
    AuthResponses.TotpSetup beginTotp() {
        reauthentication.require(requireSession());
        return AuthResponses.TotpSetup.of(factors.beginTotp(profile.account(CurrentAccount.requireId())));
    }

    @PostMapping(path = "/api/account/mfa/totp/confirm", consumes = JSON, produces = JSON)
    AuthResponses.RecoveryCodes confirmTotp(@Valid @RequestBody AuthRequests.ConfirmTotp request) {
        requireSession();
        return new AuthResponses.RecoveryCodes(factors.confirmTotp(CurrentAccount.requireId(), request.code(), "code"));
    }

    @DeleteMapping("/api/account/mfa/totp")
    ResponseEntity<Void> disableTotp() {
        reauthentication.require(requireSession());
        factors.disableTotp(CurrentAccount.requireId());
        return ResponseEntity.noContent().build();
    }

    @PostMapping(path = "/api/account/mfa/recovery-codes", produces = JSON)
    AuthResponses.RecoveryCodes renewRecoveryCodes() {
        reauthentication.require(requireSession());
        return new AuthResponses.RecoveryCodes(factors.renewRecoveryCodes(CurrentAccount.requireId()));
    }

    private static String requireSession() {
        return CurrentAccount.sessionId().orElseThrow(AccountController::sessionRequired);
    }
}
