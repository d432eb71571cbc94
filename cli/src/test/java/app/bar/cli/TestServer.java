package app.bar.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The real server for the CLI's integration tests: {@code server/target/bar-server.jar} in its
 * own JVM at {@code -Xmx128m}, on a random port of 127.0.0.1, with a temporary data directory
 * (H2, blobs, dev keys, the mail outbox), rate limits raised so the tests do not trip them, a
 * 3 GB upload limit for the 2 GiB stream, and a bootstrap admin for login. One process for the
 * whole module run: the first test class starts it and JUnit stops it when the run ends.
 */
final class TestServer implements ExtensionContext.Store.CloseableResource, AutoCloseable {

    static final String ADMIN_EMAIL = "admin@example.com";
    static final String ADMIN_PASSWORD = "violet-harbor-cactus-9-lantern";

    private final Process process;
    private final Path dir;
    private final Path log;
    private final int port;

    private TestServer(Process process, Path dir, Path log, int port) {
        this.process = process;
        this.dir = dir;
        this.log = log;
        this.port = port;
    }

    /** The server of this run, started on first use. */
    static TestServer shared(ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(TestServer.class, k -> start(), TestServer.class);
    }

    private static TestServer start() {
        Path jar = Path.of(System.getProperty("bar.server.jar", "../server/target/bar-server.jar")).toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build the server first (./mvnw -pl server -DskipTests package)");
        }
        try {
            Path dir = Files.createTempDirectory("bar-cli-it-server");
            Path log = dir.resolve("server.log");
            int port = freePort();
            List<String> command = new ArrayList<>(List.of(javaExecutable(), "-Xmx128m", "-jar", jar.toString(),
                    "--bar.data-dir=" + dir.resolve("data"),
                    "--bar.rate-limits.share-create=100000/1m", "--bar.rate-limits.share-unlock=100000/1m",
                    "--bar.rate-limits.api=100000/1m", "--bar.rate-limits.login=1000/1m",
                    "--bar.rate-limits.request-fill=100000/1m", "--bar.rate-limits.share-mail=100000/1m",
                    "--bar.shares.max-file-size=3GB", "--bar.shares.anonymous-max-file-size=3GB"));
            ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().clear();
            builder.environment().put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
            builder.environment().put("BAR_PORT", Integer.toString(port));
            builder.environment().put("BAR_PUBLIC_URL", "http://127.0.0.1:" + port);
            builder.environment().put("BAR_BOOTSTRAP_ADMIN_EMAIL", ADMIN_EMAIL);
            builder.environment().put("BAR_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
            TestServer server = new TestServer(builder.start(), dir, log, port);
            server.awaitHealthy();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String javaExecutable() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    private void awaitHealthy() {
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(300).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the server exited:\n" + output());
            }
            try {
                HttpResponse<Void> response = client.send(HttpRequest.newBuilder(URI.create(base() + "/healthz"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(250);
        }
        throw new IllegalStateException("the server did not become healthy:\n" + output());
    }

    String base() {
        return "http://127.0.0.1:" + port;
    }

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    String output() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /** The 6-digit code of the newest mail to {@code email} in the dev outbox (tests use an address each). */
    /** The first group of {@code pattern} in the newest mail to {@code email}, quoted-printable soft line breaks joined. */
    String awaitMail(String email, Pattern pattern) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            Optional<String> found = newestMailTo(email).map(text -> {
                Matcher m = pattern.matcher(text.replaceAll("=\r?\n", ""));
                return m.find() ? m.group(1) : null;
            });
            if (found.isPresent()) {
                return found.get();
            }
            sleep(200);
        }
        throw new AssertionError("no mail matching " + pattern + " to " + email + " in the outbox " + dir.resolve("data/outbox"));
    }

    /** The newest mail to {@code email} in the dev outbox, quoted-printable soft line breaks joined. */
    String awaitMailTo(String email) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            Optional<String> found = newestMailTo(email);
            if (found.isPresent()) {
                return found.get().replaceAll("=\r?\n", "");
            }
            sleep(200);
        }
        throw new AssertionError("no mail to " + email + " in the outbox " + dir.resolve("data/outbox"));
    }

    /** Whether any mail to {@code email} is in the dev outbox now. */
    boolean hasMailTo(String email) {
        return newestMailTo(email).isPresent();
    }

    String awaitOtp(String email) {
        Pattern code = Pattern.compile("code is ([0-9]{6})");
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            Optional<String> found = newestMailTo(email).map(text -> {
                Matcher m = code.matcher(text);
                return m.find() ? m.group(1) : null;
            });
            if (found.isPresent()) {
                return found.get();
            }
            sleep(200);
        }
        throw new AssertionError("no one-time code mailed to " + email + " in the outbox " + dir.resolve("data/outbox"));
    }

    private Optional<String> newestMailTo(String email) {
        Path outbox = dir.resolve("data/outbox");
        if (!Files.isDirectory(outbox)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(outbox)) {
            return files.filter(p -> p.toString().endsWith(".eml"))
                    .sorted(Comparator.comparingLong((Path p) -> p.toFile().lastModified()).reversed())
                    .map(TestServer::read).filter(text -> text.contains("To: " + email)).findFirst();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        deleteTree(dir);
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind is harmless
        }
    }
}
