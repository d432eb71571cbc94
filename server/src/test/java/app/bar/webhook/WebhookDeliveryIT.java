package app.bar.webhook;

import static app.bar.share.ShareApi.aText;
import static org.assertj.core.api.Assertions.assertThat;

import app.bar.account.AccountFixtures;
import app.bar.share.ShareApi;
import app.bar.share.StoredSecrets;
import app.bar.share.lifecycle.ShareTestHooks;
import app.bar.support.EventPublications;
import app.bar.support.TestHttp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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

/**
 * Every share event reaches a real receiver over HTTP, signed, with exactly the documented payload
 * (issue #5 items 2, 3, 5). Owners are real accounts; the share module raises the events.
 */
@WebhookIntegrationTest
class WebhookDeliveryIT {

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
    void deliverWhenShareOpenedThenSignedJsonPayloadOverRealHttp() {
        String secret = webhooks.set("owner", receiver.url("/hook"));
        ShareApi.Created share = api.create(aText("never in a webhook").with("maxViews", 2), api.as("owner"));
        api.read(share.id());

        WebhookReceiver.Received got = receiver.await("/hook", 1).get(0);
        assertSigned(got, secret);
        JsonNode p = got.json();
        assertThat(p.propertyNames()).containsExactly("eventId", "type", "time", "shareId", "viewsLeft", "ip", "browser");
        assertThat(p.get("type").asString()).isEqualTo("share.accessed");
        assertThat(got.header("BAR-Event-Type")).isEqualTo("share.accessed");
        assertThat(p.get("shareId").asString()).isEqualTo(share.id());
        assertThat(p.get("viewsLeft").asInt()).isEqualTo(1);
        assertThat(p.get("ip").asString()).isEqualTo("127.0.***.***");
        assertThat(p.get("browser").asString()).isEqualTo("Java");
        assertThat(Instant.parse(p.get("time").asString())).isBetween(Instant.now().minusSeconds(30), Instant.now());
        assertThat(got.text()).doesNotContain("never in a webhook").doesNotContain(share.manageToken())
                .doesNotContain("@example.test");
        assertThat(got.header("Content-Type")).startsWith("application/json");
        assertThat(got.header("User-Agent")).isEqualTo("BAR-Webhooks/1");
    }

    @Test
    void deliverWhenWrongPasswordsLockShareThenPasswordFailedAndLockedEvents() throws Exception {
        String secret = webhooks.set("owner", receiver.url("/hook"));
        String id = api.create(aText("locked away").with("password", "right one"), api.as("owner")).id();
        assertThat(api.unlock(id, Map.of("password", "wrong 1")).statusCode()).isEqualTo(401);
        Thread.sleep(1100); // bar.shares.max-attempt-delay=1s in this context
        assertThat(api.unlock(id, Map.of("password", "wrong 2")).statusCode()).isEqualTo(423);

        List<WebhookReceiver.Received> got = receiver.await("/hook", 3);
        got.forEach(r -> assertSigned(r, secret));
        assertThat(types(got)).containsExactlyInAnyOrder("share.password_failed", "share.password_failed", "share.locked");
        JsonNode locked = byType(got, "share.locked").get(0);
        assertThat(Instant.parse(locked.get("lockedUntil").asString())).isAfter(Instant.now().plusSeconds(3000));
        assertThat(byType(got, "share.password_failed").stream().map(p -> p.get("failedAttempts").asInt()))
                .containsExactlyInAnyOrder(1, 2);
    }

