package app.bar.platform.error;

import static app.bar.share.ShareApi.aText;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.bar.share.ShareApi;
import app.bar.support.JarProcess;
import app.bar.support.TcpProxy;
import app.bar.support.TestBackends;
import app.bar.support.TestHttp;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11 item 4: the database goes away under a running node. The real jar talks to the real
 * PostgreSQL through a {@link TcpProxy} the test cuts: requests that need the database are
 * answered {@code 503 server.unavailable} with {@code Retry-After} within ~2 s (not held 30 s and
 * then a 500), {@code /readyz} answers DOWN within 1 s, {@code /healthz} stays up, and once the
 * proxy is restored the same process serves again without a restart. External backend only: the
 * embedded H2 database lives in the process and cannot go away on its own.
 */
@EnabledIfSystemProperty(named = "bar.it.backend", matches = "external")
class DatabaseOutageIT {

    private static final Pattern HOST_PORT = Pattern.compile("^jdbc:postgresql://([^/:?]+)(?::(\\d+))?/");

    @TempDir
    Path dir;

    @Test
    void databaseCutWhenRequestsArriveThenFast503sReadinessDownAndServiceBackWithoutRestart() throws Exception {
        String schemaUrl = TestBackends.newPostgresSchema("bar_outage_" + Long.toHexString(System.nanoTime()));
        Matcher hostPort = HOST_PORT.matcher(schemaUrl);
        assertThat(hostPort.find()).as(schemaUrl).isTrue();
        int port = JarProcess.freePort();
        try (TcpProxy database = TcpProxy.to(hostPort.group(1),
                hostPort.group(2) == null ? 5432 : Integer.parseInt(hostPort.group(2)));
                JarProcess server = JarProcess.start(dir, Map.of("BAR_PORT", Integer.toString(port),
                        "BAR_DATA_DIR", dir.toAbsolutePath().toString(),
                        "BAR_DATABASE_URL", hostPort.replaceFirst("jdbc:postgresql://127.0.0.1:" + database.port() + "/")),
                        "--bar.rate-limits.share-create=100000/1m", "--bar.rate-limits.api=100000/1m")) {
            TestHttp http = server.awaitHealthy(port);
            ShareApi api = new ShareApi(http);
            String existing = api.create(aText("before the outage")).id();
            assertThat(http.get("/readyz").statusCode()).isEqualTo(200);

            database.cut();
            List<Long> answers = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                long start = System.nanoTime();
                HttpResponse<String> response = i % 2 == 0 ? api.createRaw(aText("during the outage " + i))
                        : api.metadata(existing);
                answers.add(millisSince(start));
                ShareApi.assertProblem(response, 503, ProblemCodes.SERVER_UNAVAILABLE);
                assertThat(response.headers().firstValue("Retry-After")).hasValue("5");
            }
            List<Long> probes = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                long start = System.nanoTime();
                HttpResponse<String> ready = http.get("/readyz");
                probes.add(millisSince(start));
                assertThat(ready.statusCode()).isEqualTo(503);
                assertThat(ready.body()).contains("DOWN");
            }
            assertThat(http.get("/healthz").statusCode()).as("the process still answers").isEqualTo(200);

            database.restore();
            long restored = System.nanoTime();
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                    .until(() -> api.createRaw(aText("after the outage")).statusCode() == 201);
            long recovery = millisSince(restored);
            assertThat(api.metadata(existing).statusCode()).isEqualTo(200);
            assertThat(http.get("/readyz").statusCode()).isEqualTo(200);

            System.out.printf("database-outage: 503 answers %s ms, /readyz DOWN %s ms, served again %d ms after restore%n",
                    answers, probes, recovery);
            // the targets are 2 s and 1 s; the margin is for a shared, busy 2-core machine
            assertThat(answers).as("503 answers (ms)").allSatisfy(ms -> assertThat(ms).isLessThan(2_500));
            assertThat(probes).as("/readyz answers (ms)").allSatisfy(ms -> assertThat(ms).isLessThan(1_200));
        }
    }

    private static long millisSince(long start) {
        return Duration.ofNanos(System.nanoTime() - start).toMillis();
    }
}
