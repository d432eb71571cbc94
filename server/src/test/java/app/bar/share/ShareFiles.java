package app.bar.share;

import app.bar.support.TestBackends;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Test data and a look at what the blob store holds on disk. */
public final class ShareFiles {

    public static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};

    private ShareFiles() {
    }

    /** Pseudo-random bytes with a readable marker repeated through them. */
    public static byte[] withMarker(int size, String marker, long seed) {
        byte[] data = new byte[size];
        new Random(seed).nextBytes(data);
        byte[] m = marker.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        for (int at = 0; at + m.length < size; at += 100_000) {
            System.arraycopy(m, 0, data, at, m.length);
        }
        return data;
    }

    public static byte[] png(int size) {
        byte[] data = withMarker(size, "PNGMARK", 7);
        System.arraycopy(PNG_MAGIC, 0, data, 0, PNG_MAGIC.length);
        return data;
    }

    public static Path blobRoot() {
        return TestBackends.blobRoot();
    }

    public static Path blobOf(JdbcClient jdbc, String shareId) {
        String blob = jdbc.sql("select blob_id from shares where id = :id").param("id", shareId).query(String.class)
                .single();
        return blobRoot().resolve(blob.substring(0, 2)).resolve(blob);
    }

    public static List<Path> allBlobs() {
        if (!Files.isDirectory(blobRoot())) {
            return List.of();
        }
        // a directory the server removes while the walk reads it (an emptied fan-out directory of
        // s3proxy's file store) is no failure of the test: walk again
        for (int attempt = 1; ; attempt++) {
            try (Stream<Path> files = Files.walk(blobRoot())) {
                return files.filter(Files::isRegularFile).toList();
            } catch (IOException | UncheckedIOException e) {
                if (attempt == 5 || !(e instanceof NoSuchFileException || e.getCause() instanceof NoSuchFileException)) {
                    throw e instanceof UncheckedIOException u ? u : new UncheckedIOException((IOException) e);
                }
            }
        }
    }

    public static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
