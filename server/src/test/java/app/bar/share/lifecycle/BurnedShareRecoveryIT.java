package app.bar.share.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.bar.crypto.ContentCipher;
import app.bar.crypto.Envelope;
import app.bar.share.ShareApi;
import app.bar.share.ShareIntegrationTest;
import app.bar.support.TestBackends;
import app.bar.support.TestHttp;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Destroyed means unrecoverable (issue 21 item 1): after a share is burned or used up, an
 * attacker with the master keys and everything the deployment leaves on disk — the database's
 * files and WAL (PostgreSQL) or its file (H2), a {@code pg_dump} taken before the destruction,
 * and the blob store — finds no way to its data key, its content or its filename.
 */
@ShareIntegrationTest
class BurnedShareRecoveryIT {

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Envelope envelope;
    @Autowired
    ContentCipher cipher;
    ShareApi api;

    @BeforeEach
    void setUp() {
        api = new ShareApi(new TestHttp(port), context);
    }

    @Test
    void burnWhenDatabaseFilesDumpAndBlobsSearchedWithMasterKeysThenTextShareStaysGone() {
        String secret = "burned text " + UUID.randomUUID();
        String filename = "burned-" + UUID.randomUUID() + ".txt";
        ShareApi.Created created = api.create(ShareApi.aText(secret).with("filename", filename).with("maxViews", 3));
        byte[] dump = dumpIfExternal();

        assertThat(api.burn(created.id(), "Authorization", "Bearer " + created.manageToken()).statusCode()).isEqualTo(204);

        assertThat(new ShreddingAttack(jdbc, envelope, cipher).gather(dump)
                .findings(Set.of(created.id()), secret, filename)).isEmpty();
    }

    @Test
    void lastViewWhenDatabaseFilesDumpAndBlobsSearchedWithMasterKeysThenFileShareStaysGone() {
        String secret = "used-up file " + UUID.randomUUID();
        String filename = "used-up-" + UUID.randomUUID() + ".txt";
        ShareApi.Created created = api.createFile(filename, secret.getBytes(StandardCharsets.UTF_8));
        byte[] dump = dumpIfExternal();

        assertThat(api.read(created.id())).isEqualTo(secret);
        // a file's last view is shredded once its stream has ended, which the reader may see a moment before
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
                "select count(*) from shares where id = :id and state = 'DESTROYED' and blob_id is null")
                .param("id", created.id()).query(Integer.class).single() == 1);

        assertThat(new ShreddingAttack(jdbc, envelope, cipher).gather(dump)
                .findings(Set.of(created.id()), secret, filename)).isEmpty();
    }

    private byte[] dumpIfExternal() {
        return TestBackends.EXTERNAL ? ShreddingAttack.pgDump(jdbc) : new byte[0];
    }
}
