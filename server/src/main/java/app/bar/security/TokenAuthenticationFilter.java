package app.bar.security;

import app.bar.audit.SecurityEventType;
import app.bar.audit.SecurityEvents;
import app.bar.platform.error.ProblemWriter;
import app.bar.platform.error.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates API requests by an access JWT (the {@code Authorization: Bearer} header, else
 * the access cookie) or a personal API token ({@code Bearer bar_pat_...}). Any other bearer
 * value (a share's manage token, {@code bar_mt_...}) is left alone for the endpoint that
 * reads it: neither authenticated nor refused.
 *
 * <p>A bad credential in the header is refused with 401 and a {@code token.invalid} or
 * {@code token.expired} event: the client chose to present it. A bad access cookie is not
 * refused here: a stale cookie must not stop anyone opening a share or signing in again, so
 * the request goes on anonymously and, if the route needs a user, the entry point answers 401
 * and records why. Spring Security's {@code BearerTokenAuthenticationFilter} answers every
 * failure with 401 and reads only the header, which is why this filter wraps the Nimbus
 * decoder ({@link AccessTokens}) itself.
 */
final class TokenAuthenticationFilter extends OncePerRequestFilter {

    /** Request attribute: why the access cookie was not accepted (a {@link TokenRejected.Reason}). */
    static final String COOKIE_REJECTED = TokenAuthenticationFilter.class.getName() + ".cookieRejected";
    private static final Pattern JWT_SHAPE = Pattern.compile("[A-Za-z0-9_=-]+\\.[A-Za-z0-9_=-]*\\.[A-Za-z0-9_=-]*");

    private final AccessTokens tokens;
    private final SessionRevocations revocations;
    private final ApiTokenAuthenticator apiTokens;
    private final SessionCookies cookies;
    private final SecurityEvents events;
    private final ProblemWriter problems;

    TokenAuthenticationFilter(AccessTokens tokens, SessionRevocations revocations, ApiTokenAuthenticator apiTokens,
            SessionCookies cookies, SecurityEvents events, ProblemWriter problems) {
        this.tokens = tokens;
        this.revocations = revocations;
        this.apiTokens = apiTokens;
        this.cookies = cookies;
        this.events = events;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String bearer = bearer(request);
        if (bearer != null && bearer.startsWith(ApiTokenAuthenticator.PREFIX)) {
            Optional<AccountAuthentication> auth = apiTokens.authenticate(bearer);
            if (auth.isEmpty()) {
                refuse(response, TokenRejected.Reason.INVALID, "api_token");
                return;
            }
            signIn(auth.get());
        } else if (bearer != null && JWT_SHAPE.matcher(bearer).matches()) {
            try {
                signIn(authenticate(bearer, false));
            } catch (TokenRejected e) {
                refuse(response, e.reason(), "bearer");
                return;
            }
        } else {
            String cookie = cookies.readAccess(request);
            if (cookie != null) {
                try {
                    signIn(authenticate(cookie, true));
                } catch (TokenRejected e) {
                    request.setAttribute(COOKIE_REJECTED, e.reason());
                    if (e.reason() == TokenRejected.Reason.INVALID) {
                        events.record(SecurityEventType.TOKEN_INVALID, null, Map.of("source", "cookie"));
                    }
                }
            }
        }
        chain.doFilter(request, response);
    }

    private AccountAuthentication authenticate(String token, boolean cookie) throws TokenRejected {
        VerifiedAccessToken verified = tokens.verify(token);
        if (!revocations.isActive(verified.sessionId())) {
            throw new TokenRejected(TokenRejected.Reason.SESSION_ENDED);
        }
        return AccountAuthentication.session(verified.accountId(), verified.sessionId(), verified.generation(),
                verified.role(), cookie);
    }

    private static void signIn(AccountAuthentication authentication) {
        SecurityContext context = SecurityContextHolder.getContextHolderStrategy().createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.getContextHolderStrategy().setContext(context);
    }

    private void refuse(HttpServletResponse response, TokenRejected.Reason reason, String source) throws IOException {
        events.record(eventFor(reason), null, Map.of("source", source, "reason", reason.name().toLowerCase(java.util.Locale.ROOT)));
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
        problems.write(response, problemFor(reason));
    }

    /** The 401 of a refused access token: expired (refresh), session ended (sign in again), or not valid. */
    static ProblemDetail problemFor(TokenRejected.Reason reason) {
        return switch (reason) {
            case EXPIRED -> Problems.of(HttpStatus.UNAUTHORIZED, SecurityCodes.TOKEN_EXPIRED, "The access token has expired.");
            case SESSION_ENDED -> Problems.of(HttpStatus.UNAUTHORIZED, SecurityCodes.SESSION_ENDED,
                    "The session has ended; sign in again.");
            case INVALID -> Problems.of(HttpStatus.UNAUTHORIZED, SecurityCodes.TOKEN_INVALID, "The access token is not valid.");
        };
    }

    static SecurityEventType eventFor(TokenRejected.Reason reason) {
        return reason == TokenRejected.Reason.EXPIRED ? SecurityEventType.TOKEN_EXPIRED : SecurityEventType.TOKEN_INVALID;
    }

    private static String bearer(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || header.length() < 8 || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        return header.substring(7).strip();
    }
}
