package app.bar.share.open;

import static app.bar.share.ShareApi.aText;
import static org.assertj.core.api.Assertions.assertThat;

import app.bar.share.ShareApi;
import app.bar.share.ShareIntegrationTest;
import app.bar.support.TestHttp;
import app.bar.support.TestNodes;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Exactly-once views (issue #4 item 6, ASVS 2.3.3/2.3.4): 50 readers holding valid tickets race
 * for a 1-view share; one gets the content, 49 get 404 — on one node, and spread over two nodes
 * that share the database.
 */
@ShareIntegrationTest
class ShareRaceIT {

    private static final int READERS = 50;
    private static TestNodes.Node second;

    @LocalServerPort
    int port;
    ShareApi api;

    @BeforeEach
    void setUp() {
        api = new ShareApi(new TestHttp(port));
    }

    @AfterAll
    static void stopSecondNode() {
        if (second != null) {
            second.close();
        }
    }

    @Test
    void contentWhenFiftyReadersRaceForOneViewOnOneNodeThenExactlyOneGetsIt() {
        String id = api.create(aText("only once")).id();
        List<TestHttp> nodes = List.of(api.http());
        assertExactlyOne(race(id, nodes));
    }

    @Test
    void contentWhenFiftyReadersRaceForOneViewAcrossTwoNodesThenExactlyOneGetsIt() {
        if (second == null) {
            second = TestNodes.start(Map.of("bar.scheduling.enabled", "false"));
        }
        String id = api.create(aText("only once, cluster-wide")).id();
        assertExactlyOne(race(id, List.of(api.http(), second.http())));
    }

    @Test
    void contentWhenThreeViewsAndFiftyReadersThenExactlyThreeGetIt() {
        String id = api.create(aText("three").with("maxViews", 3)).id();
        List<HttpResponse<String>> responses = race(id, List.of(api.http()));
        assertThat(responses.stream().filter(r -> r.statusCode() == 200).count()).isEqualTo(3);
    }

    private List<HttpResponse<String>> race(String id, List<TestHttp> nodes) {
        List<HttpRequest> requests = new ArrayList<>();
        for (int i = 0; i < READERS; i++) {
            TestHttp node = nodes.get(i % nodes.size());
            String ticket = new ShareApi(node).ticket(id);
            requests.add(node.request("/api/shares/" + id + "/content").header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"ticket\":\"" + ticket + "\"}")).build());
        }
        List<CompletableFuture<HttpResponse<String>>> inFlight = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            inFlight.add(nodes.get(i % nodes.size()).client().sendAsync(requests.get(i),
                    HttpResponse.BodyHandlers.ofString()));
        }
        return inFlight.stream().map(CompletableFuture::join).toList();
    }

    private static void assertExactlyOne(List<HttpResponse<String>> responses) {
        assertThat(responses).hasSize(READERS);
        assertThat(responses.stream().filter(r -> r.statusCode() != 404).map(r -> r.statusCode() + " " + r.body()))
                .as("answers other than 404").hasSize(1);
        assertThat(responses.stream().filter(r -> r.statusCode() == 200).toList()).hasSize(1);
        assertThat(responses.stream().filter(r -> r.statusCode() == 404).toList()).hasSize(READERS - 1);
    }
}
