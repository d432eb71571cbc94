package app.bar.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;

class SessionCookiesTests {

    @Test
    void writeWhenProductionPrefixThenHostAndSecurePrefixedNames() {
        // ASVS 3.3.3: __Host- needs Path=/ and no Domain; the path-scoped refresh cookie gets __Secure-
        SessionCookies cookies = new SessionCookies(new SessionProperties(true, Duration.ofSeconds(4)));
        MockHttpServletResponse response = new MockHttpServletResponse();
        cookies.write(response, new AccessToken("a.b.c", Instant.now()), "refresh", "csrf", null, Instant.now());

        assertThat(response.getHeaders("Set-Cookie")).satisfiesExactlyInAnyOrder(
                c -> assertThat(c).startsWith("__Host-bar_access=a.b.c").contains("Path=/;", "Secure", "HttpOnly"),
                c -> assertThat(c).startsWith("__Secure-bar_refresh=refresh").contains("Path=/api/auth", "HttpOnly"),
                c -> assertThat(c).startsWith("__Host-bar_csrf=csrf").contains("Path=/;").doesNotContain("HttpOnly"));
        assertThat(response.getHeaders("Set-Cookie")).allSatisfy(c -> assertThat(c).contains("SameSite=Strict")
                .doesNotContainIgnoringCase("domain"));
    }

    @Test
    void writeWhenPersistentThenMaxAgeInWholeSecondsUntilSessionEnd() {
        SessionCookies cookies = new SessionCookies(new SessionProperties(false, Duration.ofSeconds(4)));
        MockHttpServletResponse response = new MockHttpServletResponse();
        Instant now = Instant.parse("2026-11-23T10:00:00.250Z");
        cookies.write(response, new AccessToken("a.b.c", now), "r", "c", now.plus(Duration.ofDays(30)), now);
        assertThat(response.getHeaders("Set-Cookie")).allSatisfy(c -> assertThat(c).contains("Max-Age=2592000"));
    }
}
