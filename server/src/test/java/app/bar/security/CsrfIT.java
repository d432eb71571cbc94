package app.bar.security;

import static org.assertj.core.api.Assertions.assertThat;

import app.bar.account.AccountFixtures;
import app.bar.account.Events;
import app.bar.support.BarIntegrationTest;
import app.bar.support.TestHttp;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * Signed double-submit CSRF tokens (OWASP CSRF cheat sheet; SECURITY.md "CSRF"): required on
 * every state-changing request the access cookie authenticates, not on bearer requests.
 */
@BarIntegrationTest
class CsrfIT {

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
    void stateChangeWhenCookieAuthenticatedWithoutCsrfHeaderThen403AndEvent() {
        AccountFixtures.TestAccount account = fixtures.anAccount().create();
        AccountFixtures.Session session = fixtures.login(account);

        HttpResponse<String> response = http.method("DELETE", "/api/account/sessions", session.cookieHeaders());

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(TestHttp.json(response).get("code").asString()).isEqualTo("csrf.invalid");
        assertThat(Events.count(fixtures.jdbc(), "csrf.rejected", account.id())).isEqualTo(1);
    }

    @Test
    void stateChangeWhenHeaderDiffersFromCookieThen403() {
        AccountFixtures.Session session = fixtures.login(fixtures.anAccount().create());
        HttpResponse<String> response = http.method("DELETE", "/api/account/sessions",
                "Cookie", "bar_access=" + session.access() + "; bar_csrf=" + session.csrf(),
                "X-CSRF-Token", session.csrf().substring(0, session.csrf().length() - 2) + "xx");
        assertThat(response.statusCode()).isEqualTo(403);
    }

    @Test
    void stateChangeWhenAttackerPlantsOwnValidTokenAsCookieAndHeaderThen403() {
        // the naive double submit accepts any matching pair; the signed one binds it to the session
        AccountFixtures.Session victim = fixtures.login(fixtures.anAccount().create());
        AccountFixtures.Session attacker = fixtures.login(fixtures.anAccount().create());

        HttpResponse<String> response = http.method("DELETE", "/api/account/sessions",
                "Cookie", "bar_access=" + victim.access() + "; bar_csrf=" + attacker.csrf(),
                "X-CSRF-Token", attacker.csrf());

        assertThat(response.statusCode()).isEqualTo(403);
    }

    @Test
    void stateChangeWhenForgedTokenInCookieAndHeaderThen403() {
        AccountFixtures.Session victim = fixtures.login(fixtures.anAccount().create());
        String forged = "AAAAAAAAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
        HttpResponse<String> response = http.method("DELETE", "/api/account/sessions",
                "Cookie", "bar_access=" + victim.access() + "; bar_csrf=" + forged, "X-CSRF-Token", forged);
        assertThat(response.statusCode()).isEqualTo(403);
    }

    @Test
    void stateChangeWhenValidTokenThenAllowed() {
        AccountFixtures.Session session = fixtures.login(fixtures.anAccount().create());
        assertThat(http.method("DELETE", "/api/account/sessions", session.cookieAndCsrfHeaders()).statusCode())
                .isEqualTo(204);
    }

    @Test
    void stateChangeWhenCsrfTokenFromBeforeARefreshThen403() {
        // ASVS 3.5.1 (issue #21 item 4): a refresh rotates the CSRF token with the session's other tokens
        AccountFixtures.Session before = fixtures.login(fixtures.anAccount().create());
        AccountFixtures.Session after = refreshed(before);

        HttpResponse<String> stale = http.method("DELETE", "/api/account/sessions",
                "Cookie", "bar_access=" + after.access() + "; bar_csrf=" + before.csrf(), "X-CSRF-Token", before.csrf());

        assertThat(stale.statusCode()).isEqualTo(403);
        assertThat(TestHttp.json(stale).get("code").asString()).isEqualTo("csrf.invalid");
        assertThat(http.method("DELETE", "/api/account/sessions", after.cookieAndCsrfHeaders()).statusCode()).isEqualTo(204);
    }

    @Test
    void refreshWhenCsrfTokenFromBeforeThePreviousRefreshThen403AndTokenNotUsed() {
        // ASVS 3.5.1: the refresh endpoint binds the CSRF token to the refresh token presented
        AccountFixtures.Session before = fixtures.login(fixtures.anAccount().create());
        AccountFixtures.Session after = refreshed(before);

        HttpResponse<String> stale = http.postJson("/api/auth/refresh", "",
                "Cookie", "bar_refresh=" + after.refresh() + "; bar_csrf=" + before.csrf(), "X-CSRF-Token", before.csrf());

        assertThat(stale.statusCode()).isEqualTo(403);
        assertThat(http.postJson("/api/auth/refresh", "", after.refreshHeaders()).statusCode()).isEqualTo(200);
    }

    @Test
    void readWhenCookieAuthenticatedWithoutCsrfThenAllowed() {
        AccountFixtures.Session session = fixtures.login(fixtures.anAccount().create());
        assertThat(http.get("/api/account/sessions", session.cookieHeaders()).statusCode()).isEqualTo(200);
    }

    @Test
    void stateChangeWhenBearerAuthenticatedThenNoCsrfNeeded() {
        AccountFixtures.Session session = fixtures.login(fixtures.anAccount().create());
        assertThat(http.method("DELETE", "/api/account/sessions", session.bearer()).statusCode()).isEqualTo(204);
    }

    @Test
    void formPostWhenCsrfFieldValidThenAllowed() {
        AccountFixtures.Session session = fixtures.login(fixtures.anAccount().create());
        HttpResponse<String> response = http.send(http.request("/api/auth/logout")
                .header("Cookie", "bar_access=" + session.access() + "; bar_csrf=" + session.csrf())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("csrfToken=" + session.csrf())).build());
        assertThat(response.statusCode()).isEqualTo(204);
    }

    @Test
    void formPostWhenCsrfFieldMissingThen403() {
        AccountFixtures.Session session = fixtures.login(fixtures.anAccount().create());
        HttpResponse<String> response = http.send(http.request("/api/auth/logout")
                .header("Cookie", "bar_access=" + session.access() + "; bar_csrf=" + session.csrf())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("other=1")).build());
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(http.get("/api/account", session.cookieHeaders()).statusCode()).isEqualTo(200);
    }

    @Test
    void loginWhenLeftoverAccessCookieWithoutCsrfThenStillSignsIn() {
        // sign-in does not act with the old session's authority, so it needs no CSRF token
        AccountFixtures.TestAccount account = fixtures.anAccount().create();
        AccountFixtures.Session old = fixtures.login(account);
        HttpResponse<String> response = http.postJson("/api/auth/login",
                TestHttp.map("email", account.email(), "password", account.password()), "Cookie", "bar_access=" + old.access());
        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void textPlainPostToLoginThen415() {
        // ASVS 3.5.2: a cross-site form cannot reach a JSON endpoint (no login CSRF)
        HttpResponse<String> response = http.send(http.request("/api/auth/login").header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"a@b.c\",\"password\":\"x\"}")).build());
        assertThat(response.statusCode()).isEqualTo(415);
    }

    private AccountFixtures.Session refreshed(AccountFixtures.Session session) {
        return AccountFixtures.Session.of(http.postJson("/api/auth/refresh", "", session.refreshHeaders()));
    }
}
