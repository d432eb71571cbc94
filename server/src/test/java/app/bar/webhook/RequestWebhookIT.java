package app.bar.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import app.bar.share.ShareApi;
import app.bar.support.TestHttp;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The requester's account webhook hears {@code request.fulfilled} when a request for a secret is answered (issue 18). */
@WebhookIntegrationTest
class RequestWebhookIT {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String NOTE = "the staging database password please";

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcClient jdbc;

    ShareApi api;
    WebhookApi webhooks;
    WebhookReceiver receiver;

    @BeforeEach
    void setUp() {
        api = new ShareApi(new TestHttp(port), context);
        webhooks = new WebhookApi(api);
        receiver = new WebhookReceiver();
    }

    @AfterEach
    void tearDown() {
        receiver.close();
    }

    @Test
    void fulfilWhenAccountWebhookSetThenSignedRequestFulfilledWithIdsTimeAndNoNote() {
        String me = "requester-" + System.nanoTime();
        String secret = webhooks.set(me, receiver.url("/hook"));
        HttpResponse<String> created = api.http().postJson("/api/requests", Map.of("note", NOTE), api.as(me));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String requestId = TestHttp.json(created).get("id").asString();
        String container = b64(random(48));
        HttpResponse<String> filled = api.http().postJson("/api/requests/" + requestId + "/fulfil", Map.of(
                "ephemeralPublic", b64(point()), "linkVerifier", b64(random(32)), "text", container));
        assertThat(filled.statusCode()).as(filled.body()).isEqualTo(204);

        WebhookReceiver.Received got = receiver.await("/hook", 1).get(0);
        assertThat(ReceiverSignatures.verify(secret, got.header("BAR-Signature"), got.body(), Instant.now())).isTrue();
        assertThat(got.header("BAR-Event-Type")).isEqualTo("request.fulfilled");
        JsonNode payload = got.json();
        assertThat(payload.propertyNames()).containsExactly("eventId", "type", "time", "requestId", "shareId");
        assertThat(payload.get("eventId").asString()).isEqualTo(got.header("BAR-Event-Id")).startsWith("evt_");
        assertThat(payload.get("requestId").asString()).isEqualTo(requestId);
        Map<String, Object> row = jdbc.sql("select share_id, fulfilled_at from secret_requests where id = :id")
                .param("id", requestId).query().singleRow();
        assertThat(payload.get("shareId").asString()).isEqualTo(row.get("share_id"));
        assertThat(Instant.parse(payload.get("time").asString())).isCloseTo(Instant.now(),
                org.assertj.core.api.Assertions.within(1, java.time.temporal.ChronoUnit.MINUTES));
        assertThat(got.text()).doesNotContain(NOTE, "staging", container);
    }

    @Test
    void fulfilWhenNoAccountWebhookThenNothingIsSent() {
        String me = "quiet-" + System.nanoTime();
        HttpResponse<String> created = api.http().postJson("/api/requests", Map.of("note", NOTE), api.as(me));
        String requestId = TestHttp.json(created).get("id").asString();
        assertThat(api.http().postJson("/api/requests/" + requestId + "/fulfil", Map.of("ephemeralPublic", b64(point()),
                "linkVerifier", b64(random(32)), "text", b64(random(8)))).statusCode()).isEqualTo(204);
        app.bar.support.EventPublications.awaitSettled(jdbc, requestId);
        assertThat(jdbc.sql("select count(*) from webhook_deliveries where account_id = :a")
                .param("a", api.accountId(me)).query(Long.class).single()).isZero();
    }

    private static byte[] random(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }

    private static byte[] point() {
        byte[] p = random(65);
        p[0] = 4;
        return p;
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
