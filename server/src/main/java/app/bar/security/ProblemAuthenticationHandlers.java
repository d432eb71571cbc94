package app.bar.security;

import app.bar.audit.SecurityEventType;
import app.bar.audit.SecurityEvents;
import app.bar.platform.error.ProblemCodes;
import app.bar.platform.error.ProblemWriter;
import app.bar.platform.error.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;

/** 401 and 403 from Spring Security as problem+json, each recorded as a security event. */
@Component
final class ProblemAuthenticationHandlers implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final ProblemWriter problems;
    private final SecurityEvents events;

    ProblemAuthenticationHandlers(ProblemWriter problems, SecurityEvents events) {
        this.problems = problems;
        this.events = events;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        // a stale or revoked access cookie was set aside by TokenAuthenticationFilter: say why
        // (an invalid one was recorded when it was seen)
        Object rejected = request.getAttribute(TokenAuthenticationFilter.COOKIE_REJECTED);
        if (rejected != TokenRejected.Reason.INVALID) {
            events.record(rejected instanceof TokenRejected.Reason r ? TokenAuthenticationFilter.eventFor(r)
                    : SecurityEventType.TOKEN_MISSING, null, Map.of("method", request.getMethod()));
        }
        response.setHeader("WWW-Authenticate", "Bearer");
        // a genuine access cookie of an ended session (signed out, revoked, idle): say so, so the
        // client signs in again rather than retrying
        problems.write(response, rejected == TokenRejected.Reason.SESSION_ENDED
                ? TokenAuthenticationFilter.problemFor(TokenRejected.Reason.SESSION_ENDED)
                : Problems.of(HttpStatus.UNAUTHORIZED, ProblemCodes.AUTH_REQUIRED, "Authentication is required."));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        var auth = org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
        events.record(SecurityEventType.ACCESS_DENIED, auth == null ? null : auth.getName(),
                Map.of("method", request.getMethod()));
        problems.write(response, Problems.of(HttpStatus.FORBIDDEN, ProblemCodes.ACCESS_DENIED,
                "You are not allowed to do this."));
    }
}
