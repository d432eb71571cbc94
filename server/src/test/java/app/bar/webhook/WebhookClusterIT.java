package app.bar.webhook;

import static app.bar.share.ShareApi.aText;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.bar.platform.cli.ContextCommand;
import app.bar.platform.secrets.KeyRingSpec;
import app.bar.share.ShareApi;
import app.bar.support.TestBackends;
import app.bar.support.TestHttp;
import app.bar.support.TestNodes;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The outbox across nodes and restarts (issue #5 item 5): two nodes polling one database deliver
 * each event once; a delivery written by a node that stops before sending it is sent by a node
 * started afterwards; {@code rewrap} moves webhook secrets to a new master key and back intact.
 */
@WebhookIntegrationTest
class WebhookClusterIT {

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcClient jdbc;

    WebhookReceiver receiver;

    @BeforeEach
    void setUp() {
        receiver = new WebhookReceiver();
    }

    @AfterEach
    void tearDown() {
        receiver.close();
    }

    @Test
    void claimWhenTwoNodesPollOneOutboxThenEachDeliveryArrivesExactlyOnce() {
        ShareApi api = new ShareApi(new TestHttp(port), context);
        new WebhookApi(api).set("owner", receiver.url("/hook"));
        receiver.on("/hook", WebhookReceiver.slow(Duration.ofMillis(100))); // keeps claims overlapping
        try (TestNodes.Node second = TestNodes.start(WebhookIntegrationTest.NODE_PROPERTIES)) {
            for (int i = 0; i < 12; i++) {
                api.read(api.create(aText("busy " + i).with("maxViews", 2), api.as("owner")).id());
            }
            receiver.await("/hook", 12);
            // time for any duplicate to show up: the count must stay at 12 for a second
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                    .until(() -> receiver.at("/hook").size() == 12);
        }
        List<String> eventIds = receiver.at("/hook").stream().map(r -> r.header("BAR-Event-Id")).toList();
        assertThat(eventIds).hasSize(12).doesNotHaveDuplicates();
    }

    @Test
    void deliverWhenNodeStoppedBeforeSendingThenANodeStartedLaterDelivers() {
        DeliveryWorker worker = context.getBean(DeliveryWorker.class);
        worker.stop(); // this context's worker must not be the one that delivers
        try {
            Map<String, String> slowPoller = new HashMap<>(WebhookIntegrationTest.NODE_PROPERTIES);
            slowPoller.put("bar.webhooks.worker-interval", "1h"); // a node stopped before its worker ever ran
            String secret;
            String shareId;
            try (TestNodes.Node first = TestNodes.start(slowPoller)) {
                ShareApi api = new ShareApi(first.http(), first.context());
                secret = new WebhookApi(api).set("owner", receiver.url("/hook"));
                shareId = api.create(aText("survive a restart").with("maxViews", 2), api.as("owner")).id();
                api.read(shareId);
            }
            assertThat(status(shareId)).isEqualTo("PENDING");
            assertThat(receiver.received()).isEmpty();

            try (TestNodes.Node later = TestNodes.start(WebhookIntegrationTest.NODE_PROPERTIES)) {
                WebhookReceiver.Received got = receiver.await("/hook", 1).get(0);
                assertThat(ReceiverSignatures.verify(secret, got.header("BAR-Signature"), got.body(), Instant.now())).isTrue();
                assertThat(got.json().get("shareId").asString()).isEqualTo(shareId);
                long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
                while (!status(shareId).equals("DELIVERED") && System.nanoTime() < deadline) {
                    Thread.onSpinWait();
                }
                assertThat(status(shareId)).isEqualTo("DELIVERED");
            }
        } finally {
            worker.start();
        }
    }

    @Test
    void rewrapWhenMasterKeyRotatedThenWebhookSecretsMoveAndStillSign() {
        ShareApi api = new ShareApi(new TestHttp(port), context);
        String secret = new WebhookApi(api).set("owner", receiver.url("/hook"));
        String accountId = api.accountId("owner");
        String oldRing = TestBackends.properties().get("bar.crypto.master-keys");
        String oldKid = oldRing.substring(0, oldRing.indexOf(':'));
        String newEntry = KeyRingSpec.generateEntry("mk-webhooks", KeyRingSpec.MASTER_KEY_BYTES);
        String newKid = newEntry.substring(0, newEntry.indexOf(':'));
        try {
            assertThat(rewrap(newEntry + "," + oldRing)).isZero();
            assertThat(kidOf(accountId)).isEqualTo(newKid);
        } finally {
            assertThat(rewrap(oldRing + "," + newEntry)).isZero(); // back to the ring this context uses
        }
        assertThat(kidOf(accountId)).isEqualTo(oldKid);
        api.read(api.create(aText("after rewrap").with("maxViews", 2), api.as("owner")).id());
        WebhookReceiver.Received got = receiver.await("/hook", 1).get(0);
        assertThat(ReceiverSignatures.verify(secret, got.header("BAR-Signature"), got.body(), Instant.now())).isTrue();
    }

    private String status(String shareId) {
        Set<String> statuses = jdbc.sql("select status from webhook_deliveries where share_id = :s").param("s", shareId)
                .query(String.class).list().stream().collect(Collectors.toSet());
        return statuses.size() == 1 ? statuses.iterator().next() : statuses.toString();
    }

    private String kidOf(String accountId) {
        return jdbc.sql("select key_id from account_webhooks where account_id = :a").param("a", accountId)
                .query(String.class).single();
    }

    private static int rewrap(String ring) {
        try (TestNodes.Node maintenance = TestNodes.start(Map.of("bar.crypto.master-keys", ring,
                "spring.main.web-application-type", "none", "bar.scheduling.enabled", "false"))) {
            return maintenance.context().getBean("rewrap", ContextCommand.class).run(new String[0]);
        }
    }
}
