package app.bar.account;

import app.bar.security.SessionStatus;
import java.time.Clock;
import org.springframework.stereotype.Component;

/** Answers the security module's question "may this session's access tokens still be used?". */
@Component
class SessionLiveness implements SessionStatus {

    private final SessionRepository sessions;
    private final Clock clock;

    SessionLiveness(SessionRepository sessions, Clock clock) {
        this.sessions = sessions;
        this.clock = clock;
    }

    @Override
    public boolean isActive(String sessionId) {
        return sessions.isLive(sessionId, clock.instant());
    }
}
