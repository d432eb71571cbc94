package app.bar.security;

import app.bar.platform.error.BarProblem;
import app.bar.platform.error.ProblemWriter;
import app.bar.platform.web.RoutePolicy;
import app.bar.platform.web.RouteTable;
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
 * {@code Authorization} header. Anonymous requests have no session to forge. Routes whose module
 * declared them {@link RoutePolicy#sessionless() sessionless} never act with the session's
 * authority (sign-in, registration), so a leftover access cookie does not make them demand a token
 * (sign-in itself is JSON-only: no cross-site form can post it, ASVS 3.5.2). The refresh and
 * logout endpoints, authenticated by the refresh cookie alone, check the token themselves.
 *
 * <p>The route is matched as Spring MVC matches it (decoded path segments); a path with encoded
 * slashes, dots or extra slashes is refused by Spring Security's firewall before this filter runs.
 */
final class CsrfProtectionFilter extends OncePerRequestFilter {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
    private final CsrfTokens csrf;
    private final RouteTable routes;
    private final ProblemWriter problems;

    CsrfProtectionFilter(CsrfTokens csrf, RouteTable routes, ProblemWriter problems) {
        this.csrf = csrf;
        this.routes = routes;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth instanceof AccountAuthentication account && account.method() == AccountAuthentication.Method.SESSION_COOKIE
                && !SAFE_METHODS.contains(request.getMethod()) && account.sessionId() != null
                && !routes.find(request).map(RoutePolicy::csrfExempt).orElse(false)) {
            try {
                csrf.require(request, account.sessionId(), account.generation(), account.accountId());
            } catch (BarProblem.Forbidden e) {
                problems.write(response, e);
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
