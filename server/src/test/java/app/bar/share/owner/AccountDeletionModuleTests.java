package app.bar.share.owner;

import static org.assertj.core.api.Assertions.assertThat;

import app.bar.account.AccountDeleted;
import app.bar.account.AccountDirectory;
import app.bar.audit.SecurityEvents;
import app.bar.crypto.ContentCipher;
import app.bar.crypto.Envelope;
import app.bar.crypto.MasterKeySeal;
import app.bar.crypto.PasswordKdf;
import app.bar.mail.Mailer;
import app.bar.platform.SqlTime;
import app.bar.share.ShareId;
import app.bar.storage.BlobStore;
import app.bar.support.EventPublications;
import app.bar.support.TestBackends;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * The share module alone, fed the account module's {@link AccountDeleted}: the account's shares
 * are shredded and their rows removed after the deletion committed; a second delivery of the
 * event (a resubmission) changes nothing more.
 */
@ApplicationModuleTest
@ContextConfiguration(initializers = TestBackends.class)
class AccountDeletionModuleTests {

    @MockitoBean
    BlobStore blobs;
    @MockitoBean
    ContentCipher cipher;
    @MockitoBean
    Envelope envelope;
    @MockitoBean
    PasswordKdf kdf;
    @MockitoBean
    MasterKeySeal seal;
    @MockitoBean
    AccountDirectory accounts;
    @MockitoBean
    Mailer mailer;
    @MockitoBean
    SecurityEvents security;

    private final JdbcClient jdbc;

    AccountDeletionModuleTests(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Test
    void onAccountDeletedThenItsSharesGoAndAnotherAccountsStay(Scenario scenario) {
        String owner = "acct-" + System.nanoTime();
        aTextShare(owner);
        aTextShare(owner);
        String other = aTextShare("acct-other-" + System.nanoTime());
        AccountDeleted deleted = new AccountDeleted(owner, Instant.now());

        scenario.publish(deleted).andWaitForStateChange(() -> sharesOf(owner), n -> n == 0)
                .andVerify(n -> assertThat(stateOf(other)).isEqualTo("ACTIVE"));

        scenario.publish(deleted).andWaitForStateChange(() -> EventPublications.incomplete(jdbc, owner), n -> n == 0)
                .andVerify(n -> {
                    assertThat(sharesOf(owner)).isZero();
                    assertThat(stateOf(other)).isEqualTo("ACTIVE");
                });
    }

    @Test
    void onAccountDeletedThenItsRequestsForASecretGoAndAnotherAccountsStay(Scenario scenario) {
        String owner = "acct-" + System.nanoTime();
        aRequest(owner);
        String other = aRequest("acct-other-" + System.nanoTime());

        scenario.publish(new AccountDeleted(owner, Instant.now()))
                .andWaitForStateChange(() -> requestsOf(owner), n -> n == 0)
                .andVerify(n -> assertThat(jdbc.sql("select count(*) from secret_requests where id = :id").param("id", other)
                        .query(Integer.class).single()).isEqualTo(1));
    }

    private String aRequest(String owner) {
        String id = ShareId.random().value();
        Instant now = Instant.now();
        jdbc.sql("""
                insert into secret_requests (id, owner_account_id, note, max_bytes, max_views, share_expires_seconds,
                    failed_attempts, state, created_at, expires_at)
                values (:id, :owner, 'the ask', 1000, 1, 3600, 0, 'OPEN', :now, :expires)""")
                .param("id", id).param("owner", owner).param("now", SqlTime.of(now))
                .param("expires", SqlTime.of(now.plus(Duration.ofHours(1)))).update();
        return id;
    }

    private int requestsOf(String owner) {
        return jdbc.sql("select count(*) from secret_requests where owner_account_id = :o").param("o", owner)
                .query(Integer.class).single();
    }

    private String aTextShare(String owner) {
        String id = ShareId.random().value();
        Instant now = Instant.now();
        jdbc.sql("""
                insert into shares (id, kind, state, owner_id, manage_token_hash, created_at, expires_at, max_views,
                    view_only, requires_password, require_otp, zero_knowledge, inline_content, key_id, wrapped_key)
                values (:id, 'text', 'ACTIVE', :owner, 'h', :now, :expires, 1, false, false, false, false, 'c', 'k', 'w')""")
                .param("id", id).param("owner", owner).param("now", SqlTime.of(now))
                .param("expires", SqlTime.of(now.plus(Duration.ofHours(1)))).update();
        return id;
    }

    private int sharesOf(String owner) {
        return jdbc.sql("select count(*) from shares where owner_id = :o").param("o", owner).query(Integer.class).single();
    }

    private String stateOf(String id) {
        return jdbc.sql("select state from shares where id = :id").param("id", id).query(String.class).single();
    }
}
