package app.bar.platform.config;

import static org.assertj.core.api.Assertions.assertThat;

import app.bar.support.EmbeddedRunOnly;
import app.bar.support.JarProcess;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13 item 13: the packaged jar started on a port another program holds exits non-zero with
 * one readable line that names the port and {@code BAR_PORT}, and its log leaves Tomcat's
 * connector name alone (the redactor masks values, not names).
 */
@EmbeddedRunOnly
class PortInUseIT {

    @TempDir
    Path dir;

    @Test
    void startWhenPortTakenThenOneReadableLineNamingBarPort() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();
            try (JarProcess jar = JarProcess.start(dir, Map.of("BAR_PORT", Integer.toString(port), "BAR_DATA_DIR",
                    dir.resolve("data").toString()))) {
                assertThat(jar.waitFor(Duration.ofMinutes(3))).isNotZero();
                String output = jar.output();
                assertThat(output.lines().filter(l -> l.contains("BAR_PORT")))
                        .as(output).singleElement().asString()
                        .contains("bar.start_failed Port " + port + " is already in use")
                        .contains("BAR_PORT=" + (port + 1))
                        .doesNotContain("\\n");
                assertThat(output).doesNotContain("APPLICATION FAILED TO START").doesNotContain("\\n\\n").doesNotContain("127.0.***.***")
                        .contains("http-nio-127.0.0.1-" + port);
            }
        }
    }
}
