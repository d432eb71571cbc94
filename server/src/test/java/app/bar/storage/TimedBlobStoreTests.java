package app.bar.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TimedBlobStoreTests {

    @TempDir
    Path dir;
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    private long count(String operation, String outcome) {
        Timer timer = meters.find("bar.storage.operations").tag("operation", operation).tag("outcome", outcome).timer();
        return timer == null ? -1 : timer.count();
    }

    @Test
    void writeAndReadWhenStoreAnswersThenEachCallTimedOk() throws IOException {
        BlobStore store = new TimedBlobStore(new FileSystemBlobStore(dir), meters);
        BlobId id;
        try (BlobStore.BlobWriter writer = store.create()) {
            writer.stream().write(new byte[] {1, 2, 3});
            writer.commit();
            id = writer.id();
        }
        try (InputStream in = store.open(id)) {
            assertThat(in.readAllBytes()).containsExactly(1, 2, 3);
        }
        assertThat(store.delete(id)).isTrue();
        assertThat(count("create", "ok")).isEqualTo(1);
        assertThat(count("commit", "ok")).isEqualTo(1);
        assertThat(count("open", "ok")).isEqualTo(1);
        assertThat(count("delete", "ok")).isEqualTo(1);
    }

    @Test
    void openWhenStoreFailsThenTimedAsErrorAndFailurePassedOn() throws IOException {
        BlobStore store = new TimedBlobStore(new FileSystemBlobStore(dir), meters);
        BlobId missing;
        try (BlobStore.BlobWriter writer = store.create()) {
            missing = writer.id(); // never committed
        }
        assertThatThrownBy(() -> store.open(missing)).isInstanceOf(NoSuchFileException.class);
        assertThat(count("open", "error")).isEqualTo(1);
        assertThat(count("open", "ok")).isZero();
    }

    @Test
    void constructWhenNoCallYetThenEverySeriesRegisteredAtZero() throws IOException {
        new TimedBlobStore(new FileSystemBlobStore(dir), meters);
        for (String operation : new String[] {"create", "commit", "open", "delete"}) {
            assertThat(count(operation, "ok")).isZero();
            assertThat(count(operation, "error")).isZero();
        }
    }
}
