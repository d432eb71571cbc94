package app.bar.account;

import app.bar.security.SessionStatus;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Answers the security module's question "until when may this session's access tokens be used?". */
@Component
class SessionLiveness implements SessionStatus {

    private final SessionRepository sessions;

    SessionLiveness(SessionRepository sessions) {
        this.sessions = sessions;
    }

    @Override
    public Optional<Instant> activeUntil(String sessionId) {
        return sessions.activeUntil(sessionId);
    }
}
