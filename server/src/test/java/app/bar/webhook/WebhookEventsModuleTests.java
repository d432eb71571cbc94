package app.bar.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.when;

import app.bar.account.AccountDeleted;
import app.bar.account.AccountDirectory;
import app.bar.audit.SecurityEvents;
import app.bar.crypto.MasterKeySeal;
import app.bar.platform.SqlTime;
import app.bar.share.DestroyReason;
import app.bar.share.ShareAccessed;
import app.bar.share.ShareDestroyed;
import app.bar.share.ShareEvent;
import app.bar.share.ShareId;
import app.bar.support.EventPublications;
import app.bar.support.TestBackends;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The webhook module alone, fed the events of the share and account modules: the outbox writes
 * one delivery per event however often the event arrives, none for anonymous shares (not even a
 * publication) or deleted accounts, and a deleted account's webhooks go — whichever runs first.
 */
@ApplicationModuleTest
@ContextConfiguration(initializers = TestBackends.class)
class WebhookEventsModuleTests {

    @MockitoBean
    SecurityEvents security;
    @MockitoBean
    MasterKeySeal seal;
    @MockitoBean
    AccountDirectory accounts;

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher publisher;

    WebhookEventsModuleTests(JdbcClient jdbc, TransactionTemplate tx, ApplicationEventPublisher publisher) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.publisher = publisher;
    }

    @Test
    void onShareEventWhenItArrivesTwiceThenOneDeliveryAndOneQuotaUse(Scenario scenario) {
        String owner = ownerWithWebhook();
        ShareAccessed event = accessed(owner);
        String share = event.shareId().value();
        scenario.publish(event).andWaitForStateChange(() -> deliveries(share), n -> n == 1);

        // what a resubmission does after a crash between the listener's commit and its completion
        scenario.publish(event).andWaitForStateChange(() -> EventPublications.incomplete(jdbc, share), n -> n == 0)
                .andVerify(n -> {
                    assertThat(deliveries(share)).isEqualTo(1);
                    assertThat(jdbc.sql("select event_id from webhook_deliveries where share_id = :s").param("s", share)
                            .query(String.class).single()).isEqualTo("evt_" + event.eventId());
                    assertThat(jdbc.sql("select used from webhook_share_quota where share_id = :s").param("s", share)
                            .query(Integer.class).single()).isEqualTo(1);
                });
    }

    @Test
    void onShareEventWhenOwnerAccountDeletedThenNoDeliveryWhateverRanFirst(Scenario scenario) {
        String owner = ownerWithWebhook(); // its clean-up has not run yet: the webhook is still there
        when(accounts.isDeleted(owner)).thenReturn(true);
        ShareDestroyed burned = new ShareDestroyed(ShareEvent.newId(), ShareId.random(), owner, Instant.now(), null,
                null, 1, DestroyReason.BURNED_BY_OWNER);
        String share = burned.shareId().value();

        scenario.publish(burned).andWaitForStateChange(() -> EventPublications.incomplete(jdbc, share), n -> n == 0)
                .andVerify(n -> assertThat(deliveries(share)).isZero());
    }

    @Test
    void onShareEventWhenShareAnonymousThenNoPublicationIsEvenStored() {
        ShareAccessed anonymous = new ShareAccessed(ShareEvent.newId(), ShareId.random(), null, Instant.now(), null,
                null, 0);
        ShareAccessed owned = accessed("acct-" + System.nanoTime());
        int[] stored = tx.execute(status -> {
            publisher.publishEvent(anonymous);
            publisher.publishEvent(owned);
            return new int[] {EventPublications.incomplete(jdbc, anonymous.shareId().value()),
                    EventPublications.incomplete(jdbc, owned.shareId().value())};
        });
        assertThat(stored).containsExactly(0, 1); // the hot path of anonymous shares writes nothing for webhooks
    }

    @Test
    void onAccountDeletedThenItsWebhooksAndDeliveriesGo(Scenario scenario) {
        String owner = ownerWithWebhook();
        jdbc.sql("""
                insert into webhook_deliveries (event_id, account_id, share_id, target, type, payload, status, attempts,
                    next_attempt_at, created_at)
                values (:id, :a, :s, 'ACCOUNT', 'share.accessed', '{}', 'PENDING', 0, :now, :now)""")
                .param("id", "evt_" + ShareEvent.newId()).param("a", owner).param("s", ShareId.random().value())
                .param("now", SqlTime.of(Instant.now())).update();

        scenario.publish(new AccountDeleted(owner, Instant.now()))
                .andWaitForStateChange(() -> jdbc.sql("""
                        select (select count(*) from account_webhooks where account_id = :a)
                             + (select count(*) from webhook_deliveries where account_id = :a)""")
                        .param("a", owner).query(Integer.class).single(), n -> n == 0);
    }

    private String ownerWithWebhook() {
        String owner = "acct-" + System.nanoTime();
        jdbc.sql("insert into account_webhooks (account_id, key_id, sealed_secret, created_at) values (:a, 'k', 's', :now)")
                .param("a", owner).param("now", SqlTime.of(Instant.now())).update();
        return owner;
    }

    private static ShareAccessed accessed(String owner) {
        return new ShareAccessed(ShareEvent.newId(), ShareId.random(), owner, Instant.now(), "203.0.***.***", "Firefox", 1);
    }

    private int deliveries(String share) {
        return jdbc.sql("select count(*) from webhook_deliveries where share_id = :s").param("s", share)
                .query(Integer.class).single();
    }
}
