package app.bar.account;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Response bodies of the account API: DTOs with only what the client needs. */
final class AuthResponses {

    /** The one body of every sign-up and forgot-password answer, whatever the address. */
    static final Accepted ACCEPTED = new Accepted("accepted", "If the address can be used, a message is on its way to it.");

    private AuthResponses() {
    }

    /** A signed-in session: who, and the CSRF token (also in the readable CSRF cookie). */
    record Session(AccountSummary account, String csrfToken, Instant accessTokenExpiresAt,
            @Nullable Instant sessionExpiresAt) {
        static Session of(IssuedSession s) {
            return new Session(AccountSummary.of(s.account()), s.csrfToken(), s.accessToken().expiresAt(),
                    s.persistentUntil());
        }

        @Override
        public String toString() {
            return "Session[" + account.id() + "]";
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
}
