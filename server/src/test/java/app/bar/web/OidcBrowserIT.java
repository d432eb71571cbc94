package app.bar.web;

import static app.bar.support.TestTools.Tool.CHROMIUM;
import static org.assertj.core.api.Assertions.assertThat;

import app.bar.account.AccountFixtures;
import app.bar.account.SecondFactorFixtures;
import app.bar.platform.web.PublicUrl;
import app.bar.support.BarIntegrationTest;
import app.bar.support.EmbeddedRunOnly;
import app.bar.support.RequiresTool;
import app.bar.support.TestHttp;
import bartest.oidc.TestProvider;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.Cookie;
import com.microsoft.playwright.options.RequestOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Single sign-on (issue 16 items 1, 2, 5, 6) in a real Chromium against a real OpenID Connect
 * provider ({@link TestProvider}: Spring Authorization Server on another port, reached as
 * {@code localhost} while BAR is {@code 127.0.0.1}, so the provider's answer is a cross-site
 * navigation). The provider {@code corp} allows addresses of {@code corp.test} in the group
 * {@code staff}, and makes members of {@code bar-admins} admins. Passwords are switched off
 * ({@code bar.accounts.local-login-enabled=false}) for this whole context.
 */
@RequiresTool(CHROMIUM)
@EmbeddedRunOnly
@BarIntegrationTest
class OidcBrowserIT {

    private static final int PORT = freePort();
    private static final String BASE = "http://127.0.0.1:" + PORT;
    private static TestProvider provider;
    @RegisterExtension
    static final BrowserSessions chromium = BrowserSessions.onLocalServer();

    @Autowired
    ApplicationContext context;

    private AccountFixtures fixtures;

    @DynamicPropertySource
    static void singleSignOn(DynamicPropertyRegistry registry) {
        provider = TestProvider.start(BASE + "/login/oauth2/code/corp");
        registry.add("server.port", () -> PORT);
        registry.add("bar.public-url", () -> BASE);
        registry.add("bar.oidc.providers.corp.issuer-uri", provider::issuer);
        registry.add("bar.oidc.providers.corp.client-id", () -> TestProvider.CLIENT_ID);
        registry.add("bar.oidc.providers.corp.client-secret", () -> TestProvider.CLIENT_SECRET);
        registry.add("bar.oidc.providers.corp.display-name", () -> "Corp SSO");
        registry.add("bar.oidc.providers.corp.allowed-email-domains", () -> "corp.test");
        registry.add("bar.oidc.providers.corp.allowed-groups", () -> "staff");
        registry.add("bar.oidc.providers.corp.admin-groups", () -> "bar-admins");
        registry.add("bar.accounts.local-login-enabled", () -> "false");
    }

    @AfterAll
    static void stopProvider() {
        provider.close();
    }

    @BeforeEach
    void setUp() {
        fixtures = new AccountFixtures(context, new TestHttp(PORT));
        assertThat(context.getBean(PublicUrl.class).base()).as("redirect URIs from the public URL").isEqualTo(BASE);
    }

    private static String newUser(String domain, boolean verified, String... groups) {
        String name = "u" + UUID.randomUUID().toString().substring(0, 8);
        provider.addUser(name, name + "@" + domain, verified, List.of(groups));
        return name;
    }

    /** From BAR's sign-in page through the provider's login form; returns the page wherever BAR sent it. */
    private static Page ssoSignIn(Chromium.Session session, String username) {
        Page page = session.open("/login");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Sign in with Corp SSO")).click();
        page.waitForURL("http://localhost:*/login");
        page.fill("#username", username);
        page.fill("#password", TestProvider.PASSWORD);
        page.click("button[type=submit]");
        page.waitForURL(url -> url.startsWith(BASE + "/dashboard") || url.startsWith(BASE + "/login?"));
        return page;
    }

    /** A same-origin call from the page (Playwright's own request client sends no {@code Secure} cookie over http). */
    private static String call(Page page, String method, String path, String json) {
        return (String) page.evaluate("async ([method, path, body]) => { const r = await fetch(path, {method, headers: "
                + "body ? {'Content-Type': 'application/json'} : {}, body: body || undefined}); return r.status + ' ' + await r.text(); }",
                Arrays.asList(method, path, json));
    }

    private static JsonNode account(Page page) {
        String answer = call(page, "GET", "/api/account", null);
        assertThat(answer).startsWith("200 ");
        return TestHttp.JSON.readTree(answer.substring(4));
    }

    private long events(String type, String detailPart) {
        return fixtures.jdbc().sql("select count(*) from security_events where type = :type and detail like :part")
                .param("type", type).param("part", "%" + detailPart + "%").query(Long.class).single();
    }

