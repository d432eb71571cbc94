package app.bar.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * {@code bar seal} / {@code bar unseal}: offline containers, checked against the shared test
 * vectors of format/ (the ones the Java reference and the browser's test check too).
 */
class SealCommandTests {

    private static final Path VECTORS = Path.of("../format/src/test/resources/app/bar/format/vectors.json");

    @TempDir
    Path dir;

    private TestIo io() {
        return new TestIo(dir.resolve("config"));
    }

    static Stream<JsonNode> valid() throws Exception {
        return vectors("valid");
    }

    static Stream<JsonNode> invalid() throws Exception {
        return vectors("invalid");
    }

    static Stream<JsonNode> invalidManifests() throws Exception {
        return vectors("invalidManifests");
    }

    private static Stream<JsonNode> vectors(String kind) throws Exception {
        List<JsonNode> list = new ArrayList<>();
        Api.JSON.readTree(Files.readString(VECTORS)).path(kind).forEach(list::add);
        return list.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valid")
    void unsealWhenValidVectorThenWritesItsContent(JsonNode vector) throws Exception {
        Path out = dir.resolve("out");
        TestIo io = io();
        assertThat(unseal(io, vector, out)).as(io.err()).isZero();
        byte[] content = Base64.getUrlDecoder().decode(vector.path("content").asString());
        if (vector.path("metadata").asString().contains("\"files\"")) {
            assertThat(out.resolve("report.pdf")).hasBinaryContent(java.util.Arrays.copyOfRange(content, 0, 70));
            assertThat(out.resolve("photos/\u00e9t\u00e9.png")).hasBinaryContent(java.util.Arrays.copyOfRange(content, 70, 160));
            assertThat(out.resolve("empty.txt")).isEmptyFile();
            assertThat(io.out()).isEqualTo("report.pdf\nphotos/\u00e9t\u00e9.png\nempty.txt\n");
        } else {
            assertThat(out).hasBinaryContent(content);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidManifests")
    void unsealWhenManifestBreaksARuleThenExit6AndWritesNothing(JsonNode vector) throws Exception {
        Path out = dir.resolve("out");
        TestIo io = io();
        assertThat(unseal(io, vector, out)).as(io.err()).isEqualTo(Exit.FAILED);
        assertThat(io.err()).contains("is damaged: its list of files breaks the format").contains("nothing was written");
        assertThat(io.out()).isEmpty();
        try (Stream<Path> left = Files.walk(dir)) {
            assertThat(left.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString()))
                    .allMatch(p -> p.equals("vector.bar"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void unsealWhenInvalidVectorThenExit6AndWritesNothing(JsonNode vector) throws Exception {
        Path out = dir.resolve("out");
        TestIo io = io();
        assertThat(unseal(io, vector, out)).isEqualTo(Exit.FAILED);
        assertThat(io.err()).contains("could not be decrypted");
        assertThat(out).doesNotExist();
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".part"));
        }
    }

    /** Runs bar unseal on a vector's container with its key (and password) from the environment. */
    private int unseal(TestIo io, JsonNode vector, Path out) throws Exception {
        Path container = dir.resolve("vector.bar");
        Files.write(container, Base64.getUrlDecoder().decode(vector.path("container").asString()));
        io.env("KEY", vector.path("linkKey").asString());
        List<String> args = new ArrayList<>(List.of("unseal", container.toString(), "--key-env", "KEY", "-o", out.toString()));
        if (!vector.path("password").isNull()) {
            io.env("PW", vector.path("password").asString());
            args.addAll(List.of("--password-env", "PW"));
        }
        return io.run(args.toArray(String[]::new));
    }

    @Test
    void sealWhenFileWithPasswordThenUnsealsUnderItsNameWithKeyAndPassword() throws Exception {
        byte[] content = new byte[2 * 1024 * 1024 + 3];
        new Random(9).nextBytes(content);
        Path file = dir.resolve("archive.tar");
        Files.write(file, content);
        Path container = dir.resolve("archive.bar");
        TestIo seal = io().env("PW", "harbor lights");
        assertThat(seal.run("seal", file.toString(), "-o", container.toString(), "--password-env", "PW")).as(seal.err()).isZero();
        String key = seal.out().strip();
        assertThat(key).matches("[A-Za-z0-9_-]{43}");
        assertThat(Files.readAllBytes(container)).startsWith('B', 'A', 'R', 1);

        Path inbox = Files.createDirectories(dir.resolve("inbox"));
        Path target = inbox.resolve("copy.tar");
        TestIo unseal = io().env("PW", "harbor lights").stdin(key + "\n");
        assertThat(unseal.run("unseal", container.toString(), "--key-stdin", "--password-env", "PW", "-o", target.toString()))
                .as(unseal.err()).isZero();
        assertThat(target).hasBinaryContent(content);
    }

    @Test
    void unsealWhenPasswordWrongThenExit6AndNothingWritten() throws Exception {
        Path file = dir.resolve("note.txt");
        Files.writeString(file, "note");
        Path container = dir.resolve("note.bar");
        TestIo seal = io().env("PW", "right");
        assertThat(seal.run("seal", file.toString(), "-o", container.toString(), "--password-env", "PW")).isZero();
        Path out = dir.resolve("out.txt");
        TestIo unseal = io().env("PW", "wrong").stdin(seal.out());
        assertThat(unseal.run("unseal", container.toString(), "--key-stdin", "--password-env", "PW", "-o", out.toString()))
                .isEqualTo(Exit.FAILED);
        assertThat(out).doesNotExist();
    }

    @Test
    void sealWhenTextThenUnsealPrintsIt() throws Exception {
        Path container = dir.resolve("text.bar");
        Path keyFile = dir.resolve("key");
        TestIo seal = io().stdin("just words\n");
        assertThat(seal.run("seal", "-", "--text", "-o", container.toString(), "--key-out", keyFile.toString())).isZero();
        assertThat(seal.out()).isEmpty();
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile)))
                .isEqualTo("rw-------");
        TestIo unseal = io();
        assertThat(unseal.run("unseal", container.toString(), "--key-file", keyFile.toString())).as(unseal.err()).isZero();
        assertThat(unseal.out()).isEqualTo("just words\n");
    }

    @Test
    void unsealWhenKeyNeededAndNobodyToAskThenUsage() throws Exception {
        Path container = dir.resolve("x.bar");
        Files.write(container, "BAR".getBytes(StandardCharsets.US_ASCII));
        TestIo io = io();
        assertThat(io.run("unseal", container.toString())).isEqualTo(Exit.USAGE);
        assertThat(io.err()).contains("--key-stdin");
    }
}
