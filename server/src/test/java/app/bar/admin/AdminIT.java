package app.bar.admin;

import static org.assertj.core.api.Assertions.assertThat;

import app.bar.account.AccountFixtures;
import app.bar.account.AccountState;
import app.bar.account.Events;
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

/** The admin API (issue #3 item 11): admins only, every action an audit event. */
@BarIntegrationTest
class AdminIT {

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    TestHttp http;
    AccountFixtures fixtures;
    AccountFixtures.TestAccount admin;
    AccountFixtures.Session adminSession;

    @BeforeEach
    void setUp() {
        http = new TestHttp(port);
        fixtures = new AccountFixtures(context, http);
        admin = fixtures.anAccount().admin().create();
        adminSession = fixtures.login(admin);
    }

    @Test
    void adminEndpointsWhenCalledByUserThen403AndAccessDeniedEvent() {
        // ASVS 8.2.1: function-level access control
        AccountFixtures.TestAccount user = fixtures.anAccount().create();
        AccountFixtures.Session session = fixtures.login(user);
        for (String path : List.of("/api/admin/users", "/api/admin/security-events", "/api/admin/status")) {
            assertThat(http.get(path, session.cookieHeaders()).statusCode()).as(path).isEqualTo(403);
        }
        assertThat(http.postJson("/api/admin/users/" + user.id() + "/approve", "", session.cookieAndCsrfHeaders())
                .statusCode()).isEqualTo(403);
        assertThat(http.method("DELETE", "/api/admin/users/" + admin.id(), session.cookieAndCsrfHeaders()).statusCode())
                .isEqualTo(403);
        assertThat(Events.count(fixtures.jdbc(), "access.denied", user.id())).isGreaterThanOrEqualTo(5);
    }

    @Test
    void adminEndpointsWhenAnonymousThen401() {
        assertThat(http.get("/api/admin/users").statusCode()).isEqualTo(401);
        assertThat(http.get("/api/admin/status").statusCode()).isEqualTo(401);
    }

