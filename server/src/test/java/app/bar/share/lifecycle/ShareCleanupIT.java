package app.bar.share.lifecycle;

import static app.bar.share.ShareApi.aText;
import static org.assertj.core.api.Assertions.assertThat;

import app.bar.share.ShareApi;
import app.bar.share.ShareFiles;
import app.bar.share.ShareIntegrationTest;
import app.bar.share.StoredSecrets;
import app.bar.storage.BlobId;
import app.bar.storage.BlobStore;
import app.bar.support.TestHttp;
import bartest.share.ShareTestSupport;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The clean-up job (issue #4 item 13): expiry, orphans, abandoned uploads, safe on every node at once. */
@ShareIntegrationTest
class ShareCleanupIT {

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ShareCleanup cleanup;
    @Autowired
    BlobStore blobs;
    @Autowired
    ShareTestSupport.MovableClock clock;
    ShareApi api;

    @BeforeEach
    void setUp() {
        api = new ShareApi(new TestHttp(port), context);
    }

    @Test
    void cleanupWhenShareExpiredThenKeyAndBlobShreddedAndTombstoneLeft() {
        ShareApi.Created created = api.createFile("exp.bin", new byte[2000], api.as("acct-exp"));
        Path blob = ShareFiles.blobOf(jdbc, created.id());
        jdbc.sql("update shares set expires_at = :t where id = :id")
                .param("t", app.bar.platform.SqlTime.of(clock.instant().minusSeconds(60))).param("id", created.id()).update();
        cleanup.runOnce();
        Map<String, Object> row = jdbc.sql("select state, destroy_reason, wrapped_key, filename from shares where id = :id")
                .param("id", created.id()).query().singleRow();
        assertThat(row.get("state")).isEqualTo("DESTROYED");
        assertThat(row.get("destroy_reason")).isEqualTo("EXPIRED");
        assertThat(row.get("wrapped_key")).isNull();
        assertThat(row.get("filename")).isNull();
        assertThat(blob).doesNotExist();
        assertThat(jdbc.sql("select outcome from share_access_log where share_id = :id").param("id", created.id())
                .query(String.class).list()).containsExactly("expired");
    }

    @Test
    void cleanupWhenRowStillHoldsItsSecretsThenMovedToASecretsBlobAndStillOpens() {
        ShareApi.Created created = api.create(aText("from before secrets blobs").with("filename", "legacy.txt")
                .with("maxViews", 2));
        StoredSecrets secrets = new StoredSecrets(context);
        secrets.moveBackToRow(created.id());
        assertThat(api.read(created.id())).as("a legacy row is read as it is").isEqualTo("from before secrets blobs");

        cleanup.runOnce();

        Map<String, Object> row = jdbc.sql("""
                select wrapped_key, inline_content, filename, secrets_blob_id from shares where id = :id""")
                .param("id", created.id()).query().singleRow();
        assertThat(row.get("wrapped_key")).isNull();
        assertThat(row.get("inline_content")).isNull();
        assertThat(row.get("filename")).isNull();
        assertThat(row.get("secrets_blob_id")).isNotNull();
        assertThat(secrets.row(created.id()).content().filename()).isEqualTo("legacy.txt");
        assertThat(api.read(created.id())).isEqualTo("from before secrets blobs");
    }

    @Test
    void cleanupWhenShareLiveThenItsSecretsBlobIsNoOrphan() {
        ShareApi.Created created = api.create(aText("kept"));
        clock.advance(Duration.ofHours(2));
        cleanup.runOnce();
        assertThat(api.read(created.id())).isEqualTo("kept");
    }

    @Test
    void cleanupWhenBlobBelongsToNoLiveShareThenRemovedAfterGrace() throws Exception {
        BlobId orphan;
        try (BlobStore.BlobWriter writer = blobs.create()) {
            writer.stream().write(new byte[] {1, 2, 3});
            writer.commit();
            orphan = writer.id();
        }
        ShareApi.Created live = api.createFile("live.bin", new byte[10]);
        assertThat(ShareFiles.allBlobs()).anyMatch(p -> p.getFileName().toString().equals(orphan.value()));
        clock.advance(Duration.ofHours(2));
        cleanup.runOnce();
        assertThat(ShareFiles.allBlobs()).noneMatch(p -> p.getFileName().toString().equals(orphan.value()));
        assertThat(ShareFiles.blobOf(jdbc, live.id())).exists();
    }

    @Test
    void cleanupWhenUploadNeverCompletedThenShareDestroyed() {
        ShareApi.Created pending = api.create(ShareApi.aFile("never.bin").with("expiresIn", 3 * 86400),
                api.as("acct-pending"));
        clock.advance(Duration.ofHours(25));
        cleanup.runOnce();
        assertThat(jdbc.sql("select destroy_reason from shares where id = :id").param("id", pending.id())
                .query(String.class).single()).isEqualTo("UPLOAD_ABANDONED");
        assertThat(api.upload(pending.id(), pending.manageToken(), new byte[3]).statusCode()).isEqualTo(404);
    }

    @Test
    void cleanupWhenManyNodesRunAtOnceThenEachShareDestroyedExactlyOnce() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            ids.add(api.create(aText("e" + i).with("expiresIn", 60)).id());
        }
        clock.advance(Duration.ofSeconds(61));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<CompletableFuture<ShareCleanup.Report>> runs = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                runs.add(CompletableFuture.supplyAsync(cleanup::runOnce, pool));
            }
            runs.forEach(CompletableFuture::join);
        } finally {
            pool.shutdown();
        }
        for (String id : ids) {
            assertThat(jdbc.sql("select count(*) from share_access_log where share_id = :id and outcome = 'expired'")
                    .param("id", id).query(Integer.class).single()).isEqualTo(1);
        }
    }

    @Test
    void cleanupWhenUsedUpShareRefreshWindowOverThenShredded() {
        String id = api.create(aText("r").with("viewRefreshMinutes", 5)).id();
        api.read(id);
        cleanup.runOnce();
        assertThat(jdbc.sql("select count(*) from shares where id = :id and secrets_blob_id is not null").param("id", id)
                .query(Integer.class).single()).isEqualTo(1);
        clock.advance(Duration.ofMinutes(6));
        cleanup.runOnce();
        assertThat(jdbc.sql("select destroy_reason from shares where id = :id").param("id", id).query(String.class)
                .single()).isEqualTo("VIEWS_USED");
    }
}
