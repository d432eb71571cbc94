package app.bar.platform.web;

import app.bar.platform.error.BarProblem;
import app.bar.platform.error.ProblemCodes;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The signed-in account of the current request, if any: the one way every module asks who is
 * calling. The security module authenticates requests with an {@link Authentication} whose
 * {@code getName()} is the account id and that is {@link SessionBound} when the credential is a
 * session; no other module reads the security context itself.
 */
public final class CurrentAccount {

    /** Implemented by an authentication that belongs to a session (not, say, a personal API token). */
    public interface SessionBound {
        @Nullable String sessionId();
    }

    private CurrentAccount() {
    }

    public static Optional<String> id() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
            return Optional.empty();
        }
        return Optional.of(auth.getName());
    }

    /** The account id, or a 401 {@code auth.required} problem when nobody is signed in. */
    public static String requireId() {
        return id().orElseThrow(() -> new BarProblem.Unauthorized(ProblemCodes.AUTH_REQUIRED, "Authentication is required."));
    }

    /** The session the request belongs to; empty when anonymous or signed in with a personal API token. */
    public static Optional<String> sessionId() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return id().isPresent() && auth instanceof SessionBound bound ? Optional.ofNullable(bound.sessionId())
                : Optional.empty();
    }

    public static boolean isAdmin() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return id().isPresent() && auth.getAuthorities().stream().anyMatch(a -> "ROLE_ADMIN".equals(a.getAuthority()));
    }
}
