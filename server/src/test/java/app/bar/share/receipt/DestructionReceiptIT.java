package app.bar.share.receipt;

import static app.bar.share.ShareApi.aText;
import static org.assertj.core.api.Assertions.assertThat;

import app.bar.platform.SqlTime;
import app.bar.share.ShareApi;
import app.bar.share.ShareIntegrationTest;
import app.bar.share.lifecycle.ShareTestHooks;
import app.bar.support.TestHttp;
import bartest.share.ShareTestSupport;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Signed destruction receipts over real HTTP (issue 20 item 4): one for every way an owned share
 * ends, verifiable with the published keys alone, refused to anyone but the owner.
 */
@ShareIntegrationTest
class DestructionReceiptIT {

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ShareTestSupport.MovableClock clock;
    ShareApi api;

    @BeforeEach
    void setUp() {
        api = new ShareApi(new TestHttp(port), context);
    }

    private static String owner() {
        return "acct-receipt-" + System.nanoTime();
    }

    private HttpResponse<String> receipt(String id, String... headers) {
        return api.http().get("/api/shares/" + id + "/receipt", headers);
    }

    private String keys() {
        return api.http().get("/.well-known/bar-receipt-keys").body();
    }

    /** The receipt the owner fetches, checked against the published keys; answers its members. */
    private JsonNode verifiedReceipt(String id, String me) {
        HttpResponse<String> response = receipt(id, api.as(me));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v).contains("no-store"));
        assertThat(ReceiptVerification.verifies(response.body(), keys())).as("verifies with the published key").isTrue();
        JsonNode receipt = TestHttp.json(response);
        assertThat(receipt.get("shareId").asString()).isEqualTo(id);
        assertThat(receipt.get("type").asString()).isEqualTo("bar.destruction-receipt");
        return receipt;
    }

    @Test
    void receiptWhenLastViewTakenThenSignedWithViewsUsedAndNoContentOrNames() {
        String me = owner();
        String id = api.create(aText("the contract key").with("filename", "contract.txt").with("maxViews", 2),
                api.as(me)).id();
        assertThat(api.read(id)).isEqualTo("the contract key");
        assertThat(api.read(id)).isEqualTo("the contract key");

        JsonNode receipt = verifiedReceipt(id, me);
        assertThat(receipt.get("reason").asString()).isEqualTo("views_used");
        assertThat(receipt.get("viewsUsed").asInt()).isEqualTo(2);
        assertThat(receipt.get("issuer").asString()).isEqualTo("https://bar.example.test");
        assertThat(receipt.get("createdAt").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(Instant.parse(receipt.get("destroyedAt").asString()))
                .isAfterOrEqualTo(Instant.parse(receipt.get("createdAt").asString()));
        assertThat(receipt.toString()).doesNotContain("contract", api.accountId(me), "127.0.0.1");
    }

    @Test
    void receiptWhenOwnerBurnsThenReasonBurnedByOwnerAndNoViewsUsed() {
        String me = owner();
        String id = api.create(aText("burn me"), api.as(me)).id();
        assertThat(api.burn(id, api.as(me)).statusCode()).isEqualTo(204);
        JsonNode receipt = verifiedReceipt(id, me);
        assertThat(receipt.get("reason").asString()).isEqualTo("burned_by_owner");
        assertThat(receipt.get("viewsUsed").asInt()).isZero();
    }

    @Test
    void receiptWhenAdminBurnsTheShareThenReasonBurnedByAdmin() {
        String me = owner();
        String id = api.create(aText("reported"), api.as(me)).id();
        app.bar.account.AccountFixtures fixtures = new app.bar.account.AccountFixtures(context, api.http());
        String[] admin = fixtures.login(fixtures.anAccount().admin().create()).cookieAndCsrfHeaders();
        java.net.http.HttpRequest.Builder burn = api.http().request("/api/admin/shares/" + id)
                .header("Content-Type", "application/json")
                .method("DELETE", java.net.http.HttpRequest.BodyPublishers.ofString("{\"reason\":\"phishing\"}"));
        for (int i = 0; i < admin.length; i += 2) {
            burn.header(admin[i], admin[i + 1]);
        }
        assertThat(api.http().send(burn.build()).statusCode()).isEqualTo(204);
        JsonNode receipt = verifiedReceipt(id, me);
        assertThat(receipt.get("reason").asString()).isEqualTo("burned_by_admin");
        assertThat(receipt.toString()).as("the admin's reason text is not the receipt's").doesNotContain("phishing");
    }

    @Test
    void receiptWhenWrongPasswordBurnsTheShareThenReasonFailedAttempts() {
        String me = owner();
        String id = api.create(aText("guarded").with("password", "correct horse").with("burnAfterFailedAttempts", 1),
                api.as(me)).id();
        // the wrong try that destroys the share answers as a gone share does
        assertThat(api.unlock(id, Map.of("password", "wrong")).statusCode()).isEqualTo(404);
        assertThat(verifiedReceipt(id, me).get("reason").asString()).isEqualTo("failed_attempts");
    }

    @Test
    void receiptWhenExpiredThenReasonExpired() {
        String me = owner();
        String id = api.create(aText("expires"), api.as(me)).id();
        moveBack("expires_at", id);
        ShareTestHooks.runCleanup(context);
        assertThat(verifiedReceipt(id, me).get("reason").asString()).isEqualTo("expired");
    }

    @Test
    void receiptWhenUploadNeverCameThenReasonUploadAbandoned() {
        String me = owner();
        String id = api.create(ShareApi.aFile("never.bin"), api.as(me)).id();
        moveBack("created_at", id);
        ShareTestHooks.runCleanup(context);
        assertThat(verifiedReceipt(id, me).get("reason").asString()).isEqualTo("upload_abandoned");
    }

    @Test
    void receiptWhenCiphertextTamperedThenReasonTamper() {
        String me = owner();
        String id = api.create(aText("tamper me").with("maxViews", 3), api.as(me)).id();
        new app.bar.share.StoredSecrets(context).alterInline(id, app.bar.share.StoredSecrets::flipNearEnd);
        assertThat(api.content(id, api.ticket(id)).statusCode()).isEqualTo(404);
        assertThat(verifiedReceipt(id, me).get("reason").asString()).isEqualTo("tamper");
    }

    @Test
    void receiptWhenAnyFieldAlteredThenSignatureFails() {
        String me = owner();
        String id = api.create(aText("x"), api.as(me)).id();
        api.read(id);
        String receipt = receipt(id, api.as(me)).body();
        String keys = keys();
        assertThat(ReceiptVerification.verifies(receipt, keys)).isTrue();
        assertThat(ReceiptVerification.verifies(ReceiptVerification.with(receipt, "destroyedAt", "2020-01-01T00:00:00Z"),
                keys)).isFalse();
        assertThat(ReceiptVerification.verifies(ReceiptVerification.with(receipt, "reason", "expired"), keys)).isFalse();
        assertThat(ReceiptVerification.verifies(ReceiptVerification.with(receipt, "viewsUsed", 0L), keys)).isFalse();
        assertThat(ReceiptVerification.verifies(ReceiptVerification.with(receipt, "note", "added"), keys)).isFalse();
    }

    @Test
    void receiptWhenAskedAsPrintablePageThenHtmlWithoutScriptUnderTheStrictCsp() {
        String me = owner();
        String id = api.create(aText("print me"), api.as(me)).id();
        api.burn(id, api.as(me));
        HttpResponse<String> page = api.http().get("/api/shares/" + id + "/receipt?format=html", api.as(me));
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(v -> assertThat(v)
                .doesNotContain("unsafe-inline"));
        assertThat(page.body()).contains("Destruction receipt", id, "burned by owner", "bar verify-receipt")
                .doesNotContain("<script", "print me");
        ShareApi.assertProblem(api.http().get("/api/shares/" + id + "/receipt?format=html", api.as(owner())), 404,
                "resource.not_found");
    }

    @Test
    void receiptWhenShareStillLiveThen409ReceiptPending() {
        String me = owner();
        String id = api.create(aText("alive"), api.as(me)).id();
        ShareApi.assertProblem(receipt(id, api.as(me)), 409, "share.receipt_pending");
    }

    /** ASVS 8.2.2: another account's receipt answers as a missing one; nobody signed in is 401. */
    @Test
    void receiptWhenNotTheOwnerThen404AndAnonymous401() {
        String me = owner();
        String id = api.create(aText("mine"), api.as(me)).id();
        api.burn(id, api.as(me));
        ShareApi.assertProblem(receipt(id, api.as(owner())), 404, "resource.not_found");
        ShareApi.assertProblem(receipt(id), 401, "auth.required");
        ShareApi.assertProblem(receipt("AAAAAAAAAAAAAAAAAAAAAA", api.as(me)), 404, "resource.not_found");
    }

    @Test
    void receiptWhenAnonymousShareDestroyedThenNoneKept() {
        ShareApi.Created created = api.create(aText("nobody's"));
        api.read(created.id());
        assertThat(jdbc.sql("select count(*) from share_receipts where share_id = :id").param("id", created.id())
                .query(Integer.class).single()).isZero();
    }

    @Test
    void publishedKeysWhenAskedAnonymouslyThenEd25519JwkSetCacheable() {
        HttpResponse<String> response = api.http().get("/.well-known/bar-receipt-keys");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v)
                .contains("public").contains("max-age=3600").doesNotContain("no-store"));
        JsonNode key = TestHttp.json(response).get("keys").get(0);
        assertThat(key.get("kty").asString()).isEqualTo("OKP");
        assertThat(key.get("crv").asString()).isEqualTo("Ed25519");
        assertThat(key.get("x").asString()).matches("[A-Za-z0-9_-]{43}");
        assertThat(response.body()).doesNotContain("\"d\"");
    }

    private void moveBack(String column, String id) {
        jdbc.sql("update shares set " + column + " = :t where id = :id")
                .param("t", SqlTime.of(clock.instant().minus(Duration.ofDays(2)))).param("id", id).update();
    }
}
