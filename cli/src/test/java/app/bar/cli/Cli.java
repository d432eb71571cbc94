package app.bar.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code cli/bin/bar} as a user would: its own process and JVM (the launcher and
 * {@code target/bar.jar} the build made), a clean environment with {@code BAR_SERVER} and a
 * private config directory, standard input from the test, stdout and stderr to files.
 */
final class Cli {

    private final Map<String, String> env = new HashMap<>();
    private Path directory = Path.of(".");

    Cli(String server, Path configDir) {
        env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        env.put("JAVA_HOME", Path.of(TestServer.javaExecutable()).getParent().getParent().toString());
        env.put("BAR_SERVER", server);
        env.put("BAR_CONFIG_DIR", configDir.toString());
        env.put("HOME", configDir.toString());
    }

    Cli env(String name, String value) {
        env.put(name, value);
        return this;
    }

    /** A CLI like this one that runs in {@code dir}. */
    Cli inDirectory(Path dir) {
        Cli copy = new Cli(env.get("BAR_SERVER"), Path.of(env.get("BAR_CONFIG_DIR")));
        copy.env.putAll(env);
        copy.directory = dir;
        return copy;
    }

    /** A finished run: exit code, stdout, stderr. */
    record Result(int exitCode, String stdout, String stderr) {
        String firstLine() {
            return stdout.lines().findFirst().orElse("");
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + stdout + "\n--- stderr\n" + stderr;
        }
    }

    /** Runs {@code attempt} again, a few times, while it exits 5 (the share asks to wait a second or two). */
    Result runUntilNoWait(java.util.function.Supplier<Result> attempt) {
        Result result = attempt.get();
        for (int i = 0; i < 5 && result.exitCode() == Exit.WAIT; i++) {
            try {
                Thread.sleep(1500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return result;
            }
            result = attempt.get();
        }
        return result;
    }

    Result run(String stdin, String... args) {
        return run(stdin.getBytes(StandardCharsets.UTF_8), args);
    }

    Result run(byte[] stdin, String... args) {
        Running running = start(args);
        try (OutputStream in = running.process().getOutputStream()) {
            in.write(stdin);
        } catch (IOException e) {
            // the process may exit before reading its input (a usage error): its result says why
        }
        return running.await(Duration.ofMinutes(2));
    }

    /** Starts the CLI; the test writes its stdin and reads its stdout as it likes. */
    Running start(String... args) {
        return start(false, args);
    }

    Running start(boolean pipeStdout, String... args) {
        String launcher = System.getProperty("bar.cli.launcher", "bin/bar");
        List<String> command = new ArrayList<>();
        command.add(Path.of(launcher).toAbsolutePath().toString());
        command.addAll(List.of(args));
        try {
            Path out = Files.createTempFile("bar-cli-out", ".txt");
            Path err = Files.createTempFile("bar-cli-err", ".txt");
            ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectError(err.toFile());
            if (!pipeStdout) {
                builder.redirectOutput(out.toFile());
            }
            builder.environment().clear();
            builder.environment().putAll(env);
            return new Running(builder.start(), out, err, pipeStdout);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A CLI process still running. */
    record Running(Process process, Path out, Path err, boolean pipedStdout) {
        InputStream stdout() {
            return process.getInputStream();
        }

        OutputStream stdin() {
            return process.getOutputStream();
        }

        Result await(Duration timeout) {
            try {
                if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly();
                    throw new AssertionError("bar did not exit within " + timeout + "; stderr:\n" + Files.readString(err));
                }
                String stdout = pipedStdout ? "" : Files.readString(out, StandardCharsets.UTF_8);
                return new Result(process.exitValue(), stdout, Files.readString(err, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } finally {
                try {
                    Files.deleteIfExists(out);
                    Files.deleteIfExists(err);
                } catch (IOException e) {
                    // temporary files
                }
            }
        }
    }
}
