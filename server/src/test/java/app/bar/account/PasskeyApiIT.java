package app.bar.account;

import static org.assertj.core.api.Assertions.assertThat;

import app.bar.platform.SqlTime;
import app.bar.support.BarIntegrationTest;
import app.bar.support.TestHttp;
import java.net.http.HttpResponse;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * The passkey API's refusals over real HTTP (issue 16 item 4); the ceremonies themselves run in
 * Chromium with a virtual authenticator ({@code PasskeyBrowserIT}).
 */
@BarIntegrationTest
class PasskeyApiIT {

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
    void registrationOptionsWhenSignedInThenAChallengeForThisRelyingPartyAndUserVerificationRequired() {
        AccountFixtures.Session session = fixtures.login(fixtures.anAccount().create());

        HttpResponse<String> response = http.postJson("/api/account/passkeys/options", "{}",
                session.cookieAndCsrfHeaders());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        var options = TestHttp.json(response).get("options");
        assertThat(options.get("rp").get("id").asString()).isEqualTo("bar.example.test"); // the tests' BAR_PUBLIC_URL
        assertThat(options.get("challenge").asString()).hasSizeGreaterThanOrEqualTo(43);
        assertThat(options.get("authenticatorSelection").get("userVerification").asString()).isEqualTo("required");
        assertThat(TestHttp.json(response).get("ceremonyToken").asString()).hasSizeGreaterThanOrEqualTo(43);
    }

    @Test
    void registerWhenCredentialIsNoWebAuthnAnswerThen400AndNoPasskey() {
        AccountFixtures.TestAccount account = fixtures.anAccount().create();
        AccountFixtures.Session session = fixtures.login(account);
        String token = TestHttp.json(http.postJson("/api/account/passkeys/options", "{}",
                session.cookieAndCsrfHeaders())).get("ceremonyToken").asString();

        HttpResponse<String> response = http.postJson("/api/account/passkeys", TestHttp.map("ceremonyToken", token,
                "label", "forged", "credential", TestHttp.map("id", "AAAA", "rawId", "AAAA", "type", "public-key",
                        "response", TestHttp.map("attestationObject", "AAAA", "clientDataJSON", "AAAA"))),
                session.cookieAndCsrfHeaders());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(passkeys(account)).isZero();
    }

    @Test
    void registerWhenCeremonyTokenOfAnotherAccountThen401() {
        AccountFixtures.Session other = fixtures.login(fixtures.anAccount().create());
        String token = TestHttp.json(http.postJson("/api/account/passkeys/options", "{}",
                other.cookieAndCsrfHeaders())).get("ceremonyToken").asString();
        AccountFixtures.Session session = fixtures.login(fixtures.anAccount().create());

        HttpResponse<String> response = http.postJson("/api/account/passkeys", TestHttp.map("ceremonyToken", token,
                "credential", TestHttp.map("id", "AAAA")), session.cookieAndCsrfHeaders());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(TestHttp.json(response).get("code").asString()).isEqualTo("auth.passkey_ceremony_invalid");
    }

    @Test
    void signInWhenCeremonyTokenUnknownThen401AndNoCookies() {
        HttpResponse<String> response = http.postJson("/api/auth/passkey", TestHttp.map("ceremonyToken", "x".repeat(43),
                "credential", TestHttp.map("id", "AAAA")));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(TestHttp.json(response).get("code").asString()).isEqualTo("auth.passkey_ceremony_invalid");
        assertThat(AccountFixtures.setCookies(response)).isEmpty();
    }

    @Test
    void signInOptionsWhenMfaTokenUnknownThen401() {
        HttpResponse<String> response = http.postJson("/api/auth/passkey/options", TestHttp.map("mfaToken", "x".repeat(43)));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(TestHttp.json(response).get("code").asString()).isEqualTo("auth.mfa_challenge_invalid");
    }

    @Test
    void removeWhenAnotherAccountsPasskeyThen404AndItStays() {
        // ASVS 8.2.2
        AccountFixtures.TestAccount owner = fixtures.anAccount().create();
        String credentialId = storedPasskey(owner);
        AccountFixtures.Session other = fixtures.login(fixtures.anAccount().create());

        HttpResponse<String> response = http.method("DELETE", "/api/account/passkeys/" + credentialId,
                other.cookieAndCsrfHeaders());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(passkeys(owner)).isEqualTo(1);
    }

    @Test
    void loginWhenAccountHasAPasskeyThen202WithPasskeyAmongTheMethods() {
        AccountFixtures.TestAccount account = fixtures.anAccount().create();
        storedPasskey(account);

        HttpResponse<String> response = http.postJson("/api/auth/login",
                TestHttp.map("email", account.email(), "password", account.password()));

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(SecondFactorFixtures.strings(TestHttp.json(response).get("methods"))).containsExactly("passkey");
    }

    /** A passkey row straight into the database (the real ceremony is the browser test's). */
    private String storedPasskey(AccountFixtures.TestAccount account) {
        String credentialId = app.bar.platform.secrets.OpaqueTokens.newId();
        fixtures.jdbc().sql("insert into passkey_users (account_id, user_handle) values (:id, :handle)")
                .param("id", account.id()).param("handle", app.bar.platform.secrets.OpaqueTokens.newSecret()).update();
        fixtures.jdbc().sql("""
                insert into passkeys (credential_id, account_id, label, public_key, signature_count, uv_initialized,
                    backup_eligible, backup_state, transports, credential_type, created_at, last_used_at)
                values (:id, :account, 'key', 'AAAA', 0, true, false, false, 'internal', 'public-key', :now, :now)""")
                .param("id", credentialId).param("account", account.id()).param("now", SqlTime.of(Instant.now()))
                .update();
        return credentialId;
    }

    private long passkeys(AccountFixtures.TestAccount account) {
        return fixtures.jdbc().sql("select count(*) from passkeys where account_id = :id").param("id", account.id())
                .query(Long.class).single();
    }
}
