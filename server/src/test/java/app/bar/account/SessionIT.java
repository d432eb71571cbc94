package app.bar.account;

import static org.assertj.core.api.Assertions.assertThat;

import app.bar.support.BarIntegrationTest;
import app.bar.support.TestHttp;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

/** Refresh rotation, reuse detection, logout and the user's sessions (issue #3 items 6, 7, 10). */
@BarIntegrationTest
class SessionIT {

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
    void refreshWhenValidThenRotatesAllThreeCookies() {
        AccountFixtures.Session first = fixtures.login(fixtures.anAccount().create());
        HttpResponse<String> response = http.postJson("/api/auth/refresh", "", first.refreshHeaders());

        assertThat(response.statusCode()).isEqualTo(200);
        AccountFixtures.Session second = AccountFixtures.Session.of(response);
        assertThat(second.access()).isNotBlank().isNotEqualTo(first.access());
        assertThat(second.refresh()).isNotBlank().isNotEqualTo(first.refresh());
        assertThat(second.csrf()).isNotBlank().isNotEqualTo(first.csrf());
        assertThat(http.get("/api/account", second.cookieHeaders()).statusCode()).isEqualTo(200);
    }

    @Test
    void refreshWhenTokenReusedThenWholeSessionRevoked() {
        // RFC 9700 §4.14.2, ASVS 7.4.1: a used refresh token presented again means it was copied
        AccountFixtures.TestAccount account = fixtures.anAccount().create();
        AccountFixtures.Session first = fixtures.login(account);
        AccountFixtures.Session second = AccountFixtures.Session.of(
                http.postJson("/api/auth/refresh", "", first.refreshHeaders()));

        HttpResponse<String> reuse = http.postJson("/api/auth/refresh", "", first.refreshHeaders());

        assertThat(reuse.statusCode()).isEqualTo(401);
        assertThat(http.postJson("/api/auth/refresh", "", second.refreshHeaders()).statusCode()).isEqualTo(401);
        assertThat(http.get("/api/account", second.cookieHeaders()).statusCode()).isEqualTo(401);
        assertThat(Events.count(fixtures.jdbc(), "token.refresh_reuse", account.id())).isEqualTo(1);
    }

    @Test
    void refreshWhenCsrfHeaderMissingThen403AndTokenNotUsed() {
        AccountFixtures.Session session = fixtures.login(fixtures.anAccount().create());
        HttpResponse<String> response = http.postJson("/api/auth/refresh", "",
                "Cookie", "bar_refresh=" + session.refresh() + "; bar_csrf=" + session.csrf());

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(http.postJson("/api/auth/refresh", "", session.refreshHeaders()).statusCode()).isEqualTo(200);
    }

    @Test
    void refreshWhenNoCookieThen401() {
        assertThat(http.postJson("/api/auth/refresh", "").statusCode()).isEqualTo(401);
    }

    @Test
    void logoutWhenDoneThenAccessAndRefreshTokensRefused() {
        // ASVS 7.4.1: logout ends the session for real
        AccountFixtures.Session session = fixtures.login(fixtures.anAccount().create());
        HttpResponse<String> logout = http.postJson("/api/auth/logout", "", session.cookieAndCsrfHeaders());

        assertThat(logout.statusCode()).isEqualTo(204);
        assertThat(AccountFixtures.setCookies(logout)).anySatisfy(c -> assertThat(c).startsWith("bar_access=;")
                .contains("Max-Age=0"));
        assertThat(http.get("/api/account", session.cookieHeaders()).statusCode()).isEqualTo(401);
        assertThat(http.get("/api/account", session.bearer()).statusCode()).isEqualTo(401);
        assertThat(http.postJson("/api/auth/refresh", "", session.refreshHeaders()).statusCode()).isEqualTo(401);
    }

