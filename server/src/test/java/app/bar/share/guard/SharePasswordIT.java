package app.bar.share.guard;

import static app.bar.share.ShareApi.aText;
import static app.bar.share.ShareApi.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import app.bar.crypto.Envelope;
import app.bar.crypto.WrongSecretException;
import app.bar.share.ShareApi;
import app.bar.share.ShareFiles;
import app.bar.share.ShareId;
import app.bar.share.ShareIntegrationTest;
import app.bar.share.core.ShareRepository;
import app.bar.share.core.ShareRow;
import app.bar.support.TestHttp;
import bartest.share.ShareTestSupport;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Passwords, brute-force delays, locks and burns, and zero-knowledge access keys (issue #4 items 3, 8, 11). */
@ShareIntegrationTest
class SharePasswordIT {

    @LocalServerPort
    int port;
    @Autowired
    ShareTestSupport.MovableClock clock;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ShareRepository shares;
    @Autowired
    Envelope envelope;
    ShareApi api;

    @BeforeEach
    void setUp() {
        api = new ShareApi(new TestHttp(port));
    }

    private String passwordShare(ShareApi.Policy policy) {
        return api.create(policy.with("password", "correct horse")).id();
    }

    private HttpResponse<String> tryPassword(String id, String password) {
        return api.unlock(id, Map.of("password", password));
    }

    @Test
    void unlockWhenPasswordWrongThenProblemSaysTriesLeftAndTheWait() {
        String id = passwordShare(aText("secret"));
        HttpResponse<String> response = tryPassword(id, "wrong");
        assertProblem(response, 401, "share.password_wrong");
        tools.jackson.databind.JsonNode body = TestHttp.json(response);
        assertThat(body.get("attemptsLeft").asInt()).isEqualTo(4);
        assertThat(body.get("nextAttemptIn").asInt()).isEqualTo(1);
        assertThat(body.get("thenDestroyed").asBoolean()).isFalse();
    }

    @Test
    void unlockWhenBurnComesBeforeTheLockThenProblemSaysThenDestroyed() {
        String id = passwordShare(aText("secret").with("burnAfterFailedAttempts", 2));
        tools.jackson.databind.JsonNode body = TestHttp.json(tryPassword(id, "wrong"));
        assertThat(body.get("attemptsLeft").asInt()).isEqualTo(1);
        assertThat(body.get("thenDestroyed").asBoolean()).isTrue();
    }

    @Test
    void unlockWhenPasswordRightThenTicketAndContent() {
        String id = passwordShare(aText("behind a password"));
        String ticket = api.ticket(id, Map.of("password", "correct horse"));
        assertThat(new String(api.content(id, ticket).body(), StandardCharsets.UTF_8)).isEqualTo("behind a password");
    }

    @Test
    void unlockWhenPasswordMissingThen401PasswordRequired() {
        assertProblem(api.unlock(passwordShare(aText("x")), Map.of()), 401, "share.password_required");
    }

    @Test
    void unlockWhenPasswordWrongThen401AndNextTryDelayedWithRetryAfter() {
        String id = passwordShare(aText("x"));
        clock.stop(); // the delays are a second or two: hashing on a loaded machine must not use them up
        try {
            assertProblem(tryPassword(id, "guess-1"), 401, "share.password_wrong");
            HttpResponse<String> tooSoon = tryPassword(id, "correct horse");
            assertProblem(tooSoon, 429, "share.retry_later");
            assertThat(tooSoon.headers().firstValue("Retry-After")).hasValue("1");
            clock.advance(Duration.ofMillis(1100));
            assertThat(tryPassword(id, "guess-2").statusCode()).isEqualTo(401);
            HttpResponse<String> second = tryPassword(id, "guess-3");
            assertProblem(second, 429, "share.retry_later");
            assertThat(second.headers().firstValue("Retry-After")).hasValue("2"); // 1 s, 2 s, 4 s, 8 s ...
        } finally {
            clock.restart();
        }
    }

    @Test
    void unlockWhenWrongPasswordsThenNoViewConsumed() {
        String id = passwordShare(aText("still here"));
        for (int i = 0; i < 3; i++) {
            assertThat(tryPassword(id, "wrong").statusCode()).isEqualTo(401);
            clock.advance(Duration.ofSeconds(31));
        }
        String ticket = api.ticket(id, Map.of("password", "correct horse"));
        assertThat(api.content(id, ticket).statusCode()).isEqualTo(200);
    }

    @Test
    void unlockWhenFifthPasswordWrongThen423LockedForAnHourEvenForTheRightOne() {
        String id = passwordShare(aText("x"));
        for (int i = 1; i <= 4; i++) {
            assertThat(tryPassword(id, "wrong-" + i).statusCode()).isEqualTo(401);
            clock.advance(Duration.ofSeconds(31));
        }
        HttpResponse<String> fifth = tryPassword(id, "wrong-5");
        assertProblem(fifth, 423, "share.locked");
        assertThat(fifth.headers().firstValue("Retry-After")).hasValue("3600");
        clock.advance(Duration.ofMinutes(59));
        HttpResponse<String> stillLocked = tryPassword(id, "correct horse");
        assertProblem(stillLocked, 423, "share.locked");
        assertThat(stillLocked.headers().firstValue("Retry-After")).hasValue("60");
        clock.advance(Duration.ofMinutes(2));
        assertThat(tryPassword(id, "correct horse").statusCode()).isEqualTo(200);
        String events = jdbc.sql("select string_agg(type, ',') from security_events where type like 'share.%'")
                .query(String.class).single();
        assertThat(events).contains("share.password_failed", "share.locked");
    }

    @Test
    void unlockWhenBurnAfterFailedAttemptsReachedThenShareDestroyed() {
        String id = passwordShare(aText("x").with("burnAfterFailedAttempts", 2));
        assertThat(tryPassword(id, "wrong-1").statusCode()).isEqualTo(401);
        clock.advance(Duration.ofSeconds(2));
        assertProblem(tryPassword(id, "wrong-2"), 404, "resource.not_found");
        assertProblem(tryPassword(id, "correct horse"), 404, "resource.not_found");
        assertThat(jdbc.sql("select destroy_reason from shares where id = :id").param("id", id).query(String.class)
                .single()).isEqualTo("FAILED_ATTEMPTS");
    }

    @Test
    void unlockWhenCounterInDatabaseThenItHoldsForEveryNode() {
        String id = passwordShare(aText("x"));
        tryPassword(id, "wrong");
        assertThat(jdbc.sql("select failed_attempts from shares where id = :id").param("id", id).query(Integer.class)
                .single()).isEqualTo(1);
    }

    @Test
    void passwordShareWhenDatabaseBlobsAndMasterKeysLeakedThenStillClosedWithoutPassword() {
        // DESIGN.md §1: the data key is also sealed under the password's Argon2id key
        String id = passwordShare(aText("x"));
        ShareRow row = shares.find(new ShareId(id)).orElseThrow();
        assertThat(row.keys().sealed().passwordLayer()).isTrue();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> envelope.open(id, row.keys().sealed(), null))
                .isInstanceOf(WrongSecretException.class);
        assertThat(java.util.Objects.requireNonNull(row.keys().kdf()).encode()).startsWith("argon2id$m=19456,t=2,p=1$");
    }

    @Test
    void zeroKnowledgeWhenAccessKeyRightThenClientCiphertextReturnedAsIs() throws Exception {
        byte[] accessKey = new byte[32];
        new java.security.SecureRandom().nextBytes(accessKey);
        String verifier = b64(MessageDigest.getInstance("SHA-256").digest(accessKey));
        byte[] clientCiphertext = ShareFiles.withMarker(5000, "CLIENT-CT", 3);
        ShareApi.Created created = api.create(ShareApi.aFile("encrypted-name").zeroKnowledge()
                .with("accessVerifier", verifier));
        assertThat(api.upload(created.id(), created.manageToken(), clientCiphertext).statusCode()).isEqualTo(200);
        assertThat(api.metadata(created.id()).body()).contains("\"zeroKnowledge\":true", "\"requiresPassword\":true");
        String stored = shares.find(new ShareId(created.id())).orElseThrow().keys().accessVerifier();
        assertThat(stored).isEqualTo(verifier).isNotEqualTo(b64(accessKey));
        String ticket = api.ticket(created.id(), Map.of("linkAccessKey", ShareApi.LINK_ACCESS_KEY, "accessKey", b64(accessKey)));
        HttpResponse<byte[]> content = api.content(created.id(), ticket);
        assertThat(content.body()).isEqualTo(clientCiphertext);
        assertThat(content.headers().firstValue("Content-Type")).hasValue("application/octet-stream");
    }

    @Test
    void zeroKnowledgeWhenAccessKeyWrongThen401AndSameDelays() {
        String verifier = b64(new byte[32]);
        String id = api.create(aText("ciphertext").zeroKnowledge().with("accessVerifier", verifier)).id();
        clock.stop();
        try {
            assertProblem(api.unlock(id, Map.of("linkAccessKey", ShareApi.LINK_ACCESS_KEY, "accessKey", b64(new byte[32]))), 401, "share.password_wrong");
            assertProblem(api.unlock(id, Map.of("linkAccessKey", ShareApi.LINK_ACCESS_KEY, "accessKey", b64(new byte[32]))), 429, "share.retry_later");
        } finally {
            clock.restart();
        }
    }

    @Test
    void zeroKnowledgeWhenAccessKeyMissingThen401AccessKeyRequired() {
        String id = api.create(aText("ciphertext").zeroKnowledge().with("accessVerifier", b64(new byte[32])))
                .id();
        assertProblem(api.unlock(id, Map.of("linkAccessKey", ShareApi.LINK_ACCESS_KEY, "password", "a password is not what it needs")), 401,
                "share.access_key_required");
    }

    @Test
    void zeroKnowledgeWhenAccessKeyNotBase64UrlThen401PasswordWrongAndCounted() {
        String id = api.create(aText("ciphertext").zeroKnowledge().with("accessVerifier", b64(new byte[32])))
                .id();
        assertProblem(api.unlock(id, Map.of("linkAccessKey", ShareApi.LINK_ACCESS_KEY, "accessKey", "not base64url ✓")), 401, "share.password_wrong");
        assertThat(jdbc.sql("select failed_attempts from shares where id = :id").param("id", id).query(Integer.class)
                .single()).isEqualTo(1);
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
