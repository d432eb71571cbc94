package app.bar.share.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import app.bar.share.ShareApi;
import app.bar.share.ShareIntegrationTest;
import app.bar.support.TestHttp;
import bartest.share.ShareTestSupport;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * A request answered with files whose upload never came (issue 18 item 2): the clean-up destroys
 * the abandoned share after the upload window, and that opens the request again instead of leaving
 * it claimed (FILLING) for ever.
 */
@ShareIntegrationTest
@TestPropertySource(properties = "bar.rate-limits.request-fill=1000/1h") // as RequestFileAnswerIT: one context
class AbandonedRequestAnswerIT {

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ShareCleanup cleanup;
    @Autowired
    ShareTestSupport.MovableClock clock;
    TestHttp http;
    ShareApi api;

    @BeforeEach
    void setUp() {
        http = new TestHttp(port);
        api = new ShareApi(http, context);
    }

    @Test
    void uploadAbandonedThenShareDestroyedAndRequestOpenAgain() {
        String me = "req-abandoned-" + System.nanoTime();
        HttpResponse<String> made = http.postJson("/api/requests", Map.of("maxBytes", 1000, "expiresIn", "3d"), api.as(me));
        assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
        String id = TestHttp.json(made).get("id").asString();
        byte[] point = new byte[65];
        point[0] = 4;
        HttpResponse<String> filled = http.postJson("/api/requests/" + id + "/fulfil", Map.of("kind", "file", "size", 100,
                "ephemeralPublic", Base64.getUrlEncoder().withoutPadding().encodeToString(point),
                "linkVerifier", Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[32])));
        assertThat(filled.statusCode()).as(filled.body()).isEqualTo(200);
        assertThat(http.get("/api/requests/" + id).statusCode()).isEqualTo(404);

        clock.advance(Duration.ofHours(25));
        cleanup.runOnce();

        String shareId = TestHttp.json(filled).get("uploadUrl").asString().split("/")[3];
        assertThat(jdbc.sql("select state from shares where id = :id").param("id", shareId).query(String.class).single())
                .isEqualTo("DESTROYED");
        assertThat(jdbc.sql("select state from secret_requests where id = :id").param("id", id).query(String.class)
                .single()).isEqualTo("OPEN");
        assertThat(http.get("/api/requests/" + id).statusCode()).isEqualTo(200);
    }
}
