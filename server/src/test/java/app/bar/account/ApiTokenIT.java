package app.bar.account;

import static org.assertj.core.api.Assertions.assertThat;

import app.bar.support.BarIntegrationTest;
import app.bar.support.TestHttp;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

/** Personal API tokens (issue #3 item 10): shown once, stored hashed, scoped, usable as bearer. */
@BarIntegrationTest
class ApiTokenIT {

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    TestHttp http;
    AccountFixtures fixtures;

    @BeforeEach
    void setUp() {
        http = new TestHttp(port);
        fixtures = new AccountFixtures(context, http);
    }

    @Test
    void createWhenValidThenValueShownOnceAndUsableAsBearer() {
        AccountFixtures.TestAccount account = fixtures.anAccount().create();
        AccountFixtures.Session session = fixtures.login(account);
        HttpResponse<String> created = create(session, "ci", List.of("account:read", "shares:write"), 30);

        assertThat(created.statusCode()).isEqualTo(201);
        String token = TestHttp.json(created).get("token").asString();
        assertThat(token).startsWith("bar_pat_").hasSizeGreaterThanOrEqualTo(8 + 43);
        JsonNode me = TestHttp.json(http.get("/api/account", "Authorization", "Bearer " + token));
        assertThat(me.get("id").asString()).isEqualTo(account.id());

        String list = http.get("/api/account/tokens", session.cookieHeaders()).body();
        assertThat(list).contains("\"ci\"", "lastUsedAt").doesNotContain(token, token.substring(8));
        String stored = fixtures.jdbc().sql("select token_hash from api_tokens where account_id = :id")
                .param("id", account.id()).query(String.class).single();
        assertThat(stored).hasSize(64).doesNotContain(token.substring(8));
    }

    @Test
    void tokenWhenUsedThenLastUsedRecorded() {
        AccountFixtures.Session session = fixtures.login(fixtures.anAccount().create());
        String token = TestHttp.json(create(session, "cli", List.of("account:read"), 7)).get("token").asString();
        http.get("/api/account", "Authorization", "Bearer " + token);
        JsonNode list = TestHttp.json(http.get("/api/account/tokens", session.cookieHeaders()));
        assertThat(list.get(0).get("lastUsedAt").isNull()).isFalse();
    }

    @Test
    void tokenWhenDeletedThenRefused() {
        AccountFixtures.Session session = fixtures.login(fixtures.anAccount().create());
        JsonNode created = TestHttp.json(create(session, "old", List.of("account:read"), 7));
        assertThat(http.method("DELETE", "/api/account/tokens/" + created.get("id").asString(),
                session.cookieAndCsrfHeaders()).statusCode()).isEqualTo(204);
        assertThat(http.get("/api/account", "Authorization", "Bearer " + created.get("token").asString()).statusCode())
                .isEqualTo(401);
    }

    @Test
    void tokenWhenUnknownThen401() {
        assertThat(http.get("/api/account", "Authorization", "Bearer bar_pat_" + "x".repeat(43)).statusCode())
                .isEqualTo(401);
    }

    @Test
    void deleteWhenAnotherUsersTokenThen404AndTokenStillWorks() {
        // ASVS 8.2.2 (IDOR)
        AccountFixtures.Session owner = fixtures.login(fixtures.anAccount().create());
        JsonNode created = TestHttp.json(create(owner, "mine", List.of("account:read"), 7));
        AccountFixtures.Session attacker = fixtures.login(fixtures.anAccount().create());

        assertThat(http.method("DELETE", "/api/account/tokens/" + created.get("id").asString(),
                attacker.cookieAndCsrfHeaders()).statusCode()).isEqualTo(404);
        assertThat(http.get("/api/account/tokens", attacker.cookieHeaders()).body()).isEqualTo("[]");
        assertThat(http.get("/api/account", "Authorization", "Bearer " + created.get("token").asString()).statusCode())
                .isEqualTo(200);
    }

    @Test
    void tokenWhenUsedToManageAccountThen403() {
        // an API token cannot mint more tokens, change the password or end sessions
        AccountFixtures.Session session = fixtures.login(fixtures.anAccount().create());
        String token = TestHttp.json(create(session, "script", List.of("account:read", "shares:write"), 7))
                .get("token").asString();
        String[] bearer = {"Authorization", "Bearer " + token};

        assertThat(http.postJson("/api/account/tokens", TestHttp.map("name", "more", "scopes", List.of("account:read")),
                bearer).statusCode()).isEqualTo(403);
        assertThat(http.get("/api/account/sessions", bearer).statusCode()).isEqualTo(403);
        assertThat(http.postJson("/api/account/password", TestHttp.map("currentPassword", "x", "newPassword", "y"), bearer)
                .statusCode()).isEqualTo(403);
    }

    @Test
    void tokenWithoutAccountReadScopeWhenReadingAccountThen403() {
        AccountFixtures.Session session = fixtures.login(fixtures.anAccount().create());
        String token = TestHttp.json(create(session, "shares only", List.of("shares:read"), 7)).get("token").asString();
        assertThat(http.get("/api/account", "Authorization", "Bearer " + token).statusCode()).isEqualTo(403);
    }

    @Test
    void createWhenExpiryOverOneYearThen400() {
        AccountFixtures.Session session = fixtures.login(fixtures.anAccount().create());
        HttpResponse<String> response = create(session, "forever", List.of("account:read"), 366);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(TestHttp.json(response).get("errors").get(0).get("field").asString()).isEqualTo("expiresInDays");
        assertThat(TestHttp.json(response).get("errors").get(0).get("code").asString()).isEqualTo("field.out_of_range");
    }

    @Test
    void createWhenAdminScopeRequestedByUserThen400() {
        // ASVS 8.2.3: no privilege a user does not have
        AccountFixtures.Session session = fixtures.login(fixtures.anAccount().create());
        assertThat(create(session, "escalate", List.of("admin"), 7).statusCode()).isEqualTo(400);
    }

    @Test
    void tokenWhenAccountPausedThenRefused() {
        AccountFixtures.TestAccount account = fixtures.anAccount().create();
        String token = TestHttp.json(create(fixtures.login(account), "t", List.of("account:read"), 7)).get("token").asString();
        fixtures.jdbc().sql("update accounts set state = 'PAUSED' where id = :id").param("id", account.id()).update();
        assertThat(http.get("/api/account", "Authorization", "Bearer " + token).statusCode()).isEqualTo(401);
    }

    private HttpResponse<String> create(AccountFixtures.Session session, String name, List<String> scopes, int days) {
        return http.postJson("/api/account/tokens", TestHttp.map("name", name, "scopes", scopes, "expiresInDays", days),
                session.cookieAndCsrfHeaders());
    }
}
