package app.bar.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #14 item 3: 2 GiB through the CLI at {@code -Xmx64m} both ways, byte for byte, with the
 * server at {@code -Xmx128m}. The content is generated while it is piped in (no file in the
 * repository or on disk) and hashed on both sides; the CLI's peak RSS is read from
 * {@code /proc/<pid>/status} (VmHWM) while it runs. Figures go to target/cli-stream.txt.
 */
@ExtendWith(WithServer.class)
class LargeStreamIT {

    private static final long SIZE = 2L << 30;
    private static final int BLOCK = 1 << 20;

    @TempDir
    Path dir;

    @Test
    void sendAndOpenWhen2GiBThroughSmallHeapThenSameBytesArrive(TestServer server) throws Exception {
        Cli bar = new Cli(server.base(), dir.resolve("config")).env("JAVA_OPTS", "-Xmx64m");

        long sendStart = System.nanoTime();
        Cli.Running send = bar.start("send", "-", "--label", "big.bin", "--quiet");
        RssWatch sendRss = RssWatch.of(send.process().pid());
        byte[] sentHash;
        try (OutputStream stdin = send.stdin()) {
            sentHash = writeGenerated(stdin);
        }
        Cli.Result sent = send.await(Duration.ofMinutes(10));
        long sendMillis = (System.nanoTime() - sendStart) / 1_000_000;
        assertThat(sent.exitCode()).as(sent.toString()).isZero();

        long openStart = System.nanoTime();
        Cli.Running open = bar.start(true, "open", sent.firstLine(), "-o", "-", "--quiet");
        RssWatch openRss = RssWatch.of(open.process().pid());
        MessageDigest received = MessageDigest.getInstance("SHA-256");
        long count = 0;
        try (InputStream stdout = open.stdout()) {
            byte[] buffer = new byte[BLOCK];
            int n;
            while ((n = stdout.read(buffer)) >= 0) {
                received.update(buffer, 0, n);
                count += n;
            }
        }
        Cli.Result opened = open.await(Duration.ofMinutes(10));
        long openMillis = (System.nanoTime() - openStart) / 1_000_000;
        assertThat(opened.exitCode()).as(opened.toString()).isZero();
        assertThat(count).isEqualTo(SIZE);
        assertThat(HexFormat.of().formatHex(received.digest())).isEqualTo(HexFormat.of().formatHex(sentHash));

        String report = String.format("2 GiB through bar at -Xmx64m (server -Xmx128m): send %d ms (%.0f MB/s, peak RSS %d MiB), "
                + "open %d ms (%.0f MB/s, peak RSS %d MiB)%n", sendMillis, SIZE / 1e3 / sendMillis, sendRss.peakMiB(),
                openMillis, SIZE / 1e3 / openMillis, openRss.peakMiB());
        System.out.print(report);
        Files.writeString(Path.of("target/cli-stream.txt"), report, StandardCharsets.UTF_8);
        assertThat(sendRss.peakMiB()).as("the CLI's memory does not grow with the content").isLessThan(256);
        assertThat(openRss.peakMiB()).isLessThan(256);
    }

    /** Writes SIZE bytes of seeded pseudo-random data; answers their SHA-256. */
    private static byte[] writeGenerated(OutputStream out) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        byte[] block = new byte[BLOCK];
        SplittableRandom random = new SplittableRandom(14);
        for (long written = 0; written < SIZE; written += BLOCK) {
            for (int i = 0; i < BLOCK; i += 8) {
                long value = random.nextLong();
                for (int j = 0; j < 8; j++) {
                    block[i + j] = (byte) (value >>> (8 * j));
                }
            }
            digest.update(block);
            out.write(block);
        }
        return digest.digest();
    }

    /** Samples VmHWM (the peak resident set) of a process until it ends. */
    static final class RssWatch {
        private final AtomicLong peakKib = new AtomicLong();

        static RssWatch of(long pid) {
            RssWatch watch = new RssWatch();
            Path status = Path.of("/proc/" + pid + "/status");
            CompletableFuture.runAsync(() -> {
                while (Files.exists(status)) {
                    try {
                        for (String line : Files.readAllLines(status)) {
                            if (line.startsWith("VmHWM:")) {
                                long kib = Long.parseLong(line.replaceAll("[^0-9]", ""));
                                watch.peakKib.accumulateAndGet(kib, Math::max);
                            }
                        }
                        Thread.sleep(100);
                    } catch (IOException | RuntimeException gone) {
                        return;
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            });
            return watch;
        }

        long peakMiB() {
            return peakKib.get() / 1024;
        }
    }
}
