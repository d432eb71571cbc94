package app.bar.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A blob is visible only once committed; an abandoned write leaves nothing under a real id. */
class FileSystemBlobStoreTests {

    @TempDir
    Path dir;

    @Test
    void commitWhenWrittenThenReadableByIdAndListed() throws Exception {
        FileSystemBlobStore store = new FileSystemBlobStore(dir);
        BlobId id;
        try (BlobStore.BlobWriter writer = store.create()) {
            writer.stream().write("ciphertext".getBytes(StandardCharsets.UTF_8));
            writer.commit();
            id = writer.id();
        }
        try (var in = store.open(id)) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("ciphertext");
        }
        List<BlobId> listed = new ArrayList<>();
        store.forEach(b -> listed.add(b.id()));
        assertThat(listed).containsExactly(id);
    }

    @Test
    void closeWhenNotCommittedThenNothingKept() throws Exception {
        FileSystemBlobStore store = new FileSystemBlobStore(dir);
        BlobId id;
        try (BlobStore.BlobWriter writer = store.create()) {
            writer.stream().write(new byte[1024]);
            id = writer.id();
        }
        assertThatThrownBy(() -> store.open(id)).isInstanceOf(NoSuchFileException.class);
        try (Stream<Path> files = Files.walk(dir)) {
            assertThat(files.filter(Files::isRegularFile)).isEmpty();
        }
    }

    @Test
    void purgeIncompleteWhenPartFileOldThenRemoved() throws Exception {
        FileSystemBlobStore store = new FileSystemBlobStore(dir);
        Path crashed = dir.resolve("tmp").resolve(BlobId.random().value() + ".part");
        Files.writeString(crashed, "half");
        Files.setLastModifiedTime(crashed, FileTime.from(Instant.now().minusSeconds(7200)));
        assertThat(store.purgeIncomplete(Instant.now().minusSeconds(3600))).isEqualTo(1);
        assertThat(crashed).doesNotExist();
    }

    @Test
    void deleteWhenBlobExistsThenGone() throws Exception {
        FileSystemBlobStore store = new FileSystemBlobStore(dir);
        BlobId id;
        try (BlobStore.BlobWriter writer = store.create()) {
            writer.commit();
            id = writer.id();
        }
        assertThat(store.delete(id)).isTrue();
        assertThat(store.delete(id)).isFalse();
    }

    @Test
    void blobIdWhenNotGeneratedFormThenRefused() {
        assertThatThrownBy(() -> new BlobId("../../etc/passwd")).isInstanceOf(IllegalArgumentException.class);
    }
}
