package app.bar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13 item 15: {@code .ci/run} on a machine without PostgreSQL or Redis installs them from
 * Debian packages (or says which to install) before anything else, and runs every suite with
 * {@code CI=true}. The script is sourced (which defines its functions and runs nothing) and its
 * functions run against stub commands on a PATH of the test's own.
 */
class CiRunScriptTests {

    private static final Path SCRIPT = Path.of("../.ci/run").toAbsolutePath().normalize();

    @TempDir
    Path bin;

    @Test
    void scriptWhenCheckedByBashThenSyntaxValid() throws Exception {
        assertThat(bash("bash -n '" + SCRIPT + "'").exit).isZero();
    }

    @Test
    void scriptWhenRunThenExportsCiTrueBeforeMaven() throws IOException {
        String script = Files.readString(SCRIPT);
        assertThat(script).contains("\nexport CI=true\n");
        assertThat(script.indexOf("\nexport CI=true\n")).isLessThan(script.lastIndexOf("./mvnw"));
    }

    @Test
    void scriptWhenRunThenInstallsServicesBeforeStartingThem() throws IOException {
        String script = Files.readString(SCRIPT);
        assertThat(script.indexOf("\ninstall_services\n")).isPositive()
                .isLessThan(script.indexOf("\nensure_postgres\n")).isLessThan(script.indexOf("\nensure_redis\n"));
    }

    @Test
    void installServicesWhenPostgresAndRedisMissingThenInstallsTheirDebianPackages() throws Exception {
        stub("apt-get", "echo \"apt-get $*\" >> '" + bin.resolve("calls") + "'");
        Result result = bash(sourced() + "trust_local_postgres() { echo trusted >> '" + bin.resolve("calls") + "'; }; install_services");
        assertThat(result.exit).as(result.output).isZero();
        assertThat(Files.readAllLines(bin.resolve("calls")))
                .containsExactly("apt-get update -qq", "apt-get install -y -qq postgresql redis-server", "trusted");
        assertThat(result.output).contains("[ci] installing postgresql redis-server (Debian packages)");
    }

    @Test
    void installServicesWhenNoAptGetThenNamesWhatToInstallAndStops() throws Exception {
        Result result = bash(sourced() + "install_services; echo went-on");
        assertThat(result.exit).isEqualTo(1);
        assertThat(result.output).startsWith("[ci] missing: postgresql redis-server — install them").doesNotContain("went-on");
    }

    @Test
    void installServicesWhenBothInstalledThenInstallsNothing() throws Exception {
        stub("pg_ctlcluster", "exit 0");
        stub("redis-server", "exit 0");
        stub("apt-get", "echo \"apt-get $*\" >> '" + bin.resolve("calls") + "'");
        Result result = bash(sourced() + "install_services");
        assertThat(result.exit).isZero();
        assertThat(bin.resolve("calls")).doesNotExist();
    }

    /** Sources the script, then leaves only the stubs (and {@code tr}) on the PATH. */
    private String sourced() throws IOException {
        Files.copy(Path.of(which("tr")), bin.resolve("tr"), java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
        return "source '" + SCRIPT + "'; PATH='" + bin + "'; ";
    }

    private void stub(String name, String body) throws IOException {
        Path file = bin.resolve(name);
        Files.writeString(file, "#!/bin/bash\n" + body + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private static String which(String command) throws IOException {
        for (String dir : System.getenv("PATH").split(":")) {
            if (Files.isExecutable(Path.of(dir, command))) {
                return Path.of(dir, command).toString();
            }
        }
        throw new IOException("no " + command + " on the PATH");
    }

    private static Result bash(String script) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("bash", "-c", script).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), output);
    }

    private record Result(int exit, String output) {
    }
}
