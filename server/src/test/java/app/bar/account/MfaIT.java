package app.bar.account;

import static org.assertj.core.api.Assertions.assertThat;

import app.bar.support.TestHttp;
import bartest.share.ShareTestSupport;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * TOTP as a second factor over real HTTP (issue 16 item 3): set-up with a confirming code, the
 * second sign-in step with a code the test computes from the secret, replays, recovery codes,
 * lockout, re-authentication and the administrator's reset. Runs in the context with the movable
 * clock (re-authentication window 30 s), so steps and windows are the server's own.
 */
@SessionTimeIntegrationTest
class MfaIT {

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    ShareTestSupport.MovableClock clock;
    TestHttp http;
    AccountFixtures fixtures;
    SecondFactorFixtures mfa;

    @BeforeEach
    void setUp() {
        http = new TestHttp(port);
        fixtures = new AccountFixtures(context, http);
        mfa = new SecondFactorFixtures(http, clock);
    }

    @Test
    void loginWhenAuthenticatorSetUpThen202SecondStepAndNoSessionCookies() {
        // ASVS 6.3.3: the password alone no longer signs in
        AccountFixtures.TestAccount account = fixtures.anAccount().create();
        mfa.enrol(fixtures.login(account));

        HttpResponse<String> response = http.postJson("/api/auth/login",
                TestHttp.map("email", account.email(), "password", account.password()));

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(TestHttp.json(response).get("status").asString()).isEqualTo("mfa_required");
        assertThat(SecondFactorFixtures.strings(TestHttp.json(response).get("methods")))
                .containsExactly("totp", "recovery_code");
        assertThat(TestHttp.json(response).get("mfaToken").asString()).hasSizeGreaterThanOrEqualTo(43);
        assertThat(AccountFixtures.setCookies(response)).isEmpty();
    }

    @Test
    void mfaWhenCodeComputedFromTheSecretThenSessionAndLoginSucceededWithTheMethod() {
        AccountFixtures.TestAccount account = fixtures.anAccount().create();
        SecondFactorFixtures.App app = mfa.enrol(fixtures.login(account));
        long lastId = Events.lastId(fixtures.jdbc());

        HttpResponse<String> response = mfa.code(mfa.passwordStep(account), app.codeAt(mfa.currentStep() + 1));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        AccountFixtures.Session session = AccountFixtures.Session.of(response);
        assertThat(session.access()).isNotBlank();
        assertThat(http.get("/api/account", session.cookieHeaders()).statusCode()).isEqualTo(200);
        assertThat(Events.detailsSince(fixtures.jdbc(), "login.succeeded", lastId))
                .singleElement().asString().contains("password+totp");
    }

    @Test
    void mfaWhenCodeUsedBeforeThen401AndNoSession() {
        // RFC 6238 §5.2: a code is good once; the enrolment's confirming code cannot sign in
        AccountFixtures.TestAccount account = fixtures.anAccount().create();
        SecondFactorFixtures.App app = mfa.enrol(fixtures.login(account));
        String confirmingCode = app.codeAt(mfa.currentStep());

        HttpResponse<String> replay = mfa.code(mfa.passwordStep(account), confirmingCode);

        assertThat(replay.statusCode()).isEqualTo(401);
        assertThat(TestHttp.json(replay).get("code").asString()).isEqualTo("auth.mfa_failed");
        assertThat(AccountFixtures.setCookies(replay)).isEmpty();
        assertThat(Events.count(fixtures.jdbc(), "mfa.failed", account.id())).isEqualTo(1);
    }

    @Test
    void mfaWhenSignedInWithACodeThenTheSameCodeRefusedOnTheNextSignIn() {
        AccountFixtures.TestAccount account = fixtures.anAccount().create();
        SecondFactorFixtures.App app = mfa.enrol(fixtures.login(account));
        String next = app.codeAt(mfa.currentStep() + 1);
        assertThat(mfa.code(mfa.passwordStep(account), next).statusCode()).isEqualTo(200);

        assertThat(mfa.code(mfa.passwordStep(account), next).statusCode()).isEqualTo(401);
    }