    @Test
    void deliverWhenShareDestroyedThenReasonNamedForViewsUsedBurnAndFailedAttempts() {
        String secret = webhooks.set("owner", receiver.url("/hook"));
        String usedUp = api.create(aText("once"), api.as("owner")).id();
        api.read(usedUp);
        String burned = api.create(aText("burn me"), api.as("owner")).id();
        assertThat(api.burn(burned, api.as("owner")).statusCode()).isEqualTo(204);
        String guessed = api.create(aText("guess").with("password", "pw").with("burnAfterFailedAttempts", 1),
                api.as("owner")).id();
        assertThat(api.unlock(guessed, Map.of("password", "nope")).statusCode()).isEqualTo(404);

        List<WebhookReceiver.Received> got = receiver.await("/hook", 5);
        got.forEach(r -> assertSigned(r, secret));
        assertThat(reasonOf(got, usedUp)).isEqualTo("views_used");
        assertThat(reasonOf(got, burned)).isEqualTo("burned_by_owner");
        assertThat(reasonOf(got, guessed)).isEqualTo("failed_attempts");
        assertThat(types(got)).containsExactlyInAnyOrder("share.accessed", "share.destroyed", "share.destroyed",
                "share.password_failed", "share.destroyed");
    }

    @Test
    void deliverWhenShareExpiresThenExpiredEventFromTheCleanUp() {
        String secret = webhooks.set("owner", receiver.url("/hook"));
        String id = api.create(aText("short-lived"), api.as("owner")).id();
        jdbc.sql("update shares set expires_at = :past where id = :id")
                .param("past", java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).minusSeconds(5)).param("id", id)
                .update();
        ShareTestHooks.runCleanup(context);

