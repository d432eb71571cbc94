package app.bar.account;

import static org.assertj.core.api.Assertions.assertThat;

import app.bar.support.BarIntegrationTest;
import app.bar.support.TestHttp;
import java.net.http.HttpResponse;
import java.time.Clock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestPropertySource;

/**
 * {@code bar.accounts.mfa-required} (issue 16 item 3): an account without a second factor gets no
 * session for its password, but must set up an authenticator app first, in the sign-in itself.
 */
@BarIntegrationTest
@TestPropertySource(properties = "bar.accounts.mfa-required=true")
class MfaRequiredIT {

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    Clock clock;
    TestHttp http;
    AccountFixtures fixtures;

    @BeforeEach
    void setUp() {
        http = new TestHttp(port);
        fixtures = new AccountFixtures(context, http);
    }

    @Test
    void loginWhenNoFactorThen202EnrolmentRequiredAndNoSessionCookies() {
        AccountFixtures.TestAccount account = fixtures.anAccount().create();

        HttpResponse<String> response = login(account);

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(TestHttp.json(response).get("status").asString()).isEqualTo("mfa_enrolment_required");
        assertThat(AccountFixtures.setCookies(response)).isEmpty();
    }

    @Test
    void enrolmentWhenConfirmedThenSessionRecoveryCodesAndNextSignInAsksForTheCode() {
        AccountFixtures.TestAccount account = fixtures.anAccount().create();
        String token = TestHttp.json(login(account)).get("mfaToken").asString();

        HttpResponse<String> setup = http.postJson("/api/auth/mfa/enrolment", TestHttp.map("mfaToken", token));
        byte[] secret = SecondFactorFixtures.base32(TestHttp.json(setup).get("secret").asString());
        HttpResponse<String> confirmed = http.postJson("/api/auth/mfa/enrolment/confirm",
                TestHttp.map("mfaToken", token, "code", Totp.code(secret, Totp.step(clock.instant()))));

        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
        assertThat(TestHttp.json(confirmed).get("recoveryCodes")).hasSize(10);
        AccountFixtures.Session session = AccountFixtures.Session.of(confirmed);
        assertThat(http.get("/api/account", session.cookieHeaders()).statusCode()).isEqualTo(200);
        assertThat(Events.count(fixtures.jdbc(), "mfa.enrolled", account.id())).isEqualTo(1);
        HttpResponse<String> next = login(account);
        assertThat(TestHttp.json(next).get("status").asString()).isEqualTo("mfa_required");
    }

    @Test
    void enrolmentWhenWrongCodeThen400AndNoSession() {
        AccountFixtures.TestAccount account = fixtures.anAccount().create();
        String token = TestHttp.json(login(account)).get("mfaToken").asString();
        http.postJson("/api/auth/mfa/enrolment", TestHttp.map("mfaToken", token));

        HttpResponse<String> response = http.postJson("/api/auth/mfa/enrolment/confirm",
                TestHttp.map("mfaToken", token, "code", "abcdef"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(AccountFixtures.setCookies(response)).isEmpty();
    }

    @Test
    void enrolmentTokenWhenUsedAsASecondFactorChallengeThen401() {
        // a challenge grants only the step it was made for
        AccountFixtures.TestAccount account = fixtures.anAccount().create();
        String token = TestHttp.json(login(account)).get("mfaToken").asString();

        HttpResponse<String> response = http.postJson("/api/auth/mfa", TestHttp.map("mfaToken", token, "code", "123456"));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(TestHttp.json(response).get("code").asString()).isEqualTo("auth.mfa_challenge_invalid");
    }

    @Test
    void accountEndpointsWhenOnlyTheEnrolmentTokenThen401() {
        // the pending state is no session
        AccountFixtures.TestAccount account = fixtures.anAccount().create();
        String token = TestHttp.json(login(account)).get("mfaToken").asString();

        HttpResponse<String> response = http.get("/api/account", "Authorization", "Bearer " + token);

        assertThat(response.statusCode()).isEqualTo(401);
    }

    private HttpResponse<String> login(AccountFixtures.TestAccount account) {
        return http.postJson("/api/auth/login", TestHttp.map("email", account.email(), "password", account.password()));
    }
}
