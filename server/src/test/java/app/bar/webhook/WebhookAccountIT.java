package app.bar.webhook;

import static app.bar.share.ShareApi.aText;
import static org.assertj.core.api.Assertions.assertThat;

import app.bar.account.AccountFixtures;
import app.bar.share.ShareApi;
import app.bar.support.EventPublications;
import app.bar.support.TestHttp;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** {@code GET/PUT/DELETE /api/account/webhook} and {@code GET /api/account/webhook/deliveries} (issue #5 items 1, 5). */
@WebhookIntegrationTest
class WebhookAccountIT {

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcClient jdbc;

    ShareApi api;
    WebhookApi webhooks;
    WebhookReceiver receiver;

    @BeforeEach
    void setUp() {
        api = new ShareApi(new TestHttp(port), context);
        webhooks = new WebhookApi(api);
        receiver = new WebhookReceiver();
    }

    @AfterEach
    void tearDown() {
        receiver.close();
    }

    @Test
    void putWhenUrlAcceptedThenSecretShownOnceAndStoredSealed() {
        HttpResponse<String> put = webhooks.put("owner", Map.of("url", receiver.url("/hook")));
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        assertThat(put.headers().firstValue("Cache-Control")).hasValue("no-store");
        JsonNode body = TestHttp.json(put);
        assertThat(body.propertyNames()).containsExactly("url", "webhookSecret", "createdAt");
        String secret = body.get("webhookSecret").asString();
        assertThat(secret).matches("bar_whs_[A-Za-z0-9_-]{43}"); // 256 bits
        assertThat(body.get("url").asString()).isEqualTo(receiver.url("/hook"));

        HttpResponse<String> get = webhooks.get("owner");
        assertThat(get.statusCode()).isEqualTo(200);
        JsonNode shown = TestHttp.json(get);
        assertThat(shown.propertyNames()).containsExactly("url", "createdAt");
        assertThat(shown.get("createdAt").asString()).isEqualTo(body.get("createdAt").asString());
        Map<String, Object> row = jdbc.sql("select * from account_webhooks where account_id = :a")
                .param("a", api.accountId("owner")).query().singleRow();
        assertThat(row.values()).noneMatch(v -> String.valueOf(v).contains(secret.substring(8)));
        // a Discord or Slack URL is a credential: it is sealed with the secret, not stored readable
        assertThat(row.values()).noneMatch(v -> String.valueOf(v).contains("/hook"));
        assertThat(shown.get("url").asString()).isEqualTo(receiver.url("/hook"));
    }

    @Test
    void putWhenRepeatedThenNewSecretEveryTimeAndOnlyTheNewOneSigns() {
        String first = webhooks.set("owner", receiver.url("/hook"));
        String second = webhooks.set("owner", receiver.url("/hook"));
        assertThat(second).isNotEqualTo(first);
        api.read(api.create(aText("x").with("maxViews", 2), api.as("owner")).id());
        WebhookReceiver.Received got = receiver.await("/hook", 1).get(0);
        assertThat(ReceiverSignatures.verify(second, got.header("BAR-Signature"), got.body(), Instant.now())).isTrue();
        assertThat(ReceiverSignatures.verify(first, got.header("BAR-Signature"), got.body(), Instant.now())).isFalse();
    }

    @Test
    void getWhenNoWebhookThen404() {
        assertThat(webhooks.get("nobody").statusCode()).isEqualTo(404);
    }

    @Test
    void deleteWhenWebhookSetThen204AndNothingMoreIsSent() {
        webhooks.set("owner", receiver.url("/hook"));
        assertThat(webhooks.delete("owner").statusCode()).isEqualTo(204);
        assertThat(webhooks.get("owner").statusCode()).isEqualTo(404);
        assertThat(webhooks.delete("owner").statusCode()).isEqualTo(204);
        String id = api.create(aText("x").with("maxViews", 2), api.as("owner")).id();
        api.read(id);
        EventPublications.awaitSettled(jdbc, id); // the outbox has seen the event: no row, nothing to send
        assertThat(receiver.received()).isEmpty();
        assertThat(webhooks.deliveries("owner")).isEmpty();
    }

    @Test
    void deliveriesWhenSeveralThenNewestFirstWithTheDocumentedFields() {
        webhooks.set("owner", receiver.url("/hook"));
        String id = api.create(aText("twice").with("maxViews", 2), api.as("owner")).id();
        api.read(id);
        api.read(id);
        receiver.await("/hook", 3);
        List<JsonNode> list = webhooks.awaitDeliveries("owner",
                d -> d.size() == 3 && d.stream().allMatch(x -> x.get("status").asString().equals("DELIVERED")),
                Duration.ofSeconds(10));
        assertThat(list.get(0).propertyNames()).containsExactly("eventId", "type", "shareId", "status", "attempts",
                "lastStatusCode", "lastAttemptAt", "nextAttemptAt", "createdAt");
        assertThat(list.stream().map(d -> Instant.parse(d.get("createdAt").asString())).toList())
                .isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(list.get(0).get("type").asString()).isEqualTo("share.destroyed");
        assertThat(list).allSatisfy(d -> {
            assertThat(d.get("shareId").asString()).isEqualTo(id);
            assertThat(d.get("attempts").asInt()).isEqualTo(1);
            assertThat(d.get("lastStatusCode").asInt()).isEqualTo(204);
        });
    }

    @Test
    void deliveriesWhenAnotherAccountHasSomeThenNeverShown() {
        // ASVS 8.2.2: no endpoint takes an account id; each account sees only its own
        webhooks.set("alice", receiver.url("/alice"));
        api.read(api.create(aText("alice's").with("maxViews", 2), api.as("alice")).id());
        receiver.await("/alice", 1);
        assertThat(webhooks.awaitDeliveries("alice", d -> !d.isEmpty(), Duration.ofSeconds(5))).hasSize(1);
        assertThat(webhooks.deliveries("bob")).isEmpty();
        assertThat(webhooks.get("bob").statusCode()).isEqualTo(404);
    }

    @Test
    void accountDeletedWhenItHadWebhooksThenTheyGoAndItsBurnedSharesNotifyNobody() {
        webhooks.set("leaving", receiver.url("/account"));
        String own = api.create(aText("own").with("webhookUrl", receiver.url("/share")), api.as("leaving")).id();
        String other = api.create(aText("default"), api.as("leaving")).id();
        String account = api.accountId("leaving");
        AccountFixtures fixtures = new AccountFixtures(context, api.http());
        AccountFixtures.Session admin = fixtures.login(fixtures.anAccount().admin().create());
        assertThat(api.http().method("DELETE", "/api/admin/users/" + account,
                admin.cookieAndCsrfHeaders()).statusCode()).isEqualTo(204);

        // both modules react after the commit, in any order; wait until every listener is done
        EventPublications.awaitSettled(jdbc, account);
        assertThat(jdbc.sql("select count(*) from shares where id in (:a, :b)").param("a", own).param("b", other)
                .query(Integer.class).single()).as("the shares are gone").isZero();
        assertThat(jdbc.sql("select count(*) from account_webhooks where account_id = :a")
                .param("a", account).query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from share_webhooks where share_id = :s").param("s", own)
                .query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from webhook_deliveries where account_id = :a")
                .param("a", account).query(Integer.class).single()).isZero();
        assertThat(receiver.received()).isEmpty();
    }

    @Test
    void endpointsWhenAnonymousThen401() {
        TestHttp http = api.http();
        assertThat(http.get("/api/account/webhook").statusCode()).isEqualTo(401);
        assertThat(http.get("/api/account/webhook/deliveries").statusCode()).isEqualTo(401);
        assertThat(http.method("DELETE", "/api/account/webhook").statusCode()).isEqualTo(401);
    }

    @Test
    void endpointsWhenPersonalApiTokenThenRefusedBecauseTheyNeedASession() {
        String[] bearer = api.as("scripted");
        assertThat(api.http().get("/api/account/webhook", bearer).statusCode()).isEqualTo(403);
        assertThat(api.http().get("/api/account/webhook/deliveries", bearer).statusCode()).isEqualTo(403);
    }

    @Test
    void putWhenCsrfTokenMissingThen403() {
        String[] cookiesOnly = api.session("owner").cookieHeaders();
        HttpResponse<String> response = api.http().send(api.http().request("/api/account/webhook")
                .header("Content-Type", "application/json").header(cookiesOnly[0], cookiesOnly[1])
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{\"url\":\"" + receiver.url("/h") + "\"}")).build());
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(webhooks.get("owner").statusCode()).isEqualTo(404);
    }

    @Test
    void putWhenUrlMissingThen400NamingUrl() {
        HttpResponse<String> response = webhooks.put("owner", Map.of());
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(TestHttp.json(response).get("errors").get(0).get("field").asString()).isEqualTo("url");
        assertThat(TestHttp.json(response).get("errors").get(0).get("code").asString()).isEqualTo("field.required");
    }
}
