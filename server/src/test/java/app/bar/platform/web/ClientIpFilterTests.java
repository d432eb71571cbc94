package app.bar.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** ASVS 4.1.3 / 15.3.4: X-Forwarded-For counts only from configured proxies. */
class ClientIpFilterTests {

    @Test
    void resolveWhenPeerUntrustedThenForwardedHeaderIgnored() throws Exception {
        var seen = run(List.of("10.0.0.0/8"), "203.0.113.5", "198.51.100.1", null);
        assertThat(ClientIp.of(seen)).isEqualTo("203.0.113.5");
        assertThat(seen.getRemoteAddr()).isEqualTo("203.0.113.5");
    }

    @Test
    void resolveWhenNoProxiesConfiguredThenLoopbackPeerNotTrusted() throws Exception {
        var seen = run(List.of(), "127.0.0.1", "198.51.100.1", null);
        assertThat(ClientIp.of(seen)).isEqualTo("127.0.0.1");
    }

    @Test
    void resolveWhenPeerTrustedThenRightmostUntrustedHopIsClient() throws Exception {
        var seen = run(List.of("10.0.0.0/8"), "10.0.0.2", "1.1.1.1, 198.51.100.7, 10.0.0.9", null);
        assertThat(ClientIp.of(seen)).isEqualTo("198.51.100.7"); // 1.1.1.1 was written by the client: not believed
        assertThat(seen.getRemoteAddr()).isEqualTo("198.51.100.7");
    }

    @Test
    void resolveWhenHeaderHoldsGarbageThenStopsAtLastTrustedHop() throws Exception {
        var seen = run(List.of("10.0.0.0/8"), "10.0.0.2", "evil.example.com", null);
        assertThat(ClientIp.of(seen)).isEqualTo("10.0.0.2");
    }

    @Test
    void resolveWhenTrustedProxySaysHttpsThenRequestSecure() throws Exception {
        var seen = run(List.of("127.0.0.1/32"), "127.0.0.1", "198.51.100.7", "https");
        assertThat(seen.isSecure()).isTrue();
        assertThat(seen.getScheme()).isEqualTo("https");
    }

    @Test
    void resolveWhenUntrustedPeerSaysHttpsThenNotBelieved() throws Exception {
        var seen = run(List.of(), "127.0.0.1", null, "https");
        assertThat(seen.isSecure()).isFalse();
    }

    private static HttpServletRequest run(List<String> proxies, String peer, String xff, String proto) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/x");
        request.setRemoteAddr(peer);
        if (xff != null) {
            request.addHeader("X-Forwarded-For", xff);
        }
        if (proto != null) {
            request.addHeader("X-Forwarded-Proto", proto);
        }
        AtomicReference<HttpServletRequest> seen = new AtomicReference<>();
        new ClientIpFilter(proxies).doFilter(request, new MockHttpServletResponse(),
                (req, res) -> seen.set((HttpServletRequest) req));
        return seen.get();
    }
}
