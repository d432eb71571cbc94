package app.bar.account;

import static org.assertj.core.api.Assertions.assertThat;

import app.bar.support.TestHttp;
import bartest.share.ShareTestSupport;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * The idle timeout holds on every authenticated request, not only at refresh (ASVS 7.3.1, issue
 * #21 item 2): with access tokens of 60 s (+30 s skew) and an idle timeout of 80 s, a token used
 * between 80 s and 90 s after the last refresh is genuine and unexpired, and must still be refused.
 */
@SessionTimeIntegrationTest
class SessionIdleIT {

    private static final Duration IDLE = Duration.ofSeconds(80);

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    ShareTestSupport.MovableClock clock;
    TestHttp http;
    AccountFixtures fixtures;

    @BeforeEach
    void setUp() {
        http = new TestHttp(port);
        fixtures = new AccountFixtures(context, http);
    }

    @Test
    void accessTokenWhenSessionIdlePastTheTimeoutThen401SessionEndedThoughTheTokenIsUnexpired() {
        // ASVS 7.3.1
        AccountFixtures.Session session = fixtures.login(fixtures.anAccount().create());
        clock.advance(IDLE.minusSeconds(10));
        assertThat(http.get("/api/account", session.cookieHeaders()).statusCode()).as("before the idle end").isEqualTo(200);

        clock.advance(Duration.ofSeconds(15)); // 85 s: idle; the token itself is good until 90 s

        HttpResponse<String> cookie = http.get("/api/account", session.cookieHeaders());
        assertThat(cookie.statusCode()).isEqualTo(401);
        assertThat(TestHttp.json(cookie).get("code").asString()).isEqualTo("auth.session_ended");
        HttpResponse<String> bearer = http.get("/api/account", session.bearer());
        assertThat(bearer.statusCode()).isEqualTo(401);
        assertThat(TestHttp.json(bearer).get("code").asString()).isEqualTo("auth.session_ended");
    }

    @Test
    void actionsWhenSessionIdleThenReadCreateShareAndMintTokenAllRefused() {
        // ASVS 7.3.1, 7.4.1: what the black-box attack did 17 s after the idle end
        AccountFixtures.TestAccount account = fixtures.anAccount().create();
        AccountFixtures.Session session = fixtures.login(account);
        clock.advance(IDLE.plusSeconds(5));

        HttpResponse<String> refresh = http.postJson("/api/auth/refresh", "", session.refreshHeaders());
        HttpResponse<String> read = http.get("/api/account", session.bearer());
        HttpResponse<String> share = http.postJson("/api/shares", TestHttp.map("kind", "text", "text", "idle"),
                session.bearer());
        HttpResponse<String> token = http.postJson("/api/account/tokens",
                TestHttp.map("name", "after idle", "scopes", List.of("shares:read"), "expiresInDays", 365),
                session.cookieAndCsrfHeaders());

        assertThat(List.of(refresh, read, share, token)).allSatisfy(r -> {
            assertThat(r.statusCode()).as(r.uri().getPath()).isEqualTo(401);
            assertThat(TestHttp.json(r).get("code").asString()).isEqualTo("auth.session_ended");
        });
        assertThat(fixtures.jdbc().sql("select count(*) from api_tokens where account_id = :id")
                .param("id", account.id()).query(Long.class).single()).isZero();
        assertThat(fixtures.jdbc().sql("select count(*) from shares where owner_id = :id")
                .param("id", account.id()).query(Long.class).single()).isZero();
    }

    @Test
    void refreshWhenBeforeTheIdleEndThenTheIdleClockStartsAgain() {
        // DESIGN.md §1: the idle timeout counts from the last refresh
        AccountFixtures.Session first = fixtures.login(fixtures.anAccount().create());
        clock.advance(IDLE.minusSeconds(10));
        HttpResponse<String> refreshed = http.postJson("/api/auth/refresh", "", first.refreshHeaders());
        assertThat(refreshed.statusCode()).isEqualTo(200);
        AccountFixtures.Session second = AccountFixtures.Session.of(refreshed);

        clock.advance(IDLE.minusSeconds(10)); // 140 s after sign-in, 70 s after the refresh

        assertThat(http.get("/api/account", second.cookieHeaders()).statusCode()).isEqualTo(200);
    }
}
