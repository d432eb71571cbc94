package app.bar.account;

import static org.awaitility.Awaitility.await;

import static org.assertj.core.api.Assertions.assertThat;

import app.bar.support.BarIntegrationTest;
import app.bar.support.TestHttp;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/** Sign-in, enumeration resistance, lockout and cookies over real HTTP (issue #3 items 2, 3, 5, 8). */
@BarIntegrationTest
class LoginIT {

    private static final String WRONG = "Definitely not 42 the password";

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
    void loginWhenRightPasswordThen200WithAccountAndCsrfToken() {
        AccountFixtures.TestAccount account = fixtures.anAccount().create();
        AccountFixtures.Session session = fixtures.login(account);
        var body = TestHttp.json(session.response());
        assertThat(body.get("account").get("id").asString()).isEqualTo(account.id());
        assertThat(body.get("csrfToken").asString()).isEqualTo(session.csrf());
        assertThat(session.response().body()).doesNotContain(session.access(), session.refresh(), "argon2", "hash");
        assertThat(Events.count(fixtures.jdbc(), "login.succeeded", account.id())).isEqualTo(1);
    }

    @Test
    void loginWhenUnknownEmailOrWrongPasswordThenSame401Body() {
        // ASVS 6.3.8: the answer does not tell an unknown address from a wrong password
        AccountFixtures.TestAccount account = fixtures.anAccount().create();
        HttpResponse<String> unknown = login(AccountFixtures.uniqueEmail("nobody"), WRONG);
        HttpResponse<String> wrong = login(account.email(), WRONG);

        assertThat(unknown.statusCode()).isEqualTo(401).isEqualTo(wrong.statusCode());
        assertThat(withoutRequestId(unknown)).isEqualTo(withoutRequestId(wrong));
        assertThat(unknown.headers().firstValue("Set-Cookie")).isEmpty();
    }

