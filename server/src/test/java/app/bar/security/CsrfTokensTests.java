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
        String token = csrf.issue("session-a");
        assertThat(csrf.verify(token, "session-a")).isTrue();
        assertThat(csrf.verify(token, "session-b")).isFalse();
    }

    @Test
    void verifyWhenNonceOrMacChangedThenInvalid() {
        String token = csrf.issue("session-a");
        String[] parts = token.split("\\.");
        assertThat(csrf.verify("AAAA" + parts[0].substring(4) + "." + parts[1], "session-a")).isFalse();
        assertThat(csrf.verify(parts[0] + "." + parts[1].substring(0, parts[1].length() - 3) + "AAA", "session-a")).isFalse();
        assertThat(csrf.verify(parts[0], "session-a")).isFalse();
        assertThat(csrf.verify("a.b.c", "session-a")).isFalse();
    }

    @Test
    void verifyWhenIssuedUnderOtherKeyRingThenInvalid() {
        CsrfTokens other = new CsrfTokens(AccessTokensTests.tokens(KeyRingSpec.generateEntry("k1", 32), Clock.systemUTC()),
                cookies, mock(SecurityEvents.class));
        assertThat(csrf.verify(other.issue("session-a"), "session-a")).isFalse();
    }

    @Test
    void isValidWhenHeaderMatchesCookieAndSessionThenTrue() {
        String token = csrf.issue("s");
        assertThat(csrf.isValid(request(token, token), "s")).isTrue();
        assertThat(csrf.isValid(request(token, null), "s")).isFalse();
        assertThat(csrf.isValid(request(null, token), "s")).isFalse();
        assertThat(csrf.isValid(request(token, csrf.issue("s")), "s")).isFalse();
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
