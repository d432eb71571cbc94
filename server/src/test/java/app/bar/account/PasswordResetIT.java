package app.bar.account;

import static org.assertj.core.api.Assertions.assertThat;

import app.bar.support.BarIntegrationTest;
import app.bar.support.TestHttp;
import app.bar.web.i18n.Catalogues;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/** Forgot and reset password (issue #3 item 9; SECURITY.md "Forgot password"). */
@BarIntegrationTest
class PasswordResetIT {

    private static final String NEW_PASSWORD = "Walnut ferry 28 copper lagoon";

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
    void forgotWhenKnownOrUnknownThenSame202Body() {
        // ASVS 6.3.8
        AccountFixtures.TestAccount account = fixtures.anAccount().create();
        HttpResponse<String> known = forgot(account.email());
        HttpResponse<String> unknown = forgot(AccountFixtures.uniqueEmail("nobody"));
        HttpResponse<String> malformed = forgot("not an address");

        assertThat(known.statusCode()).isEqualTo(202).isEqualTo(unknown.statusCode()).isEqualTo(malformed.statusCode());
        assertThat(known.body()).isEqualTo(unknown.body()).isEqualTo(malformed.body());
    }

    @Test
    void forgotWhenHostHeadersForgedThenLinkStillBuiltFromPublicUrl() {
        // password reset poisoning: the link never comes from Host or X-Forwarded-Host
        AccountFixtures.TestAccount account = fixtures.anAccount().create();
        http.postJson("/api/auth/forgot-password", TestHttp.map("email", account.email()),
                "X-Forwarded-Host", "evil.example", "Forwarded", "host=evil.example");

        MailBox.Mail mail = MailBox.await(account.email(), "Reset your BAR password");
        assertThat(mail.text()).contains("https://bar.example.test/reset#token=").doesNotContain("evil.example");
        assertThat(mail.html()).doesNotContain("evil.example");
    }

    @Test
    void forgotWhenAccountPrefersGermanThenMailInGermanOnceGermanIsOfferedElseEnglish() {
        // issue 17: account mails use the account's saved language; one not (yet) offered falls back to English
        AccountFixtures.TestAccount account = fixtures.anAccount().withLanguage("de").create();
        Catalogues catalogues = context.getBean(Catalogues.class);
        String lang = catalogues.languages().contains("de") ? "de" : "en";
        String subject = catalogues.text(lang, "mail.reset.subject", Map.of("instance", "BAR"));

        forgot(account.email());

        MailBox.Mail mail = MailBox.await(account.email(), subject);
        assertThat(mail.subject()).isEqualTo(subject);
        assertThat(mail.text()).contains(catalogues.text(lang, "mail.reset.note"), "/reset#token=");
    }

    @Test
    void resetWhenLinkUsedThenEverySessionEndsAndLinkIsSingleUse() {
        AccountFixtures.TestAccount account = fixtures.anAccount().create();
        AccountFixtures.Session before = fixtures.login(account);
        forgot(account.email());
        String token = MailBox.await(account.email(), "Reset").token();

        HttpResponse<String> reset = reset(token, NEW_PASSWORD);

        assertThat(reset.statusCode()).isEqualTo(204);
        assertThat(reset.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(http.get("/api/account", before.bearer()).statusCode()).isEqualTo(401);
        assertThat(reset(token, "Another walnut 77 ferry lagoon").statusCode()).isEqualTo(400);
        fixtures.login(account.email(), NEW_PASSWORD, false);
        assertThat(Events.count(fixtures.jdbc(), "account.password_reset", account.id())).isEqualTo(1);
    }

    @Test
    void resetWhenNewPasswordWeakThen400AndLinkStillUsable() {
        AccountFixtures.TestAccount account = fixtures.anAccount().create();
        forgot(account.email());
        String token = MailBox.await(account.email(), "Reset").token();

        assertThat(reset(token, "123456789012").statusCode()).isEqualTo(400);
        assertThat(reset(token, NEW_PASSWORD).statusCode()).isEqualTo(204);
    }

    @Test
    void resetWhenTokenUnknownThen400() {
        assertThat(reset("A".repeat(43), NEW_PASSWORD).statusCode()).isEqualTo(400);
    }

    @Test
    void resetPageWhenServedThenReferrerPolicyNoReferrer() {
        assertThat(http.get("/reset").headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
    }

    private HttpResponse<String> forgot(String email) {
        return http.postJson("/api/auth/forgot-password", TestHttp.map("email", email));
    }

    private HttpResponse<String> reset(String token, String password) {
        return http.postJson("/api/auth/reset-password", TestHttp.map("token", token, "newPassword", password));
    }
}