    @Test
    void logoutWhenOnlyRefreshCookieLeftThenSessionEnded() {
        AccountFixtures.Session session = fixtures.login(fixtures.anAccount().create());
        assertThat(http.postJson("/api/auth/logout", "", session.refreshHeaders()).statusCode()).isEqualTo(204);
        assertThat(http.get("/api/account", session.bearer()).statusCode()).isEqualTo(401);
    }

    @Test
    void sessionsWhenListedThenShowDeviceRedactedIpAndCurrent() {
        // ASVS 7.5.2: users can see their sessions
        AccountFixtures.TestAccount account = fixtures.anAccount().create();
        fixtures.login(account);
        AccountFixtures.Session current = fixtures.login(account);

        JsonNode list = TestHttp.json(http.get("/api/account/sessions", current.cookieHeaders()));

        assertThat(list.size()).isEqualTo(2);
        JsonNode mine = list.valueStream().filter(s -> s.get("current").asBoolean()).findFirst().orElseThrow();
        assertThat(mine.get("device").asString()).isEqualTo("Java client on unknown system");
        assertThat(mine.get("ip").asString()).isEqualTo("127.0.***.***");
        assertThat(list.toString()).doesNotContain("refresh", "hash", current.refresh());
    }

    @Test
    void deleteSessionWhenOwnThenItsTokensRefused() {
        // ASVS 7.5.2: users can end a session
        AccountFixtures.TestAccount account = fixtures.anAccount().create();
        AccountFixtures.Session other = fixtures.login(account);
        AccountFixtures.Session current = fixtures.login(account);
        String otherId = sessionIdOf(current, other);

        assertThat(http.method("DELETE", "/api/account/sessions/" + otherId, current.cookieAndCsrfHeaders()).statusCode())
                .isEqualTo(204);
        assertThat(http.get("/api/account", other.cookieHeaders()).statusCode()).isEqualTo(401);
        assertThat(http.get("/api/account", current.cookieHeaders()).statusCode()).isEqualTo(200);
    }

    @Test
    void deleteSessionWhenAnotherUsersThen404AndSessionLives() {
        // ASVS 8.2.2 (IDOR): another user's session is "not found"
        AccountFixtures.TestAccount victim = fixtures.anAccount().create();
        AccountFixtures.Session victimSession = fixtures.login(victim);
        String victimSessionId = TestHttp.json(http.get("/api/account/sessions", victimSession.cookieHeaders()))
                .get(0).get("id").asString();
        AccountFixtures.Session attacker = fixtures.login(fixtures.anAccount().create());

        HttpResponse<String> response = http.method("DELETE", "/api/account/sessions/" + victimSessionId,
                attacker.cookieAndCsrfHeaders());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(http.method("DELETE", "/api/account/sessions/no-such-session", attacker.cookieAndCsrfHeaders())
                .body().replaceAll("\"(requestId|instance)\":\"[^\"]*\"", ""))
                .isEqualTo(response.body().replaceAll("\"(requestId|instance)\":\"[^\"]*\"", ""));
        assertThat(http.get("/api/account", victimSession.cookieHeaders()).statusCode()).isEqualTo(200);
    }

    @Test
    void deleteAllSessionsWhenCalledThenOthersEndAndCurrentStays() {
        AccountFixtures.TestAccount account = fixtures.anAccount().create();
        AccountFixtures.Session other = fixtures.login(account);
        AccountFixtures.Session current = fixtures.login(account);

        assertThat(http.method("DELETE", "/api/account/sessions", current.cookieAndCsrfHeaders()).statusCode()).isEqualTo(204);
        assertThat(http.get("/api/account", other.bearer()).statusCode()).isEqualTo(401);
        assertThat(http.get("/api/account", current.bearer()).statusCode()).isEqualTo(200);
    }