    @Test
    void mfaWhenCodeTwoStepsAwayThen401() {
        AccountFixtures.TestAccount account = fixtures.anAccount().create();
        SecondFactorFixtures.App app = mfa.enrol(fixtures.login(account));

        HttpResponse<String> response = mfa.code(mfa.passwordStep(account), app.codeAt(mfa.currentStep() + 2));

        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void mfaWhenTimeMovedOnThenTheCurrentCodeSignsIn() {
        AccountFixtures.TestAccount account = fixtures.anAccount().create();
        SecondFactorFixtures.App app = mfa.enrol(fixtures.login(account));
        clock.advance(Duration.ofSeconds(60));

        HttpResponse<String> response = mfa.code(mfa.passwordStep(account), app.codeAt(mfa.currentStep()));

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void mfaWhenRecoveryCodeThenSignedInOnceAndTheCodeRefusedTheSecondTime() {
        AccountFixtures.TestAccount account = fixtures.anAccount().create();
        SecondFactorFixtures.App app = mfa.enrol(fixtures.login(account));
        assertThat(app.recoveryCodes()).hasSize(10).doesNotHaveDuplicates();
        String recovery = app.recoveryCodes().get(3);

        HttpResponse<String> first = mfa.recoveryCode(mfa.passwordStep(account), recovery.toUpperCase());
        HttpResponse<String> second = mfa.recoveryCode(mfa.passwordStep(account), recovery);

        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(second.statusCode()).isEqualTo(401);
        assertThat(TestHttp.json(second).get("code").asString()).isEqualTo("auth.mfa_failed");
        assertThat(Events.count(fixtures.jdbc(), "mfa.recovery_used", account.id())).isEqualTo(1);
        assertThat(status(AccountFixtures.Session.of(first)).get("recoveryCodesLeft").asInt()).isEqualTo(9);
    }

    @Test
    void mfaWhenAnotherAccountsRecoveryCodeThen401() {
        AccountFixtures.TestAccount account = fixtures.anAccount().create();
        mfa.enrol(fixtures.login(account));
        SecondFactorFixtures.App other = mfa.enrol(fixtures.login(fixtures.anAccount().create()));

        HttpResponse<String> response = mfa.recoveryCode(mfa.passwordStep(account), other.recoveryCodes().get(0));

        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void mfaWhenFiveWrongCodesThenAccountLockedAndTheRightCodeRefused() {
        // ASVS 6.3.1: wrong second factors count toward the lockout like wrong passwords
        AccountFixtures.TestAccount account = fixtures.anAccount().create();
        SecondFactorFixtures.App app = mfa.enrol(fixtures.login(account));
        String token = mfa.passwordStep(account);
        String right = app.codeAt(mfa.currentStep() + 1);
        String wrong = right.equals("000000") ? "111111" : "000000";
        for (int i = 0; i < 4; i++) {
            assertThat(mfa.code(token, wrong).statusCode()).isEqualTo(401);
        }
        HttpResponse<String> fifth = mfa.code(token, wrong);
        assertThat(TestHttp.json(fifth).get("code").asString()).isEqualTo("auth.mfa_challenge_invalid");
        assertThat(Events.count(fixtures.jdbc(), "account.locked", account.id())).isEqualTo(1);

        HttpResponse<String> again = http.postJson("/api/auth/login",
                TestHttp.map("email", account.email(), "password", account.password()));

        assertThat(again.statusCode()).isEqualTo(401);
        assertThat(TestHttp.json(again).get("code").asString()).isEqualTo("auth.login_failed");
        assertThat(mfa.code(token, right).statusCode()).isEqualTo(401);
    }

    @Test
    void mfaWhenPasswordGivenAgainThenTheWrongCodeCountIsNotReset() {
        // ASVS 6.3.1: a right password does not restart the count of wrong codes
        AccountFixtures.TestAccount account = fixtures.anAccount().create();
        SecondFactorFixtures.App app = mfa.enrol(fixtures.login(account));
        String wrong = app.codeAt(mfa.currentStep()).equals("000000") ? "111111" : "000000";
        for (int i = 0; i < 5; i++) {
            assertThat(mfa.code(mfa.passwordStep(account), wrong).statusCode()).isEqualTo(401);
        }

        assertThat(Events.count(fixtures.jdbc(), "account.locked", account.id())).isEqualTo(1);
    }

    @Test
    void mfaWhenTokenUnknownThen401ChallengeInvalid() {
        HttpResponse<String> response = mfa.code("x".repeat(43), "123456");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(TestHttp.json(response).get("code").asString()).isEqualTo("auth.mfa_challenge_invalid");
    }

    @Test
    void mfaWhenChallengeOlderThanItsLifetimeThen401ChallengeInvalid() {
        AccountFixtures.TestAccount account = fixtures.anAccount().create();
        SecondFactorFixtures.App app = mfa.enrol(fixtures.login(account));
        String token = mfa.passwordStep(account);
        clock.advance(Duration.ofMinutes(6));

        HttpResponse<String> response = mfa.code(token, app.codeAt(mfa.currentStep()));

        assertThat(TestHttp.json(response).get("code").asString()).isEqualTo("auth.mfa_challenge_invalid");
    }

    @Test
    void mfaWhenChallengeUsedThenItCannotSignInAgain() {
        AccountFixtures.TestAccount account = fixtures.anAccount().create();
        SecondFactorFixtures.App app = mfa.enrol(fixtures.login(account));
        String token = mfa.passwordStep(account);
        assertThat(mfa.code(token, app.codeAt(mfa.currentStep() + 1)).statusCode()).isEqualTo(200);

        HttpResponse<String> again = mfa.recoveryCode(token, app.recoveryCodes().get(0));

        assertThat(TestHttp.json(again).get("code").asString()).isEqualTo("auth.mfa_challenge_invalid");
    }

    @Test
    void mfaWhenBothCodeAndRecoveryCodeThen400() {
        HttpResponse<String> response = http.postJson("/api/auth/mfa",
                TestHttp.map("mfaToken", "x".repeat(43), "code", "123456", "recoveryCode", "abcd"));

        assertThat(response.statusCode()).isEqualTo(400);
    }

    @Test
    void confirmWhenWrongCodeThen400AndNoFactor() {
        AccountFixtures.TestAccount account = fixtures.anAccount().create();
        AccountFixtures.Session session = fixtures.login(account);
        assertThat(http.postJson("/api/account/mfa/totp", "{}", session.cookieAndCsrfHeaders()).statusCode())
                .isEqualTo(200);

        HttpResponse<String> response = http.postJson("/api/account/mfa/totp/confirm", TestHttp.map("code", "12345x"),
                session.cookieAndCsrfHeaders());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(TestHttp.json(response).get("errors").get(0).get("code").asString())
                .isEqualTo("account.mfa_code_wrong");
        assertThat(status(session).get("totp").asBoolean()).isFalse();
        assertThat(fixtures.login(account).response().statusCode()).isEqualTo(200);
    }

    @Test
    void setUpWhenDoneThenEnrolledEventAndTheSecretIsStoredSealed() {
        AccountFixtures.TestAccount account = fixtures.anAccount().create();
        AccountFixtures.Session session = fixtures.login(account);
        HttpResponse<String> setup = http.postJson("/api/account/mfa/totp", "{}", session.cookieAndCsrfHeaders());
        String secret = TestHttp.json(setup).get("secret").asString();
        assertThat(TestHttp.json(setup).get("otpauthUri").asString())
                .startsWith("otpauth://totp/BAR:").contains("secret=" + secret).contains("period=30").contains("digits=6");
        http.postJson("/api/account/mfa/totp/confirm",
                TestHttp.map("code", Totp.code(SecondFactorFixtures.base32(secret), mfa.currentStep())),
                session.cookieAndCsrfHeaders());

        String stored = fixtures.jdbc().sql("select secret_sealed from account_totp where account_id = :id")
                .param("id", account.id()).query(String.class).single();
        assertThat(stored).doesNotContain(secret);
        assertThat(Events.count(fixtures.jdbc(), "mfa.enrolled", account.id())).isEqualTo(1);
        assertThat(status(session).get("totp").asBoolean()).isTrue();
        assertThat(fixtures.jdbc().sql("select count(*) from account_recovery_codes where account_id = :id")
                .param("id", account.id()).query(Long.class).single()).isEqualTo(10);
    }

    @Test
    void setUpWhenAlreadyEnrolledThen409() {
        AccountFixtures.TestAccount account = fixtures.anAccount().create();
        AccountFixtures.Session session = fixtures.login(account);
        mfa.enrol(session);

        HttpResponse<String> again = http.postJson("/api/account/mfa/totp", "{}", session.cookieAndCsrfHeaders());

        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(TestHttp.json(again).get("code").asString()).isEqualTo("account.mfa_already_enrolled");
    }

    @Test
    void disableWhenPasswordProvedLongerAgoThanTheWindowThen403AndStillEnrolled() {
        // ASVS 6.4.x / 7.5.1: removing a factor needs a fresh password
        AccountFixtures.TestAccount account = fixtures.anAccount().create();
        AccountFixtures.Session session = fixtures.login(account);
        mfa.enrol(session);
        clock.advance(Duration.ofSeconds(40));

        HttpResponse<String> response = http.method("DELETE", "/api/account/mfa/totp", session.cookieAndCsrfHeaders());

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(TestHttp.json(response).get("code").asString()).isEqualTo("auth.reauthentication_required");
        assertThat(status(session).get("totp").asBoolean()).isTrue();
    }

    @Test
    void disableWhenReauthenticatedThenPasswordAloneSignsInAgainAndRecoveryCodesGone() {
        AccountFixtures.TestAccount account = fixtures.anAccount().create();
        AccountFixtures.Session session = fixtures.login(account);
        mfa.enrol(session);

        HttpResponse<String> response = http.method("DELETE", "/api/account/mfa/totp", session.cookieAndCsrfHeaders());

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(Events.count(fixtures.jdbc(), "mfa.disabled", account.id())).isEqualTo(1);
        assertThat(status(session).get("recoveryCodesLeft").asInt()).isZero();
        assertThat(fixtures.login(account).response().statusCode()).isEqualTo(200);
    }

    @Test
    void renewRecoveryCodesWhenReauthenticatedThenTheOldOnesStopWorking() {
        AccountFixtures.TestAccount account = fixtures.anAccount().create();
        AccountFixtures.Session session = fixtures.login(account);
        SecondFactorFixtures.App app = mfa.enrol(session);

        HttpResponse<String> renewed = http.postJson("/api/account/mfa/recovery-codes", "{}",
                session.cookieAndCsrfHeaders());

        assertThat(renewed.statusCode()).isEqualTo(200);
        assertThat(SecondFactorFixtures.strings(TestHttp.json(renewed).get("recoveryCodes"))).hasSize(10)
                .doesNotContainAnyElementsOf(app.recoveryCodes());
        assertThat(mfa.recoveryCode(mfa.passwordStep(account), app.recoveryCodes().get(0)).statusCode()).isEqualTo(401);
    }

    @Test
    void adminResetWhenAdminThenFactorsGoneAuditedAndPasswordAloneSignsIn() {
        AccountFixtures.TestAccount account = fixtures.anAccount().create();
        mfa.enrol(fixtures.login(account));
        AccountFixtures.TestAccount admin = fixtures.anAccount().admin().create();
        AccountFixtures.Session adminSession = fixtures.login(admin);

        HttpResponse<String> response = http.method("DELETE", "/api/admin/users/" + account.id() + "/mfa",
                adminSession.cookieAndCsrfHeaders());

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(Events.count(fixtures.jdbc(), "mfa.reset", account.id())).isEqualTo(1);
        assertThat(Events.count(fixtures.jdbc(), "admin.action", admin.id())).isEqualTo(1);
        assertThat(fixtures.login(account).response().statusCode()).isEqualTo(200);
    }

    @Test
    void adminResetWhenNotAdminThen403AndFactorsKept() {
        // ASVS 8.2.1
        AccountFixtures.TestAccount account = fixtures.anAccount().create();
        mfa.enrol(fixtures.login(account));
        AccountFixtures.Session other = fixtures.login(fixtures.anAccount().create());

        HttpResponse<String> response = http.method("DELETE", "/api/admin/users/" + account.id() + "/mfa",
                other.cookieAndCsrfHeaders());

        assertThat(response.statusCode()).isEqualTo(403);
        mfa.passwordStep(account);
    }

    private tools.jackson.databind.JsonNode status(AccountFixtures.Session session) {
        HttpResponse<String> response = http.get("/api/account/mfa", session.cookieHeaders());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return TestHttp.json(response);
    }
}
