package app.bar.platform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import app.bar.platform.secrets.KeyRingSpec;
import app.bar.support.EmbeddedRunOnly;
import app.bar.support.JarProcess;
import app.bar.support.TestHttp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jar's commands: generate-keys, and the embedded default's first start (issue #2 items 3
 * and 6). They use no test backend, so the PostgreSQL run skips them.
 */
@EmbeddedRunOnly
class CommandLineIT {

    @TempDir
    Path dir;

    @Test
    void generateKeysWhenRunThenPrintsValidFreshRings() {
        String first = run("generate-keys");
        String second = run("generate-keys");
        String jwt = value(first, "BAR_JWT_KEYS");
        String master = value(first, "BAR_MASTER_KEYS");
        assertThat(KeyRingSpec.problems(jwt, KeyRingSpec.JWT_KEY_BYTES, 512)).isEmpty();
        assertThat(KeyRingSpec.problems(master, 32, 32)).isEmpty();
        assertThat(KeyRingSpec.problems(value(first, "BAR_RECEIPT_KEYS"), 32, 32)).isEmpty();
        assertThat(value(second, "BAR_JWT_KEYS")).isNotEqualTo(jwt);
        assertThat(value(second, "BAR_MASTER_KEYS")).isNotEqualTo(master);
        assertThat(Files.exists(dir.resolve("data"))).as("writes nothing").isFalse();
    }

    @Test
    void embeddedDefaultWhenStartedThenServesAndKeepsDevKeysOwnerOnly() throws Exception {
        int port = JarProcess.freePort();
        try (JarProcess jar = JarProcess.start(dir, Map.of("BAR_PORT", Integer.toString(port)))) {
            TestHttp http = jar.awaitHealthy(port);
            assertThat(http.get("/").body()).contains("Burn After Reading");
            for (String file : new String[] {"jwt.keys", "master.keys", "receipt.keys"}) {
                Path key = dir.resolve("data/keys").resolve(file);
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
            }
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("data/keys"))))
                    .isEqualTo("rwx------");
            assertThat(jar.output()).contains("url=http://localhost:" + port + "/").contains("DEVELOPMENT MODE")
                    .doesNotContain(Files.readString(dir.resolve("data/keys/jwt.keys")).strip());
        }
    }

    /** Issue #2 item 1: the jar built for release 17 also runs on JDK 25 (with virtual threads). */
    @Test
    void embeddedDefaultWhenStartedOnJdk25ThenServes() throws Exception {
        Path java25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64/bin/java");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(java25), "no JDK 25 on this machine");
        int port = JarProcess.freePort();
        try (JarProcess jar = JarProcess.startWith(java25.toString(), dir, Map.of("BAR_PORT", Integer.toString(port)))) {
            TestHttp http = jar.awaitHealthy(port);
            assertThat(http.get("/api/nothing").statusCode()).isEqualTo(404);
            assertThat(jar.output()).contains("Java 25");
        }
    }

    private String run(String command) {
        try (JarProcess jar = JarProcess.start(dir, Map.of(), command)) {
            assertThat(jar.waitFor(Duration.ofSeconds(30))).isZero();
            return jar.output();
        }
    }

    private static String value(String output, String variable) {
        return output.lines().filter(l -> l.startsWith(variable + "=")).findFirst()
                .map(l -> l.substring(variable.length() + 1)).orElseThrow();
    }
}
