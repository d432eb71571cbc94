package app.bar.share.open;

import static org.assertj.core.api.Assertions.assertThat;

import app.bar.share.ShareApi;
import app.bar.share.StoredSecrets;
import app.bar.share.ShareFiles;
import app.bar.share.ShareIntegrationTest;
import app.bar.support.TestHttp;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Tamper detection: a flipped ciphertext byte cuts the stream, quarantines the share and is a security event (item 10). */
@ShareIntegrationTest
class ShareTamperIT {

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
    void contentWhenBlobByteFlippedMidFileThenStreamCutAndShareQuarantined() throws Exception {
        byte[] content = ShareFiles.withMarker(3 * 1024 * 1024, "TAMPER", 11);
        ShareApi.Created created = api.createFile("t.bin", content, api.as("acct-tamper"));
        flip(ShareFiles.blobOf(jdbc, created.id()), (long) (2.5 * 1024 * 1024));
        String ticket = api.ticket(created.id());
        HttpRequest request = api.http().request("/api/shares/" + created.id() + "/content")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"ticket\":\"" + ticket + "\"}")).build();
        boolean cut;
        try {
            HttpResponse<byte[]> response = api.http().client().send(request, HttpResponse.BodyHandlers.ofByteArray());
            cut = response.body().length < content.length;
        } catch (IOException e) {
            cut = true; // premature end of the declared Content-Length
        }
        assertThat(cut).as("the download must never end cleanly").isTrue();
        assertQuarantined(created.id());
    }

    @Test
    void contentWhenStoredTextCiphertextAlteredThen404AndShareQuarantined() {
        ShareApi.Created created = api.create(ShareApi.aText("tamper me"));
        new StoredSecrets(context).alterInline(created.id(), StoredSecrets::flipNearEnd);
        ShareApi.assertProblem(api.content(created.id(), api.ticket(created.id())), 404, "resource.not_found");
        assertQuarantined(created.id());
    }

    private void assertQuarantined(String id) {
        assertThat(api.metadata(id).statusCode()).isEqualTo(404);
        Map<String, Object> row = jdbc.sql("select state, wrapped_key, destroy_reason from shares where id = :id")
                .param("id", id).query().singleRow();
        assertThat(row.get("state")).isEqualTo("QUARANTINED");
        assertThat(row.get("wrapped_key")).isNull();
        assertThat(jdbc.sql("select count(*) from share_access_log where share_id = :id and outcome = 'tamper_detected'")
                .param("id", id).query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from security_events where type = 'share.tamper_detected'")
                .query(Integer.class).single()).isPositive();
    }

    private static void flip(Path blob, long offset) throws IOException {
        try (RandomAccessFile file = new RandomAccessFile(blob.toFile(), "rw")) {
            file.seek(offset);
            int b = file.read();
            file.seek(offset);
            file.write(b ^ 0x01);
        }
    }
}
