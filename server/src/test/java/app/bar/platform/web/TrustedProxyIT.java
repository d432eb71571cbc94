package app.bar.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import app.bar.support.BarIntegrationTest;
import app.bar.support.TestHttp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/** ASVS 4.1.3: behind a configured proxy, the client is the address the proxy reports. */
@BarIntegrationTest
@TestPropertySource(properties = {"bar.http.trusted-proxies=127.0.0.1/32", "bar.rate-limits.api=2/1h"})
class TrustedProxyIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void forwardedForWhenPeerIsTrustedProxyThenEachClientHasItsOwnBucket() {
        TestHttp http = new TestHttp(port);
        for (int i = 0; i < 2; i++) {
            assertThat(http.get("/api/x", "X-Forwarded-For", "198.51.100.10").statusCode()).isEqualTo(404);
        }
        var refused = http.get("/api/x", "X-Forwarded-For", "198.51.100.10");
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(http.get("/api/x", "X-Forwarded-For", "198.51.100.11").statusCode()).isEqualTo(404);
        String requestId = refused.headers().firstValue("X-Request-Id").orElseThrow();
        assertThat(jdbc.sql("select client_ip from security_events where request_id = :id").param("id", requestId)
                .query(String.class).single()).isEqualTo("198.51.***.***");
    }
}