        WebhookReceiver.Received got = receiver.await("/hook", 1).get(0);
        assertSigned(got, secret);
        assertThat(got.json().get("type").asString()).isEqualTo("share.expired");
        assertThat(got.json().get("shareId").asString()).isEqualTo(id);
        assertThat(got.json().get("ip").isNull()).as("the server acted, no client").isTrue();
    }

    @Test
    void deliverWhenAdminBurnsShareThenOwnersWebhookGetsDestroyedWithReasonBurnedByAdmin() {
        // issue 20 item 1: a moderation burn goes through the same event flow as any destruction
        webhooks.set("owner", receiver.url("/hook"));
        String id = api.create(aText("reported"), api.as("owner")).id();
        AccountFixtures fixtures = new AccountFixtures(context, api.http());
        AccountFixtures.Session admin = fixtures.login(fixtures.anAccount().admin().create());

        java.net.http.HttpRequest.Builder burn = api.http().request("/api/admin/shares/" + id)
                .header("Content-Type", "application/json")
                .method("DELETE", java.net.http.HttpRequest.BodyPublishers.ofString("{\"reason\":\"phishing\"}"));
        String[] headers = admin.cookieAndCsrfHeaders();
        for (int i = 0; i < headers.length; i += 2) {
            burn.header(headers[i], headers[i + 1]);
        }
        assertThat(api.http().send(burn.build()).statusCode()).isEqualTo(204);

        // the outbox row the worker delivers (asserted there, not at the receiver: the first delivery of a
        // context can miss this context's 1 s connect timeout on a loaded machine, and then dies after 4 s)
        EventPublications.awaitSettled(jdbc, id);
        String payload = jdbc.sql("select payload from webhook_deliveries where share_id = :id and type = 'share.destroyed'")
                .param("id", id).query(String.class).single();
        JsonNode json = TestHttp.JSON.readTree(payload);
        assertThat(json.get("reason").asString()).isEqualTo("burned_by_admin");
        assertThat(json.get("ip").isNull()).as("the administrator's address is not the owner's to see").isTrue();
        assertThat(payload).doesNotContain("phishing");
        assertThat(jdbc.sql("select account_id from webhook_deliveries where share_id = :id").param("id", id)
                .query(String.class).single()).isEqualTo(api.accountId("owner"));
    }

    @Test
    void deliverWhenCiphertextTamperedThenTamperDetectedEvent() {
        String secret = webhooks.set("owner", receiver.url("/hook"));
        String id = api.create(aText("tamper me").with("maxViews", 3), api.as("owner")).id();
        new StoredSecrets(context).alterInline(id, StoredSecrets::flipNearEnd);
        assertThat(api.content(id, api.ticket(id)).statusCode()).isEqualTo(404);

        List<WebhookReceiver.Received> got = receiver.await("/hook", got3 -> types(got3).contains("share.tamper_detected")
                && types(got3).contains("share.destroyed"), Duration.ofSeconds(15));
        got.forEach(r -> assertSigned(r, secret));
        assertThat(reasonOf(got, id)).isEqualTo("tamper");
    }

    @Test
    void deliverWhenShareHasItsOwnWebhookThenItWinsOverTheAccountWebhook() {
        webhooks.set("owner", receiver.url("/account"));
        ShareApi.Created share = api.create(aText("own hook").with("webhookUrl", receiver.url("/share")), api.as("owner"));
        String shareSecret = share.body().get("webhookSecret").asString();
        assertThat(shareSecret).startsWith("bar_whs_").hasSize(8 + 43);
        api.read(share.id());

        WebhookReceiver.Received got = receiver.await("/share", 2).get(0);
        assertSigned(got, shareSecret);
        assertThat(receiver.at("/account")).isEmpty();
        assertThat(webhooks.deliveries("owner")).extracting(d -> d.get("shareId").asString()).contains(share.id());
    }

    @Test
    void deliverWhenReceiverFailsTwiceThenRetriedWithTheSameEventIdUntilAccepted() {
        receiver.on("/flaky", WebhookReceiver.failFirst(2, 503));
        String secret = webhooks.set("owner", receiver.url("/flaky"));
        api.read(api.create(aText("retry"), api.as("owner")).id()); // accessed + destroyed

        List<WebhookReceiver.Received> got = receiver.await("/flaky", 4);
        got.forEach(r -> assertSigned(r, secret));
        List<JsonNode> deliveries = webhooks.awaitDeliveries("owner",
                d -> d.size() == 2 && d.stream().allMatch(x -> x.get("status").asString().equals("DELIVERED")),
                Duration.ofSeconds(15));
        int attempts = deliveries.stream().mapToInt(d -> d.get("attempts").asInt()).sum();
        assertThat(attempts).isEqualTo(4); // the first two attempts (of whichever event came first) failed
        for (JsonNode delivery : deliveries) {
            String eventId = delivery.get("eventId").asString();
            assertThat(got.stream().filter(r -> eventId.equals(r.header("BAR-Event-Id"))).count())
                    .isEqualTo(delivery.get("attempts").asLong());
            assertThat(delivery.get("lastStatusCode").asInt()).isEqualTo(204);
            assertThat(delivery.get("nextAttemptAt").isNull()).isTrue();
        }
    }

    @Test
    void deliverWhenReceiverRedirectsThenRedirectNotFollowed() throws Exception {
        // ASVS 15.3.2: never follow a redirect to where the guard did not look
        receiver.on("/moved", WebhookReceiver.redirectTo(receiver.url("/target")));
        webhooks.set("owner", receiver.url("/moved"));
        String id = api.create(aText("redirect").with("maxViews", 2), api.as("owner")).id();
        api.read(id);

        receiver.await("/moved", 2);
        List<JsonNode> deliveries = webhooks.awaitDeliveries("owner", d -> !d.isEmpty() && d.get(0).get("attempts").asInt() >= 2,
                Duration.ofSeconds(10));
        assertThat(deliveries.get(0).get("lastStatusCode").asInt()).isEqualTo(302);
        assertThat(deliveries.get(0).get("status").asString()).isIn("FAILED", "DEAD");
        assertThat(receiver.at("/target")).isEmpty();
    }

    @Test
    void deliverWhenReceiverIsSlowThenAttemptEndsAtTheTimeoutAndOtherDeliveriesGoOn() {
        receiver.on("/slow", WebhookReceiver.slow(Duration.ofSeconds(20)));
        webhooks.set("slow-owner", receiver.url("/slow"));
        webhooks.set("fast-owner", receiver.url("/fast"));
        String slowShare = api.create(aText("slow").with("maxViews", 2), api.as("slow-owner")).id();
        String fastShare = api.create(aText("fast").with("maxViews", 2), api.as("fast-owner")).id();
        api.read(slowShare);
        receiver.await("/slow", 1);
        long slowArrived = System.nanoTime();
        api.read(fastShare);

        receiver.await("/fast", 1);
        assertThat(Duration.ofNanos(System.nanoTime() - slowArrived)).as("the slow receiver holds no one up")
                .isLessThan(Duration.ofMillis(1500));
        JsonNode slow = webhooks.awaitDeliveries("slow-owner", d -> !d.isEmpty() && d.get(0).get("attempts").asInt() >= 1,
                Duration.ofSeconds(6)).get(0);
        assertThat(slow.get("lastStatusCode").isNull()).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - slowArrived)).as("cut at total-timeout=2s")
                .isLessThan(Duration.ofSeconds(4));
    }

    @Test
    void deliverWhenReceiverAlwaysFailsThenDeadAfterTheRetryHorizon() {
        receiver.on("/down", WebhookReceiver.status(500));
        webhooks.set("owner", receiver.url("/down"));
        api.read(api.create(aText("dead letter").with("maxViews", 2), api.as("owner")).id());

        JsonNode dead = webhooks.awaitDeliveries("owner",
                d -> !d.isEmpty() && d.get(0).get("status").asString().equals("DEAD"), Duration.ofSeconds(15)).get(0);
        assertThat(dead.get("attempts").asInt()).isGreaterThanOrEqualTo(3);
        assertThat(dead.get("lastStatusCode").asInt()).isEqualTo(500);
        assertThat(dead.get("nextAttemptAt").isNull()).isTrue();
        int attempts = receiver.at("/down").size();
        sleep(800);
        assertThat(receiver.at("/down")).as("no attempt after death").hasSize(attempts);
    }

    @Test
    void enqueueWhenMoreThanTenEventsForOneShareThenTheRestDroppedAndCounted() {
        webhooks.set("owner", receiver.url("/hook"));
        io.micrometer.core.instrument.MeterRegistry meters = context.getBean(io.micrometer.core.instrument.MeterRegistry.class);
        double droppedBefore = meters.counter("bar.webhooks.dropped").count();
        String id = api.create(aText("popular").with("maxViews", 20), api.as("owner")).id();
        for (int i = 0; i < 12; i++) {
            api.read(id);
        }
        EventPublications.awaitSettled(jdbc, id); // the outbox has counted all 12

        receiver.await("/hook", 10);
        sleep(600);
        assertThat(receiver.at("/hook")).hasSize(10);
        assertThat(jdbc.sql("select dropped from webhook_share_quota where share_id = :s").param("s", id)
                .query(Integer.class).single()).isEqualTo(2);
        assertThat(meters.counter("bar.webhooks.dropped").count() - droppedBefore).isEqualTo(2.0);
    }

    private static void assertSigned(WebhookReceiver.Received got, String secret) {
        assertThat(ReceiverSignatures.verify(secret, got.header("BAR-Signature"), got.body(), Instant.now()))
                .as("signature of %s", got.text()).isTrue();
        assertThat(got.header("BAR-Signature")).matches("t=\\d+,v1=[0-9a-f]{64}");
        String eventId = got.header("BAR-Event-Id");
        assertThat(eventId).startsWith("evt_");
        assertThat(got.json().get("eventId").asString()).isEqualTo(eventId);
    }

    private static List<String> types(List<WebhookReceiver.Received> got) {
        List<String> types = new ArrayList<>();
        got.forEach(r -> types.add(r.json().get("type").asString()));
        return types;
    }

    private static List<JsonNode> byType(List<WebhookReceiver.Received> got, String type) {
        return got.stream().map(WebhookReceiver.Received::json).filter(p -> p.get("type").asString().equals(type)).toList();
    }

    private static String reasonOf(List<WebhookReceiver.Received> got, String shareId) {
        return byType(got, "share.destroyed").stream().filter(p -> p.get("shareId").asString().equals(shareId))
                .map(p -> p.get("reason").asString()).findFirst()
                .orElseThrow(() -> new AssertionError("no share.destroyed for the share"));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
