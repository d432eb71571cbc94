package app.bar.share.request;

import static app.bar.support.TestHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import app.bar.share.ShareApi;
import app.bar.share.ShareIntegrationTest;
import app.bar.share.lifecycle.ShareTestHooks;
import app.bar.support.TestHttp;
import bartest.share.ShareTestSupport.MovableClock;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Requests for a secret over real HTTP: made by a signed-in requester, read and answered once by
 * anyone with the link, the answer an ordinary zero-knowledge share of the requester. The
 * container here is opaque bytes (the server never opens one); the browser test seals real ones.
 */
@ShareIntegrationTest
class SecretRequestIT {

    private static final SecureRandom RANDOM = new SecureRandom();
    /** A raw uncompressed P-256 point's shape: the server checks only that. */
    private static final String EPHEMERAL = b64(point());

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MovableClock clock;
    ShareApi api;
    TestHttp http;

    @BeforeEach
    void setUp() {
        http = new TestHttp(port);
        api = new ShareApi(http, context);
    }

    private static String account() {
        return "req-" + System.nanoTime();
    }

    private JsonNode create(String me, Map<String, Object> body) {
        HttpResponse<String> created = http.postJson("/api/requests", body, api.as(me));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json(created);
    }

    /** A fulfil body: an opaque "container" and the verifier of a link access key. */
    private static Map<String, Object> answer(String container, byte[] linkAccessKey) throws Exception {
        Map<String, Object> body = new HashMap<>();
        body.put("ephemeralPublic", EPHEMERAL);
        body.put("linkVerifier", b64(MessageDigest.getInstance("SHA-256").digest(linkAccessKey)));
        body.put("text", container);
        return body;
    }

