package app.bar.share;

import static org.assertj.core.api.Assertions.assertThat;

import app.bar.account.AccountFixtures;
import app.bar.support.TestHttp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * The share API from a test's side: fixtures with good defaults and one call per step. Public for
 * other modules' ITs (webhooks) that need shares of real accounts.
 */
public final class ShareApi {

    private final TestHttp http;
    private final ApplicationContext context;
    private final Map<String, Owner> owners = new ConcurrentHashMap<>();

    public ShareApi(TestHttp http) {
        this(http, null);
    }

    /** With the context, {@link #as} signs real accounts in. */
    public ShareApi(TestHttp http, ApplicationContext context) {
        this.http = http;
        this.context = context;
    }

    private record Owner(String accountId, String token, AccountFixtures.Session session) {
    }

    public TestHttp http() {
        return http;
    }

    /** A policy builder: {@code aText("s3cret").with("maxViews", 3)}. */
    public static Policy aText(String text) {
        return new Policy().with("kind", "text").with("text", text);
    }

    public static Policy aFile(String filename) {
        return new Policy().with("kind", "file").with("filename", filename);
    }

    /** A fixed link access key of the test's zero-knowledge shares (base64url of 32 bytes 0x11). */
    public static final String LINK_ACCESS_KEY = b64(filled(0x11));
    /** base64url(SHA-256(LINK_ACCESS_KEY's bytes)), as a client sends at creation. */
    public static final String LINK_VERIFIER = b64(sha256(filled(0x11)));

    public static final class Policy {
        final Map<String, Object> fields = new LinkedHashMap<>();

        public Policy with(String name, Object value) {
            fields.put(name, value);
            return this;
        }

        /** Zero-knowledge with the fixed link verifier; unlock with {@link #LINK_ACCESS_KEY}. */
        public Policy zeroKnowledge() {
            return with("zeroKnowledge", true).with("linkVerifier", LINK_VERIFIER);
        }
    }

    private static byte[] filled(int value) {
        byte[] bytes = new byte[32];
        java.util.Arrays.fill(bytes, (byte) value);
        return bytes;
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String b64(byte[] bytes) {
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public record Created(String id, String manageToken, JsonNode body) {
    }

    /**
     * The headers of a signed-in owner named {@code label} in this test: a real account, signed in
     * over HTTP, acting with a personal API token (shares:read, shares:write) that outlives the
     * clock moves of the share tests.
     */
    public String[] as(String label) {
        return new String[] {"Authorization", "Bearer " + owner(label).token()};
    }

    /** The browser session (cookies and CSRF token) of the account behind {@code label}. */
    public AccountFixtures.Session session(String label) {
        return owner(label).session();
    }

    /** The account id behind {@code label}. */
    public String accountId(String label) {
        return owner(label).accountId();
    }

    private Owner owner(String label) {
        if (context == null) {
            throw new IllegalStateException("construct ShareApi with the application context to sign in");
        }
        return owners.computeIfAbsent(label, l -> {
            AccountFixtures fixtures = new AccountFixtures(context, http);
            AccountFixtures.TestAccount account = fixtures.anAccount().create();
            AccountFixtures.Session session = fixtures.login(account);
            HttpResponse<String> token = http.postJson("/api/account/tokens", TestHttp.map("name", "share-tests",
                    "scopes", java.util.List.of("shares:read", "shares:write"), "expiresInDays", 365),
                    session.cookieAndCsrfHeaders());
            assertThat(token.statusCode()).as(token.body()).isEqualTo(201);
            return new Owner(account.id(), TestHttp.json(token).get("token").asString(), session);
        });
    }

    public HttpResponse<String> createRaw(Policy policy, String... headers) {
        return http.postJson("/api/shares", policy.fields, headers);
    }

    public Created create(Policy policy, String... headers) {
        HttpResponse<String> response = createRaw(policy, headers);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode body = TestHttp.json(response);
        return new Created(body.get("id").asString(), body.get("manageToken").asString(), body);
    }

    /** A file share with its content uploaded. */
    public Created createFile(String filename, byte[] content, String... headers) {
        Created created = create(aFile(filename), headers);
        HttpResponse<String> upload = upload(created.id(), created.manageToken(), content);
        assertThat(upload.statusCode()).as(upload.body()).isEqualTo(200);
        return created;
    }

    public HttpResponse<String> upload(String id, String manageToken, byte[] content) {
        return http.send(http.request("/api/shares/" + id + "/content")
                .header("Authorization", "Bearer " + manageToken)
                .header("Content-Type", "application/octet-stream")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(content)).build());
    }

    public HttpResponse<String> metadata(String id, String... headers) {
        return http.get("/api/shares/" + id, headers);
    }

    public HttpResponse<String> unlock(String id, Map<String, Object> body, String... headers) {
        return http.postJson("/api/shares/" + id + "/unlock", body, headers);
    }

    public String ticket(String id, Map<String, Object> body, String... headers) {
        HttpResponse<String> response = unlock(id, body, headers);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return TestHttp.json(response).get("ticket").asString();
    }

    public String ticket(String id) {
        return ticket(id, Map.of());
    }

    public HttpResponse<byte[]> content(String id, String ticket, String... headers) {
        HttpRequest.Builder b = http.request("/api/shares/" + id + "/content")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(TestHttp.JSON.writeValueAsString(Map.of("ticket", ticket))));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        try {
            return http.client().send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Unlocks (no password) and reads the content as text. */
    public String read(String id) {
        HttpResponse<byte[]> response = content(id, ticket(id));
        assertThat(response.statusCode()).isEqualTo(200);
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    public HttpResponse<String> burn(String id, String... headers) {
        return http.method("DELETE", "/api/shares/" + id, headers);
    }

    /** Asserts that the answer is a problem with {@code status} and the stable {@code code} (docs/errors.md). */
    public static void assertProblem(HttpResponse<?> response, int status, String code) {
        String body = response.body() instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8)
                : String.valueOf(response.body());
        assertThat(response.statusCode()).as(body).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(TestHttp.JSON.readTree(body).path("code").asString()).as(body).isEqualTo(code);
    }

    /** A problem body without the parts that differ per request. */
    public static String withoutRequestId(String body) {
        var json = (tools.jackson.databind.node.ObjectNode) TestHttp.JSON.readTree(body);
        json.remove("requestId");
        json.remove("instance");
        return json.toString();
    }

    /** A download as a browser must see it: only saved, never rendered on our origin. */
    public static void assertDownloadHeaders(HttpResponse<?> response) {
        // ASVS 3.2.1 / 14.3.2: attachment, nosniff, no-store, sandboxing CSP
        assertThat(response.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment;");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(response.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");
        assertThat(response.headers().allValues("Content-Security-Policy")).containsExactly("default-src 'none'; sandbox");
        assertThat(response.headers().firstValue("ETag")).isEmpty();
    }
}
