package app.bar.security;

import app.bar.platform.error.BarProblem;
import app.bar.platform.error.ProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Demands a valid {@link CsrfTokens signed CSRF token} on every state-changing request that
 * the access cookie authenticated. Bearer requests need none: a cross-site page cannot set an
 * {@code Authorization} header. Anonymous requests have no session to forge. The refresh and
 * logout endpoints, authenticated by the refresh cookie alone, check the token themselves.
 *
 * <p>The request URI is compared as sent: a path that differs only in encoding or extra
 * slashes is refused by Spring Security's firewall before this filter runs.
 */
final class CsrfProtectionFilter extends OncePerRequestFilter {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
    /**
     * Anonymous endpoints that never act with the session's authority, so a leftover access
     * cookie must not make them demand a token (sign-in itself is JSON-only: no cross-site form
     * can post it, ASVS 3.5.2).
     */
    private static final Set<String> SESSIONLESS = Set.of("/api/auth/login", "/api/auth/register",
            "/api/auth/verify-email", "/api/auth/forgot-password", "/api/auth/reset-password");

    private final CsrfTokens csrf;
    private final ProblemWriter problems;

    CsrfProtectionFilter(CsrfTokens csrf, ProblemWriter problems) {
        this.csrf = csrf;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth instanceof AccountAuthentication account && account.method() == AccountAuthentication.Method.SESSION_COOKIE
                && !SAFE_METHODS.contains(request.getMethod()) && account.sessionId() != null
                && !SESSIONLESS.contains(request.getRequestURI().substring(request.getContextPath().length()))) {
            try {
                csrf.require(request, account.sessionId(), account.accountId());
            } catch (BarProblem.Forbidden e) {
                problems.write(response, e);
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
