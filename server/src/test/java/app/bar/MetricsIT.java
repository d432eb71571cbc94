package app.bar;

import static app.bar.share.ShareApi.aText;
import static org.assertj.core.api.Assertions.assertThat;

import app.bar.share.ShareApi;
import app.bar.support.BarIntegrationTest;
import app.bar.support.TestHttp;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * Issue 15 item 4: the management port's Prometheus endpoint, after real traffic, carries BAR's
 * meters, and docs/operations.md's metrics table and the scrape agree both ways.
 */
@BarIntegrationTest
@TestPropertySource(properties = "management.server.port=0")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MetricsIT {

    private static final Path DOC = Path.of("..", "docs", "operations.md");
    private static final Pattern DOCUMENTED = Pattern.compile("^\\| `(bar_[a-z0-9_]+)` \\|", Pattern.MULTILINE);
    private static final Pattern SAMPLE = Pattern.compile("^(bar_[a-zA-Z0-9_]+)(\\{[^}]*})? (\\S+)", Pattern.MULTILINE);

    @LocalServerPort
    int port;
    @LocalManagementPort
    int managementPort;
    String scrape;

    @BeforeAll
    void realTrafficThenScrape() {
        ShareApi api = new ShareApi(new TestHttp(port));
        api.read(api.create(aText("read once")).id());
        ShareApi.Created file = api.createFile("a.bin", new byte[] {1, 2, 3});
        assertThat(api.content(file.id(), api.ticket(file.id())).statusCode()).isEqualTo(200);
        ShareApi.Created burned = api.create(aText("burned"));
        assertThat(api.burn(burned.id(), "Authorization", "Bearer " + burned.manageToken()).statusCode()).isEqualTo(204);
        String guarded = api.create(aText("guarded").with("password", "right-pw-1")).id();
        assertThat(api.unlock(guarded, Map.of("password", "wrong-pw-1")).statusCode()).isEqualTo(401);
        String otp = api.create(aText("otp").with("requireOtp", true).with("otpEmails", List.of("r@example.test"))).id();
        for (int i = 0; i < 4; i++) { // the 4th code in 10 minutes is refused by the share-otp limit
            assertThat(api.unlock(otp, Map.of("email", "r@example.test")).statusCode()).isEqualTo(202);
        }
        assertThat(api.unlock(otp, Map.of("email", "r@example.test", "otp", "000000")).statusCode()).isEqualTo(401);
        HttpResponse<String> response = new TestHttp(managementPort).get("/actuator/prometheus");
        assertThat(response.statusCode()).isEqualTo(200);
        scrape = response.body();
    }

    @Test
    void prometheusWhenScrapedThenEveryDocumentedMeterIsThere() throws IOException {
        assertThat(meters(scrape)).containsAll(documented());
    }

    @Test
    void prometheusWhenScrapedThenEveryBarMeterIsDocumented() throws IOException {
        assertThat(documented()).containsAll(meters(scrape));
    }

    @Test
    void prometheusWhenTrafficThenShareMetersCountIt() {
        assertThat(value("bar_shares_creations_total", "kind=\"text\"")).isEqualTo(4);
        assertThat(value("bar_shares_creations_total", "kind=\"file\"")).isEqualTo(1);
        assertThat(value("bar_shares_opened_total", "")).isEqualTo(2);
        assertThat(value("bar_shares_destroyed_total", "reason=\"views_used\"")).isEqualTo(2);
        assertThat(value("bar_shares_destroyed_total", "reason=\"burned_by_owner\"")).isEqualTo(1);
        assertThat(value("bar_shares_unlock_failures_total", "reason=\"password\"")).isEqualTo(1);
        assertThat(value("bar_shares_unlock_failures_total", "reason=\"otp\"")).isEqualTo(1);
        assertThat(value("bar_shares_otp_sent_total", "")).isEqualTo(3);
    }

    @Test
    void prometheusWhenLimitRefusedThenCountedByPolicy() {
        assertThat(value("bar_ratelimit_refusals_total", "policy=\"share-otp\"")).isEqualTo(1);
    }

    @Test
    void prometheusWhenBlobsWrittenAndReadThenStoreLatencyTimed() {
        // at least the file's content; every share also writes and reads its secrets blob (docs/shares.md)
        assertThat(value("bar_storage_operations_seconds_count", "operation=\"commit\",outcome=\"ok\"")).isGreaterThanOrEqualTo(1);
        assertThat(value("bar_storage_operations_seconds_count", "operation=\"open\",outcome=\"ok\"")).isGreaterThanOrEqualTo(1);
        assertThat(value("bar_storage_operations_seconds_sum", "operation=\"commit\",outcome=\"ok\"")).isPositive();
    }

    @Test
    void prometheusWhenWrongPasswordThenSecurityEventCountedByType() {
        assertThat(value("bar_security_events_total", "type=\"share.password_failed\"")).isEqualTo(1);
    }

    /** The value of the sample {@code name} whose labels contain {@code labels} (0 when there is none). */
    private double value(String name, String labels) {
        Matcher m = SAMPLE.matcher(scrape);
        while (m.find()) {
            if (m.group(1).equals(name) && (m.group(2) == null ? "" : m.group(2)).contains(labels)) {
                return Double.parseDouble(m.group(3));
            }
        }
        return 0;
    }

    private static Set<String> documented() throws IOException {
        Set<String> names = new TreeSet<>();
        Matcher m = DOCUMENTED.matcher(Files.readString(DOC, StandardCharsets.UTF_8));
        while (m.find()) {
            names.add(base(m.group(1)));
        }
        assertThat(names).as("metrics table of %s", DOC).isNotEmpty();
        return names;
    }

    private static Set<String> meters(String scrape) {
        Set<String> names = new TreeSet<>();
        Matcher m = SAMPLE.matcher(scrape);
        while (m.find()) {
            names.add(base(m.group(1)));
        }
        return names;
    }

    /** A meter's name without the suffix Prometheus adds to its samples. */
    private static String base(String sample) {
        return sample.replaceFirst("_(total|count|sum|max|bucket|created)$", "");
    }
}