    @Test
    void ssoSignInWhenNewAllowedUserThenAccountCreatedAndSignedInWithBarSession() {
        String user = newUser("corp.test", true, "staff");
        Chromium.Session browser = chromium.person();

        Page page = ssoSignIn(browser, user);

        assertThat(page.url()).isEqualTo(BASE + "/dashboard");
        page.locator("#account-line").waitFor();
        page.waitForFunction("(t) => document.querySelector('#account-line').textContent.includes(t)", user + "@corp.test");
        assertThat(page.textContent("#account-line")).contains(user + "@corp.test");
        JsonNode account = account(page);
        assertThat(account.get("email").asString()).isEqualTo(user + "@corp.test");
        assertThat(account.get("role").asString()).isEqualTo("USER");
        assertThat(fixtures.jdbc().sql("select detail from security_events where type = 'login.succeeded' and actor_id = :id")
                .param("id", account.get("id").asString()).query(String.class).list())
                .singleElement().satisfies(d -> assertThat(d).contains("\"method\":\"oidc\"").contains("\"provider\":\"corp\""));
        List<String> barCookies = barCookies(browser).sorted().toList();
        assertThat(barCookies).as("BAR's own session, no HTTP session, the request cookie cleared")
                .containsExactly("bar_access", "bar_csrf", "bar_refresh");
        assertThat(browser.requests()).as("authorization code with PKCE and a nonce")
                .anySatisfy(r -> assertThat(r.url()).contains("/oauth2/authorize?").contains("code_challenge=")
                        .contains("code_challenge_method=S256").contains("nonce=").contains("state="));
        browser.assertNoConsoleProblems(Chromium.Expected.status(404, "/api/account/webhook"),
                Chromium.Expected.status(405, "/api/account/webhook"));
    }

    @Test
    void ssoSignInWhenEmailDomainNotAllowedThenClearPageAndEventAndNoAccount() {
        String user = newUser("elsewhere.test", true, "staff");
        long before = events("oidc.refused", "\"rule\":\"email_domain\"");

        Page page = ssoSignIn(chromium.person(), user);

        assertThat(page.url()).startsWith(BASE + "/login?sso=email_domain");
        page.locator("#sso-notice:not(:empty)").waitFor(); // written once the page's texts have loaded
        assertThat(page.locator("#sso-notice").textContent()).contains("addresses of your domain may not use this BAR");
        assertThat(events("oidc.refused", "\"rule\":\"email_domain\"")).isEqualTo(before + 1);
        assertThat(fixtures.jdbc().sql("select count(*) from accounts where email = :e").param("e", user + "@elsewhere.test")
                .query(Long.class).single()).isZero();
    }

    @Test
    void ssoSignInWhenNotInAnAllowedGroupThenClearPageAndEventAndNoAccount() {
        String user = newUser("corp.test", true, "contractors");
        long before = events("oidc.refused", "\"rule\":\"group\"");

        Page page = ssoSignIn(chromium.person(), user);

        assertThat(page.url()).startsWith(BASE + "/login?sso=group");
        page.locator("#sso-notice:not(:empty)").waitFor(); // written once the page's texts have loaded
        assertThat(page.locator("#sso-notice").textContent()).contains("not in a group that may use this BAR");
        assertThat(events("oidc.refused", "\"rule\":\"group\"")).isEqualTo(before + 1);
        assertThat(fixtures.jdbc().sql("select count(*) from accounts where email = :e").param("e", user + "@corp.test")
                .query(Long.class).single()).isZero();
    }

    @Test
    void ssoSignInWhenInAdminGroupThenAdminAndRoleFollowsTheGroupAtTheNextSignIn() {
        String user = newUser("corp.test", true, "staff", "bar-admins");
        Page first = ssoSignIn(chromium.person(), user);
        assertThat(account(first).get("role").asString()).isEqualTo("ADMIN");
        assertThat(call(first, "GET", "/api/admin/status", null)).startsWith("200 ");

        provider.addUser(user, user + "@corp.test", true, List.of("staff")); // left the admin group
        Page second = ssoSignIn(chromium.person(), user);

        assertThat(account(second).get("role").asString()).isEqualTo("USER");
        assertThat(call(second, "GET", "/api/admin/status", null)).startsWith("403 ");
    }