    @Test
    void loginWhenUnknownEmailThenTakesAsLongAsWrongPassword() {
        // ASVS 6.3.8: nor does its timing (a dummy hash for unknown accounts). Medians of
        // interleaved samples, compared with a wide band: skipping the hash would put the
        // unknown-address median near a tenth of the other.
        List<AccountFixtures.TestAccount> accounts = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            accounts.add(fixtures.anAccount().create());
        }
        login(AccountFixtures.uniqueEmail("warm"), WRONG);
        List<Long> unknown = new ArrayList<>();
        List<Long> known = new ArrayList<>();
        for (int round = 0; round < 12; round++) {
            unknown.add(timed(AccountFixtures.uniqueEmail("nobody"), WRONG));
            known.add(timed(accounts.get(round % accounts.size()).email(), WRONG));
        }
        double unknownMedian = median(unknown);
        double knownMedian = median(known);
        assertThat(unknownMedian).as("unknown %s vs known %s (ms)", unknown, known)
                .isBetween(knownMedian * 0.5, knownMedian * 2.0);
    }

    @Test
    void loginWhenFiveFailuresThenLockedEvenForRightPasswordAndOwnerMailedOnce() {
        // ASVS 6.3.1/6.1.1: 5 failures in 15 minutes lock the account for 15 minutes
        AccountFixtures.TestAccount account = fixtures.anAccount().create();
        for (int i = 0; i < 5; i++) {
            assertThat(login(account.email(), WRONG).statusCode()).isEqualTo(401);
        }
        HttpResponse<String> right = login(account.email(), account.password());
        login(account.email(), WRONG);

        assertThat(right.statusCode()).isEqualTo(401);
        assertThat(withoutRequestId(right)).isEqualTo(withoutRequestId(login(AccountFixtures.uniqueEmail("x"), WRONG)));
        MailBox.await(account.email(), "locked");
        await("no second lock mail").during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2))
                .until(() -> MailBox.received(account.email(), "locked").size() == 1);
        assertThat(Events.count(fixtures.jdbc(), "account.locked", account.id())).isEqualTo(1);
    }

    @Test
    void loginWhenLockedThenOwnerCanStillResetPasswordAndSignIn() {
        // ASVS 6.1.1: a lockout is no cheap denial of service for a named victim
        AccountFixtures.TestAccount account = fixtures.anAccount().create();
        for (int i = 0; i < 5; i++) {
            login(account.email(), WRONG);
        }
        http.postJson("/api/auth/forgot-password", TestHttp.map("email", account.email()));
        String token = MailBox.await(account.email(), "Reset your BAR password").token();
        String newPassword = "Granite otter umbrella 93 fjord";
        assertThat(http.postJson("/api/auth/reset-password", TestHttp.map("token", token, "newPassword", newPassword))
                .statusCode()).isEqualTo(204);

        assertThat(login(account.email(), newPassword).statusCode()).isEqualTo(200);
    }

    @Test
    void loginWhenPausedThen403OnlyAfterRightPassword() {
        // ASVS 6.3.8: a paused account is revealed only to someone who knows its password
        AccountFixtures.TestAccount paused = fixtures.anAccount().inState(AccountState.PAUSED).create();
        HttpResponse<String> right = login(paused.email(), paused.password());
        HttpResponse<String> wrong = login(paused.email(), WRONG);

        assertThat(right.statusCode()).isEqualTo(403);
        assertThat(TestHttp.json(right).get("detail").asString()).contains("paused");
        assertThat(TestHttp.json(right).get("code").asString()).isEqualTo("account.paused");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(Events.count(fixtures.jdbc(), "login.account_paused", paused.id())).isEqualTo(1);
    }

    @Test
    void loginWhenHashMadeWithOtherParametersThenRehashedWithCurrentOnes() {
        // ASVS 11.4.2: hashes are upgraded on login when the parameters change
        String old = new Argon2PasswordEncoder(16, 32, 1, 19456, 3).encode(AccountFixtures.PASSWORD);
        AccountFixtures.TestAccount account = fixtures.anAccount().withStoredHash(old).create();

        fixtures.login(account);

        String stored = fixtures.jdbc().sql("select password_hash from accounts where id = :id")
                .param("id", account.id()).query(String.class).single();
        assertThat(stored).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
        assertThat(fixtures.login(account).access()).isNotBlank();
    }

    @Test
    void loginWhenSucceededThenCookiesAreSecureHttpOnlyStrictWithoutDomain() {
        // ASVS 3.3.1-3.3.4
        AccountFixtures.Session session = fixtures.login(fixtures.anAccount().create());
        List<String> cookies = AccountFixtures.setCookies(session.response());
        String access = cookie(cookies, "bar_access=");
        String refresh = cookie(cookies, "bar_refresh=");
        String csrf = cookie(cookies, "bar_csrf=");

        assertThat(List.of(access, refresh, csrf)).allSatisfy(c -> assertThat(c)
                .contains("Secure", "SameSite=Strict").doesNotContainIgnoringCase("Domain=").doesNotContain("Max-Age"));
        assertThat(access).contains("HttpOnly", "Path=/;");
        assertThat(refresh).contains("HttpOnly", "Path=/api/auth");
        assertThat(csrf).doesNotContain("HttpOnly"); // the page's script reads it for the X-CSRF-Token header
    }

    @Test
    void loginWhenRememberMeThenCookiesPersistFor30Days() {
        AccountFixtures.TestAccount account = fixtures.anAccount().create();
        AccountFixtures.Session session = fixtures.login(account.email(), account.password(), true);
        assertThat(cookie(AccountFixtures.setCookies(session.response()), "bar_refresh="))
                .contains("Max-Age=" + 30 * 24 * 3600);
    }

    @Test
    void loginWhenPasswordDiffersOnlyByTrailingSpaceThen401() {
        // ASVS 6.2.8: the password is verified exactly as sent
        AccountFixtures.TestAccount account = fixtures.anAccount().create();
        assertThat(login(account.email(), account.password() + " ").statusCode()).isEqualTo(401);
        assertThat(login(account.email(), account.password().toUpperCase()).statusCode()).isEqualTo(401);
    }

    private HttpResponse<String> login(String email, String password) {
        return http.postJson("/api/auth/login", TestHttp.map("email", email, "password", password));
    }

    private long timed(String email, String password) {
        long start = System.nanoTime();
        HttpResponse<String> response = login(email, password);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(response.statusCode()).isEqualTo(401);
        return millis;
    }

    private static double median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
    }

    private static String cookie(List<String> cookies, String prefix) {
        return cookies.stream().filter(c -> c.startsWith(prefix)).findFirst().orElseThrow() + ";";
    }

    private static String withoutRequestId(HttpResponse<String> response) {
        return response.body().replaceAll("\"(requestId|instance)\":\"[^\"]*\"", "");
    }
}
