package app.bar.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A real clamd (Debian's {@code clamav-daemon}) for tests, started once per JVM on a free
 * loopback port with one signature only: the EICAR test string, from
 * {@code src/test/resources/clamd/bar-test.ndb} (no signature download, freshclam never runs).
 * {@link #url()} is null when clamd is not installed, so a developer without it skips those
 * tests; under CI ({@code CI=true}) a missing clamd is an error, as {@code .ci/run} installs it.
 */
public final class TestClamd {

    private static final Path CLAMD = Path.of("/usr/sbin/clamd");
    private static String url;
    private static boolean tried;

    private TestClamd() {
    }

    public static synchronized String url() {
        if (!tried) {
            tried = true;
            url = start();
        }
        return url;
    }

    /** The EICAR anti-virus test string, assembled here so this source file itself never matches a scanner. */
    public static byte[] eicar() {
        return ("X5O!P%@AP[4\\PZX54(P^)7CC)7}$" + "EICAR-STANDARD-ANTIVIRUS-" + "TEST-FILE!$H+H*")
                .getBytes(StandardCharsets.US_ASCII);
    }

    private static String start() {
        if (!Files.isExecutable(CLAMD)) {
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException("clamd is not installed; .ci/run installs clamav-daemon");
            }
            return null;
        }
        try {
            Path dir = Files.createTempDirectory("bar-clamd-");
            Path db = Files.createDirectories(dir.resolve("db"));
            try (InputStream signatures = TestClamd.class.getResourceAsStream("/clamd/bar-test.ndb")) {
                Files.copy(java.util.Objects.requireNonNull(signatures, "bar-test.ndb on the test classpath"),
                        db.resolve("bar-test.ndb"));
            }
            int port = freePort();
            Files.writeString(dir.resolve("clamd.conf"), String.join("\n",
                    "Foreground yes", "TCPSocket " + port, "TCPAddr 127.0.0.1", "DatabaseDirectory " + db,
                    "TemporaryDirectory " + dir, "StreamMaxLength 64M", "LogFile " + dir.resolve("clamd.log"),
                    "PidFile " + dir.resolve("clamd.pid"), "SelfCheck 0", ""));
            Process clamd = new ProcessBuilder(CLAMD.toString(), "-c", dir.resolve("clamd.conf").toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("clamd.out").toFile()).start();
            Runtime.getRuntime().addShutdownHook(new Thread(clamd::destroy));
            waitForPong(port, Duration.ofSeconds(60));
            return "tcp://127.0.0.1:" + port;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start clamd", e);
        }
    }

    private static void waitForPong(int port, Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try (Socket s = new Socket("127.0.0.1", port)) {
                OutputStream out = s.getOutputStream();
                out.write("zPING\0".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                byte[] reply = s.getInputStream().readNBytes(4);
                if (new String(reply, StandardCharsets.US_ASCII).equals("PONG")) {
                    return;
                }
            } catch (IOException notYet) {
                // still loading its database
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
        }
        throw new IOException("clamd did not answer PING in time");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
