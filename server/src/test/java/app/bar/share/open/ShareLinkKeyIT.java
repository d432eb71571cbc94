package app.bar.share.open;

import static app.bar.share.ShareApi.aText;
import static app.bar.share.ShareApi.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import app.bar.share.ShareApi;
import app.bar.share.ShareIntegrationTest;
import app.bar.support.TestHttp;
import bartest.share.ShareTestSupport;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A damaged zero-knowledge link is refused at unlock, before a view is spent, with the same attempt
 * rules as a password (issue 13 item 1).
 */
@ShareIntegrationTest
class ShareLinkKeyIT {

    private static final String DAMAGED = Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[32]);

    @LocalServerPort
    int port;
    @Autowired
    ShareTestSupport.MovableClock clock;
    @Autowired
    JdbcClient jdbc;
    ShareApi api;

    @BeforeEach
    void setUp() {
        api = new ShareApi(new TestHttp(port));
    }

    @Test
    void unlockWhenLinkAccessKeyWrongThen401LinkKeyWrongAndTheViewStillOpens() {
        String id = api.create(aText("ciphertext").zeroKnowledge()).id();
        assertProblem(api.unlock(id, Map.of("linkAccessKey", DAMAGED)), 401, "share.link_key_wrong");
        clock.advance(java.time.Duration.ofSeconds(2));
        String ticket = api.ticket(id, Map.of("linkAccessKey", ShareApi.LINK_ACCESS_KEY));
        assertThat(new String(api.content(id, ticket).body(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("ciphertext");
    }

    @Test
    void unlockWhenLinkAccessKeyWrongThenCountedLikeAWrongPassword() {
        String id = api.create(aText("ciphertext").zeroKnowledge()).id();
        clock.stop();
        try {
            assertProblem(api.unlock(id, Map.of("linkAccessKey", DAMAGED)), 401, "share.link_key_wrong");
            assertProblem(api.unlock(id, Map.of("linkAccessKey", ShareApi.LINK_ACCESS_KEY)), 429, "share.retry_later");
        } finally {
            clock.restart();
        }
        assertThat(jdbc.sql("select failed_attempts from shares where id = :id").param("id", id).query(Integer.class)
                .single()).isEqualTo(1);
    }

    @Test
    void unlockWhenLinkAccessKeyMissingThen401LinkKeyRequiredAndNothingCounted() {
        String id = api.create(aText("ciphertext").zeroKnowledge()).id();
        assertProblem(api.unlock(id, Map.of()), 401, "share.link_key_required");
        assertThat(jdbc.sql("select failed_attempts from shares where id = :id").param("id", id).query(Integer.class)
                .single()).isZero();
    }

    @Test
    void unlockWhenPasswordBoundAndLinkDamagedThenLinkKeyWrongNotPasswordWrong() {
        String id = api.create(aText("ciphertext").zeroKnowledge().with("accessVerifier", DAMAGED)).id();
        assertProblem(api.unlock(id, Map.of("linkAccessKey", DAMAGED, "accessKey", DAMAGED)), 401, "share.link_key_wrong");
    }

    @Test
    void createWhenZeroKnowledgeWithoutLinkVerifierThen400NamingLinkVerifier() {
        HttpResponse<String> response = api.createRaw(aText("x").with("zeroKnowledge", true));
        assertProblem(response, 400, "request.invalid");
        assertThat(TestHttp.json(response).get("errors").get(0).get("field").asString()).isEqualTo("linkVerifier");
        assertThat(TestHttp.json(response).get("errors").get(0).get("code").asString()).isEqualTo("field.required");
    }

    @Test
    void createWhenLinkVerifierOnServerEncryptedShareThen400FieldNotAllowed() {
        HttpResponse<String> response = api.createRaw(aText("x").with("linkVerifier", ShareApi.LINK_VERIFIER));
        assertProblem(response, 400, "request.invalid");
        assertThat(TestHttp.json(response).get("errors").get(0).get("code").asString()).isEqualTo("share.field_not_allowed");
    }

    @Test
    void shredWhenDestroyedThenLinkVerifierGone() {
        String id = api.create(aText("ciphertext").zeroKnowledge()).id();
        api.content(id, api.ticket(id, Map.of("linkAccessKey", ShareApi.LINK_ACCESS_KEY)));
        assertThat(jdbc.sql("select link_verifier from shares where id = :id").param("id", id).query(String.class)
                .list()).containsExactly((String) null);
    }
}