    @Test
    void changePasswordWhenCurrentRightThenOtherSessionsEndAndNewPasswordWorks() {
        AccountFixtures.TestAccount account = fixtures.anAccount().create();
        AccountFixtures.Session other = fixtures.login(account);
        AccountFixtures.Session current = fixtures.login(account);
        String newPassword = "Saffron kettle 61 harbour drum";

        HttpResponse<String> response = http.postJson("/api/account/password",
                TestHttp.map("currentPassword", account.password(), "newPassword", newPassword),
                current.cookieAndCsrfHeaders());

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(http.get("/api/account", other.bearer()).statusCode()).isEqualTo(401);
        assertThat(http.get("/api/account", current.bearer()).statusCode()).isEqualTo(200);
        fixtures.login(account.email(), newPassword, false);
        MailBox.await(account.email(), "password was changed");
    }

    @Test
    void changePasswordWhenCurrentWrongThen400AndCountedAsFailure() {
        AccountFixtures.TestAccount account = fixtures.anAccount().create();
        AccountFixtures.Session session = fixtures.login(account);
        HttpResponse<String> response = http.postJson("/api/account/password",
                TestHttp.map("currentPassword", "Wrong wrong 55 wrong wrong", "newPassword", "Saffron kettle 61 harbour drum"),
                session.cookieAndCsrfHeaders());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(TestHttp.json(response).get("errors").get(0).get("field").asString()).isEqualTo("currentPassword");
        assertThat(TestHttp.json(response).get("errors").get(0).get("code").asString()).isEqualTo("account.password_wrong");
        assertThat(Events.count(fixtures.jdbc(), "login.failed", account.id())).isEqualTo(1);
    }

    @Test
    void accountWhenReadThenDtoWithoutHashOrCounters() {
        // ASVS 15.3.1
        AccountFixtures.TestAccount account = fixtures.anAccount().create();
        JsonNode body = TestHttp.json(http.get("/api/account", fixtures.login(account).cookieHeaders()));
        assertThat(body.propertyNames()).containsExactlyInAnyOrder("id", "email", "displayName", "role", "state",
                "createdAt", "language");
        assertThat(body.get("email").asString()).isEqualTo(account.email());
        assertThat(body.get("language").isNull()).isTrue(); // none chosen: mails in English
    }

    @Test
    void accountWhenLanguagePatchedThenSavedForItsMailsAndReadBack() {
        // issue 17: the settings page and the header's picker save the language of the account's mails
        AccountFixtures.Session session = fixtures.login(fixtures.anAccount().create());
        HttpResponse<String> saved = patchAccount(session, "{\"language\":\"en\"}");

        assertThat(saved.statusCode()).isEqualTo(200);
        assertThat(TestHttp.json(saved).get("language").asString()).isEqualTo("en");
        assertThat(TestHttp.json(http.get("/api/account", session.cookieHeaders())).get("language").asString())
                .isEqualTo("en");
    }

    @Test
    void accountWhenLanguageNotOfferedThen400NamingItAndUnchanged() {
        AccountFixtures.Session session = fixtures.login(fixtures.anAccount().create());
        HttpResponse<String> refused = patchAccount(session, "{\"language\":\"tlh\"}");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(TestHttp.json(refused).get("errors").get(0).get("field").asString()).isEqualTo("language");
        assertThat(TestHttp.json(refused).get("errors").get(0).get("code").asString()).isEqualTo("field.unknown_value");
        assertThat(TestHttp.json(http.get("/api/account", session.cookieHeaders())).get("language").isNull()).isTrue();
    }

    private HttpResponse<String> patchAccount(AccountFixtures.Session session, String json) {
        java.net.http.HttpRequest.Builder request = http.request("/api/account").header("Content-Type", "application/json")
                .method("PATCH", java.net.http.HttpRequest.BodyPublishers.ofString(json));
        String[] headers = session.cookieAndCsrfHeaders();
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build());
    }

    private String sessionIdOf(AccountFixtures.Session viewer, AccountFixtures.Session wanted) {
        JsonNode list = TestHttp.json(http.get("/api/account/sessions", viewer.cookieHeaders()));
        return list.valueStream().filter(s -> !s.get("current").asBoolean()).findFirst().orElseThrow()
                .get("id").asString();
    }
}
