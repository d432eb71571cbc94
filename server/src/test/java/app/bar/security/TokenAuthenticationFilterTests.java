package app.bar.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import app.bar.audit.SecurityEvents;
import app.bar.platform.error.ProblemWriter;
import org.springframework.http.ProblemDetail;
import app.bar.platform.secrets.KeyRingSpec;
import jakarta.servlet.FilterChain;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.context.SecurityContextHolder;

class TokenAuthenticationFilterTests {

    private final AccessTokens tokens = AccessTokensTests.tokens(KeyRingSpec.generateEntry("k", 32), Clock.systemUTC());
    private final SessionRevocations revocations = mock(SessionRevocations.class);
    private final ApiTokenAuthenticator apiTokens = mock(ApiTokenAuthenticator.class);
    private final SecurityEvents events = mock(SecurityEvents.class);
    private final ProblemWriter problems = mock(ProblemWriter.class);
    private final TokenAuthenticationFilter filter = new TokenAuthenticationFilter(tokens, revocations, apiTokens,
            new SessionCookies(new SessionProperties(false, Duration.ofSeconds(4))), events, problems);
    private final FilterChain chain = mock(FilterChain.class);

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void filterWhenBearerIsAShareManageTokenThenLeftAloneAndChainContinues() throws Exception {
        MockHttpServletRequest request = request("Bearer bar_mt_abcdefABCDEF0123456789");
        filter.doFilter(request, new MockHttpServletResponse(), chain);

        verify(chain).doFilter(any(), any());
        verify(apiTokens, never()).authenticate(any());
        assertThat(SecurityContextHolder.getContext().getAuthentication()).isNull();
    }

    @Test
    void filterWhenValidJwtThenAuthenticationNamedByAccountIdWithSession() throws Exception {
        when(revocations.isActive("sid-1")).thenReturn(true);
        String jwt = tokens.issue("account-1", "sid-1", "gen-1", Role.USER).value();
        FilterChain capture = (req, res) -> {
            var auth = (AccountAuthentication) SecurityContextHolder.getContext().getAuthentication();
            assertThat(auth.getName()).isEqualTo("account-1");
            assertThat(auth.sessionId()).isEqualTo("sid-1");
            assertThat(auth.method()).isEqualTo(AccountAuthentication.Method.SESSION_BEARER);
            assertThat(auth.getAuthorities()).extracting(Object::toString).contains("ROLE_USER", "AUTH_SESSION")
                    .doesNotContain("ROLE_ADMIN");
        };
        filter.doFilter(request("Bearer " + jwt), new MockHttpServletResponse(), capture);
    }

    @Test
    void filterWhenSessionEndedThen401SessionEnded() throws Exception {
        // ASVS 7.4.1, 7.3.1: a genuine access token of a revoked or idle session is refused
        when(revocations.isActive("sid-1")).thenReturn(false);
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request("Bearer " + tokens.issue("account-1", "sid-1", "gen-1", Role.USER).value()), response, chain);
        verify(problems).write(org.mockito.ArgumentMatchers.eq(response),
                org.mockito.ArgumentMatchers.<ProblemDetail>argThat(p -> p.getStatus() == 401
                        && "auth.session_ended".equals(p.getProperties().get("code"))));
        verify(events).record(org.mockito.ArgumentMatchers.eq(app.bar.audit.SecurityEventType.TOKEN_INVALID),
                org.mockito.ArgumentMatchers.isNull(), any());
        verify(chain, never()).doFilter(any(), any());
    }

    @Test
    void filterWhenApiTokenThenScopedAuthentication() throws Exception {
        when(apiTokens.authenticate("bar_pat_x")).thenReturn(Optional.of(
                AccountAuthentication.apiToken("account-2", Role.ADMIN, Set.of("shares:read"))));
        FilterChain capture = (req, res) -> assertThat(SecurityContextHolder.getContext().getAuthentication()
                .getAuthorities()).extracting(Object::toString).containsExactlyInAnyOrder("ROLE_USER", "SCOPE_shares:read");
        filter.doFilter(request("Bearer bar_pat_x"), new MockHttpServletResponse(), capture);
    }

    @Test
    void filterWhenNotAnApiPathThenNotLookedAt() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/index.html");
        request.addHeader("Authorization", "Bearer bar_pat_x");
        filter.doFilter(request, new MockHttpServletResponse(), chain);
        verify(apiTokens, never()).authenticate(any());
    }

    private static MockHttpServletRequest request(String authorization) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/account");
        request.addHeader("Authorization", authorization);
        return request;
    }
}
