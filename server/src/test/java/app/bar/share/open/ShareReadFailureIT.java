package app.bar.share.open;

import static org.assertj.core.api.Assertions.assertThat;

import app.bar.share.ShareApi;
import app.bar.share.ShareFiles;
import app.bar.share.ShareIntegrationTest;
import app.bar.support.TestHttp;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 11 item 1: a storage read failure after the view was taken (a real I/O error: the blob's
 * path is a directory, so reading it fails with "Is a directory") gives the view back — the only
 * view of the share is not burned by the server's own failure.
 */
@ShareIntegrationTest
// the failure is made in the filesystem blob store; the external run keeps its blobs in S3
@DisabledIfSystemProperty(named = "bar.it.backend", matches = "external")
class ShareReadFailureIT {

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
    void contentWhenBlobCannotBeReadThenViewGivenBackAndShareOpensLater() throws Exception {
        byte[] content = ShareFiles.withMarker(256 * 1024, "READFAIL", 5);
        ShareApi.Created created = api.createFile("r.bin", content);
        Path blob = ShareFiles.blobOf(jdbc, created.id());
        Path aside = blob.resolveSibling(blob.getFileName() + ".aside");
        Files.move(blob, aside);
        Files.createDirectory(blob); // opens, then every read fails: EISDIR

        assertThat(api.content(created.id(), api.ticket(created.id())).statusCode()).isEqualTo(500);
        assertThat(viewsUsed(created.id())).as("the view was given back").isZero();

        Files.delete(blob);
        Files.move(aside, blob);
        var download = api.content(created.id(), api.ticket(created.id()));
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(content);
        assertThat(api.metadata(created.id()).statusCode()).as("its only view is used now").isEqualTo(404);
    }

    private int viewsUsed(String id) {
        return jdbc.sql("select views_used from shares where id = :id").param("id", id).query(Integer.class).single();
    }
}
