package app.bar.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The multi-file manifest: every rule of docs/zero-knowledge-format.md "Plaintext framing", and its vectors. */
class ManifestTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void filesVectorWhenOpenedThenListsThreeFilesAndSplitsTheContent() throws Exception {
        JsonNode v = vector("valid", "files");
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (InputStream in = open(v)) {
            Manifest manifest = Manifest.parse(BarContainer.readMetadata(in));
            manifest.readContent(in, (entry, content) -> files.put(entry.path(), content.readAllBytes()));
        }
        byte[] content = b64(v.get("content").asString());
        assertThat(files.keySet()).containsExactly("report.pdf", "photos/\u00e9t\u00e9.png", "empty.txt");
        assertThat(files.get("report.pdf")).isEqualTo(java.util.Arrays.copyOfRange(content, 0, 70));
        assertThat(files.get("photos/\u00e9t\u00e9.png")).isEqualTo(java.util.Arrays.copyOfRange(content, 70, 160));
        assertThat(files.get("empty.txt")).isEmpty();
    }

    @Test
    void writeWhenFilesVectorEntriesThenSameJsonAsTheVector() throws Exception {
        JsonNode v = vector("valid", "files");
        Manifest parsed = Manifest.parse(v.get("metadata").asString());
        assertThat(Manifest.of(parsed.files()).toJson()).isEqualTo(v.get("metadata").asString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidManifestNames")
    void invalidManifestVectorWhenReadThenRefusedBeforeOrWhileSplitting(String name) throws Exception {
        JsonNode v = vector("invalidManifests", name);
        List<String> completed = new ArrayList<>();
        assertThatThrownBy(() -> {
            try (InputStream in = open(v)) {
                Manifest manifest = Manifest.parse(BarContainer.readMetadata(in));
                manifest.readContent(in, (entry, content) -> {
                    content.readAllBytes();
                    completed.add(entry.path());
                });
            }
        }).isInstanceOf(ManifestException.class);
    }

    @Test
    void invalidManifestVectorsWhenListedThenEveryRuleOfTheSpecIsThere() throws Exception {
        assertThat(invalidManifestNames()).contains("dot-dot-segment", "leading-slash", "duplicate-path-by-case",
                "path-prefix-of-another", "sizes-do-not-add-up", "content-longer-than-size", "content-shorter-than-size",
                "too-many-files");
    }

    @Test
    void readWhenPathHasDotDotSegmentThenRefused() {
        assertRefused(one("photos/../../x", 0), "\"..\" segment");
    }

    @Test
    void readWhenPathHasDotSegmentThenRefused() {
        assertRefused(one("./x", 0), "\".\" segment");
    }

    @Test
    void readWhenPathStartsWithSlashThenRefused() {
        assertRefused(one("/etc/passwd", 0), "starts with \"/\"");
    }

    @Test
    void readWhenPathHasEmptySegmentThenRefused() {
        assertRefused(one("a//b", 0), "empty segment");
    }

    @Test
    void readWhenPathEndsWithSlashThenRefused() {
        assertRefused(one("a/", 0), "empty segment");
    }

    @Test
    void readWhenPathIsEmptyThenRefused() {
        assertRefused(one("", 0), "empty segment");
    }

    @Test
    void readWhenPathHasBackslashThenRefused() {
        assertRefused(one("a\\b", 0), "\"\\\"");
    }

    @Test
    void readWhenPathHasColonThenRefused() {
        assertRefused(one("C:x", 0), "\":\"");
    }

    @Test
    void readWhenPathHasControlCharacterThenRefused() {
        assertRefused(one("a\u0007b", 0), "control character");
    }

    @Test
    void readWhenPathHasDeleteCharacterThenRefused() {
        assertRefused(one("a\u007fb", 0), "control character");
    }

    @Test
    void readWhenPathIsNotNfcThenRefused() {
        assertRefused(one("e\u0301.txt", 0), "NFC");
    }

    @Test
    void readWhenPathHasLoneSurrogateThenRefused() {
        assertRefused("{\"files\":[{\"path\":\"a\\ud800\",\"size\":0}],\"size\":0}", "not valid Unicode");
    }

    @Test
    void readWhenSegmentLongerThan255BytesThenRefused() {
        assertRefused(one("a/" + "\u00e9".repeat(128), 0), "segment longer than 255 bytes");
    }

    @Test
    void readWhenSegmentIs255BytesThenAccepted() throws Exception {
        assertThat(Manifest.parse(one("a/" + "x".repeat(255), 0)).files()).hasSize(1);
    }

    @Test
    void readWhenPathLongerThan1024BytesThenRefused() {
        assertRefused(one(("x".repeat(200) + "/").repeat(5) + "x".repeat(20), 0), "longer than 1024 bytes");
    }

    @Test
    void readWhenTwoPathsDifferOnlyByCaseThenRefused() {
        assertRefused(two("Photos/A.png", "photos/a.PNG"), "same path");
    }

    @Test
    void readWhenPathIsAlsoFolderOfAnotherThenRefused() {
        assertRefused(two("a/b/c", "a/b"), "also a folder");
    }

    @Test
    void readWhenPathIsFolderOfAnotherInOtherCaseThenRefused() {
        assertRefused(two("A/b", "a/B/c"), "also a folder");
    }

    @Test
    void readWhenTwoFilesShareAFolderThenAccepted() throws Exception {
        assertThat(Manifest.parse(two("a/b", "a/c")).files()).extracting(FileEntry::path).containsExactly("a/b", "a/c");
    }

    @Test
    void readWhenNoFilesThenRefused() {
        assertRefused("{\"files\":[],\"size\":0}", "1 to 1000 files");
    }

    @Test
    void readWhenFilesIsNotAListThenRefused() {
        assertRefused("{\"files\":{\"path\":\"a\"},\"size\":0}", "no list of files");
    }

    @Test
    void readWhenEntryHasNoPathThenRefused() {
        assertRefused("{\"files\":[{\"size\":0}],\"size\":0}", "has no path");
    }

    @Test
    void readWhenSizesDoNotAddUpThenRefused() {
        assertRefused("{\"files\":[{\"path\":\"a\",\"size\":2},{\"path\":\"b\",\"size\":3}],\"size\":6}", "add up to 5");
    }

    @Test
    void readWhenTotalSizeMissingThenRefused() {
        assertRefused("{\"files\":[{\"path\":\"a\",\"size\":2}]}", "size is missing");
    }

    @Test
    void readWhenSizeNegativeThenRefused() {
        assertRefused(one("a", -1), "not an integer");
    }

    @Test
    void readWhenSizeFractionalThenRefused() {
        assertRefused("{\"files\":[{\"path\":\"a\",\"size\":1.5}],\"size\":1.5}", "not an integer");
    }

    @Test
    void readWhenSizeAbove2To53Minus1ThenRefused() {
        assertRefused(one("a", 1L << 53), "not an integer");
    }

    @Test
    void readWhenSizeIsAStringThenRefused() {
        assertRefused("{\"files\":[{\"path\":\"a\",\"size\":\"1\"}],\"size\":1}", "not a number");
    }

    @Test
    void readWhenTypeLongerThan255BytesThenRefused() {
        assertRefused("{\"files\":[{\"path\":\"a\",\"type\":\"" + "x".repeat(256) + "\",\"size\":0}],\"size\":0}",
                "type is longer than 255 bytes");
    }

    @Test
    void readWhenTypeAbsentThenOctetStream() throws Exception {
        assertThat(Manifest.parse(one("a", 0)).files().get(0).type()).isEqualTo("application/octet-stream");
    }

    @Test
    void readWhenFieldsInAnotherOrderAndUnknownFieldsThenAccepted() throws Exception {
        Manifest manifest = Manifest.parse("{\"size\":3,\"future\":true,\"files\":[{\"size\":3,\"mtime\":1,\"type\":\"text/plain\",\"path\":\"a\"}]}");
        assertThat(manifest.files()).containsExactly(new FileEntry("a", "text/plain", 3));
    }

    @Test
    void readWhenAFieldIsRepeatedThenRefused() {
        assertRefused("{\"files\":[{\"path\":\"a\",\"path\":\"../b\",\"size\":0}],\"size\":0}", "repeats a field");
    }

    @Test
    void readWhenNotJsonThenRefused() {
        assertRefused("{\"files\":", "not JSON");
    }

    @Test
    void isManifestWhenSingleFileMetadataThenFalse() {
        assertThat(Manifest.isManifest("{\"name\":\"a.pdf\",\"type\":\"application/pdf\",\"size\":70}")).isFalse();
    }

    @Test
    void isManifestWhenFilesFieldThenTrue() {
        assertThat(Manifest.isManifest(one("a", 0))).isTrue();
    }

    @Test
    void writeWhenMoreThan1000FilesThenRefused() {
        List<FileEntry> files = new ArrayList<>();
        for (int i = 0; i <= Manifest.MAX_FILES; i++) {
            files.add(new FileEntry("f" + i, null, 0));
        }
        assertThatThrownBy(() -> Manifest.of(files)).isInstanceOf(ManifestException.class).hasMessageContaining("1 to 1000 files");
    }

    @Test
    void writeWhenManifestLargerThan64KiBThenRefusedWithAClearMessage() {
        List<FileEntry> files = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            files.add(new FileEntry("x".repeat(200) + "/" + i, null, 0));
        }
        assertThatThrownBy(() -> Manifest.of(files)).isInstanceOf(ManifestException.class)
                .hasMessageContaining("more than the 65536 a share's metadata may hold");
    }

    @Test
    void writeWhenPathBreaksARuleThenRefused() {
        assertThatThrownBy(() -> Manifest.of(List.of(new FileEntry("../a", null, 0)))).isInstanceOf(ManifestException.class);
    }

    @Test
    void writeWhenTwoFilesThenSizeIsTheSum() throws Exception {
        Manifest manifest = Manifest.of(List.of(new FileEntry("a", null, 2), new FileEntry("d/b", "image/png", 5)));
        assertThat(manifest.size()).isEqualTo(7);
        assertThat(manifest.toJson()).isEqualTo("{\"files\":[{\"path\":\"a\",\"type\":\"application/octet-stream\",\"size\":2},"
                + "{\"path\":\"d/b\",\"type\":\"image/png\",\"size\":5}],\"size\":7}");
    }

    @Test
    void readContentWhenContentShorterThenRefused() throws Exception {
        Manifest manifest = Manifest.parse(one("a", 5));
        assertThatThrownBy(() -> manifest.readContent(new ByteArrayInputStream(new byte[4]), (e, c) -> c.readAllBytes()))
                .isInstanceOf(ManifestException.class).hasMessageContaining("shorter");
    }

    @Test
    void readContentWhenContentLongerThenRefused() throws Exception {
        Manifest manifest = Manifest.parse(one("a", 5));
        assertThatThrownBy(() -> manifest.readContent(new ByteArrayInputStream(new byte[6]), (e, c) -> c.readAllBytes()))
                .isInstanceOf(ManifestException.class).hasMessageContaining("longer");
    }

    @Test
    void readContentWhenSinkReadsNothingThenNextFileStillStartsAtItsOffset() throws Exception {
        Manifest manifest = Manifest.parse(two("a", "b"));
        List<String> seen = new ArrayList<>();
        manifest.readContent(new ByteArrayInputStream("xyz".getBytes(StandardCharsets.UTF_8)), (entry, content) -> {
            if (entry.path().equals("b")) {
                seen.add(new String(content.readAllBytes(), StandardCharsets.UTF_8));
            }
        });
        assertThat(seen).containsExactly("yz");
    }

    @Test
    void sealWhenManifestAndFilesThenRoundTrips() throws Exception {
        byte[] key = ShareKeys.derive(ShareKeys.newLinkKey()).contentKey();
        Manifest manifest = Manifest.of(List.of(new FileEntry("one.txt", "text/plain", 3), new FileEntry("dir/two.bin", null, 2)));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (var sealed = BarContainer.seal(out, key, false)) {
            BarContainer.writeMetadata(sealed, manifest.toJson());
            sealed.write("abcde".getBytes(StandardCharsets.UTF_8));
        }
        Map<String, String> files = new LinkedHashMap<>();
        try (InputStream in = BarContainer.open(new ByteArrayInputStream(out.toByteArray()), key)) {
            Manifest.parse(BarContainer.readMetadata(in)).readContent(in,
                    (entry, content) -> files.put(entry.path(), new String(content.readAllBytes(), StandardCharsets.UTF_8)));
        }
        assertThat(files).containsExactly(Map.entry("one.txt", "abc"), Map.entry("dir/two.bin", "de"));
    }

    static Stream<String> invalidManifestNames() throws IOException {
        List<String> names = new ArrayList<>();
        vectors().get("invalidManifests").forEach(v -> names.add(v.get("name").asString()));
        return names.stream();
    }

    private static void assertRefused(String json, String message) {
        assertThatThrownBy(() -> Manifest.parse(json)).isInstanceOf(ManifestException.class).hasMessageContaining(message);
    }

    private static String one(String path, long size) {
        return JSON.writeValueAsString(Map.of("files", List.of(Map.of("path", path, "size", size)), "size", size));
    }

    private static String two(String first, String second) {
        return JSON.writeValueAsString(Map.of("files", List.of(Map.of("path", first, "size", 1), Map.of("path", second, "size", 2)),
                "size", 3));
    }

    private static InputStream open(JsonNode v) throws Exception {
        ShareKeys keys = ShareKeys.derive(b64(v.get("linkKey").asString()));
        return BarContainer.open(new ByteArrayInputStream(b64(v.get("container").asString())), keys.contentKey());
    }

    private static JsonNode vector(String list, String name) throws IOException {
        for (JsonNode v : vectors().get(list)) {
            if (v.get("name").asString().equals(name)) {
                return v;
            }
        }
        throw new AssertionError("no vector " + name + " in " + list);
    }

    private static JsonNode vectors() throws IOException {
        return JSON.readTree(Files.readString(Vectors.FILE));
    }

    private static byte[] b64(String s) {
        return Base64.getUrlDecoder().decode(s);
    }
}
