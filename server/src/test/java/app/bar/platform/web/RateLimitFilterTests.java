package app.bar.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RateLimitFilterTests {

    @Test
    void clientKeyWhenIpv6ThenSlash64() {
        assertThat(RateLimitFilter.clientKey("2001:db8:1:2:3:4:5:6")).isEqualTo("2001:db8:1:2::/64");
        assertThat(RateLimitFilter.clientKey("2001:db8:1:2::9")).isEqualTo("2001:db8:1:2::/64");
        assertThat(RateLimitFilter.clientKey("2001:db8::1")).isEqualTo("2001:db8:0:0::/64");
        assertThat(RateLimitFilter.clientKey("203.0.113.9")).isEqualTo("203.0.113.9");
    }
}
