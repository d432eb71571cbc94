package app.bar.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import app.bar.audit.SecurityEvents;
import app.bar.platform.secrets.KeyRingSpec;
import jakarta.servlet.http.Cookie;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class CsrfTokensTests {

    private static final String RING = KeyRingSpec.generateEntry("k1", 32);
    private final SessionCookies cookies = new SessionCookies(new SessionProperties(false, java.time.Duration.ofSeconds(4)));
    private final CsrfTokens csrf = new CsrfTokens(AccessTokensTests.tokens(RING, Clock.systemUTC()), cookies,
            mock(SecurityEvents.class));

    @Test
    void verifyWhenTokenIssuedForSessionThenValidForThatSessionOnly() {
        String token = csrf.issue("session-a", "g1");
        assertThat(csrf.verify(token, "session-a", "g1")).isTrue();
        assertThat(csrf.verify(token, "session-b", "g1")).isFalse();
    }

    @Test
    void verifyWhenIssuedForAnEarlierGenerationThenInvalid() {
        // issue #21 item 4, ASVS 3.5.1: a refresh starts a new generation; the CSRF token from before it is refused
        String beforeRefresh = csrf.issue("session-a", "g1");
        assertThat(csrf.verify(beforeRefresh, "session-a", "g2")).isFalse();
    }

    @Test
    void verifyWhenNonceOrMacChangedThenInvalid() {
        String token = csrf.issue("session-a", "g1");
        String[] parts = token.split("\\.");
        assertThat(csrf.verify("AAAA" + parts[0].substring(4) + "." + parts[1], "session-a", "g1")).isFalse();
        assertThat(csrf.verify(parts[0] + "." + parts[1].substring(0, parts[1].length() - 3) + "AAA", "session-a", "g1"))
                .isFalse();
        assertThat(csrf.verify(parts[0], "session-a", "g1")).isFalse();
        assertThat(csrf.verify("a.b.c", "session-a", "g1")).isFalse();
    }

    @Test
    void verifyWhenIssuedUnderOtherKeyRingThenInvalid() {
        CsrfTokens other = new CsrfTokens(AccessTokensTests.tokens(KeyRingSpec.generateEntry("k1", 32), Clock.systemUTC()),
                cookies, mock(SecurityEvents.class));
        assertThat(csrf.verify(other.issue("session-a", "g1"), "session-a", "g1")).isFalse();
    }

    @Test
    void isValidWhenHeaderMatchesCookieAndSessionThenTrue() {
        String token = csrf.issue("s", "g1");
        assertThat(csrf.isValid(request(token, token), "s", "g1")).isTrue();
        assertThat(csrf.isValid(request(token, null), "s", "g1")).isFalse();
        assertThat(csrf.isValid(request(null, token), "s", "g1")).isFalse();
        assertThat(csrf.isValid(request(token, csrf.issue("s", "g1")), "s", "g1")).isFalse();
    }

    private static MockHttpServletRequest request(String cookie, String header) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/x");
        if (cookie != null) {
            request.setCookies(new Cookie("bar_csrf", cookie));
        }
        if (header != null) {
            request.addHeader(CsrfTokens.HEADER, header);
        }
        return request;
    }
}
