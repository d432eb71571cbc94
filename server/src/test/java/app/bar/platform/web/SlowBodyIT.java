package app.bar.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import app.bar.support.EmbeddedRunOnly;
import app.bar.support.JarProcess;
import app.bar.support.TestHttp;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 11 item 3: 250 connections on 127.0.0.1 send the headers of a POST with a body and then
 * trickle a byte every 3 s. The server jar (its own JVM, {@code -Xmx256m}) on JDK 17 (200
 * platform threads) and on JDK 25 (virtual threads) keeps answering {@code /healthz} within 3 s,
 * ends every trickle itself (429 over the per-client cap, 408 once the grace is over) and still
 * takes a normal request with a body meanwhile.
 */
@EmbeddedRunOnly
class SlowBodyIT {

    private static final int TRICKLES = 250;
    private static final Duration TRICKLE_EVERY = Duration.ofSeconds(3);
    /** Grace (10 s) + a trickle interval + slack for a shared 2-core machine. */
    private static final Duration ENDED_WITHIN = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    static Stream<String> jdks() {
        return Stream.of("/usr/lib/jvm/java-17-openjdk-amd64", "/usr/lib/jvm/temurin-25-jdk-amd64");
    }

    @ParameterizedTest(name = "on {0}")
    @MethodSource("jdks")
    @Timeout(value = 4, unit = TimeUnit.MINUTES) // startup on a loaded machine included; the attack itself < 60 s
    void trickledBodiesWhenManyThenHealthzKeepsAnsweringAndTheServerEndsThem(String javaHome) throws Exception {
        String java = JarProcess.javaOf(Path.of(javaHome)).orElse(null);
        Assumptions.assumeTrue(java != null, "no JDK at " + javaHome);
        int port = JarProcess.freePort();
        try (JarProcess jar = JarProcess.startWith(java, List.of("-Xmx256m"), dir,
                Map.of("BAR_PORT", Integer.toString(port), "BAR_RATELIMITS_ENABLED", "false",
                        "BAR_TRUSTED_PROXIES", "127.0.0.1"))) {
            TestHttp http = jar.awaitHealthy(port);
            ExecutorService threads = Executors.newFixedThreadPool(TRICKLES);
            long start = System.nanoTime();
            List<CompletableFuture<String>> trickles = new ArrayList<>();
            for (int i = 0; i < TRICKLES; i++) {
                trickles.add(CompletableFuture.supplyAsync(() -> trickle(port), threads));
            }
            AtomicLong healthzMaxMillis = new AtomicLong();
            List<Integer> healthzStatuses = new ArrayList<>();
            while (!trickles.stream().allMatch(CompletableFuture::isDone)
                    && System.nanoTime() - start < ENDED_WITHIN.toNanos()) {
                long before = System.nanoTime();
                int status = http.get("/healthz").statusCode();
                healthzMaxMillis.accumulateAndGet((System.nanoTime() - before) / 1_000_000, Math::max);
                healthzStatuses.add(status);
                if (healthzStatuses.size() == 10) {
                    var created = http.postJson("/api/shares", Map.of("kind", "text", "text", "a normal body"),
                            "X-Forwarded-For", "203.0.113.7"); // another client than the trickles' one
                    assertThat(created.statusCode()).as("a normal body meanwhile: " + created.body()).isEqualTo(201);
                }
                Thread.sleep(200);
            }
            long endedMillis = (System.nanoTime() - start) / 1_000_000;
            System.out.printf("SlowBodyIT %s: healthz polls=%d max=%d ms; trickles ended after %d ms; outcomes %s%n",
                    javaHome, healthzStatuses.size(), healthzMaxMillis.get(), endedMillis,
                    outcomes(trickles).stream().collect(Collectors.groupingBy(o -> o,
                            Collectors.counting())));

            assertThat(healthzStatuses).as("every /healthz answered 200").isNotEmpty().containsOnly(200);
            assertThat(healthzMaxMillis.get()).as("slowest /healthz (ms)").isLessThan(3_000);
            assertThat(trickles).as("every trickle ended by the server within " + ENDED_WITHIN)
                    .allMatch(CompletableFuture::isDone);
            assertThat(outcomes(trickles)).as("each ended by 408, 429 or a close; never a 2xx")
                    .allMatch(outcome -> outcome.startsWith("408") || outcome.startsWith("429")
                            || outcome.equals("closed"));
            threads.shutdownNow();
        }
    }

    private static List<String> outcomes(List<CompletableFuture<String>> trickles) {
        return trickles.stream().map(t -> t.getNow("open")).toList();
    }

    /** Sends the headers and a byte every few seconds; returns the status line's code, or "closed". */
    private static String trickle(int port) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout((int) TRICKLE_EVERY.toMillis());
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            out.write(("POST /api/shares HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Forwarded-For: 198.51.100.9\r\n"
                    + "Content-Type: application/json\r\n"
                    + "Content-Length: 60000\r\n\r\n{").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            long deadline = System.nanoTime() + ENDED_WITHIN.plusSeconds(30).toNanos();
            while (System.nanoTime() < deadline) {
                try {
                    byte[] head = in.readNBytes(12);
                    return head.length < 12 ? "closed" : new String(head, 9, 3, StandardCharsets.US_ASCII);
                } catch (SocketTimeoutException stillOpen) {
                    try {
                        out.write(' ');
                        out.flush();
                    } catch (IOException closed) {
                        return "closed";
                    }
                }
            }
            return "open";
        } catch (IOException e) {
            return "closed";
        }
    }
}
