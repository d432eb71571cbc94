package app.bar.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialsTests {

    @TempDir
    Path dir;

    @Test
    void saveWhenTokenStoredThenOwnerOnlyAndReadBack() throws Exception {
        Path config = dir.resolve("bar");
        Credentials credentials = Credentials.load(config);
        credentials.put("https://bar.example.com", "bar_pat_secret", "a@example.com", "2030-01-01T00:00:00Z");
        credentials.save();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(config))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(config.resolve(Credentials.FILE))))
                .isEqualTo("rw-------");
        Credentials again = Credentials.load(config);
        assertThat(again.token("https://bar.example.com")).isEqualTo("bar_pat_secret");
        assertThat(again.defaultServer()).isEqualTo("https://bar.example.com");
        try (var files = Files.list(config)) {
            assertThat(files).as("no temporary file left").hasSize(1);
        }
    }

    @Test
    void removeWhenLoggedOutThenTokenAndDefaultGone() {
        Credentials credentials = Credentials.load(dir);
        credentials.put("https://bar.example.com", "bar_pat_secret", null, null);
        assertThat(credentials.remove("https://bar.example.com")).isTrue();
        credentials.save();
        Credentials again = Credentials.load(dir);
        assertThat(again.token("https://bar.example.com")).isNull();
        assertThat(again.defaultServer()).isNull();
    }
}
