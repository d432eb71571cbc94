package app.bar.share.create;

import static app.bar.share.ShareApi.aFile;
import static app.bar.share.ShareApi.aText;
import static org.assertj.core.api.Assertions.assertThat;

import app.bar.share.ShareApi;
import app.bar.share.ShareIntegrationTest;
import app.bar.support.TestHttp;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** {@code POST /api/shares}: the policy, its validation and what the answer holds (issue #4 item 1). */
@ShareIntegrationTest
class ShareCreateIT {

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcClient jdbc;
    ShareApi api;

    @BeforeEach
    void setUp() {
        api = new ShareApi(new TestHttp(port), context);
    }

    @Test
    void createWhenTextShareThen201WithIdLinksTokenAndDefaults() {
        ShareApi.Created created = api.create(aText("hello"));
        JsonNode body = created.body();
        assertThat(created.id()).matches("[A-Za-z0-9_-]{22}");
        assertThat(body.get("shareUrl").asString()).isEqualTo("https://bar.example.test/s/" + created.id());
        assertThat(body.get("maxViews").asInt()).isEqualTo(1);
        assertThat(body.has("uploadUrl")).isFalse();
        assertThat(body.get("expiresAt").asString()).isNotBlank();
    }

    @Test
    void createWhenFileShareThenUploadUrlGiven() {
        JsonNode body = api.create(aFile("a.bin")).body();
        assertThat(body.get("uploadUrl").asString()).endsWith("/api/shares/" + body.get("id").asString() + "/content");
    }

    @Test
    void createWhenCalledThenIdAndManageTokenRandomAndTokenStoredHashed() {
        // ASVS 7.2.3 / 11.5.1: >= 128 random bits, URL-safe; the manage token is a credential, stored hashed
        ShareApi.Created a = api.create(aText("x"));
        ShareApi.Created b = api.create(aText("x"));
        assertThat(a.id()).isNotEqualTo(b.id());
        assertThat(a.manageToken()).startsWith("bar_mt_").hasSizeGreaterThanOrEqualTo(7 + 43);
        String stored = jdbc.sql("select manage_token_hash from shares where id = :id").param("id", a.id())
                .query(String.class).single();
        assertThat(stored).doesNotContain(a.manageToken().substring(7)).hasSize(64);
    }

    @Test
    void createWhenKindMissingThen400NamingKind() {
        assertInvalid(api.createRaw(new ShareApi.Policy().with("text", "x")), "kind", "field.required");
    }

    @Test
    void createWhenMaxViewsOutOfRangeThen400NamingMaxViews() {
        JsonNode tooMany = assertInvalid(api.createRaw(aText("x").with("maxViews", 1001)), "maxViews", "field.out_of_range");
        assertThat(tooMany.get("min").asLong()).isEqualTo(1);
        assertThat(tooMany.get("max").asLong()).isEqualTo(1000);
        assertInvalid(api.createRaw(aText("x").with("maxViews", 0)), "maxViews", "field.out_of_range");
    }

    @Test
    void createWhenExpiryBeyondAnonymousLimitThen400NamingExpiresInWithItsBoundsInSeconds() {
        JsonNode error = assertInvalid(api.createRaw(aText("x").with("expiresIn", 8 * 86400)), "expiresIn",
                "field.out_of_range");
        assertThat(error.get("min").asLong()).isEqualTo(60);
        assertThat(error.get("max").asLong()).isEqualTo(7 * 86400);
    }

    @Test
    void createWhenSignedInThenLongerExpiryAllowed() {
        assertThat(api.createRaw(aText("x").with("expiresIn", 20 * 86400), api.as("acct-long")).statusCode())
                .isEqualTo(201);
    }

    @Test
    void createWhenUnlimitedViewsAnonymousThen400NamingUnlimitedViews() {
        assertInvalid(api.createRaw(aText("x").with("unlimitedViews", true)), "unlimitedViews", "share.signed_in_only");
    }

    @Test
    void createWhenUnlimitedViewsSignedInThenCreatedWithoutLimit() {
        ShareApi.Created created = api.create(aText("x").with("unlimitedViews", true), api.as("acct-unl"));
        assertThat(created.body().get("maxViews").isNull()).isTrue();
        for (int i = 0; i < 3; i++) {
            assertThat(api.read(created.id())).isEqualTo("x");
        }
    }

    @Test
    void createWhenTextMissingForTextShareThen400NamingText() {
        assertInvalid(api.createRaw(new ShareApi.Policy().with("kind", "text")), "text", "field.required");
    }

    @Test
    void createWhenTextOverOneMebibyteThen400NamingText() {
        JsonNode error = assertInvalid(api.createRaw(aText("a".repeat(1024 * 1024 + 1))), "text", "field.size");
        assertThat(error.get("max").asLong()).isEqualTo(1024 * 1024);
    }

    @Test
    void createWhenTooManyOtpEmailsThen400NamingOtpEmails() {
        List<String> emails = java.util.stream.IntStream.range(0, 11).mapToObj(i -> "r" + i + "@example.com").toList();
        assertInvalid(api.createRaw(aText("x").with("requireOtp", true).with("otpEmails", emails)), "otpEmails",
                "field.size");
    }

    @Test
    void createWhenOtpEmailMalformedThen400WithoutEchoingIt() {
        HttpResponse<String> response = api.createRaw(aText("x").with("requireOtp", true)
                .with("otpEmails", List.of("evil\r\nBcc: x@y.z")));
        assertInvalid(response, "otpEmails", "field.format");
        assertThat(response.body()).doesNotContain("Bcc");
    }

    @Test
    void createWhenAccessVerifierMalformedThen400NamingAccessVerifier() {
        assertInvalid(api.createRaw(aText("x").zeroKnowledge().with("accessVerifier", "short")),
                "accessVerifier", "field.format");
    }

    @Test
    void createWhenPasswordInZeroKnowledgeModeThen400NamingPassword() {
        assertInvalid(api.createRaw(aText("x").zeroKnowledge().with("password", "pw")), "password",
                "share.field_not_allowed");
    }

    @Test
    void createWhenWrongFieldTypeThen400() {
        HttpResponse<String> response = api.createRaw(aText("x").with("maxViews", "many"));
        ShareApi.assertProblem(response, 400, "request.wrong_type");
        assertThat(TestHttp.json(response).path("errors").path(0).path("field").asString()).isEqualTo("maxViews");
    }

    @Test
    void createWhenUnknownFieldThen400NamingItAndNothingCreated() {
        // issue #10 item 4: {"views":3} made a 1-view share
        Integer before = jdbc.sql("select count(*) from shares").query(Integer.class).single();
        HttpResponse<String> response = api.createRaw(aText("x").with("views", 3));
        ShareApi.assertProblem(response, 400, "request.unknown_field");
        assertThat(TestHttp.json(response).path("errors").path(0).path("field").asString()).isEqualTo("views");
        assertThat(jdbc.sql("select count(*) from shares").query(Integer.class).single()).isEqualTo(before);
    }

    @Test
    void createWhenPasswordIsNotAStringThen400WrongTypeNamingPassword() {
        HttpResponse<String> response = api.createRaw(aText("x").with("password", List.of("a", "b")));
        ShareApi.assertProblem(response, 400, "request.wrong_type");
        assertThat(TestHttp.json(response).path("errors").path(0).path("field").asString()).isEqualTo("password");
    }

    /** The one {@code errors} entry of a 400 {@code request.invalid}: its field and rule; answers the entry. */
    private static JsonNode assertInvalid(HttpResponse<String> response, String field, String code) {
        ShareApi.assertProblem(response, 400, "request.invalid");
        JsonNode errors = TestHttp.json(response).get("errors");
        assertThat(errors.findValuesAsString("field")).containsExactly(field);
        assertThat(errors.get(0).get("code").asString()).isEqualTo(code);
        return errors.get(0);
    }
}
