package app.bar.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs the executable jar the build produced ({@code target/bar-server.jar}) as an operator
 * would: its own JVM, its own working directory, only the environment the test gives it.
 */
public final class JarProcess implements AutoCloseable {

    private final Process process;
    private final Path output;

    private JarProcess(Process process, Path output) {
        this.process = process;
        this.output = output;
    }

    public static JarProcess start(Path workingDirectory, Map<String, String> env, String... args) {
        return startWith(ProcessHandle.current().info().command().orElse("java"), workingDirectory, env, args);
    }

    /** Like {@link #start}, on the given {@code java} executable (another JDK). */
    public static JarProcess startWith(String java, Path workingDirectory, Map<String, String> env, String... args) {
        return startWith(java, List.of("-Xmx256m"), workingDirectory, env, args);
    }

    /** Like {@link #start}, with the given JVM options (a heap limit, say) instead of {@code -Xmx256m}. */
    public static JarProcess startWith(List<String> jvmOptions, Path workingDirectory, Map<String, String> env,
            String... args) {
        return startWith(ProcessHandle.current().info().command().orElse("java"), jvmOptions, workingDirectory, env,
                args);
    }

    /** On the given {@code java} executable (another JDK) with the given JVM options. */
    public static JarProcess startWith(String java, List<String> jvmOptions, Path workingDirectory,
            Map<String, String> env, String... args) {
        String jar = System.getProperty("bar.it.jar", "target/bar-server.jar");
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", Path.of(jar).toAbsolutePath().toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile()).redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        builder.environment().putAll(env);
        try {
            Path output = Files.createTempFile("bar-jar-", ".log");
            builder.redirectOutput(output.toFile());
            return new JarProcess(builder.start(), output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits for the process to end and returns its exit code. */
    public int waitFor(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("the jar did not exit within " + timeout + "; output:\n" + output());
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public String output() {
        try {
            return Files.readString(output, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until {@code /healthz} on {@code port} answers 200; fails with the output if the process dies or hangs. */
    public TestHttp awaitHealthy(int port) throws InterruptedException {
        TestHttp http = new TestHttp(port);
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos(); // a shared 2-core machine under load
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("the jar exited:\n" + output());
            }
            try {
                if (http.get("/healthz").statusCode() == 200) {
                    return http;
                }
            } catch (RuntimeException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the jar did not become healthy:\n" + output());
    }

    /** {@code kill -9}: the process gets no chance to finish anything. */
    public void kill() {
        process.destroyForcibly(); // SIGKILL on Linux
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The {@code java} of the JDK under {@code javaHome} ({@code /usr/lib/jvm/...}), if it is installed. */
    public static Optional<String> javaOf(Path javaHome) {
        Path binary = javaHome.resolve("bin/java");
        return Files.isExecutable(binary) ? Optional.of(binary.toString()) : Optional.empty();
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
