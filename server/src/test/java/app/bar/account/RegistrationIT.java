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
import tools.jackson.databind.JsonNode;

/** Sign-up and email verification over real HTTP (issue #3 item 1). */
@BarIntegrationTest
class RegistrationIT {

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
    void registerWhenPageLanguageGivenThenConfirmationMailInItAndKeptForTheAccountsMails() {
        // issue 17: the register page sends its language; the new account's mails use it
        Catalogues catalogues = context.getBean(Catalogues.class);
        String language = catalogues.languages().get(catalogues.languages().size() - 1);
        String email = AccountFixtures.uniqueEmail("lang");
        HttpResponse<String> response = http.postJson("/api/auth/register",
                TestHttp.map("email", email, "password", AccountFixtures.PASSWORD, "language", language));
        assertThat(response.statusCode()).isEqualTo(202);

        String subject = catalogues.text(language, "mail.verify.subject", Map.of("instance", "BAR"));
        assertThat(MailBox.await(email, subject).subject()).isEqualTo(subject);
        assertThat(fixtures.jdbc().sql("select language from accounts where email = :e").param("e", email)
                .query(String.class).single()).isEqualTo(language);
    }

    @Test
    void registerWhenLanguageNotOfferedThenEnglishMailAndNoneSaved() {
        String email = AccountFixtures.uniqueEmail("klingon");
        http.postJson("/api/auth/register", TestHttp.map("email", email, "password", AccountFixtures.PASSWORD, "language", "tlh"));

        MailBox.await(email, "Confirm your BAR account");
        assertThat(fixtures.jdbc().sql("select language from accounts where email = :e").param("e", email)
                .query(String.class).optional()).isEmpty();
    }

    @Test
    void registerWhenNewEmailThen202AndVerificationLinkActivatesAccount() {
        String email = AccountFixtures.uniqueEmail("new");
        HttpResponse<String> response = register(email, AccountFixtures.PASSWORD, "Ada");
        assertThat(response.statusCode()).isEqualTo(202);

        MailBox.Mail mail = MailBox.await(email, "Confirm your BAR account");
        assertThat(mail.text()).contains("https://bar.example.test/verify-email#token=");
        HttpResponse<String> verified = http.postJson("/api/auth/verify-email", TestHttp.map("token", mail.token()));

        assertThat(verified.statusCode()).isEqualTo(200);
        assertThat(TestHttp.json(verified).get("state").asString()).isEqualTo("ACTIVE");
        fixtures.login(email, AccountFixtures.PASSWORD, false);
    }

    @Test
    void registerWhenEmailKnownThenSameStatusAndBodyAndOwnerGetsNotice() {
        // ASVS 6.3.8: sign-up does not tell a registered address from a new one
        AccountFixtures.TestAccount known = fixtures.anAccount().create();
        HttpResponse<String> forKnown = register(known.email(), "Other quartz lantern 58 valley", null);
        HttpResponse<String> forNew = register(AccountFixtures.uniqueEmail("fresh"), "Other quartz lantern 58 valley", null);

        assertThat(forKnown.statusCode()).isEqualTo(202).isEqualTo(forNew.statusCode());
        assertThat(forKnown.body()).isEqualTo(forNew.body());
        assertThat(MailBox.await(known.email(), "Someone tried to sign up").text()).doesNotContain("#token=");
    }

    @Test
    void registerWhenPasswordCommonThen400NamingPassword() {
        // ASVS 6.2.4/6.2.12: common and guessable passwords are refused
        HttpResponse<String> response = register(AccountFixtures.uniqueEmail("weak"), "password1234", null);
        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode body = TestHttp.json(response);
        assertThat(body.get("errors").get(0).get("field").asString()).isEqualTo("password");
        assertThat(body.get("errors").get(0).get("code").asString()).isEqualTo("account.password_weak");
        assertThat(response.body()).doesNotContain("password1234");
    }

    @Test
    void registerWhenPasswordShorterThan12Then400() {
        // ASVS 6.2.1
        HttpResponse<String> response = register(AccountFixtures.uniqueEmail("short"), "Xq7#zP9!kL2", null);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(TestHttp.json(response).get("errors").get(0).get("message").asString()).contains("12");
    }

    @Test
    void registerWhenPasswordIsTheEmailThen400() {
        // ASVS 6.2.12: the user's own details are guessable
        String email = AccountFixtures.uniqueEmail("maximilian.sternberg");
        HttpResponse<String> response = register(email, email, null);
        assertThat(response.statusCode()).isEqualTo(400);
    }

    @Test
    void registerWhenRoleAndStateFieldsSentThenRefusedNamingThemAndNothingRegistered() {
        // ASVS 15.3.3: no mass assignment; issue #10 item 4: an unknown field is a 400 naming it
        String email = AccountFixtures.uniqueEmail("mass");
        HttpResponse<String> response = http.postJson("/api/auth/register", TestHttp.map("email", email,
                "password", AccountFixtures.PASSWORD, "role", "ADMIN", "state", "ACTIVE", "id", "chosen-id"));
        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode problem = TestHttp.json(response);
        assertThat(problem.get("code").asString()).isEqualTo("request.unknown_field");
        assertThat(problem.get("errors").get(0).get("field").asString()).isIn("role", "state", "id");

        assertThat(register(email, AccountFixtures.PASSWORD, null).statusCode()).isEqualTo(202);
        http.postJson("/api/auth/verify-email", TestHttp.map("token", MailBox.await(email, "Confirm").token()));
        assertThat(MailBox.received(email, "Confirm")).hasSize(1); // the refused request mailed nothing
        AccountFixtures.Session session = fixtures.login(email, AccountFixtures.PASSWORD, false);
        JsonNode account = TestHttp.json(http.get("/api/account", session.cookieHeaders()));
        assertThat(account.get("role").asString()).isEqualTo("USER");
        assertThat(account.get("id").asString()).isNotEqualTo("chosen-id");
        assertThat(http.get("/api/admin/users", session.cookieHeaders()).statusCode()).isEqualTo(403);
    }

    @Test
    void verifyWhenLinkUsedTwiceThen400() {
        String email = AccountFixtures.uniqueEmail("twice");
        register(email, AccountFixtures.PASSWORD, null);
        String token = MailBox.await(email, "Confirm").token();
        assertThat(http.postJson("/api/auth/verify-email", TestHttp.map("token", token)).statusCode()).isEqualTo(200);

        HttpResponse<String> again = http.postJson("/api/auth/verify-email", TestHttp.map("token", token));
        assertThat(again.statusCode()).isEqualTo(400);
    }

    @Test
    void loginWhenUnverifiedAndRightPasswordThen403SayingSo() {
        // ASVS 6.3.8: the pending state is revealed only after the right password
        AccountFixtures.TestAccount pending = fixtures.anAccount().inState(AccountState.PENDING_VERIFICATION).create();
        HttpResponse<String> right = http.postJson("/api/auth/login",
                TestHttp.map("email", pending.email(), "password", pending.password()));
        HttpResponse<String> wrong = http.postJson("/api/auth/login",
                TestHttp.map("email", pending.email(), "password", "Not the password 77 at all"));

        assertThat(right.statusCode()).isEqualTo(403);
        assertThat(TestHttp.json(right).get("detail").asString()).contains("Confirm your email");
        assertThat(wrong.statusCode()).isEqualTo(401);
    }

    private HttpResponse<String> register(String email, String password, String displayName) {
        return http.postJson("/api/auth/register", displayName == null
                ? TestHttp.map("email", email, "password", password)
                : TestHttp.map("email", email, "password", password, "displayName", displayName));
    }
}
