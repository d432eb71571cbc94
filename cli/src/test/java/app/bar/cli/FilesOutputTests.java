package app.bar.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Saving the files of a multi-file container (bar unseal and bar open share the code): through
 * no symbolic link, never over an existing file unless --force, nothing left of a refusal.
 */
class FilesOutputTests {

    private static final Path VECTORS = Path.of("../format/src/test/resources/app/bar/format/vectors.json");

    @TempDir
    Path dir;

    @Test
    void unsealWhenFolderOnTheWayIsASymlinkThenRefusedAndNothingWrittenThroughIt() throws Exception {
        Path out = Files.createDirectories(dir.resolve("out"));
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        Files.createSymbolicLink(out.resolve("photos"), elsewhere);
        TestIo io = new TestIo(dir.resolve("config"));
        assertThat(unseal(io, filesVector(), out)).as(io.err()).isEqualTo(Exit.FAILED);
        assertThat(io.err()).contains("symbolic link");
        try (Stream<Path> files = Files.list(elsewhere)) {
            assertThat(files).isEmpty();
        }
        assertThat(out.resolve("report.pdf")).doesNotExist();
    }

    @Test
    void unsealWhenAFileExistsThenKeptAndTheNewOneGetsAFreeName() throws Exception {
        Path out = Files.createDirectories(dir.resolve("out"));
        Files.writeString(out.resolve("report.pdf"), "mine");
        TestIo io = new TestIo(dir.resolve("config"));
        assertThat(unseal(io, filesVector(), out)).as(io.err()).isZero();
        assertThat(out.resolve("report.pdf")).hasContent("mine");
        assertThat(out.resolve("report (1).pdf")).hasSize(70);
        assertThat(io.out()).startsWith("report (1).pdf\n");
    }

    @Test
    void unsealWhenAFileExistsAndForceThenReplaced() throws Exception {
        Path out = Files.createDirectories(dir.resolve("out"));
        Files.writeString(out.resolve("report.pdf"), "mine");
        TestIo io = new TestIo(dir.resolve("config"));
        assertThat(unseal(io, filesVector(), out, "--force")).as(io.err()).isZero();
        assertThat(out.resolve("report.pdf")).hasSize(70);
        assertThat(out.resolve("report (1).pdf")).doesNotExist();
    }

    @Test
    void unsealWhenOutputIsAFileThenRefused() throws Exception {
        Path out = dir.resolve("out.txt");
        Files.writeString(out, "x");
        TestIo io = new TestIo(dir.resolve("config"));
        assertThat(unseal(io, filesVector(), out)).isEqualTo(Exit.USAGE);
        assertThat(io.err()).contains("-o DIR");
        assertThat(out).hasContent("x");
    }

    @Test
    void unsealWhenOutputIsStdoutThenRefused() throws Exception {
        TestIo io = new TestIo(dir.resolve("config"));
        assertThat(unseal(io, filesVector(), Path.of("-"))).isEqualTo(Exit.USAGE);
        assertThat(io.err()).contains("not written to standard output");
        assertThat(io.out()).isEmpty();
    }

    private static JsonNode filesVector() throws Exception {
        for (JsonNode v : Api.JSON.readTree(Files.readString(VECTORS)).path("valid")) {
            if (v.path("name").asString().equals("files")) {
                return v;
            }
        }
        throw new AssertionError("no files vector");
    }

    private int unseal(TestIo io, JsonNode vector, Path out, String... more) throws Exception {
        Path container = dir.resolve("vector.bar");
        Files.write(container, Base64.getUrlDecoder().decode(vector.path("container").asString()));
        io.env("KEY", vector.path("linkKey").asString());
        List<String> args = new ArrayList<>(List.of("unseal", container.toString(), "--key-env", "KEY", "-o", out.toString()));
        args.addAll(List.of(more));
        return io.run(args.toArray(String[]::new));
    }
}
