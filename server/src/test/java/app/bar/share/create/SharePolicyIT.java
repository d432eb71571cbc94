package app.bar.share.create;

import static app.bar.share.ShareApi.aText;
import static org.assertj.core.api.Assertions.assertThat;

import app.bar.share.ShareApi;
import app.bar.support.TestHttp;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The operator's share policies (issue 20 item 2) enforced by the server at creation, over real
 * HTTP: each refusal a 400 whose {@code errors[].code} names the policy, with nothing stored.
 */
@SharePolicyTest
class SharePolicyIT {

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

    /** A zero-knowledge text share (this context requires zero-knowledge) with a password's access verifier. */
    private static ShareApi.Policy zkText() {
        return aText("ciphertext").zeroKnowledge();
    }

    private static ShareApi.Policy withPassword(ShareApi.Policy policy) {
        return policy.with("accessVerifier", ShareApi.LINK_VERIFIER);
    }

    private void assertRefusedBy(HttpResponse<String> response, String code, String field) {
        ShareApi.assertProblem(response, 400, "request.invalid");
        JsonNode error = TestHttp.json(response).get("errors").get(0);
        assertThat(error.get("code").asString()).isEqualTo(code);
        assertThat(error.get("field").asString()).isEqualTo(field);
    }

    @Test
    void anonymousShareWithoutPasswordIsRefusedWhenPolicyRequiresIt() {
        long before = jdbc.sql("select count(*) from shares").query(Long.class).single();

        assertRefusedBy(api.createRaw(zkText()), "policy.password_required", "password");

        assertThat(jdbc.sql("select count(*) from shares").query(Long.class).single()).as("nothing stored")
                .isEqualTo(before);
    }

    @Test
    void anonymousShareWithPasswordIsCreatedWhenPolicyRequiresIt() {
        assertThat(api.createRaw(withPassword(zkText())).statusCode()).isEqualTo(201);
    }

    @Test
    void signedInShareWithoutPasswordIsCreatedWhenPolicyRequiresItOfAnonymousCreatorsOnly() {
        assertThat(api.createRaw(zkText(), api.as("user")).statusCode()).isEqualTo(201);
    }

    @Test
    void anonymousShareWithMoreViewsThanItsRoleMayIsRefused() {
        assertRefusedBy(api.createRaw(withPassword(zkText()).with("maxViews", 4)), "policy.max_views", "maxViews");
    }

    @Test
    void anonymousShareWithTheRolesMaximumViewsIsCreated() {
        assertThat(api.createRaw(withPassword(zkText()).with("maxViews", 3)).statusCode()).isEqualTo(201);
    }

    @Test
    void userShareWithLongerExpiryThanItsRoleMayIsRefused() {
        assertRefusedBy(api.createRaw(zkText().with("expiresIn", "3h"), api.as("user")), "policy.max_expiry",
                "expiresIn");
    }

    @Test
    void userShareWithoutExpiryGetsTheRolesMaximumInsteadOfTheLongerDefault() {
        HttpResponse<String> response = api.createRaw(zkText(), api.as("user"));

        assertThat(response.statusCode()).isEqualTo(201);
        Instant expiresAt = Instant.parse(TestHttp.json(response).get("expiresAt").asString());
        assertThat(expiresAt).isBetween(Instant.now().plusSeconds(7200 - 120), Instant.now().plusSeconds(7200));
    }

    @Test
    void otpRecipientOutsideTheAllowedDomainsIsRefused() {
        assertRefusedBy(api.createRaw(zkText().with("requireOtp", true)
                .with("otpEmails", List.of("a@example.com", "b@elsewhere.org")), api.as("user")),
                "policy.otp_email_domain", "otpEmails");
    }

    @Test
    void otpRecipientInAnAllowedDomainIsAccepted() {
        assertThat(api.createRaw(zkText().with("requireOtp", true).with("otpEmails", List.of("a@example.com")),
                api.as("user")).statusCode()).isEqualTo(201);
    }

    @Test
    void anonymousFileShareIsRefusedWhenAnonymousFileSharesAreOff() {
        assertRefusedBy(api.createRaw(withPassword(ShareApi.aFile("x.bin").zeroKnowledge())),
                "policy.anonymous_files_disabled", "kind");
    }

    @Test
    void signedInFileShareIsCreatedWhenAnonymousFileSharesAreOff() {
        assertThat(api.createRaw(ShareApi.aFile("x.bin").zeroKnowledge(), api.as("user")).statusCode()).isEqualTo(201);
    }

    @Test
    void serverModeShareIsRefusedWhenPolicyRequiresZeroKnowledge() {
        assertRefusedBy(api.createRaw(aText("plain").with("password", "pw"), api.as("user")),
                "policy.zero_knowledge_required", "zeroKnowledge");
    }

    @Test
    void sharePolicyEndpointShowsAnAnonymousCallerItsLimits() {
        JsonNode policy = TestHttp.json(api.http().get("/api/share-policy"));

        assertThat(policy.get("role").asString()).isEqualTo("anonymous");
        assertThat(policy.get("passwordRequired").asBoolean()).isTrue();
        assertThat(policy.get("zeroKnowledgeRequired").asBoolean()).isTrue();
        assertThat(policy.get("fileShares").asBoolean()).isFalse();
        assertThat(policy.get("maxViews").asInt()).isEqualTo(3);
        assertThat(policy.get("otpEmailDomains").get(0).asString()).isEqualTo("example.com");
    }

    @Test
    void sharePolicyEndpointShowsASignedInUserTheirOwnLimits() {
        JsonNode policy = TestHttp.json(api.http().get("/api/share-policy", api.as("user")));

        assertThat(policy.get("role").asString()).isEqualTo("user");
        assertThat(policy.get("passwordRequired").asBoolean()).isFalse();
        assertThat(policy.get("fileShares").asBoolean()).isTrue();
        assertThat(policy.get("maxViews").isNull()).isTrue();
        assertThat(policy.get("maxExpirySeconds").asLong()).isEqualTo(7200);
    }
}
