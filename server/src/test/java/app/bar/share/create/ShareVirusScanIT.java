package app.bar.share.create;

import static app.bar.share.ShareApi.aFile;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import app.bar.share.ShareApi;
import app.bar.share.ShareFiles;
import app.bar.support.BarIntegrationTest;
import app.bar.support.TestClamd;
import app.bar.support.TestHttp;
import app.bar.support.TestNodes;
import bartest.share.ShareTestSupport;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Uploads scanned by a real clamd (issue #4 item 14, ASVS 5.4.3): infected → 422 and nothing
 * kept; clean → stored; scanner configured but down → 503, nothing kept (fail closed).
 */
@BarIntegrationTest
@Import(ShareTestSupport.class)
class ShareVirusScanIT {

    @LocalServerPort
    int port;
    ShareApi api;

    @DynamicPropertySource
    static void clamd(DynamicPropertyRegistry registry) {
        String url = TestClamd.url();
        registry.add("bar.shares.clamd-url", () -> url == null ? "" : url);
    }

    @BeforeEach
    void setUp() {
        assumeTrue(TestClamd.url() != null, "clamd is not installed (apt-get install clamav-daemon)");
        api = new ShareApi(new TestHttp(port));
    }

    @Test
    void uploadWhenEicarThen422AndNothingKept() {
        ShareApi.Created created = api.create(aFile("eicar.com"));
        Set<Path> before = new HashSet<>(ShareFiles.allBlobs()); // the share waits for another try, with its secrets blob
        HttpResponse<String> response = api.upload(created.id(), created.manageToken(), TestClamd.eicar());
        ShareApi.assertProblem(response, 422, "share.virus_found");
        assertThat(ShareFiles.allBlobs()).isSubsetOf(before); // no new blob (older ones may be removed meanwhile)
        assertThat(api.metadata(created.id()).statusCode()).isEqualTo(404);
    }

    @Test
    void uploadWhenCleanThenStoredAndOpenable() {
        byte[] clean = ShareFiles.withMarker(200_000, "CLEAN", 5);
        ShareApi.Created created = api.createFile("clean.bin", clean);
        assertThat(api.content(created.id(), api.ticket(created.id())).body()).isEqualTo(clean);
    }

    @Test
    void uploadWhenScannerConfiguredButDownThen503AndNothingKept() {
        try (TestNodes.Node node = TestNodes.start(Map.of("bar.shares.clamd-url", "tcp://127.0.0.1:1",
                "bar.scheduling.enabled", "false"))) {
            ShareApi down = new ShareApi(node.http());
            ShareApi.Created created = down.create(aFile("x.bin"));
            Set<Path> before = new HashSet<>(ShareFiles.allBlobs()); // the share waits for another try, with its secrets blob
            HttpResponse<String> response = down.upload(created.id(), created.manageToken(), new byte[100]);
            ShareApi.assertProblem(response, 503, "share.scanner_unavailable");
            assertThat(response.headers().firstValue("Retry-After")).hasValue("30");
            assertThat(ShareFiles.allBlobs()).isSubsetOf(before); // no new blob (older ones may be removed meanwhile)
        }
    }
}
