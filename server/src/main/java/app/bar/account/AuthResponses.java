package app.bar.account;

import app.bar.security.SessionCookies;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Response bodies of the account API: DTOs with only what the client needs. */
final class AuthResponses {

    /** The one body of every sign-up and forgot-password answer, whatever the address. */
    static final Accepted ACCEPTED = new Accepted("accepted", "If the address can be used, a message is on its way to it.");

    private AuthResponses() {
    }

    /** The answer to a right password: a session ({@code 200}), or a second step ({@code 202}). */
    sealed interface SignIn permits Session, SecondStep {
    }

    /** A signed-in session: who, and the CSRF token (also in the readable CSRF cookie). */
    record Session(AccountSummary account, String csrfToken, Instant accessTokenExpiresAt,
            @Nullable Instant sessionExpiresAt) implements SignIn {
        static Session of(IssuedSession s) {
            return new Session(AccountSummary.of(s.account()), s.csrfToken(), s.accessToken().expiresAt(),
                    s.persistentUntil());
        }

        /** Writes the session's cookies and answers its body. */
        static Session written(IssuedSession s, SessionCookies cookies, HttpServletResponse response, Instant now) {
            cookies.write(response, s.accessToken(), s.refreshToken(), s.csrfToken(), s.persistentUntil(), now);
            return of(s);
        }

        @Override
        public String toString() {
            return "Session[" + account.id() + "]";
        }
    }

    /**
     * The password was right and a second step is due ({@code status} {@code mfa_required}: send a
     * code, a recovery code or a passkey to {@code /api/auth/mfa}; {@code mfa_enrolment_required}:
     * set up an authenticator app through {@code /api/auth/mfa/enrolment}). {@code mfaToken} is good
     * for that step only, until {@code expiresAt}.
     */
    record SecondStep(String status, String mfaToken, List<String> methods, Instant expiresAt) implements SignIn {
        static SecondStep of(MfaPending p) {
            return new SecondStep(p.enrolment() ? "mfa_enrolment_required" : "mfa_required", p.token(), p.methods(),
                    p.expiresAt());
        }

        @Override
        public String toString() {
            return "SecondStep[" + status + "]";
        }
    }

    /** An authenticator app to set up: the secret (base32) and the {@code otpauth://} URI for the QR code. */
    record TotpSetup(String secret, String otpauthUri) {
        static TotpSetup of(SecondFactors.TotpSetup s) {
            return new TotpSetup(s.secret(), s.otpauthUri());
        }

        @Override
        public String toString() {
            return "TotpSetup[hidden]";
        }
    }

    /** Recovery codes: shown in this answer only, each good once. */
    record RecoveryCodes(List<String> recoveryCodes) {
        @Override
        public String toString() {
            return "RecoveryCodes[hidden]";
        }
    }

    /** A sign-in completed by a required enrolment: the session and the new recovery codes. */
    record EnrolledSession(Session session, List<String> recoveryCodes) {
        @Override
        public String toString() {
            return "EnrolledSession[hidden]";
        }
    }

    record Accepted(String status, String detail) {
    }

    record Verified(String state) {
    }

    record SessionView(String id, boolean current, String device, String ip, Instant createdAt, Instant lastUsedAt,
            Instant expiresAt) {
        static SessionView of(SessionRepository.SessionRow s, @Nullable String currentId) {
            return new SessionView(s.id(), s.id().equals(currentId), s.device(), s.clientIp(), s.createdAt(),
                    s.lastUsedAt(), s.expiresAt().isBefore(s.idleExpiresAt()) ? s.expiresAt() : s.idleExpiresAt());
        }
    }

    /** A new API token: the value is in this answer and nowhere else, ever. */
    record CreatedToken(String id, String name, List<String> scopes, Instant createdAt, Instant expiresAt,
            String token) {
        static CreatedToken of(ApiTokens.CreatedToken t) {
            ApiTokens.TokenView v = t.view();
            return new CreatedToken(v.id(), v.name(), v.scopes(), v.createdAt(), v.expiresAt(), t.token());
        }

        @Override
        public String toString() {
            return "CreatedToken[" + id + "]";
        }
    }

    /** Signed out of BAR; the browser goes on to the provider's logout ({@code end_session_endpoint}) to end its session too. */
    record SignedOut(String endSessionUrl) {
    }
}