    @Test
    void localLoginWhenSwitchedOffThenFormHiddenAndPasswordAndPasskeyApiRefused() {
        Chromium.Session browser = chromium.person();
        Page page = browser.open("/login");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Sign in with Corp SSO")).waitFor();

        assertThat(page.locator("#login-form").isVisible()).isFalse();
        assertThat(page.locator("#email").isVisible()).isFalse();
        AccountFixtures.TestAccount local = fixtures.anAccount().create();
        APIResponse refused = browser.context.request().post(BASE + "/api/auth/login", RequestOptions.create()
                .setHeader("Content-Type", "application/json")
                .setData(Map.of("email", local.email(), "password", local.password())));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(TestHttp.JSON.readTree(refused.text()).get("code").asString()).isEqualTo("auth.local_login_disabled");
        assertThat(refused.headersArray()).noneMatch(h -> h.name.equalsIgnoreCase("Set-Cookie"));
        // a passkey signs no one in either: no button, and the API refuses before any ceremony starts
        assertThat(page.locator("#passkey-button").isVisible()).isFalse();
        APIResponse passkey = browser.context.request().post(BASE + "/api/auth/passkey/options", RequestOptions.create()
                .setHeader("Content-Type", "application/json").setData(Map.of()));
        assertThat(passkey.status()).isEqualTo(403);
        assertThat(TestHttp.JSON.readTree(passkey.text()).get("code").asString()).isEqualTo("auth.local_login_disabled");
    }

    @Test
    void callbackWhenStateTamperedThenRefusedWithEventAndNoSession() {
        String user = newUser("corp.test", true, "staff");
        Chromium.Session browser = chromium.person();
        // Redirects are not routed by Playwright: the provider's login form post is, so the test
        // follows the provider's redirects itself and hands the browser a callback with another state.
        browser.context.route("http://localhost:*/login", route -> {
            if (!route.request().method().equals("POST")) {
                route.resume();
                return;
            }
            APIResponse signedIn = route.fetch(new Route.FetchOptions().setMaxRedirects(0));
            APIResponse authorized = browser.context.request().get(signedIn.headers().get("location"),
                    RequestOptions.create().setMaxRedirects(0));
            String callback = authorized.headers().get("location");
            assertThat(callback).startsWith(BASE + "/login/oauth2/code/corp?code=");
            route.fulfill(new Route.FulfillOptions().setStatus(302)
                    .setHeaders(Map.of("Location", callback.replaceFirst("state=", "state=x"))));
        });
        long before = events("oidc.refused", "\"rule\":\"state\"");

        Page page = ssoSignIn(browser, user);

        assertThat(page.url()).startsWith(BASE + "/login?sso=state");
        page.locator("#sso-notice:not(:empty)").waitFor(); // written once the page's texts have loaded
        assertThat(page.locator("#sso-notice").textContent()).contains("could not be checked");
        assertThat(events("oidc.refused", "\"rule\":\"state\"")).isEqualTo(before + 1);
        assertThat(barCookies(browser).toList()).doesNotContain("bar_access", "bar_refresh");
    }

    /** Issue 16 item 2: no silent takeover of an existing account by an email claim (ASVS 6.8.x). */
    @Test
    void existingAccountWhenProviderDoesNotVerifyTheAddressThenNotLinkedAndNoSession() {
        String user = newUser("corp.test", false, "staff");
        AccountFixtures.TestAccount local = fixtures.anAccount().withEmail(user + "@corp.test").create();
        Chromium.Session browser = chromium.person();

        Page page = ssoSignIn(browser, user);

        assertThat(page.url()).startsWith(BASE + "/login?sso=email_unverified");
        assertThat(linksOf(local.id())).isZero();
        assertThat(barCookies(browser).toList()).doesNotContain("bar_access", "bar_oidc_link");
        assertThat(call(page, "POST", "/api/auth/oidc/link", "{\"password\":\"" + local.password() + "\"}"))
                .startsWith("400 ").contains("auth.oidc_link_invalid");
        assertThat(linksOf(local.id())).isZero();
    }

    @Test
    void existingAccountWhenAddressVerifiedThenLinkedOnlyWithItsPassword() {
        String user = newUser("corp.test", true, "staff");
        AccountFixtures.TestAccount local = fixtures.anAccount().withEmail(user + "@corp.test").create();
        Chromium.Session browser = chromium.person();

        Page page = ssoSignIn(browser, user);
        assertThat(page.url()).startsWith(BASE + "/login?sso=link");
        assertThat(barCookies(browser).toList()).doesNotContain("bar_access");
        assertThat(linksOf(local.id())).as("nothing linked before the password").isZero();

        assertThat(call(page, "POST", "/api/auth/oidc/link", "{\"password\":\"not the password at all\"}"))
                .startsWith("400 ").contains("account.password_wrong");
        assertThat(linksOf(local.id())).isZero();

        page.fill("#link-password", local.password());
        page.click("#link-button");
        page.waitForURL(BASE + "/dashboard");
        assertThat(account(page).get("id").asString()).isEqualTo(local.id());
        assertThat(linksOf(local.id())).isEqualTo(1);
        assertThat(events("oidc.linked", "\"provider\":\"corp\"")).isPositive();

        Page later = ssoSignIn(chromium.person(), user);
        assertThat(later.url()).as("linked: straight in").isEqualTo(BASE + "/dashboard");
        assertThat(account(later).get("id").asString()).isEqualTo(local.id());
    }

