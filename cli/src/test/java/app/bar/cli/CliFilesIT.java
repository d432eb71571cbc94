package app.bar.cli;

import static org.assertj.core.api.Assertions.assertThat;

import app.bar.format.ShareKeys;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Several files and folders in one zero-knowledge share (issue 18 item 1), the CLI as a separate
 * process against the real server jar: packed, sent, opened under a folder byte for byte; a
 * damaged manifest refused with nothing written; existing files never replaced without --force.
 */
@ExtendWith(WithServer.class)
class CliFilesIT {

    private static final Path VECTORS = Path.of("../format/src/test/resources/app/bar/format/vectors.json");

    private static TestServer server;

    @TempDir
    Path dir;

    private Cli bar;

    @BeforeAll
    static void startServer(TestServer shared) {
        server = shared;
    }

    @BeforeEach
    void setUp() {
        // file names beyond ASCII need a UTF-8 locale (the JVM maps names with it); Cli starts from an empty environment
        bar = new Cli(server.base(), dir.resolve("config")).env("LC_ALL", "C.UTF-8");
    }

    @Test
    void sendWhenThreeFilesAndAFolderThenOpenSavesThemAllByteForByte() throws Exception {
        Path outbox = Files.createDirectories(dir.resolve("outbox"));
        byte[] pdf = random(1, 2 * 1024 * 1024 + 5);
        byte[] png = random(2, 70_000);
        Files.write(outbox.resolve("a.pdf"), pdf);
        Files.write(outbox.resolve("b.png"), png);
        Files.writeString(outbox.resolve("c.txt"), "three\n");
        Path folder = Files.createDirectories(outbox.resolve("photos/2026"));
        byte[] jpg = random(3, 300_000);
        Files.write(folder.resolve("été.jpg"), jpg);
        Files.write(outbox.resolve("photos/empty.bin"), new byte[0]);
        Files.createSymbolicLink(outbox.resolve("photos/secret-link"), dir.resolve("config"));

        Cli.Result sent = bar.inDirectory(outbox).run("", "send", "a.pdf", "b.png", "c.txt", "photos/");
        assertThat(sent.exitCode()).as(sent.toString()).isZero();
        assertThat(sent.stderr()).contains("skipped").contains("secret-link").contains("Sending 5 files");

        Path inbox = dir.resolve("inbox");
        Cli.Result opened = bar.run("", "open", sent.firstLine(), "-o", inbox.toString());
        assertThat(opened.exitCode()).as(opened.toString()).isZero();
        assertThat(opened.stdout().lines()).containsExactly("a.pdf", "b.png", "c.txt", "photos/2026/été.jpg", "photos/empty.bin");
        assertThat(inbox.resolve("a.pdf")).hasBinaryContent(pdf);
        assertThat(inbox.resolve("b.png")).hasBinaryContent(png);
        assertThat(inbox.resolve("c.txt")).hasContent("three\n");
        assertThat(inbox.resolve("photos/2026/été.jpg")).hasBinaryContent(jpg);
        assertThat(inbox.resolve("photos/empty.bin")).isEmptyFile();
        assertThat(inbox.resolve("photos/secret-link")).doesNotExist();
    }

    @Test
    void sendAndOpenWhenNoLocaleIsSetThenNamesBeyondAsciiStillWork() throws Exception {
        // a bare environment (cron, a container, ssh without LANG): the C locale, whose charset is ASCII
        Cli bare = new Cli(server.base(), dir.resolve("config"));
        Path outbox = Files.createDirectories(dir.resolve("outbox"));
        byte[] jpg = random(4, 20_000);
        Files.write(outbox.resolve("été.jpg"), jpg);
        Files.writeString(outbox.resolve("日本.txt"), "こんにちは\n");

        Cli.Result sent = bare.inDirectory(outbox).run("", "send", "été.jpg", "日本.txt");
        assertThat(sent.exitCode()).as(sent.toString()).isZero();
        Path inbox = Files.createDirectories(dir.resolve("inbox"));
        Cli.Result opened = bare.inDirectory(inbox).run("", "open", sent.firstLine());

        assertThat(opened.exitCode()).as(opened.toString()).isZero();
        assertThat(opened.stdout().lines()).containsExactly("été.jpg", "日本.txt");
        assertThat(inbox.resolve("été.jpg")).hasBinaryContent(jpg);
        assertThat(inbox.resolve("日本.txt")).hasContent("こんにちは\n");
    }

