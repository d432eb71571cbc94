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
 * A fresh password before minting an API token (ASVS 7.5.1, issue #21 item 2): a session whose
 * password proof is older than the window (30 s here) must re-authenticate first; the password
 * check keeps the sign-in's lockout bookkeeping (ASVS 6.3.1).
 */
@SessionTimeIntegrationTest
class ReauthenticationIT {

    private static final Duration PAST_THE_WINDOW = Duration.ofSeconds(40); // window 30 s, idle 80 s

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
    void createTokenWhenPasswordProvedLongerAgoThanTheWindowThen403ReauthenticationRequiredAndNoToken() {
        // ASVS 7.5.1
        AccountFixtures.TestAccount account = fixtures.anAccount().create();
        AccountFixtures.Session session = fixtures.login(account);
        clock.advance(PAST_THE_WINDOW);

        HttpResponse<String> response = createToken(session);

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(TestHttp.json(response).get("code").asString()).isEqualTo("auth.reauthentication_required");
        assertThat(tokenCount(account)).isZero();
    }

    @Test
    void createTokenWhenReauthenticatedThenAllowed() {
        AccountFixtures.TestAccount account = fixtures.anAccount().create();
        AccountFixtures.Session session = fixtures.login(account);
        clock.advance(PAST_THE_WINDOW);
        assertThat(createToken(session).statusCode()).isEqualTo(403);

        HttpResponse<String> reauthenticated = reauthenticate(session, account.password());

        assertThat(reauthenticated.statusCode()).isEqualTo(204);
        assertThat(createToken(session).statusCode()).isEqualTo(201);
        assertThat(Events.count(fixtures.jdbc(), "session.reauthenticated", account.id())).isEqualTo(1);
    }

    @Test
    void createTokenWhenJustSignedInThenAllowedWithoutReauthentication() {
        AccountFixtures.Session session = fixtures.login(fixtures.anAccount().create());
        assertThat(createToken(session).statusCode()).isEqualTo(201);
    }

    @Test
    void reauthenticateWhenPasswordWrongThen400AndCountedAsFailedSignIn() {
        // ASVS 6.3.1: a signed-in password check is no oracle outside the lockout
        AccountFixtures.TestAccount account = fixtures.anAccount().create();
        AccountFixtures.Session session = fixtures.login(account);

        HttpResponse<String> response = reauthenticate(session, "Wrong wrong 55 wrong wrong");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(TestHttp.json(response).get("errors").get(0).get("field").asString()).isEqualTo("password");
        assertThat(TestHttp.json(response).get("errors").get(0).get("code").asString()).isEqualTo("account.password_wrong");
        assertThat(Events.count(fixtures.jdbc(), "login.failed", account.id())).isEqualTo(1);
    }

    @Test
    void reauthenticateWhenFifthWrongPasswordThenAccountLockedAndTheRightOneRefused423() {
        // ASVS 6.3.1: the lockout counts re-authentication failures and holds against them
        AccountFixtures.TestAccount account = fixtures.anAccount().create();
        AccountFixtures.Session session = fixtures.login(account);
        for (int i = 0; i < 5; i++) {
            assertThat(reauthenticate(session, "Wrong wrong 55 wrong wrong " + i).statusCode()).isEqualTo(400);
        }
        assertThat(Events.count(fixtures.jdbc(), "account.locked", account.id())).isEqualTo(1);

        HttpResponse<String> right = reauthenticate(session, account.password());

        assertThat(right.statusCode()).isEqualTo(423);
        assertThat(TestHttp.json(right).get("code").asString()).isEqualTo("resource.locked");
        assertThat(right.headers().firstValue("Retry-After")).isPresent();
    }

    @Test
    void reauthenticateWhenCookieWithoutCsrfTokenThen403() {
        // ASVS 3.5.1: re-authentication acts with the session's authority
        AccountFixtures.TestAccount account = fixtures.anAccount().create();
        AccountFixtures.Session session = fixtures.login(account);
        HttpResponse<String> response = http.postJson("/api/auth/reauthenticate",
                TestHttp.map("password", account.password()), session.cookieHeaders());
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(TestHttp.json(response).get("code").asString()).isEqualTo("csrf.invalid");
    }

    @Test
    void apiTokenWhenUsedToReauthenticateOrMintTokensThen403() {
        // ASVS 8.2.1: a personal API token cannot prove a password or mint more tokens
        AccountFixtures.TestAccount account = fixtures.anAccount().create();
        AccountFixtures.Session session = fixtures.login(account);
        String token = TestHttp.json(createToken(session)).get("token").asString();
        String[] bearer = {"Authorization", "Bearer " + token};

        assertThat(http.postJson("/api/auth/reauthenticate", TestHttp.map("password", account.password()), bearer)
                .statusCode()).isEqualTo(403);
        assertThat(http.postJson("/api/account/tokens",
                TestHttp.map("name", "more", "scopes", List.of("shares:read")), bearer).statusCode()).isEqualTo(403);
        assertThat(tokenCount(account)).isEqualTo(1);
    }

    private HttpResponse<String> createToken(AccountFixtures.Session session) {
        return http.postJson("/api/account/tokens", TestHttp.map("name", "cli", "scopes", List.of("shares:read"),
                "expiresInDays", 365), session.cookieAndCsrfHeaders());
    }

    private HttpResponse<String> reauthenticate(AccountFixtures.Session session, String password) {
        return http.postJson("/api/auth/reauthenticate", TestHttp.map("password", password), session.cookieAndCsrfHeaders());
    }

    private long tokenCount(AccountFixtures.TestAccount account) {
        return fixtures.jdbc().sql("select count(*) from api_tokens where account_id = :id")
                .param("id", account.id()).query(Long.class).single();
    }
}