    /**
     * An account with an authenticator app: its password alone does not link it (the second factor
     * is part of proving the local account), and a wrong code counts like a wrong password.
     */
    @Test
    void existingAccountWithSecondFactorWhenLinkingThenItsCodeIsNeededToo() {
        String user = newUser("corp.test", true, "staff");
        AccountFixtures.TestAccount local = fixtures.anAccount().withEmail(user + "@corp.test").create();
        String secret = SecondFactorFixtures.enrolDirectly(context, local.id());
        java.time.Clock clock = context.getBean(java.time.Clock.class);
        Chromium.Session browser = chromium.person();

        Page page = ssoSignIn(browser, user);
        assertThat(page.url()).startsWith(BASE + "/login?sso=link");
        page.fill("#link-password", local.password());
        page.click("#link-button");
        page.locator("#link-code").waitFor();
        page.locator("#link-notice:not(:empty)").waitFor(); // written once the page's texts have loaded
        assertThat(page.locator("#link-notice").textContent()).contains("second factor");
        assertThat(linksOf(local.id())).as("the password alone links nothing").isZero();
        assertThat(barCookies(browser).toList()).doesNotContain("bar_access");

        long failuresBefore = events("mfa.failed", "\"reason\":\"totp\"");
        String wrong = SecondFactorFixtures.code(secret, clock.instant(), 5);
        assertThat(call(page, "POST", "/api/auth/oidc/link",
                "{\"password\":\"" + local.password() + "\",\"code\":\"" + wrong + "\"}"))
                .startsWith("400 ").contains("account.mfa_code_wrong");
        assertThat(events("mfa.failed", "\"reason\":\"totp\"")).isEqualTo(failuresBefore + 1);
        assertThat(fixtures.jdbc().sql("select failed_logins from accounts where id = :id").param("id", local.id())
                .query(Integer.class).single()).as("the right password before it did not reset the count").isEqualTo(1);
        assertThat(linksOf(local.id())).isZero();

        page.fill("#link-code", SecondFactorFixtures.code(secret, clock.instant(), 1));
        page.click("#link-button");
        page.waitForURL(BASE + "/dashboard");
        assertThat(account(page).get("id").asString()).isEqualTo(local.id());
        assertThat(linksOf(local.id())).isEqualTo(1);
    }

    /** RP-initiated logout: signing out of BAR goes through the provider's end_session_endpoint and ends its session too. */
    @Test
    void signOutWhenSignedInThroughProviderThenProviderSessionEndsToo() {
        String user = newUser("corp.test", true, "staff");
        Chromium.Session browser = chromium.person();
        Page page = ssoSignIn(browser, user);
        assertThat(page.url()).isEqualTo(BASE + "/dashboard");
        String accountId = account(page).get("id").asString();
        assertThat(oidcSessionsOf(accountId)).as("the ID token kept for the logout").isEqualTo(1);

        page.locator("[data-action=sign-out]").first().click();
        page.waitForURL(BASE + "/login");

        assertThat(browser.requests()).as("the provider's logout with the hint and the way back")
                .anySatisfy(r -> assertThat(r.url()).contains("/connect/logout?").contains("id_token_hint=")
                        .contains("client_id=" + TestProvider.CLIENT_ID).contains("post_logout_redirect_uri="));
        assertThat(barCookies(browser).toList()).doesNotContain("bar_access", "bar_refresh");
        assertThat(oidcSessionsOf(accountId)).as("the ID token forgotten").isZero();
        Page again = browser.open("/login");
        again.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Sign in with Corp SSO")).click();
        again.waitForURL(url -> url.startsWith("http://localhost:") || url.startsWith(BASE + "/dashboard"));
        assertThat(again.url()).as("the provider asks for the password again: its session ended").startsWith("http://localhost:")
                .endsWith("/login");
    }

    private long oidcSessionsOf(String accountId) {
        return fixtures.jdbc().sql("select count(*) from oidc_sessions o join sessions s on s.id = o.session_id"
                + " where s.account_id = :id").param("id", accountId).query(Long.class).single();
    }

    /** The names of the cookies BAR's host holds in this browser (all of them: they are {@code Secure}). */
    private static java.util.stream.Stream<String> barCookies(Chromium.Session session) {
        return session.context.cookies().stream().filter(c -> c.domain.equals("127.0.0.1")).map(c -> c.name);
    }

    private long linksOf(String accountId) {
        return fixtures.jdbc().sql("select count(*) from account_identities where account_id = :id").param("id", accountId)
                .query(Long.class).single();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
