package app.bar.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bar admin audit} in-process against a {@link FakeServer}: the export on stdout, where to resume on stderr. */
class AuditCommandTests {

    @TempDir
    Path dir;

    private FakeServer server;

    @BeforeEach
    void start() {
        server = new FakeServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private TestIo io() {
        return new TestIo(dir.resolve("config")).env("BAR_SERVER", server.base()).env("BAR_TOKEN", "bar_pat_admin");
    }

    @Test
    void auditWhenLastPageThenRowsOnStdoutAndResumeCursorOnStderr() {
        server.on("GET /api/admin/audit", 200, "{\"type\":\"login.failed\"}\n{\"type\":\"share.opened\"}\n",
                "BAR-Next-Cursor", "djE6MTox", "BAR-Has-More", "false");
        TestIo io = io();
        assertThat(io.run("admin", "audit", "--type", "login.failed,share.opened")).as(io.err()).isZero();
        assertThat(io.out()).isEqualTo("{\"type\":\"login.failed\"}\n{\"type\":\"share.opened\"}\n");
        assertThat(io.err()).isEqualTo("bar: to continue from here later: --cursor djE6MTox\n");
        assertThat(server.requests).hasSize(1);
    }

    @Test
    void auditWhenNotAnAdminThenExit4NamingTheAdminScope() {
        server.on("GET /api/admin/audit", 403, "{\"code\":\"access.denied\",\"status\":403}");
        TestIo io = io();
        assertThat(io.run("admin", "audit")).isEqualTo(Exit.DENIED);
        assertThat(io.err()).contains("admin scope").hasLineCount(1);
    }

    @Test
    void auditWhenFormatUnknownThenUsageBeforeAnyRequest() {
        TestIo io = io();
        assertThat(io.run("admin", "audit", "--format", "xml")).isEqualTo(Exit.USAGE);
        assertThat(server.requests).isEmpty();
    }
}
