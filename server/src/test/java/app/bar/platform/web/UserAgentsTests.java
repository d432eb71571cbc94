package app.bar.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UserAgentsTests {

    @Test
    void ofWhenCommonBrowsersThenFamilyNotFullString() {
        assertThat(UserAgents.of("Mozilla/5.0 (Windows NT 10.0) AppleWebKit/537.36 Chrome/120.0 Safari/537.36 Edg/120.0"))
                .isEqualTo("Edge");
        assertThat(UserAgents.of("Mozilla/5.0 (X11) AppleWebKit/537.36 Chrome/120.0 Safari/537.36")).isEqualTo("Chrome");
        assertThat(UserAgents.of("Mozilla/5.0 (Macintosh) AppleWebKit/605.1.15 Version/17.0 Safari/605.1.15"))
                .isEqualTo("Safari");
        assertThat(UserAgents.of("Mozilla/5.0 (X11; rv:128.0) Gecko/20100101 Firefox/128.0")).isEqualTo("Firefox");
        assertThat(UserAgents.of("curl/8.5.0")).isEqualTo("curl");
    }

    @Test
    void ofWhenMissingOrUnknownThenCoarseName() {
        assertThat(UserAgents.of(null)).isEqualTo("unknown");
        assertThat(UserAgents.of("x\r\ny")).isEqualTo("other");
    }
}
