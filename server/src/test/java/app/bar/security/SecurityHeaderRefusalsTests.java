package app.bar.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** The platform's early refusals (the slow-body defence's 429 and 408) get the chain's own headers. */
class SecurityHeaderRefusalsTests {

    @Test
    void anEarlyRefusalGetsTheSameSecurityHeadersAsTheFilterChainWrites() {
        MockHttpServletResponse response = new MockHttpServletResponse();

        new SecurityHeaderRefusals(AccessTokensTests.bar()).write(new MockHttpServletRequest("POST", "/api/shares"), response);

        assertThat(response.getHeader("Content-Security-Policy")).isEqualTo(SecurityHeaders.CONTENT_SECURITY_POLICY);
        assertThat(response.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.getHeader("X-Frame-Options")).isEqualTo("DENY");
        assertThat(response.getHeader("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(response.getHeader("Cross-Origin-Resource-Policy")).isEqualTo("same-origin");
    }
}