    @Test
    void usersWhenFilteredByStateThenOnlyThatStatePaged() {
        fixtures.anAccount().inState(AccountState.PENDING_APPROVAL).create();
        fixtures.anAccount().inState(AccountState.PENDING_APPROVAL).create();
        JsonNode page = TestHttp.json(http.get("/api/admin/users?state=pending_approval&size=1", adminSession.cookieHeaders()));

        assertThat(page.get("items").size()).isEqualTo(1);
        assertThat(page.get("total").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(page.get("items").get(0).get("state").asString()).isEqualTo("PENDING_APPROVAL");
        assertThat(page.get("items").get(0).propertyNames()).doesNotContain("passwordHash", "failedLogins", "lockedUntil");
    }

    @Test
    void usersWhenStateUnknownThen400() {
        assertThat(http.get("/api/admin/users?state=ROOT", adminSession.cookieHeaders()).statusCode()).isEqualTo(400);
    }

    @Test
    void approveWhenPendingThenActiveAndAdminActionRecorded() {
        AccountFixtures.TestAccount pending = fixtures.anAccount().inState(AccountState.PENDING_APPROVAL).create();
        long before = Events.lastId(fixtures.jdbc());
        HttpResponse<String> response = http.postJson("/api/admin/users/" + pending.id() + "/approve", "",
                adminSession.cookieAndCsrfHeaders());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(TestHttp.json(response).get("state").asString()).isEqualTo("ACTIVE");
        assertThat(Events.detailsSince(fixtures.jdbc(), "admin.action", before))
                .anySatisfy(d -> assertThat(d).contains("approve", pending.id()));
        assertThat(Events.count(fixtures.jdbc(), "admin.action", admin.id())).isEqualTo(1);
        fixtures.login(pending);
    }

    @Test
    void pauseWhenDoneThenSessionsEndAndLoginSaysPausedThenResumeRestores() {
        // ASVS 7.4.2: pausing ends the user's sessions for real
        AccountFixtures.TestAccount user = fixtures.anAccount().create();
        AccountFixtures.Session session = fixtures.login(user);

        assertThat(http.postJson("/api/admin/users/" + user.id() + "/pause", "", adminSession.cookieAndCsrfHeaders())
                .statusCode()).isEqualTo(200);
        assertThat(http.get("/api/account", session.bearer()).statusCode()).isEqualTo(401);
        assertThat(http.postJson("/api/auth/login", TestHttp.map("email", user.email(), "password", user.password()))
                .statusCode()).isEqualTo(403);

        assertThat(http.postJson("/api/admin/users/" + user.id() + "/resume", "", adminSession.cookieAndCsrfHeaders())
                .statusCode()).isEqualTo(200);
        fixtures.login(user);
    }

    @Test
    void pauseWhenAccountNotActiveThen409() {
        AccountFixtures.TestAccount pending = fixtures.anAccount().inState(AccountState.PENDING_APPROVAL).create();
        assertThat(http.postJson("/api/admin/users/" + pending.id() + "/pause", "", adminSession.cookieAndCsrfHeaders())
                .statusCode()).isEqualTo(409);
    }

    @Test
    void pauseWhenOwnAccountThen409() {
        assertThat(http.postJson("/api/admin/users/" + admin.id() + "/pause", "", adminSession.cookieAndCsrfHeaders())
                .statusCode()).isEqualTo(409);
    }

    @Test
    void deleteWhenDoneThenPersonalDataGoneAndSignInRefused() {
        AccountFixtures.TestAccount user = fixtures.anAccount().create();
        AccountFixtures.Session session = fixtures.login(user);

        assertThat(http.method("DELETE", "/api/admin/users/" + user.id(), adminSession.cookieAndCsrfHeaders()).statusCode())
                .isEqualTo(204);

        assertThat(http.get("/api/account", session.bearer()).statusCode()).isEqualTo(401);
        assertThat(http.postJson("/api/auth/login", TestHttp.map("email", user.email(), "password", user.password()))
                .statusCode()).isEqualTo(401);
        String email = fixtures.jdbc().sql("select email from accounts where id = :id").param("id", user.id())
                .query(String.class).single();
        assertThat(email).doesNotContain("@");
        assertThat(http.method("DELETE", "/api/admin/users/" + user.id(), adminSession.cookieAndCsrfHeaders()).statusCode())
                .isEqualTo(404);
    }

    @Test
    void securityEventsWhenFilteredByTypeThenOnlyThatTypeNewestFirst() {
        http.postJson("/api/auth/login", TestHttp.map("email", AccountFixtures.uniqueEmail("x"), "password", "Wrong 12 wrong wrong"));
        JsonNode page = TestHttp.json(http.get("/api/admin/security-events?type=login.failed&size=5",
                adminSession.cookieHeaders()));

        assertThat(page.get("items").size()).isBetween(1, 5);
        assertThat(page.get("items").valueStream().map(e -> e.get("type").asString())).containsOnly("login.failed");
        assertThat(page.get("items").get(0).get("clientIp").asString()).contains("***");
    }

    @Test
    void securityEventsWhenTimeWindowInFutureThenEmpty() {
        JsonNode page = TestHttp.json(http.get("/api/admin/security-events?from=2999-01-01T00:00:00Z&to=2999-01-02T00:00:00Z",
                adminSession.cookieHeaders()));
        assertThat(page.get("items").size()).isZero();
        assertThat(http.get("/api/admin/security-events?type=bogus", adminSession.cookieHeaders()).statusCode()).isEqualTo(400);
    }

    @Test
    void statusWhenAdminThenVersionUptimeDependenciesAndCountsWithoutSecrets() {
        HttpResponse<String> response = http.get("/api/admin/status", adminSession.cookieHeaders());
        JsonNode status = TestHttp.json(response);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(status.get("version").asString()).isNotBlank();
        assertThat(status.get("uptimeSeconds").asLong()).isGreaterThanOrEqualTo(0);
        assertThat(status.get("dependencies").get("database").asString()).isEqualTo("up");
        assertThat(status.get("dependencies").get("mail").asString()).isEqualTo("up");
        assertThat(status.get("counts").get("accounts").get("ACTIVE").asLong()).isPositive();
        assertThat(response.body()).doesNotContain("jdbc:", "redis://", "127.0.0.1", "password", "keys");
    }

    @Test
    void adminApiWhenApiTokenWithoutAdminScopeThen403() {
        String token = TestHttp.json(http.postJson("/api/account/tokens",
                TestHttp.map("name", "no admin", "scopes", List.of("account:read")), adminSession.cookieAndCsrfHeaders()))
                .get("token").asString();
        assertThat(http.get("/api/admin/status", "Authorization", "Bearer " + token).statusCode()).isEqualTo(403);
        String adminToken = TestHttp.json(http.postJson("/api/account/tokens",
                TestHttp.map("name", "admin", "scopes", List.of("admin")), adminSession.cookieAndCsrfHeaders()))
                .get("token").asString();
        assertThat(http.get("/api/admin/status", "Authorization", "Bearer " + adminToken).statusCode()).isEqualTo(200);
    }
}