    @Test
    void createWhenAnonymousThen401AndNothingStored() {
        long before = jdbc.sql("select count(*) from secret_requests").query(Long.class).single();
        ShareApi.assertProblem(http.postJson("/api/requests", Map.of("note", "x")), 401, "auth.required");
        assertThat(jdbc.sql("select count(*) from secret_requests").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void openWhenAnonymousThenNoteAndLimitsButNoOwnerOrAnswer() {
        String me = account();
        JsonNode made = create(me, Map.of("note", "Please send the VPN key", "maxBytes", 5000));
        assertThat(made.get("url").asString()).endsWith("/r/" + made.get("id").asString());
        HttpResponse<String> open = http.get("/api/requests/" + made.get("id").asString());
        assertThat(open.statusCode()).as(open.body()).isEqualTo(200);
        JsonNode seen = json(open);
        assertThat(seen.get("note").asString()).isEqualTo("Please send the VPN key");
        assertThat(seen.get("maxBytes").asInt()).isEqualTo(5000);
        assertThat(seen.get("requiresPassword").asBoolean()).isFalse();
        assertThat(open.body()).doesNotContain(api.accountId(me), "shareId", "ephemeralPublic", "state");
    }

    @Test
    void fulfilWhenAnonymousThenShareOfRequesterOpensWithLinkKeyAndRequestClosed() throws Exception {
        String me = account();
        String id = create(me, Map.of("note", "db password", "maxViews", 2)).get("id").asString();
        byte[] linkAccessKey = new byte[32];
        RANDOM.nextBytes(linkAccessKey);
        String container = b64(("sealed " + id).getBytes(StandardCharsets.UTF_8));

        HttpResponse<String> filled = http.postJson("/api/requests/" + id + "/fulfil", answer(container, linkAccessKey));
        assertThat(filled.statusCode()).as(filled.body()).isEqualTo(204);

        JsonNode own = json(http.get("/api/requests/" + id + "/answer", api.as(me)));
        assertThat(own.get("state").asString()).isEqualTo("fulfilled");
        assertThat(own.get("ephemeralPublic").asString()).isEqualTo(EPHEMERAL);
        String shareId = own.get("shareId").asString();
        assertThat(jdbc.sql("select owner_id from shares where id = :id").param("id", shareId).query(String.class)
                .single()).isEqualTo(api.accountId(me));
        String ticket = api.ticket(shareId, Map.of("linkAccessKey", b64(linkAccessKey)));
        HttpResponse<byte[]> content = api.content(shareId, ticket);
        assertThat(new String(content.body(), StandardCharsets.UTF_8)).isEqualTo(container);
        assertThat(json(http.get("/api/shares", api.as(me))).get("shares").findValuesAsString("id")).contains(shareId);
    }

    @Test
    void fulfilWhenAnsweredAlreadyThen404AndTheLinkIsRefused() throws Exception {
        String me = account();
        String id = create(me, Map.of()).get("id").asString();
        assertThat(http.postJson("/api/requests/" + id + "/fulfil", answer(b64(new byte[] {1, 2, 3}), new byte[32]))
                .statusCode()).isEqualTo(204);
        ShareApi.assertProblem(http.postJson("/api/requests/" + id + "/fulfil", answer(b64(new byte[] {4}), new byte[32])),
                404, "resource.not_found");
        ShareApi.assertProblem(http.get("/api/requests/" + id), 404, "resource.not_found");
        assertThat(jdbc.sql("select count(*) from shares where owner_id = :o").param("o", api.accountId(me))
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void fulfilWhenExpiredThen404AndAnswerSaysExpired() throws Exception {
        String me = account();
        String id = create(me, Map.of("expiresIn", 3600)).get("id").asString();
        clock.advance(Duration.ofMinutes(61));
        ShareApi.assertProblem(http.get("/api/requests/" + id), 404, "resource.not_found");
        ShareApi.assertProblem(http.postJson("/api/requests/" + id + "/fulfil", answer(b64(new byte[] {1}), new byte[32])),
                404, "resource.not_found");
        assertThat(json(http.get("/api/requests/" + id + "/answer", api.as(me))).get("shareId").isNull()).isTrue();
    }

    @Test
    void shareCleanupWhenRequestUnansweredADayPastExpiryThenForgottenAndAnsweredKept() throws Exception {
        String me = account();
        String unanswered = create(me, Map.of("expiresIn", 3600, "note", "forget me")).get("id").asString();
        String answered = create(me, Map.of("expiresIn", 3600)).get("id").asString();
        assertThat(http.postJson("/api/requests/" + answered + "/fulfil", answer(b64(new byte[] {1}), new byte[32])).statusCode())
                .isEqualTo(204);
        clock.advance(Duration.ofHours(1).plus(RequestCleanup.KEEP_EXPIRED).plusMinutes(1));

        ShareTestHooks.runCleanup(context); // the shares' one sweep


        assertThat(jdbc.sql("select count(*) from secret_requests where id = :id").param("id", unanswered).query(Long.class).single())
                .isZero();
        assertThat(jdbc.sql("select state from secret_requests where id = :id").param("id", answered).query(String.class).single())
                .isEqualTo("FULFILLED");
    }

    @Test
    void fulfilWhenPasswordWrongThen401WithAttemptsLeftAndClosedAfterFive() throws Exception {
        String me = account();
        String id = create(me, Map.of("password", "open sesame")).get("id").asString();
        assertThat(json(http.get("/api/requests/" + id)).get("requiresPassword").asBoolean()).isTrue();
        Map<String, Object> body = answer(b64(new byte[] {1}), new byte[32]);
        HttpResponse<String> none = http.postJson("/api/requests/" + id + "/fulfil", body);
        ShareApi.assertProblem(none, 401, "request.password_wrong");
        assertThat(json(none).get("attemptsLeft").asInt()).isEqualTo(4);
        body.put("password", "wrong");
        for (int left = 3; left >= 0; left--) {
            clock.advance(Duration.ofSeconds(31)); // past the guard's wait after the last wrong one
            HttpResponse<String> wrong = http.postJson("/api/requests/" + id + "/fulfil", body);
            ShareApi.assertProblem(wrong, 401, "request.password_wrong");
            assertThat(json(wrong).get("attemptsLeft").asInt()).isEqualTo(left);
        }
        body.put("password", "open sesame");
        clock.advance(Duration.ofSeconds(31));
        ShareApi.assertProblem(http.postJson("/api/requests/" + id + "/fulfil", body), 404, "resource.not_found");
        assertThat(json(http.get("/api/requests/" + id + "/answer", api.as(me))).get("state").asString()).isEqualTo("locked");
    }

    @Test
    void fulfilWhenPasswordWrongThenWaitDoublesAndEarlyTryRefusedWithRetryAfterAsForShares() throws Exception {
        String id = create(account(), Map.of("password", "open sesame")).get("id").asString();
        Map<String, Object> body = answer(b64(new byte[] {1}), new byte[32]);
        clock.stop(); // the waits are a second or two: hashing on a loaded machine must not use them up
        try {
            body.put("password", "guess-1");
            HttpResponse<String> first = http.postJson("/api/requests/" + id + "/fulfil", body);
            ShareApi.assertProblem(first, 401, "request.password_wrong");
            assertThat(json(first).get("nextAttemptIn").asInt()).isEqualTo(1);
            body.put("password", "open sesame");
            HttpResponse<String> tooSoon = http.postJson("/api/requests/" + id + "/fulfil", body);
            ShareApi.assertProblem(tooSoon, 429, "share.retry_later");
            assertThat(tooSoon.headers().firstValue("Retry-After")).hasValue("1");
            clock.advance(Duration.ofMillis(1100));
            body.put("password", "guess-2");
            HttpResponse<String> second = http.postJson("/api/requests/" + id + "/fulfil", body);
            assertThat(json(second).get("attemptsLeft").asInt()).isEqualTo(3); // the early try was not counted
            assertThat(json(second).get("nextAttemptIn").asInt()).isEqualTo(2);
            HttpResponse<String> again = http.postJson("/api/requests/" + id + "/fulfil", body);
            ShareApi.assertProblem(again, 429, "share.retry_later");
            assertThat(again.headers().firstValue("Retry-After")).hasValue("2"); // 1 s, 2 s, 4 s ... 30 s
        } finally {
            clock.restart();
        }
        assertThat(http.get("/api/requests/" + id).statusCode()).isEqualTo(200); // slowed, not closed
    }

    @Test
    void createWhenExpiryUnreadableOrOutOfRangeThenSameFieldErrorsAsShares() {
        String me = account();
        for (Object bad : java.util.List.of("soon", 30, 999_999_999)) {
            JsonNode share = json(http.postJson("/api/shares", Map.of("kind", "text", "text", "x", "expiresIn", bad),
                    api.as(me))).get("errors").get(0);
            for (String field : java.util.List.of("expiresIn", "shareExpiresIn")) {
                HttpResponse<String> refused = http.postJson("/api/requests", Map.of(field, bad), api.as(me));
                assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
                JsonNode error = json(refused).get("errors").get(0);
                assertThat(error.get("field").asString()).isEqualTo(field);
                assertThat(error.get("code").asString()).isEqualTo(share.get("code").asString());
                assertThat(error.get("message").asString()).isEqualTo(share.get("message").asString());
            }
        }
    }

    @Test
    void fulfilWhenPasswordRightThenAnswered() throws Exception {
        String me = account();
        String id = create(me, Map.of("password", "open sesame")).get("id").asString();
        Map<String, Object> body = answer(b64(new byte[] {1}), new byte[32]);
        body.put("password", "open sesame");
        assertThat(http.postJson("/api/requests/" + id + "/fulfil", body).statusCode()).isEqualTo(204);
        assertThat(jdbc.sql("select password_hash from secret_requests where id = :id").param("id", id).query(String.class)
                .single()).doesNotContain("open sesame").hasSize(64);
    }

    @Test
    void fulfilWhenLargerThanMaxBytesThen400AndRequestStillOpen() throws Exception {
        String me = account();
        String id = create(me, Map.of("maxBytes", 100)).get("id").asString();
        HttpResponse<String> refused = http.postJson("/api/requests/" + id + "/fulfil", answer(b64(new byte[8000]), new byte[32]));
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(json(refused).get("errors").get(0).get("code").asString()).isEqualTo("request.too_large");
        assertThat(http.get("/api/requests/" + id).statusCode()).isEqualTo(200);
    }

    @Test
    void fulfilWhenEphemeralKeyMalformedThen400NamingIt() throws Exception {
        String id = create(account(), Map.of()).get("id").asString();
        Map<String, Object> body = answer(b64(new byte[] {1}), new byte[32]);
        body.put("ephemeralPublic", "not-a-key");
        HttpResponse<String> refused = http.postJson("/api/requests/" + id + "/fulfil", body);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(json(refused).get("errors").get(0).get("field").asString()).isEqualTo("ephemeralPublic");
        assertThat(http.get("/api/requests/" + id).statusCode()).isEqualTo(200);
    }

    @Test
    void answerWhenAnotherAccountThen404() {
        String id = create(account(), Map.of()).get("id").asString();
        ShareApi.assertProblem(http.get("/api/requests/" + id + "/answer", api.as(account())), 404, "resource.not_found");
    }

    @Test
    void listWhenSignedInThenOwnRequestsOnly() {
        String me = account();
        String mine = create(me, Map.of("note", "mine")).get("id").asString();
        create(account(), Map.of("note", "theirs"));
        HttpResponse<String> list = http.get("/api/requests", api.as(me));
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(json(list).findValuesAsString("id")).containsExactly(mine);
        assertThat(list.body()).doesNotContain("theirs");
    }

    private static byte[] point() {
        byte[] p = new byte[65];
        RANDOM.nextBytes(p);
        p[0] = 4;
        return p;
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
