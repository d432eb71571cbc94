package app.bar.account;

import static org.assertj.core.api.Assertions.assertThat;

import app.bar.platform.secrets.OpaqueTokens;
import app.bar.platform.secrets.Password;
import app.bar.security.Role;
import app.bar.support.TestHttp;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Accounts for tests, straight into the database (no mail round trip), and sign-ins over real
 * HTTP. Every account gets a unique address, since all test contexts share one database.
 */
public final class AccountFixtures {

    public static final String PASSWORD = "Plover quartz lantern 47 meadow";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ApplicationContext context;
    private final TestHttp http;

    public AccountFixtures(ApplicationContext context, TestHttp http) {
        this.context = context;
        this.http = http;
    }

    public static String uniqueEmail(String prefix) {
        byte[] b = new byte[5];
        RANDOM.nextBytes(b);
        return prefix + "-" + HexFormat.of().formatHex(b) + "@example.test";
    }

    public Builder anAccount() {
        return new Builder();
    }

    /** Signs in over HTTP and returns the session's cookies. */
    public Session login(TestAccount account) {
        return login(account.email(), account.password(), false);
    }

    public Session login(String email, String password, boolean rememberMe) {
        HttpResponse<String> response = http.postJson("/api/auth/login",
                TestHttp.map("email", email, "password", password, "rememberMe", rememberMe));
        assertThat(response.statusCode()).as("login of %s: %s", email, response.body()).isEqualTo(200);
        return Session.of(response);
    }

    public JdbcClient jdbc() {
        return context.getBean(JdbcClient.class);
    }

    /** An account in the database. */
    public record TestAccount(String id, String email, String password) {
    }

    /** The three cookies of a signed-in browser. */
    public record Session(String access, String refresh, String csrf, HttpResponse<String> response) {

        public static Session of(HttpResponse<String> response) {
            Map<String, String> cookies = cookies(response);
            return new Session(cookies.get("bar_access"), cookies.get("bar_refresh"), cookies.get("bar_csrf"), response);
        }

        /** The Cookie header a browser sends to /api/** (not /api/auth, where the refresh cookie goes too). */
        public String[] cookieHeaders() {
            return new String[] {"Cookie", "bar_access=" + access + "; bar_csrf=" + csrf};
        }

        /** Cookie plus CSRF header: what the web UI sends for a state change. */
        public String[] cookieAndCsrfHeaders() {
            return new String[] {"Cookie", "bar_access=" + access + "; bar_csrf=" + csrf, "X-CSRF-Token", csrf};
        }

        /** What a browser sends to /api/auth/refresh: refresh and CSRF cookies, and the CSRF header. */
        public String[] refreshHeaders() {
            return new String[] {"Cookie", "bar_refresh=" + refresh + "; bar_csrf=" + csrf, "X-CSRF-Token", csrf};
        }

        public String[] bearer() {
            return new String[] {"Authorization", "Bearer " + access};
        }
    }

    public static Map<String, String> cookies(HttpResponse<String> response) {
        Map<String, String> cookies = new LinkedHashMap<>();
        for (String header : setCookies(response)) {
            String pair = header.split(";", 2)[0];
            int eq = pair.indexOf('=');
            cookies.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        return cookies;
    }

    public static List<String> setCookies(HttpResponse<String> response) {
        return response.headers().allValues("Set-Cookie");
    }

    public final class Builder {
        private String email = uniqueEmail("user");
        private String password = PASSWORD;
        private Role role = Role.USER;
        private AccountState state = AccountState.ACTIVE;
        private String displayName = "Test User";
        private String hash;
        private String language;

        public Builder withEmail(String email) {
            this.email = email;
            return this;
        }

        public Builder withPassword(String password) {
            this.password = password;
            return this;
        }

        public Builder admin() {
            this.role = Role.ADMIN;
            return this;
        }

        public Builder inState(AccountState state) {
            this.state = state;
            return this;
        }

        /** The saved language of the account's mails (issue 17). */
        public Builder withLanguage(String language) {
            this.language = language;
            return this;
        }

        /** A stored hash made elsewhere (for example with older Argon2 parameters). */
        public Builder withStoredHash(String hash) {
            this.hash = hash;
            return this;
        }

        public TestAccount create() {
            String id = OpaqueTokens.newId();
            String stored = hash != null ? hash : context.getBean(PasswordHashing.class).hash(Password.of(password));
            context.getBean(AccountRepository.class).insert(new Account(id, email, displayName, stored, role, state,
                    Instant.now(), null, language));
            return new TestAccount(id, email, password);
        }
    }
}