    @Test
    void openWhenManifestHasADotDotPathThenRefusedAndNothingWritten() throws Exception {
        String link = upload(vector("invalidManifests", "dot-dot-segment"));
        Path inbox = Files.createDirectories(dir.resolve("deep/inbox"));
        Cli.Result opened = bar.inDirectory(inbox).run("", "open", link);
        assertThat(opened.exitCode()).as(opened.toString()).isEqualTo(Exit.FAILED);
        assertThat(opened.stderr()).startsWith("bar: the share is damaged: its list of files breaks the format")
                .contains("\"..\" segment").contains("nothing was written").hasLineCount(1);
        assertThat(opened.stdout()).isEmpty();
        try (Stream<Path> written = Files.walk(dir.resolve("deep"))) {
            assertThat(written.filter(p -> !Files.isDirectory(p))).isEmpty();
        }
    }

    @Test
    void openWhenAFileOfTheShareExistsThenKeptWithoutForceAndReplacedWithForce() throws Exception {
        Path outbox = Files.createDirectories(dir.resolve("outbox"));
        Files.writeString(outbox.resolve("notes.txt"), "from the share\n");
        Files.writeString(outbox.resolve("list.txt"), "second\n");
        Cli.Result sent = bar.inDirectory(outbox).run("", "send", "notes.txt", "list.txt", "--views", "2");
        assertThat(sent.exitCode()).as(sent.toString()).isZero();
        Path inbox = Files.createDirectories(dir.resolve("inbox"));
        Files.writeString(inbox.resolve("notes.txt"), "mine\n");

        Cli.Result kept = bar.inDirectory(inbox).run("", "open", sent.firstLine());
        assertThat(kept.exitCode()).as(kept.toString()).isZero();
        assertThat(inbox.resolve("notes.txt")).hasContent("mine\n");
        assertThat(inbox.resolve("notes (1).txt")).hasContent("from the share\n");
        assertThat(kept.stdout().lines()).containsExactly("notes (1).txt", "list.txt");

        Cli.Result forced = bar.inDirectory(inbox).run("", "open", sent.firstLine(), "--force");
        assertThat(forced.exitCode()).as(forced.toString()).isZero();
        assertThat(inbox.resolve("notes.txt")).hasContent("from the share\n");
        assertThat(inbox.resolve("list.txt")).hasContent("second\n");
    }

    @Test
    void sendWhenSeveralFilesAndServerModeThenRefusedBeforeAnythingIsCreated() throws Exception {
        Path a = Files.writeString(dir.resolve("a.txt"), "a");
        Path b = Files.writeString(dir.resolve("b.txt"), "b");
        Cli.Result refused = bar.run("", "send", a.toString(), b.toString(), "--server-mode");
        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(Exit.USAGE);
        assertThat(refused.stderr()).contains("--server-mode keeps one file per share");
        assertThat(refused.stdout()).isEmpty();
    }

    /** Makes a zero-knowledge share of a vector's container as a client would, through the API; answers its link. */
    private static String upload(JsonNode vector) throws Exception {
        byte[] linkKey = Base64.getUrlDecoder().decode(vector.path("linkKey").asString());
        ShareKeys keys = ShareKeys.derive(linkKey);
        byte[] container = Base64.getUrlDecoder().decode(vector.path("container").asString());
        Api api = new Api(URI.create(server.base()), null, null);
        Map<String, Object> policy = new LinkedHashMap<>();
        policy.put("kind", "file");
        policy.put("zeroKnowledge", true);
        policy.put("linkVerifier", keys.linkVerifier());
        JsonNode share = api.createShare(policy);
        api.upload(share.path("id").asString(), share.path("manageToken").asString(), new ByteArrayInputStream(container),
                container.length);
        return share.path("shareUrl").asString() + "#" + vector.path("linkKey").asString();
    }

    private static JsonNode vector(String list, String name) throws Exception {
        for (JsonNode v : Api.JSON.readTree(Files.readString(VECTORS)).path(list)) {
            if (v.path("name").asString().equals(name)) {
                return v;
            }
        }
        throw new AssertionError("no vector " + name);
    }

    private static byte[] random(int seed, int size) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }
}
