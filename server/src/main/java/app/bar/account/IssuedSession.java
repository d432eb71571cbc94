package app.bar.account;

import app.bar.security.AccessToken;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** The credentials of a new or refreshed session, for its cookies. Not a record: nothing here may be printed. */
final class IssuedSession implements SignInStep {

    private final String sessionId;
    private final Account account;
    private final AccessToken accessToken;
    private final String refreshToken;
    private final String csrfToken;
    private final @Nullable Instant persistentUntil;

    IssuedSession(String sessionId, Account account, AccessToken accessToken, String refreshToken, String csrfToken,
            @Nullable Instant persistentUntil) {
        this.sessionId = sessionId;
        this.account = account;
        this.accessToken = accessToken;
        this.refreshToken = refreshToken;
        this.csrfToken = csrfToken;
        this.persistentUntil = persistentUntil;
    }

    String sessionId() {
        return sessionId;
    }

    Account account() {
        return account;
    }

    AccessToken accessToken() {
        return accessToken;
    }

    String refreshToken() {
        return refreshToken;
    }

    String csrfToken() {
        return csrfToken;
    }

    /** The absolute end of a remember-me session (its cookies persist until then); null otherwise. */
    @Nullable Instant persistentUntil() {
        return persistentUntil;
    }

    @Override
    public String toString() {
        return "IssuedSession[" + sessionId + "]";
    }
}
