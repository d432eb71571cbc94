package app.bar.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.bar.share.ShareApi;
import app.bar.support.TestHttp;
import app.bar.support.TestNodes;
import app.bar.support.TestS3;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Two nodes sharing the database (PostgreSQL and Redis on the external run) and one bucket
 * (issue 15): a file uploaded through one node is served by the other, and 50 readers racing
 * for its single view get exactly one copy.
 */
class S3ClusterIT {

    private static final int READERS = 50;

    @Test
    void contentWhenCreatedOnOneNodeAndFiftyRaceOnTheOtherThenExactlyOneCopy() throws Exception {
        TestS3 s3 = TestS3.get();
        String bucket = s3.createBucket();
        Map<String, String> node = new HashMap<>(s3.properties(bucket));
        node.put("bar.scheduling.enabled", "false");
        byte[] content = S3BlobStoreIT.random(20 * 1024 * 1024 + 17, 9); // three parts of 8 MiB
        try (TestNodes.Node creator = TestNodes.start(node); TestNodes.Node server = TestNodes.start(node)) {
            ShareApi.Created share = new ShareApi(creator.http()).createFile("shared.bin", content);
            assertThat(s3.keys(bucket)).as("the share's secrets blob and its content").hasSize(2);
            List<HttpResponse<byte[]>> responses = race(new ShareApi(server.http()), share.id());
            assertThat(responses.stream().filter(r -> r.statusCode() == 404)).hasSize(READERS - 1);
            List<HttpResponse<byte[]>> served = responses.stream().filter(r -> r.statusCode() == 200).toList();
            assertThat(served).hasSize(1);
            assertThat(MessageDigest.isEqual(served.get(0).body(), content)).as("byte for byte").isTrue();
            assertThat(creator.http().postJson("/api/shares/" + share.id() + "/unlock", Map.of()).statusCode())
                    .isEqualTo(404);
            await().atMost(Duration.ofSeconds(30)).until(() -> s3.keys(bucket).isEmpty());
        }
    }

    private static List<HttpResponse<byte[]>> race(ShareApi api, String id) {
        TestHttp http = api.http();
        List<HttpRequest> requests = new ArrayList<>();
        for (int i = 0; i < READERS; i++) {
            requests.add(http.request("/api/shares/" + id + "/content").timeout(Duration.ofMinutes(2))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"ticket\":\"" + api.ticket(id) + "\"}")).build());
        }
        List<CompletableFuture<HttpResponse<byte[]>>> inFlight = requests.stream()
                .map(r -> http.client().sendAsync(r, HttpResponse.BodyHandlers.ofByteArray())).toList();
        return inFlight.stream().map(CompletableFuture::join).toList();
    }
}
